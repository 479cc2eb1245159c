"""Comparing replicas after a sync: a township store's synced rows as wire data, the server's copy of a center,
and the differences between two such sets (rows missing on one side, fields that differ)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from sqlalchemy import text

from govdesk.store.engine import Database
from govdesk.sync import rows
from govdesk.sync.protocol import SYNCED_TABLES, canonical

Key = tuple[str, str]  # (table, row id)


def local_rows(db: Database) -> dict[Key, dict[str, Any]]:
    """Every row of every synced table, as it would travel (local-only columns left out)."""
    out: dict[Key, dict[str, Any]] = {}
    with db.read() as session:
        for name in SYNCED_TABLES:
            ids = [str(i) for (i,) in session.execute(text(f"SELECT id FROM {name}"))]
            for row_id, data in rows.read_rows(session, name, ids).items():
                out[(name, row_id)] = data
    return out


def local_counts(db: Database) -> Counter[str]:
    with db.read() as session:
        return Counter({name: int(session.scalar(text(f"SELECT count(*) FROM {name}")) or 0) for name in SYNCED_TABLES})


def server_data(center_rows: dict[Key, tuple[int, dict[str, Any]]]) -> dict[Key, dict[str, Any]]:
    return {key: data for key, (_, data) in center_rows.items()}


def differences(mine: dict[Key, dict[str, Any]], theirs: dict[Key, dict[str, Any]], *, here: str = "local",
                there: str = "server", ignore: frozenset[str] = frozenset(), limit: int = 12) -> list[str]:  # fmt: skip
    """What differs between two replicas, in words (empty when they hold the same rows with the same data);
    fields named in ``ignore`` are not compared."""
    problems = [f"{t}/{r} only on the {here} side" for t, r in sorted(mine.keys() - theirs.keys())]
    problems += [f"{t}/{r} only on the {there} side" for t, r in sorted(theirs.keys() - mine.keys())]
    for key in sorted(mine.keys() & theirs.keys()):
        a, b = mine[key], theirs[key]
        for name in sorted((a.keys() | b.keys()) - ignore):
            if not same_value(a.get(name), b.get(name)):
                problems.append(f"{key[0]}/{key[1]}.{name}: {here} {json.dumps(a.get(name), ensure_ascii=False)[:80]}"
                                f" != {there} {json.dumps(b.get(name), ensure_ascii=False)[:80]}")  # fmt: skip
    if len(problems) > limit:
        problems = [*problems[:limit], f"... and {len(problems) - limit} more"]
    return problems


def same_value(a: Any, b: Any) -> bool:
    """Equal as JSON, or the same instant written two ways ("…T08:00:00" and "…T08:00:00.000000")."""
    if canonical(a) == canonical(b):
        return True
    if isinstance(a, str) and isinstance(b, str) and len(a) >= 19 and len(b) >= 19:
        try:
            return dt.datetime.fromisoformat(a.removesuffix("Z")) == dt.datetime.fromisoformat(b.removesuffix("Z"))
        except ValueError:
            return False
    return False


def duplicate_case_numbers(data: dict[Key, dict[str, Any]]) -> list[str]:
    numbers = Counter(str(d.get("number")) for (t, _), d in data.items() if t == "cases")
    return sorted(n for n, c in numbers.items() if c > 1)


def outbox(db: Database) -> dict[str, int]:
    """Outbox entries by state, and attachment contents not yet uploaded."""
    with db.read() as session:
        states = {str(state): int(n) for state, n in session.execute(text(
            "SELECT state, count(*) FROM sync_outbox GROUP BY state"))}  # fmt: skip
        blobs = int(session.scalar(text("SELECT count(*) FROM sync_blobs WHERE state = 'pending'")) or 0)
    return {**states, "blobs_pending": blobs}
