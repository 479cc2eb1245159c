"""What the county server refuses, and how: foreign rows, county-only tables, malformed payloads, old clients,
revoked devices. A refusal changes nothing and the township keeps its data."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from govdesk.server.app import create_app
from govdesk.server.db import write
from govdesk.server.devices import revoke
from govdesk.sync.errors import SyncError
from govdesk.sync.protocol import PROTOCOL_HEADER, Op, SyncRequest, compress, dumps, iso_now
from tests.sync.conftest import CODES, Township


def _push(town: Township, *ops: Op) -> list[str]:
    request = SyncRequest(protocol=1, device_id=town.device_id, client_time=iso_now(), cursor=0, ops=list(ops))
    return [f"{a.status}:{a.error}" for a in town.client.sync(request).acks]


def test_a_township_cannot_write_another_townships_row(make_township: Callable[..., Township]) -> None:
    a = make_township(CODES[0])
    b = make_township(CODES[1])
    a.register()
    a.sync()
    (case_id,) = a.rows("SELECT id FROM cases")[0]
    acks = _push(b, Op(op_id="f" * 32, table="cases", row_id=str(case_id), base_version=0, fields={"title": "篡改"}))
    assert acks[0].startswith("refused:") and "另一个中心" in acks[0]
    a.sync()
    assert a.rows("SELECT title FROM cases") == [("宅基地边界纠纷",)]


def test_county_only_tables_are_refused(make_township: Callable[..., Township]) -> None:
    town = make_township(CODES[0])
    acks = _push(town, Op(op_id="e" * 32, table="county_instructions", row_id="x1", base_version=0, fields={"title": "假指令"}))
    assert acks[0].startswith("refused:")


def test_malformed_payload_is_refused_whole(make_township: Callable[..., Township], county: Engine) -> None:
    town = make_township(CODES[0])
    http = TestClient(create_app(county))
    body = {"protocol": 1, "device_id": town.device_id, "client_time": iso_now(), "cursor": 0,
            "ops": [{"op_id": "a" * 32, "table": "cases", "row_id": "r", "base_version": 0, "fields": {}}],
            "unexpected": True}  # fmt: skip
    answer = http.post("/v1/sync", content=compress(dumps(body)), headers={
        "Authorization": f"Bearer {town.client.token}", PROTOCOL_HEADER: "1", "Content-Encoding": "zstd"})
    assert answer.status_code == 422
    assert answer.json()["error"] == "malformed"
    assert _push(town) == []  # nothing of it was applied: the op_id is unknown to the server
    assert _push(town, Op(op_id="a" * 32, table="cases", row_id="r", base_version=0, fields={"title": "x"}))[0] == "applied:"


def test_old_client_gets_please_update(make_township: Callable[..., Township], county: Engine) -> None:
    town = make_township(CODES[0])
    http = TestClient(create_app(county))
    answer = http.post("/v1/sync", content=b"{}", headers={"Authorization": f"Bearer {town.client.token}",
                                                            PROTOCOL_HEADER: "0"})  # fmt: skip
    assert answer.status_code == 426
    assert "更新" in answer.json()["message"]


def test_revoked_device_is_told_and_keeps_its_data(make_township: Callable[..., Township], county: Engine) -> None:
    town = make_township(CODES[0])
    town.sync()
    with write(county) as conn:
        assert revoke(conn, town.device_id)
    number = town.register("停用后登记的")
    with pytest.raises(SyncError) as err:
        town.sync()
    assert err.value.code == "device_revoked"
    assert "停用" in str(err.value)
    assert town.rows("SELECT count(*) FROM cases WHERE number = :n", n=number) == [(1,)]
    assert town.rows("SELECT count(*) FROM sync_outbox WHERE table_name = 'cases'") == [(1,)]


def test_referral_receipt_is_stamped_by_the_server(make_township: Callable[..., Township]) -> None:
    from govdesk.domain.lifecycle import Action
    from govdesk.services.actor import Actor
    from govdesk.services.lifecycle import perform
    from govdesk.services.registration import parse_registration, register_case
    from tests.sync.conftest import CLERK

    town = make_township(CODES[0])
    number = register_case(town.store, CLERK, parse_registration({
        "title": "拖欠工资投诉", "kind": "complaint", "channel": "hotline_12345", "category": "劳动争议",
        "parties": [{"role": "applicant", "name": "赵某"}]})).number  # fmt: skip
    perform(town.store, Actor("主任", "director", "zhuren"), number, Action.REFER, {"note": "请核实欠薪情况"})
    assert town.rows("SELECT server_received_at FROM referrals") == [(None,)]
    town.sync()
    (stamp,) = town.rows("SELECT server_received_at FROM referrals")[0]
    assert stamp is not None
