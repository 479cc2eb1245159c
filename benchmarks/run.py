"""Run the benchmark suite: ``python -m benchmarks.run [--size tiny|full]``.

``full`` is what the figures in docs/benchmarks.md come from (200,000 cases / 1,000,000 persons).
``tiny`` runs every benchmark on small data so the code does not rot; CI runs it and asserts no timing.
``--sync`` adds the sync benchmarks (benchmarks/sync_bench.py, also runnable alone); without it the sync figures
already in the results file are kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import store_bench
from benchmarks.harness import RESULTS, ROOT, TABLE, Figure, load_results, machine, write_results
from govdesk.store.store import Store

SIZES = {
    # cases, persons, repeat, durability saves
    "tiny": (1_000, 3_000, 2, 20),
    "full": (200_000, 1_000_000, 5, 300),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.run")
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--table", type=Path, default=TABLE)
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="where generated stores are cached")
    parser.add_argument("--sync", action="store_true",
                        help="also the sync benchmarks (benchmarks/sync_bench.py; many minutes at full size); "
                             "without it the sync figures already in the results file are kept")  # fmt: skip
    args = parser.parse_args(argv)
    n_cases, n_persons, repeat, saves = SIZES[args.size]
    size_label = f"{n_cases:,} cases / {n_persons:,} persons"
    figures: list[Figure] = []

    print(f"store: building {size_label} …")
    data_dir = store_bench.build_store(args.data / f"store-{args.size}", n_cases, n_persons)
    Store.open(data_dir, writer=True).close()  # a cached store from an older schema is migrated first
    store = Store.open(data_dir, writer=False)
    try:
        print("store: search …")
        figures += store_bench.search_figures(store, size_label, repeat)
        print("store: filter/sort …")
        figures += store_bench.filter_figures(store, size_label, repeat)
        print("statistics …")
        from benchmarks.statistics_bench import statistics_figures

        figures += statistics_figures(store, size_label, repeat)
    finally:
        store.close()
    print("store: cold start and memory …")
    figures += store_bench.startup_figures(data_dir, size_label, repeat)
    print("documents …")
    from benchmarks.documents_bench import document_figures

    figures += document_figures(size_label if args.size == "full" else f"tiny {size_label}", repeat)
    print("maps …")
    from benchmarks.maps_bench import map_figures

    figures += map_figures(size_label, repeat) if args.size == "full" else map_figures(size_label, 1, sizes=(5000,))
    print("durability …")
    with tempfile.TemporaryDirectory() as tmp:
        figures += store_bench.durability_figures(Path(tmp), f"{saves} saves", saves)

    info: dict[str, Any] = {
        "machine": machine(),
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "size": args.size,
    }
    old_info, old = load_results(args.results)
    if args.sync:
        print("sync …")
        from benchmarks.sync_bench import sync_figures

        figures += sync_figures(args.size, args.data)
    elif any(f.group == "sync" for f in old):  # measured by their own run: keep them and say when
        figures += [f for f in old if f.group == "sync"]
        info["group_dates"] = {"sync": old_info.get("group_dates", {}).get("sync", "earlier")}
    write_results(figures, args.size, args.results, args.table, info=info)
    for f in figures:
        print(f"  {f.group:10} {f.name:70} {f.median:10.1f} {f.unit}")
    print(f"wrote {args.results} and {args.table}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
