"""Printable people's-mediation documents (Ministry of Justice formats, 2010): pure functions from plain data
(``documents.data``) to PDF bytes. No store, no Qt: the services layer gathers the data and assigns numbers.

``build.build_document(kind, case_file, issue, fonts)`` is the entry point; ``catalog`` lists the kinds.
"""
