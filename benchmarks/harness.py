"""Measuring and recording figures: median and spread of several runs, the limit beside each, the machine."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results.json"
TABLE = ROOT.parent / "docs" / "benchmarks.md"


@dataclass
class Figure:
    group: str
    name: str
    unit: str
    runs: list[float]
    data_size: str
    target: float | None = None  # what we hold ourselves to (None: no numeric target)
    limit: float | None = None  # the floor: what the bare platform needs for the same work
    limit_what: str = ""
    note: str = ""
    lower_is_better: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def spread(self) -> tuple[float, float]:
        return (min(self.runs), max(self.runs))

    @property
    def ratio(self) -> float | None:
        if self.limit in (None, 0):
            return None
        return self.median / self.limit  # type: ignore[operator]

    @property
    def meets_target(self) -> bool | None:
        if self.target is None:
            return None
        return self.median <= self.target if self.lower_is_better else self.median >= self.target

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(median=self.median, min=self.spread[0], max=self.spread[1], ratio=self.ratio,
                    meets_target=self.meets_target)  # fmt: skip
        return data


def machine() -> dict[str, Any]:
    mem_kib = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "memory_gib": round(mem_kib / 1024 / 1024, 1),
        "cpu": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def timed(fn: Callable[[], Any], repeat: int, warmup: int = 1) -> list[float]:
    """Wall time of ``fn`` in milliseconds over ``repeat`` runs after ``warmup`` runs."""
    for _ in range(warmup):
        fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return runs


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def load_results(results: Path = RESULTS) -> tuple[dict[str, Any], list[Figure]]:
    """What a results file holds: its information (machine, date, size, …) and its figures."""
    if not results.is_file():
        return {}, []
    data = json.loads(results.read_text(encoding="utf-8"))
    names = set(Figure.__dataclass_fields__)
    figures = [Figure(**{k: v for k, v in f.items() if k in names}) for f in data.pop("figures", [])]
    return data, figures


def merge_results(figures: list[Figure], groups: set[str], size: str, results: Path = RESULTS,
                  table: Path = TABLE) -> None:  # fmt: skip
    """Replace the figures of ``groups`` in the results file (the others, and when they were measured, stay) and
    regenerate the table. The date of these groups' run is kept under ``group_dates``."""
    info, old = load_results(results)
    kept = [f for f in old if f.group not in groups]
    now = dt.datetime.now().isoformat(timespec="seconds")
    dates = dict(info.get("group_dates", {}))
    dates.update({g: f"{now} (size {size})" for g in groups})
    info = {"machine": info.get("machine", machine()), "date": info.get("date", now), "size": info.get("size", size),
            "group_dates": dates}  # fmt: skip
    write_results(kept + figures, str(info["size"]), results, table, info=info)


def write_results(figures: list[Figure], size: str, results: Path = RESULTS, table: Path = TABLE,
                  info: dict[str, Any] | None = None) -> None:  # fmt: skip
    info = info or {"machine": machine(), "date": dt.datetime.now().isoformat(timespec="seconds"), "size": size}
    results.write_text(
        json.dumps({**info, "figures": [f.to_json() for f in figures]}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    m = info["machine"]
    later = [f"Figures of group `{g}` measured {d} (`python -m benchmarks.{g}_bench`)."
             for g, d in sorted(info.get("group_dates", {}).items())]  # fmt: skip
    lines = [
        "# Benchmark results",
        "",
        f"Measured {info['date']} on {m['cores']} cores, {m['memory_gib']} GiB, Python {m['python']} "
        f"({m['system']}); size `{size}`. Produced by `.venv/bin/python -m benchmarks.run`; raw figures in "
        "`benchmarks/results.json`. Median of several runs, spread as min–max; *limit* is what the bare "
        "platform needs for the same work, *ratio* = median ÷ limit.",
        *(["", *later] if later else []),
        "",
        "| group | figure | data | median | spread | target | limit | ratio | meets target | note |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for f in figures:
        lo, hi = f.spread
        target = "—" if f.target is None else f"{'≤' if f.lower_is_better else '≥'} {f.target:g} {f.unit}"
        limit = "—" if f.limit is None else f"{f.limit:.1f} {f.unit} ({f.limit_what})"
        ratio = "—" if f.ratio is None else f"{f.ratio:.2f}×"
        meets = {None: "—", True: "yes", False: "**no**"}[f.meets_target]
        lines.append(
            f"| {f.group} | {f.name} | {f.data_size} | {f.median:.1f} {f.unit} | {lo:.1f}–{hi:.1f} | {target} "
            f"| {limit} | {ratio} | {meets} | {f.note} |"
        )
    notes = ROOT / "notes.md"  # the explanations of misses, kept by hand beside the generated table
    if notes.is_file():
        lines.append(notes.read_text(encoding="utf-8"))
    table.parent.mkdir(parents=True, exist_ok=True)
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
