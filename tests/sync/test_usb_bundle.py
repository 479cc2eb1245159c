"""No network at all: the same batches on a USB stick — sealed, because a lost stick must not give away
residents' names and ID numbers; applied once however often the stick is carried; refused for another PC."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
import zstandard
from sqlalchemy import Engine

from govdesk.server import bundles
from govdesk.server.devices import DeviceError
from govdesk.services import sync_service
from govdesk.services.actor import Actor
from govdesk.sync import credentials
from govdesk.sync.errors import SyncError
from tests.sync.conftest import CODES, Township
from tests.sync.test_round_trip import _server_count

DIRECTOR = Actor("张主任", "director", "zhuren")


def _enrolled(town: Township) -> None:
    credentials.save(town.store.data_dir, credentials.Credential("http://127.0.0.1:8765", town.device_id, town.center_code,
                                                                 town.client.token or ""))  # fmt: skip


def test_a_usb_round_trip_is_sealed_and_applied_once(make_township: object, county: Engine, tmp_path: Path) -> None:
    town: Township = make_township(CODES[0])  # type: ignore[operator]
    _enrolled(town)
    case_id = town.register("宅基地边界纠纷（U盘）")
    name = str(town.rows("SELECT name FROM persons LIMIT 1")[0][0])
    stick = tmp_path / "stick.gdsync"
    sent = sync_service.export_bundle(town.store, DIRECTOR, stick)
    assert sent > 0
    raw = stick.read_bytes()
    assert name.encode() not in raw and "宅基地边界纠纷".encode() not in raw
    with pytest.raises(zstandard.ZstdError):  # not merely compressed (what it was before it was sealed)
        zstandard.ZstdDecompressor().decompress(raw, max_output_size=1 << 24)
    with pytest.raises(zstandard.ZstdError):  # nothing readable after the header either
        zstandard.ZstdDecompressor().decompress(raw[raw.index(b"\n", 8) + 13 :], max_output_size=1 << 24)
    with pytest.raises(zlib.error):
        zlib.decompress(raw)

    reply = tmp_path / "reply.gdsync"
    bundles.import_request(county, stick, reply)
    bundles.import_request(county, stick, tmp_path / "again.gdsync")  # carried twice: applied once
    assert name.encode() not in reply.read_bytes()
    message = sync_service.import_bundle(town.store, DIRECTOR, reply)
    assert "已导入回执" in message
    status = sync_service.status(town.store)
    assert status.last_sync is not None and status.state == "ok"  # a USB round counts as a sync
    assert town.rows("SELECT count(*) FROM sync_outbox WHERE row_id = :i", i=case_id) == [(0,)]
    assert _server_count(county, "cases", CODES[0]) == len(town.rows("SELECT id FROM cases"))


def test_a_bundle_of_another_pc_or_a_damaged_one_is_refused(make_township: object, county: Engine,
                                                            tmp_path: Path) -> None:  # fmt: skip
    one: Township = make_township(CODES[0])  # type: ignore[operator]
    other: Township = make_township(CODES[0])  # type: ignore[operator]
    _enrolled(one)
    _enrolled(other)
    one.register("邻里漏水纠纷")
    stick = tmp_path / "stick.gdsync"
    sync_service.export_bundle(one.store, DIRECTOR, stick)
    reply = tmp_path / "reply.gdsync"
    bundles.import_request(county, stick, reply)
    with pytest.raises(SyncError, match="不是给本机的"):
        sync_service.import_bundle(other.store, DIRECTOR, reply)
    damaged = tmp_path / "damaged.gdsync"
    data = bytearray(stick.read_bytes())
    data[-5] ^= 0xFF
    damaged.write_bytes(bytes(data))
    with pytest.raises(DeviceError, match="文件损坏"):
        bundles.import_request(county, damaged, tmp_path / "r2.gdsync")
