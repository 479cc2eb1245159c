"""Simulated power cuts with a fault-injecting VFS: with WAL + synchronous=FULL (what the store uses) no
acknowledged commit is lost and the file is never corrupt. The control arm with synchronous=OFF must lose
acknowledged commits — otherwise this harness would prove nothing.

The workload mirrors a save: several rows in one transaction (a case, its parties, an audit entry)."""

from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import apsw
import pytest

from tests.durability.crash_vfs import CrashVFS

RUNS = int(os.environ.get("POWER_CUT_RUNS", "60"))


def _one_run(tmp: Path, run: int, synchronous: str, vfs: CrashVFS) -> tuple[int, int, bool]:
    """Returns (acknowledged commits, commits found after the cut, store intact)."""
    rng = random.Random(run)
    work = tmp / f"{synchronous}-{run}"
    work.mkdir()
    vfs.files.clear()
    db = apsw.Connection(str(work / "store.db"), vfs=vfs.name)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"PRAGMA synchronous={synchronous}")
    db.execute("PRAGMA wal_autocheckpoint=20")  # checkpoints happen during the run too
    db.execute("CREATE TABLE cases(id INTEGER PRIMARY KEY, title TEXT, facts TEXT)")
    db.execute("CREATE TABLE parties(case_id INTEGER REFERENCES cases(id), name TEXT)")
    db.execute("CREATE TABLE audit(seq INTEGER PRIMARY KEY, case_id INTEGER)")
    acknowledged = 0
    commits = rng.randint(5, 60)
    for i in range(1, commits + 1):
        with db:  # one transaction per save
            db.execute("INSERT INTO cases VALUES (?, ?, ?)", (i, f"纠纷{i}", "事实" * rng.randint(10, 600)))
            db.execute("INSERT INTO parties VALUES (?, '王某'), (?, '李某')", (i, i))
            db.execute("INSERT INTO audit VALUES (?, ?)", (i, i))
        acknowledged = i  # the user saw "saved"
    # The power goes in the middle of the next save.
    db.execute("BEGIN")
    db.execute("INSERT INTO cases VALUES (?, 'unsaved', ?)", (commits + 1, "x" * 5000))
    crashed = tmp / f"{synchronous}-{run}-after"
    vfs.crash(crashed, rng)
    db.execute("ROLLBACK")
    db.close()
    conn = sqlite3.connect(crashed / "store.db")
    try:
        intact = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
        half = conn.execute("SELECT count(*) FROM cases WHERE id NOT IN (SELECT case_id FROM audit)").fetchone()[0]
        intact = intact and half == 0
    except sqlite3.DatabaseError:
        intact, found = False, 0
    finally:
        conn.close()
    return acknowledged, found, intact


@pytest.fixture(scope="module")
def vfs() -> CrashVFS:
    return CrashVFS()


@pytest.mark.slow
def test_no_acknowledged_commit_is_lost_with_synchronous_full(tmp_path: Path, vfs: CrashVFS) -> None:
    lost = corrupt = 0
    for run in range(RUNS):
        acknowledged, found, intact = _one_run(tmp_path, run, "FULL", vfs)
        lost += acknowledged > found
        corrupt += not intact
    assert (lost, corrupt) == (0, 0)


@pytest.mark.slow
@pytest.mark.parametrize("synchronous", ["OFF", "NORMAL"])
def test_control_arms_lose_acknowledged_commits(tmp_path: Path, vfs: CrashVFS, synchronous: str) -> None:
    """If these ever pass with zero losses, the harness has stopped modelling power cuts."""
    lost = 0
    for run in range(RUNS):
        acknowledged, found, _ = _one_run(tmp_path, run, synchronous, vfs)
        lost += acknowledged > found
    assert lost > 0
