"""Per-township overview: cases held and last sync (the `stats` command and the read-only web page)."""

from __future__ import annotations

import datetime as dt
import html as html_lib
from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from govdesk.server.models import devices, rows


@dataclass(frozen=True)
class CenterStats:
    center_code: str
    cases: int
    last_sync: dt.datetime | None
    devices: int

    def as_json(self) -> dict[str, object]:
        return {"center_code": self.center_code, "cases": self.cases,
                "last_sync": self.last_sync.isoformat(timespec="seconds") + "Z" if self.last_sync else None,
                "devices": self.devices}  # fmt: skip


def stats(conn: Connection) -> list[CenterStats]:
    cases: dict[str, int] = dict(conn.execute(
        select(rows.c.owner, func.count()).where(rows.c.table_name == "cases", rows.c.deleted.is_(False))
        .group_by(rows.c.owner)).all())  # fmt: skip
    synced = {code: (last, n) for code, last, n in conn.execute(
        select(devices.c.center_code, func.max(devices.c.last_sync), func.count())
        .where(devices.c.revoked_at.is_(None)).group_by(devices.c.center_code))}  # fmt: skip
    codes = sorted(set(cases) | set(synced))
    return [CenterStats(c, int(cases.get(c, 0)), synced.get(c, (None, 0))[0], int(synced.get(c, (None, 0))[1]))
            for c in codes if c != "county"]  # fmt: skip


def html(items: list[CenterStats]) -> str:
    body = "".join(
        f"<tr><td>{html_lib.escape(s.center_code)}</td><td>{s.cases}</td><td>{s.devices}</td>"
        f"<td>{s.last_sync.strftime('%Y-%m-%d %H:%M') + ' UTC' if s.last_sync else '从未同步'}</td></tr>"
        for s in items
    )
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>县级综治数据同步概况</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}td,th{{border:1px solid #999;
padding:4px 12px}}th{{background:#eee}}</style></head><body><h1>各乡镇同步概况</h1>
<table><tr><th>中心代码</th><th>事项数</th><th>设备数</th><th>最后同步</th></tr>{body}</table></body></html>"""
