"""The benchmark suite runs end to end at a tiny size so it does not rot. No timing is asserted here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_tiny_benchmarks_produce_every_figure_with_its_context(tmp_path: Path) -> None:
    results, table = tmp_path / "results.json", tmp_path / "benchmarks.md"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--size", "tiny", "--results", str(results), "--table", str(table),
         "--data", str(tmp_path / "data")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    data = json.loads(results.read_text(encoding="utf-8"))
    assert data["machine"]["cores"] and data["machine"]["memory_gib"] and data["date"]
    groups = {f["group"] for f in data["figures"]}
    assert {"store", "durability"} <= groups
    for figure in data["figures"]:
        assert figure["runs"] and figure["median"] >= 0 and figure["data_size"]
    assert "| group | figure |" in table.read_text(encoding="utf-8")
