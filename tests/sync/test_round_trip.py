"""The basic promises: what a township registers reaches the county and its other devices, once; edits merge
field by field; a real collision becomes exactly one review item; a no-op sync is one small request."""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import Engine, func, select

from govdesk.server.db import read
from govdesk.server.models import rows
from tests.sync.conftest import CODES, Township, county_edit


def _server_count(county: Engine, table: str, owner: str) -> int:
    with read(county) as conn:
        return int(conn.scalar(select(func.count()).select_from(rows).where(rows.c.table_name == table,
                                                                            rows.c.owner == owner)) or 0)


def test_registered_case_reaches_the_county_and_a_second_device(make_township: Callable[..., Township],
                                                                county: Engine) -> None:
    laptop = make_township(CODES[0])
    office = make_township(CODES[0])
    number = laptop.register("邻里噪音纠纷")
    report = laptop.sync()
    assert report.pushed >= 3  # the case, its parties, the persons, the event, the center row
    assert _server_count(county, "cases", CODES[0]) == 1
    office.sync()
    assert office.rows("SELECT title FROM cases WHERE number = :n", n=number) == [("邻里噪音纠纷",)]
    # searching works for the pulled case (the FTS triggers ran)
    assert office.rows("SELECT count(*) FROM cases WHERE local_no IS NOT NULL AND number = :n", n=number) == [(1,)]
    again = laptop.sync()
    assert again.pushed == 0 and _server_count(county, "cases", CODES[0]) == 1


def test_other_townships_rows_stay_invisible(make_township: Callable[..., Township]) -> None:
    a = make_township(CODES[0])
    b = make_township(CODES[1])
    a.register("甲镇的事项")
    a.sync()
    b.sync()
    assert b.rows("SELECT count(*) FROM cases") == [(0,)]


def test_edits_of_different_fields_merge(make_township: Callable[..., Township]) -> None:
    laptop = make_township(CODES[0])
    office = make_township(CODES[0])
    number = laptop.register()
    laptop.sync()
    office.sync()
    laptop.execute("UPDATE cases SET title = '改了标题' WHERE number = :n", n=number)
    office.execute("UPDATE cases SET address = '某村5组' WHERE number = :n", n=number)
    laptop.sync()
    office.sync()
    laptop.sync()
    for town in (laptop, office):
        assert town.rows("SELECT title, address FROM cases WHERE number = :n", n=number) == [("改了标题", "某村5组")]
    assert office.rows("SELECT count(*) FROM sync_conflicts") == [(0,)]


def test_same_field_changed_on_two_devices_gives_one_review_item(make_township: Callable[..., Township]) -> None:
    laptop = make_township(CODES[0])
    office = make_township(CODES[0])
    number = laptop.register()
    laptop.sync()
    office.sync()
    laptop.execute("UPDATE cases SET title = '笔记本的标题' WHERE number = :n", n=number)
    office.execute("UPDATE cases SET title = '办公室的标题' WHERE number = :n", n=number)
    laptop.sync()
    office.sync()
    laptop.sync()
    assert laptop.rows("SELECT title FROM cases WHERE number = :n", n=number) == [("笔记本的标题",)]
    assert office.rows("SELECT title FROM cases WHERE number = :n", n=number) == [("笔记本的标题",)]
    for town in (laptop, office):
        items = town.rows("SELECT field, server_value, client_value FROM sync_conflicts")
        assert [(f, json.loads(str(s)), json.loads(str(c))) for f, s, c in items] == [("title", "笔记本的标题", "办公室的标题")]


def test_county_edit_reaches_the_township_and_collides_like_any_edit(make_township: Callable[..., Township],
                                                                     county: Engine) -> None:
    town = make_township(CODES[0])
    number = town.register()
    town.sync()
    (case_id,) = town.rows("SELECT id FROM cases WHERE number = :n", n=number)[0]
    county_edit(county, "cases", str(case_id), {"risk": "red"})
    town.execute("UPDATE cases SET risk = 'yellow' WHERE number = :n", n=number)
    town.sync()
    assert town.rows("SELECT risk FROM cases WHERE number = :n", n=number) == [("red",)]
    assert town.rows("SELECT field FROM sync_conflicts") == [("risk",)]


def test_noop_sync_is_one_small_request(make_township: Callable[..., Township]) -> None:
    town = make_township(CODES[0])
    town.register()
    town.sync()
    before = (town.client.requests, town.client.bytes_sent, town.client.bytes_received)
    town.sync()
    requests = town.client.requests - before[0]
    wire = town.client.bytes_sent - before[1] + town.client.bytes_received - before[2]
    assert requests == 1
    assert wire <= 2048
