"""Statistics figures: the dashboard for a year and the monthly report, on the generated store.

Part of ``python -m benchmarks.run``. On its own, ``python -m benchmarks.statistics_bench [--data DIR] [--record]``
measures just these two figures on an already generated store, with the CPU time per dashboard and the machine
load beside the wall times. The statistics scan the covering index of migration 0007, so a cached store from an
older schema is migrated to the head first, as ``benchmarks.run`` does (the app's own migration, backup first).
``--record`` merges the two figures into benchmarks/results.json and docs/benchmarks.md (group ``statistics``
only; the other groups' figures stay as they are).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from pathlib import Path

from benchmarks.harness import RESULTS, ROOT, TABLE, Figure, merge_results, timed
from govdesk.reports.periods import parse_period
from govdesk.services import statistics
from govdesk.services.actor import Actor
from govdesk.store.store import Store

DIRECTOR = Actor("基准测试", "director", "benchmark")


def statistics_figures(store: Store, size: str, repeat: int, year: int = 2026) -> list[Figure]:
    period_year = parse_period(str(year))
    month = parse_period(f"{year}-10")
    today = dt.date(year, 11, 1)
    return [
        Figure("statistics", f"dashboard for the year {year} (all figures, charts' data)", "ms",
               timed(lambda: statistics.dashboard_for(store, DIRECTOR, period_year, today=today), repeat=repeat),
               size, target=1000,
               note="counted by SQLite from the covering index ix_cases_period: flags and medians in one pass, one GROUP BY, month counts from the index"),
        Figure("statistics", f"monthly people's-mediation report ({year}-10, rows + totals + dashboard)", "ms",
               timed(lambda: statistics.mediation_report_for(store, DIRECTOR, month), repeat=repeat),
               size, target=5000),
    ]  # fmt: skip


def open_migrated(data_dir: Path) -> Store:
    """The generated store read-only, migrated to the head first if it is older (as benchmarks.run does)."""
    from govdesk.store import migrate
    from govdesk.store.engine import Database
    from govdesk.store.store import DB_NAME

    if not (data_dir / DB_NAME).is_file():
        raise SystemExit(f"no generated store in {data_dir}: run python -m benchmarks.run first")
    db = Database(data_dir / DB_NAME)
    current = migrate.current_revision(db.engine)
    db.dispose()
    if current != migrate.head_revision():
        print(f"{data_dir}: schema {current} → {migrate.head_revision()}, migrating first (backup taken) …", flush=True)
        started = time.perf_counter()
        Store.open(data_dir, writer=True).close()
        print(f"  migrated in {time.perf_counter() - started:.0f} s", flush=True)
    return Store.open(data_dir, writer=False)


def size_label(store: Store) -> str:
    """What benchmarks.run calls the data ("200,000 cases / 1,000,000 persons")."""
    from sqlalchemy import text

    with store.db.read() as session:
        cases = session.execute(text("SELECT count(*) FROM cases")).scalar_one()
        persons = session.execute(text("SELECT count(*) FROM persons")).scalar_one()
    return f"{cases:,} cases / {persons:,} persons"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.statistics_bench")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "store-full")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--record", action="store_true",
                        help="merge the figures into benchmarks/results.json and docs/benchmarks.md")  # fmt: skip
    args = parser.parse_args(argv)
    store = open_migrated(args.data)
    try:
        load_before = os.getloadavg()
        figures = statistics_figures(store, size_label(store), args.repeat)
        # CPU time says what the work costs when the machine is shared (wall time then includes waiting).
        year, today = parse_period("2026"), dt.date(2026, 11, 1)
        started = time.process_time()
        for _ in range(args.repeat):
            statistics.dashboard_for(store, DIRECTOR, year, today=today)
        cpu_ms = (time.process_time() - started) * 1000 / args.repeat
        load_after = os.getloadavg()
    finally:
        store.close()
    load = f"load {load_before[0]:.1f} → {load_after[0]:.1f} (1-min average, {os.cpu_count()} cores)"
    dashboard = figures[0]
    dashboard.note += f"; CPU {cpu_ms:.0f} ms per dashboard; {load}"
    dashboard.extra.update(cpu_ms=round(cpu_ms, 1), load=[round(x, 2) for x in (*load_before, *load_after)])
    for f in figures:
        runs = ", ".join(f"{r:.0f}" for r in f.runs)
        print(f"{f.name}: median {f.median:.0f} {f.unit} (runs {runs}; target {f.target:g} {f.unit})")
    print(f"dashboard for the year: {cpu_ms:.0f} ms of CPU time per run; {load}")
    if args.record:
        size = args.data.name.removeprefix("store-")
        merge_results(figures, {"statistics"}, size)
        print(f"merged group statistics into {RESULTS} and {TABLE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
