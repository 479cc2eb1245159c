"""One sync waiting for the database must not stop the county server from answering everyone else.

Known bug (reported to the lead): the handlers of ``/v1/sync``, ``/v1/enroll``, ``/v1/bucket``, ``/v1/rows`` and
``PUT /v1/blobs`` in ``govdesk/server/app.py`` are ``async def`` but run their SQLAlchemy work (and the device
lookup in ``_device``) directly on the event loop. While one of them waits — for the write lock held by another
writer (``govdesk-county instruct``, an import, a second worker), or just for PostgreSQL — uvicorn's only event
loop is blocked: no other request is read or answered, not even ``/v1/health``, and all syncs are served strictly
one after another. Fix: keep reading the body with ``await``, then run the database part in the thread pool
(``await starlette.concurrency.run_in_threadpool(...)``), including the token check — tried on a copy of app.py:
/v1/health then answers in 0.16 s instead of not at all. (Fixed: the database work runs in the thread pool.)"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import Engine

from govdesk.server.db import write
from govdesk.server.devices import add_device
from govdesk.sync.client import SyncClient, make_http
from govdesk.sync.protocol import PROTOCOL_VERSION, EnrollRequest, SyncRequest, iso_now
from tests.sync.county_process import CountyServer

CODE = "330483101"


def test_health_answers_while_a_sync_waits_for_the_write_lock(county: Engine, tmp_path: Path) -> None:
    url = county.url.render_as_string(hide_password=False)
    with CountyServer(tmp_path / "server", database_url=url) as server:
        with write(county) as conn:
            _, enrol_code = add_device(conn, CODE, "笔记本")
        client = SyncClient(make_http(server.url))
        answer = client.enroll(EnrollRequest(code=enrol_code, center_code=CODE, device_name="笔记本"))
        client.token = answer.token
        request = SyncRequest(protocol=PROTOCOL_VERSION, device_id=answer.device_id, client_time=iso_now(), cursor=0)
        done: list[object] = []
        waiting = threading.Thread(target=lambda: done.append(client.sync(request)), daemon=True)
        health: float | str
        with write(county):  # another writer holds the lock for a few seconds
            waiting.start()
            time.sleep(0.5)  # the sync has reached the server and waits for the lock
            start = time.monotonic()
            try:
                assert httpx.get(f"{server.url}/v1/health", timeout=3).json()["ok"]
                health = time.monotonic() - start
            except httpx.TimeoutException:
                health = "no answer within 3 s"
        waiting.join(30)
        client.close()
        assert done, "the waiting sync never finished"
        assert isinstance(health, float) and health < 1.0, f"/v1/health while a sync waited: {health}"
