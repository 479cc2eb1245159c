"""Reading cases, persons and store information (no writes, no audit)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from govdesk.domain.errors import NotFound
from govdesk.store import cases_repo, persons_repo, reference_repo
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.models import Case, Grid, Organisation, Person, Village
from govdesk.store.records import CaseDetail, CaseLifecycle, CaseRow, CenterInfo, NamedRef, PersonRow
from govdesk.store.store import Store


def case_local_nos(store: Store, flt: CaseFilter, sort: str = "created_at", descending: bool = True) -> list[int]:
    with store.db.read() as session:
        return cases_repo.case_local_nos(session, flt, sort, descending)


def case_count(store: Store, flt: CaseFilter) -> int:
    with store.db.read() as session:
        return cases_repo.count_cases(session, flt)


def case_page(store: Store, flt: CaseFilter, sort: str, descending: bool, offset: int, limit: int) -> list[CaseRow]:
    """One page of the case list (the list model fetches pages lazily as the user scrolls)."""
    with store.db.read() as session:
        return cases_repo.case_rows(session, cases_repo.case_page(session, flt, sort, descending, offset, limit))


def case_rows(store: Store, local_nos: Sequence[int]) -> list[CaseRow]:
    with store.db.read() as session:
        return cases_repo.case_rows(session, local_nos)


def list_cases(store: Store, flt: CaseFilter, limit: int | None = None) -> list[CaseRow]:
    """Every matching case (newest first), fetched in pages to keep memory flat."""
    with store.db.read() as session:
        nos = cases_repo.case_local_nos(session, flt)
        if limit is not None:
            nos = nos[:limit]
        rows: list[CaseRow] = []
        for start in range(0, len(nos), 1000):
            rows.extend(cases_repo.case_rows(session, nos[start : start + 1000]))
        return rows


def show_case(store: Store, number: str) -> CaseDetail:
    with store.db.read() as session:
        case = cases_repo.find_case(session, number.strip())
        if case is None:
            raise NotFound(f"没有编号为“{number}”的事项，请核对编号（可用 govdesk case list 查找）。")
        return cases_repo.case_detail(session, case)


def show_case_by_local_no(store: Store, local_no: int) -> CaseDetail:
    with store.db.read() as session:
        case = session.scalar(select(Case).where(Case.local_no == local_no))
        if case is None:
            raise NotFound("这个事项已不存在（可能已被删除），请刷新列表。")
        return cases_repo.case_detail(session, case)


def case_lifecycle(store: Store, local_no: int) -> CaseLifecycle:
    """The case with its timeline, agreements, referrals, deadline, risk reasons and the actions allowed now."""
    with store.db.read() as session:
        case = session.scalar(select(Case).where(Case.local_no == local_no))
        if case is None:
            raise NotFound("这个事项已不存在（可能已被删除），请刷新列表。")
        return cases_repo.case_lifecycle(session, case)


def case_lifecycle_by_number(store: Store, number: str) -> CaseLifecycle:
    with store.db.read() as session:
        case = cases_repo.find_case(session, number.strip())
        if case is None:
            raise NotFound(f"没有编号为“{number}”的事项，请核对编号（可用 govdesk case list 查找）。")
        return cases_repo.case_lifecycle(session, case)


def due_filter(due: str) -> dict[str, object]:
    """The CaseFilter fields for the overdue / due-soon lists, counted from today's China date."""
    from govdesk.domain.clock import china_today
    from govdesk.services.lifecycle import deadline_rules

    rules = deadline_rules()
    return {"due": due, "today": china_today(), "due_soon_days": rules.due_soon_days,
            "confirmation_warn_days": rules.confirmation_warn_days}  # fmt: skip


def search_persons(store: Store, text: str) -> list[PersonRow]:
    with store.db.read() as session:
        return persons_repo.search_persons(session, text)


def person_case_rows(store: Store, person_id: str) -> list[CaseRow]:
    with store.db.read() as session:
        return cases_repo.case_rows(session, persons_repo.person_case_local_nos(session, person_id))


def villages(store: Store) -> list[NamedRef]:
    with store.db.read() as session:
        return reference_repo.villages(session)


@dataclass(frozen=True)
class StoreInfo:
    center: CenterInfo | None
    store_path: str
    schema_version: str | None
    counts: dict[str, int]


def store_info(store: Store) -> StoreInfo:
    with store.db.read() as session:
        try:
            center: CenterInfo | None = reference_repo.center_info(reference_repo.local_center(session))
        except Exception:  # noqa: BLE001 - a store without a center is still worth describing
            center = None
        counts = {}
        for key, model in (("cases", Case), ("persons", Person), ("organisations", Organisation),
                           ("villages", Village), ("grids", Grid)):  # fmt: skip
            counts[key] = int(session.scalar(select(func.count()).select_from(model).where(model.deleted_at.is_(None))) or 0)
    return StoreInfo(center, str(store.path), store.schema_version(), counts)
