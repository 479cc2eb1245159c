"""Local rows as wire data and back: which columns travel, how values are written as JSON, and writing a row that
came from the server (inserting or updating it, giving a new case its local number)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Table, func, insert, select, update
from sqlalchemy.orm import Session

from govdesk.store.models import Base
from govdesk.sync.protocol import SYNCED_TABLES, Json

# Columns that are this installation's own business and never travel.
LOCAL_COLUMNS: dict[str, frozenset[str]] = {
    "cases": frozenset({"local_no"}),
    "centers": frozenset({"is_local", "station_no"}),
}


def table(name: str) -> Table:
    if name not in SYNCED_TABLES:
        raise KeyError(name)
    return Base.metadata.tables[name]


def wire_columns(name: str) -> list[str]:
    skip = LOCAL_COLUMNS.get(name, frozenset())
    return [c.name for c in table(name).columns if c.name not in skip]


def encode_value(value: Any) -> Json:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def decode_value(column_type: Any, value: Json) -> Any:
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat(str(value).removesuffix("Z"))
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(str(value)[:10])
    if isinstance(column_type, Boolean):
        return bool(value)
    if isinstance(column_type, Integer) and not isinstance(value, bool):
        return int(value)
    if isinstance(column_type, Float):
        return float(value)
    return value


def read_row(session: Session, name: str, row_id: str) -> dict[str, Json] | None:
    """The row as wire data, or None when it is not (or no longer) in the table."""
    t = table(name)
    cols = wire_columns(name)
    row = session.execute(select(*[t.c[c] for c in cols]).where(t.c.id == row_id)).first()
    if row is None:
        return None
    return {c: encode_value(v) for c, v in zip(cols, row, strict=True)}


def read_rows(session: Session, name: str, row_ids: list[str]) -> dict[str, dict[str, Json]]:
    t = table(name)
    cols = wire_columns(name)
    out: dict[str, dict[str, Json]] = {}
    for start in range(0, len(row_ids), 500):
        stmt = select(*[t.c[c] for c in cols]).where(t.c.id.in_(row_ids[start : start + 500]))
        for row in session.execute(stmt):
            data = {c: encode_value(v) for c, v in zip(cols, row, strict=True)}
            out[str(data["id"])] = data
    return out


def write_row(session: Session, name: str, row_id: str, data: dict[str, Json], *, exists: bool) -> None:
    """Write server data into the local row (unknown fields from a newer schema are ignored)."""
    t = table(name)
    skip = LOCAL_COLUMNS.get(name, frozenset())
    values = {c: decode_value(t.c[c].type, v) for c, v in data.items() if c in t.c and c not in skip and c != "id"}
    if exists:
        if values:
            if "updated_at" in t.c and "updated_at" not in values:
                values["updated_at"] = t.c.updated_at  # keep it: the column's onupdate would stamp local time
            session.execute(update(t).where(t.c.id == row_id).values(**values))
        return
    values["id"] = row_id
    if name == "cases":
        values["local_no"] = (session.scalar(select(func.max(t.c.local_no))) or 0) + 1
    if name == "centers":
        values["is_local"] = False
    for column in t.columns:  # columns a newer peer has and we don't, or fields an older peer never sent
        if column.name not in values and not column.nullable and column.default is None and not column.primary_key:
            values[column.name] = _empty(column.type)
    session.execute(insert(t).values(**values))


def _empty(column_type: Any) -> Any:
    if isinstance(column_type, DateTime):
        return dt.datetime(1970, 1, 1)
    if isinstance(column_type, Date):
        return dt.date(1970, 1, 1)
    if isinstance(column_type, Integer | Float):
        return 0
    if isinstance(column_type, Boolean):
        return False
    return ""


def dumps_data(data: dict[str, Json]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
