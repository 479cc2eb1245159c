"""Replicas hold the same values, not just the same rows: what a device pulls is written as the server has it, two
devices of one center set up independently share their center row without anyone having to settle it, the
verify checksums keep agreeing after a row's created_at moves to another month, and a second PC set up from a
copy of the first one's data directory does not have its edits taken for the first one's.

Each test showed an engine or server bug found while writing the network-fault tests; all four are fixed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from govdesk.server.app import create_app
from govdesk.server.db import read, write
from govdesk.server.devices import add_device
from govdesk.server.models import rows
from govdesk.services.setup import init_center
from govdesk.store.store import Store
from govdesk.sync import engine as sync_engine
from govdesk.sync.client import SyncClient
from govdesk.sync.protocol import EnrollRequest
from govdesk.sync.runner import run_sync
from tests.sync.conftest import ADMIN, CODES, Township, county_edit


def _server_row(county: Engine, table: str, row_id: str) -> dict[str, object]:
    with read(county) as conn:
        raw = conn.scalar(select(rows.c.data).where(rows.c.table_name == table, rows.c.row_id == row_id))
    data: dict[str, object] = json.loads(str(raw))
    return data


def test_a_pulled_change_keeps_the_servers_updated_at(make_township: Callable[..., Township], county: Engine) -> None:
    town = make_township(CODES[0])
    number = town.register()
    town.sync()
    (case_id,) = town.rows("SELECT id FROM cases WHERE number = :n", n=number)[0]
    county_edit(county, "cases", str(case_id), {"title": "县里改的标题"})
    town.sync()
    local = town.rows("SELECT title, updated_at FROM cases WHERE id = :i", i=case_id)[0]
    assert local[0] == "县里改的标题"
    assert str(local[1]).replace(" ", "T") == _server_row(county, "cases", str(case_id))["updated_at"]


def test_two_devices_set_up_separately_share_the_center_row_without_a_review_item(tmp_path: Path,
                                                                                  county: Engine) -> None:  # fmt: skip
    app = create_app(county)
    towns = []
    for i in range(2):  # as `govdesk init --center-code C --station N` on two PCs: two moments, one center
        store = Store.open(tmp_path / f"pc{i}", writer=True, create=True)
        init_center(store, ADMIN, "测试镇综治中心", CODES[0], station_no=i + 1)
        with write(county) as conn:
            _, code = add_device(conn, CODES[0], f"pc{i}")
        client = SyncClient(TestClient(app))
        answer = client.enroll(EnrollRequest(code=code, center_code=CODES[0], device_name=f"pc{i}", station_no=i + 1))
        client.token = answer.token
        sync_engine.queue_unsynced_rows(store.db)
        towns.append((store, client, answer.device_id))
    try:
        for store, client, device_id in (*towns, towns[0]):
            report = run_sync(store.db, client, device_id)
            assert report.refused == 0
        with read(county) as conn:
            items = [
                json.loads(d) for d in conn.scalars(select(rows.c.data).where(rows.c.table_name == "sync_conflicts"))
            ]
        assert [(i["table_name"], i["field"]) for i in items] == []
    finally:
        for store, client, _ in towns:
            client.close()
            store.close()


def test_a_row_moved_to_another_month_verifies_clean_afterwards(make_township: Callable[..., Township]) -> None:
    town = make_township(CODES[0])
    number = town.register()
    town.sync()
    town.execute("UPDATE cases SET created_at = '2025-01-15 08:00:00.000000' WHERE number = :n", n=number)
    town.sync()
    before = town.client.requests
    again = town.sync()
    assert (again.verify_repaired, town.client.requests - before) == (0, 1)


def test_a_copied_data_directory_keeps_its_own_edits(make_township: Callable[..., Township], county: Engine) -> None:
    first = make_township(CODES[0])  # both are copies of one initialised data directory, as make_township does
    second = make_township(CODES[0])
    second.execute("UPDATE centers SET committee_name = '第二台电脑改的名称' WHERE is_local")
    first.sync()
    second.sync()
    (center_id,) = second.rows("SELECT id FROM centers WHERE is_local")[0]
    on_server = _server_row(county, "centers", str(center_id))["committee_name"]
    with read(county) as conn:
        items = [json.loads(d) for d in conn.scalars(select(rows.c.data).where(rows.c.table_name == "sync_conflicts"))]
    about = [(i["table_name"], i["row_id"], i["field"], i["client_value"]) for i in items]
    assert on_server == "第二台电脑改的名称" or about == [
        ("centers", center_id, "committee_name", "第二台电脑改的名称")
    ], "the second PC's edit vanished"
