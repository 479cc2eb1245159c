"""Centers, villages, grids and staff: the reference data cases hang on."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from govdesk.domain.errors import StoreError, ValidationError
from govdesk.domain.geometry import point_in_geometry
from govdesk.store.models import Center, Grid, Village
from govdesk.store.records import CenterInfo, NamedRef


def local_center(session: Session) -> Center:
    center = session.scalar(select(Center).where(Center.is_local.is_(True)))
    if center is None:
        raise StoreError("本地数据库还没有设置本中心信息。请先运行 govdesk init 或在首次启动时完成设置。")
    return center


def center_info(center: Center) -> CenterInfo:
    return CenterInfo(center.id, center.code, center.name, center.committee_name, center.station_no)


def villages(session: Session) -> list[NamedRef]:
    rows = session.scalars(select(Village).where(Village.deleted_at.is_(None)).order_by(Village.code))
    return [NamedRef(v.id, v.code, v.name) for v in rows]


def grids(session: Session) -> list[Grid]:
    return list(session.scalars(select(Grid).where(Grid.deleted_at.is_(None)).order_by(Grid.code)))


def village_by_name(session: Session, name: str) -> Village:
    village = session.scalar(select(Village).where(Village.name == name, Village.deleted_at.is_(None)))
    if village is None:
        known = "、".join(v.name for v in villages(session)[:20]) or "（还没有登记村/社区）"
        raise ValidationError(f"村（社区）“{name}”不存在。已有：{known}。", "village")
    return village


def grid_by_code(session: Session, code: str) -> Grid:
    grid = session.scalar(select(Grid).where(Grid.code == code, Grid.deleted_at.is_(None)))
    if grid is None:
        raise ValidationError(f"网格编码“{code}”不存在，请核对。", "grid_code")
    return grid


def grid_at(session: Session, latitude: float, longitude: float) -> Grid | None:
    """The grid whose boundary contains the point (WGS-84)."""
    for grid in grids(session):
        if grid.boundary and point_in_geometry(longitude, latitude, grid.boundary):
            return grid
    return None
