"""kill -9 of a process driving the real write paths at random instants: after each kill the store is intact,
every acknowledged write is there, no transaction is half-applied and the audit chain holds.

CI runs KILL9_RUNS kills (default 25); `KILL9_RUNS=300 ./scripts/test tests/durability` runs more, and
docs/durability.md records the figures of a long run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from govdesk.store.audit_repo import audit_chain_problems
from govdesk.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("KILL9_RUNS", "25"))


def _check(data_dir: Path, acknowledged: dict[str, str]) -> None:
    store = Store.open(data_dir, writer=False)
    try:
        assert store.integrity_problems() == []
        with store.db.read() as session:
            assert audit_chain_problems(session) == []
            rows = {n: s for n, s in session.execute(text("SELECT number, status FROM cases"))}
            # No half transaction: every case has its two parties and its registration audit entry.
            broken = session.execute(text(
                "SELECT c.number FROM cases c WHERE (SELECT count(*) FROM case_parties p WHERE p.case_id = c.id) != 2 "
                "OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.object_id = c.id AND a.event = 'case.register')"
            )).fetchall()
            assert broken == []
            events = dict(session.execute(text("SELECT c.number, count(e.id) FROM cases c LEFT JOIN case_events e "
                                               "ON e.case_id = c.id GROUP BY c.number")).fetchall())  # fmt: skip
    finally:
        store.close()
    order = ["register", "accept", "mediate", "agree", "sign"]
    for number, step in acknowledged.items():
        assert number in rows, f"acknowledged case {number} lost"
        assert events[number] >= order.index(step), f"acknowledged step {step} of {number} lost"


@pytest.mark.slow
def test_kill_minus_nine_loses_nothing_acknowledged(store: Store) -> None:
    data_dir = store.data_dir
    store.close()
    rng = random.Random(2026)
    acknowledged: dict[str, str] = {}
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + str(ROOT)}
    total_acks = 0
    for _ in range(RUNS):
        proc = subprocess.Popen([sys.executable, "-m", "tests.durability.writer", str(data_dir)], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        assert proc.stdout is not None
        first = proc.stdout.readline()  # wait until it is writing
        assert first.startswith("ACK"), proc.stderr.read() if proc.stderr else first
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        for line in [first, *out.splitlines()]:
            if line.startswith("ACK "):
                _, number, step = line.split()
                acknowledged[number] = step
                total_acks += 1
        _check(data_dir, acknowledged)
    print(f"\nkill -9: runs={RUNS} acknowledged_writes={total_acks} cases={len(acknowledged)} corrupt=0 lost=0")
    assert total_acks > RUNS  # the harness really wrote between kills
