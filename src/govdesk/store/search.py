"""Full-text search that works for Chinese: trigram FTS for 3+ characters, a per-character index for 1–2.

User text is only ever bound as a parameter and quoted as one FTS5 phrase, so %, _, quotes and FTS5
operators (AND, OR, NEAR, *, ^) match literally.
"""

from __future__ import annotations

import re

from govdesk.store.engine import spaced_characters

_ID_LIKE = re.compile(r"[0-9]{6,17}[0-9Xx]", re.ASCII)


def fts_phrase(term: str) -> str:
    """One FTS5 string literal: the term taken literally."""
    return '"' + term.replace('"', '""') + '"'


def matching_local_nos_sql(search: str) -> tuple[str, dict[str, str]] | None:
    """SQL selecting ``local_no`` of cases that match every whitespace-separated term of ``search``."""
    terms = search.split()
    if not terms:
        return None
    parts: list[str] = []
    params: dict[str, str] = {}
    for i, term in enumerate(terms[:8]):
        key = f"q{i}"
        if _ID_LIKE.fullmatch(term):
            # An ID or phone number: exact match on the person (indexed); names never look like this.
            params[key] = term.upper()
            parts.append(
                "SELECT c.local_no FROM cases c JOIN case_parties cp ON cp.case_id = c.id "
                f"JOIN persons p ON p.id = cp.person_id WHERE p.id_number = :{key} OR p.phone = :{key} "
                f"UNION SELECT rowid FROM case_fts WHERE case_fts MATCH :{key}_fts"
            )
            params[f"{key}_fts"] = fts_phrase(term)
        elif len(term) >= 3:
            params[key] = fts_phrase(term)
            parts.append(f"SELECT rowid FROM case_fts WHERE case_fts MATCH :{key}")
        else:
            spaced = spaced_characters(term)
            if spaced and len(spaced.replace(" ", "")) == len(term):
                params[key] = fts_phrase(spaced)
                parts.append(f"SELECT rowid FROM case_fts_short WHERE case_fts_short MATCH :{key}")
            else:
                # Punctuation or symbols: a literal substring scan (rare; instr has no wildcards).
                params[key] = term
                parts.append(
                    f"SELECT local_no FROM cases WHERE instr(title, :{key}) > 0 OR instr(party_names, :{key}) > 0 "
                    f"OR instr(address, :{key}) > 0"
                )
    return " INTERSECT ".join(parts), params

