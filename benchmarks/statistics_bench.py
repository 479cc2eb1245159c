"""Statistics figures: the dashboard for a year and the monthly report, on the generated store.

Part of ``python -m benchmarks.run``. On its own, ``python -m benchmarks.statistics_bench [--data DIR]`` measures
just these two figures on an already generated store, read as it is: the store is opened read-only and not
migrated (the statistics read only the cases, agreements, obligations, events and villages tables), so a
cached 200,000-case store can be measured while a schema change elsewhere is still in progress.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from benchmarks.harness import ROOT, Figure, timed
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
               note="counted by SQLite: flags in one pass, one GROUP BY, month counts from the index, medians in SQL"),
        Figure("statistics", f"monthly people's-mediation report ({year}-10, rows + totals + dashboard)", "ms",
               timed(lambda: statistics.mediation_report_for(store, DIRECTOR, month), repeat=repeat),
               size, target=5000),
    ]  # fmt: skip


def open_as_is(data_dir: Path) -> Store:
    """The generated store read-only, without the schema-version check (no migration)."""
    from govdesk.store.engine import Database
    from govdesk.store.store import DB_NAME

    if not (data_dir / DB_NAME).is_file():
        raise SystemExit(f"no generated store in {data_dir}: run python -m benchmarks.run first")
    return Store(data_dir, Database(data_dir / DB_NAME), None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.statistics_bench")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "store-full")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    store = open_as_is(args.data)
    try:
        figures = statistics_figures(store, str(args.data.name), args.repeat)
        # CPU time says what the work costs when the machine is shared (wall time then includes waiting).
        year, today = parse_period("2026"), dt.date(2026, 11, 1)
        started = time.process_time()
        for _ in range(args.repeat):
            statistics.dashboard_for(store, DIRECTOR, year, today=today)
        cpu_ms = (time.process_time() - started) * 1000 / args.repeat
    finally:
        store.close()
    for f in figures:
        runs = ", ".join(f"{r:.0f}" for r in f.runs)
        print(f"{f.name}: median {f.median:.0f} {f.unit} (runs {runs}; target {f.target:g} {f.unit})")
    print(f"dashboard for the year: {cpu_ms:.0f} ms of CPU time per run")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
