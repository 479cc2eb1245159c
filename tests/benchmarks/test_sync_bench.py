"""The sync benchmarks run end to end at a tiny size (fast link, little data) so they do not rot: every case
completes and is recorded with its target and its breakdown. No timing is asserted here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_tiny_sync_benchmarks_record_every_figure(tmp_path: Path) -> None:
    results, table = tmp_path / "results.json", tmp_path / "benchmarks.md"
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks.sync_bench", "--size", "tiny", "--results", str(results), "--table",
         str(table), "--data", str(tmp_path / "data")],
        cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    data = json.loads(results.read_text(encoding="utf-8"))
    figures = {f["name"]: f for f in data["figures"] if f["group"] == "sync"}
    assert len(figures) == 14, sorted(figures)
    for name, figure in figures.items():
        assert figure["runs"] and figure["median"] >= 0 and figure["data_size"], name
    assert figures["no-op sync: requests"]["median"] == 1
    assert figures["3 townships syncing at once: errors"]["median"] == 0
    stall = figures["GUI event loop: longest stall while the window syncs"]
    assert stall["target"] == 100 and "0 left" in stall["note"]  # the window's sync went through to the end
    push = next(f for n, f in figures.items() if n.startswith("push 40 records (one run_sync"))
    assert push["target"] == 12 and {"wire_s", "round_trip_s", "server_s", "local_s"} <= set(push["extra"]["runs"][0])
    assert "sync" in data["group_dates"]
    assert "| sync | push 40 records" in table.read_text(encoding="utf-8")
