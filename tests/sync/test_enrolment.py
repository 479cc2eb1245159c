"""Enrolling a PC through the service, as the settings page and `govdesk sync enroll` do: the code may be typed
as people type it, the sentence counts what really waits, and the county keeps its own name for the device."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from govdesk.server.app import create_app
from govdesk.server.db import read, write
from govdesk.server.devices import add_device
from govdesk.server.models import devices
from govdesk.services import sync_service
from govdesk.services.actor import Actor
from govdesk.store.store import Store
from govdesk.sync import engine as sync_engine
from tests.sync.conftest import CODES

DIRECTOR = Actor("张主任", "director", "zhuren")


def test_enrolment_code_as_typed_and_what_waits(tmp_path: Path, _township_templates: dict[str, Path],
                                                county: Engine) -> None:  # fmt: skip
    target = tmp_path / "town"
    shutil.copytree(_township_templates[CODES[0]], target, ignore=shutil.ignore_patterns("*.lock", "*-wal", "*-shm"))
    store = Store.open(target, writer=True)
    try:
        with write(county) as conn:
            device_id, code = add_device(conn, CODES[0], "办公室电脑")
        typed = " ".join(code.replace("-", "").lower()[i : i + 4] for i in range(0, 12, 4))  # "ke9u ge89 7ram"
        app = create_app(county)
        sentence = sync_service.enroll(store, DIRECTOR, "http://127.0.0.1:8765", typed, http=lambda _u: TestClient(app))
        with store.db.read() as session:
            waiting = sync_engine.pending_count(session)
        assert waiting > 0
        found = re.search(r"共有 (\d+) 条本地记录等待首次同步", sentence)
        assert found and int(found.group(1)) == waiting, sentence
        with read(county) as conn:
            row = conn.execute(select(devices).where(devices.c.id == device_id)).one()
        assert row.enrolled_at is not None and row.name == "办公室电脑"  # the county's name for it stays
    finally:
        store.close()
