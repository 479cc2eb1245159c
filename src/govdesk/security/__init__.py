"""Accounts, roles and permissions, password hashing and the audit hash chain (no Qt, no SQL)."""
