"""Queries for exports that the case list itself does not need: the parties' ID numbers of many cases."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from govdesk.store.models import Case, CaseParty, Person


def party_id_numbers(session: Session, local_nos: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
    """For each case, its parties that have a resident ID number, in party order: (name, ID number)."""
    if not local_nos:
        return {}
    stmt = (
        select(Case.local_no, CaseParty.display_name, Person.id_number)
        .join(CaseParty, CaseParty.case_id == Case.id)
        .join(Person, Person.id == CaseParty.person_id)
        .where(Case.local_no.in_(list(local_nos)), CaseParty.deleted_at.is_(None), Person.id_number.is_not(None))
        .order_by(Case.local_no, CaseParty.position)
    )
    out: dict[int, list[tuple[str, str]]] = {}
    for local_no, name, number in session.execute(stmt):
        if number:
            out.setdefault(int(local_no), []).append((str(name), str(number)))
    return out
