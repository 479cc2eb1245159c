"""Queries and writes for the map: case points, village and grid boundaries, grid import.

Case points are read as plain columns (no ORM objects: a map may show 50,000 cases) with the very filter
the case list uses, so the map always shows what the list shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

# The list's own filter (the one place that knows what "kind = dispute, open only, overdue" means).
from govdesk.store.cases_repo import CaseFilter, _apply_filter
from govdesk.store.models import Case, Grid, Village


class MapCaseRow(NamedTuple):
    local_no: int
    number: str
    kind: str
    category: str | None
    risk: str
    latitude: float | None
    longitude: float | None
    occurred_at: dt.date | None
    created_at: dt.datetime


class AreaRow(NamedTuple):
    id: str
    code: str
    name: str
    boundary: dict[str, Any] | None
    village_id: str | None  # grids: their village; villages: None
    is_community: bool
    officer_name: str  # grids only


class GridExportRow(NamedTuple):
    code: str
    name: str
    village_code: str
    village_name: str
    officer_name: str
    boundary: dict[str, Any] | None


_CASE_COLUMNS: tuple[Any, ...] = (
    Case.local_no, Case.number, Case.kind, Case.category, Case.risk, Case.latitude, Case.longitude,
    Case.occurred_at, Case.created_at,
)  # fmt: skip


def map_case_rows(session: Session, flt: CaseFilter) -> list[MapCaseRow]:
    """Every case the list would show for ``flt`` (with or without coordinates), in registration order."""
    stmt = _apply_filter(select(*_CASE_COLUMNS), flt).order_by(Case.local_no)
    return [MapCaseRow(*row) for row in session.execute(stmt)]


def village_areas(session: Session) -> list[AreaRow]:
    stmt = (
        select(Village.id, Village.code, Village.name, Village.boundary, Village.is_community)
        .where(Village.deleted_at.is_(None))
        .order_by(Village.code)
    )
    return [
        AreaRow(i, code, name, boundary, None, bool(community), "")
        for i, code, name, boundary, community in session.execute(stmt)
    ]


def grid_areas(session: Session) -> list[AreaRow]:
    stmt = (
        select(Grid.id, Grid.code, Grid.name, Grid.boundary, Grid.village_id, Grid.officer_name)
        .where(Grid.deleted_at.is_(None))
        .order_by(Grid.code)
    )
    return [AreaRow(i, code, name, boundary, village, False, officer or "")
            for i, code, name, boundary, village, officer in session.execute(stmt)]  # fmt: skip


def grid_export_rows(session: Session) -> list[GridExportRow]:
    stmt = (
        select(Grid.code, Grid.name, Village.code, Village.name, Grid.officer_name, Grid.boundary)
        .join(Village, Village.id == Grid.village_id)
        .where(Grid.deleted_at.is_(None))
        .order_by(Grid.code)
    )
    return [GridExportRow(*row) for row in session.execute(stmt)]


def villages_by_code(session: Session) -> dict[str, tuple[str, str]]:
    """Live villages: code → (id, name)."""
    stmt = select(Village.code, Village.id, Village.name).where(Village.deleted_at.is_(None))
    return {code: (vid, name) for code, vid, name in session.execute(stmt)}


def grids_by_code(session: Session, codes: Iterable[str]) -> dict[str, Grid]:
    """Grids with these codes, tombstoned ones included (a re-imported code brings its grid back)."""
    wanted = list(codes)
    found: dict[str, Grid] = {}
    for start in range(0, len(wanted), 500):
        for grid in session.scalars(select(Grid).where(Grid.code.in_(wanted[start : start + 500]))):
            found[grid.code] = grid
    return found


def add_grid(
    session: Session, center_id: str, village_id: str, code: str, name: str, officer_name: str,
    officer_phone: str, boundary: dict[str, Any],
) -> Grid:  # fmt: skip
    grid = Grid(center_id=center_id, village_id=village_id, code=code, name=name, officer_name=officer_name,
                officer_phone=officer_phone, boundary=boundary)  # fmt: skip
    session.add(grid)
    return grid
