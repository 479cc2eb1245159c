"""A pre-loaded interpreter that forks one sync process per request, so a test can SIGKILL real ``sync_now``
runs at random instants without paying Python's start-up and imports each time.

    python -m tests.sync.sync_child
    -> "ready"                      (imports done)
    <- "go DATA_DIR"                (one sync of that data directory, in a forked child)
    -> "child PID"
    -> "syncing"                    (from the child: the store is open, the sync starts now)
    -> "done PUSHED PULLED" | "failed CODE MESSAGE"   (from the child, unless it is killed first)
    <- "kill" | "wait"              (SIGKILL the child now, or let it finish)
    -> "exit STATUS"                (the child is gone: 0, or -9)
    <- "quit"

Only this process signals and reaps its child, so the signal can never reach a recycled process id.
The store is opened as an unencrypted test store (``Store.open``), the sync runs as an administrator, exactly as
``govdesk sync`` runs it (``sync_service.sync_now``)."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from govdesk.services import sync_service
from govdesk.services.actor import Actor
from govdesk.store.store import Store
from govdesk.sync.errors import SyncError

ADMIN = Actor("setup", "admin", "setup")


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())  # one write per line: the child's and the parent's lines never mix


def _child(data_dir: Path) -> int:
    store = Store.open(data_dir, writer=True)
    try:
        _say("syncing")
        report = sync_service.sync_now(store, ADMIN)
        _say(f"done {report.pushed} {report.pulled}")
    except SyncError as err:
        _say(f"failed {err.code} {err}")
    finally:
        store.close()
    return 0


def main() -> None:
    _say("ready")
    while line := sys.stdin.readline():
        command, _, argument = line.strip().partition(" ")
        if command != "go":
            break
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = _child(Path(argument))
            finally:
                os._exit(code)
        _say(f"child {pid}")
        if sys.stdin.readline().strip() == "kill":
            os.kill(pid, signal.SIGKILL)  # not reaped yet: still our child, even if it has just finished
        _, status = os.waitpid(pid, 0)
        _say(f"exit {os.waitstatus_to_exitcode(status)}")


if __name__ == "__main__":
    main()
