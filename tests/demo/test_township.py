"""The demo township: deterministic, valid identity data, consistent geography, every code in use."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from govdesk.demo import geography
from govdesk.demo.township import DemoTownship, generate_township
from govdesk.domain.identity import parse_credit_code, parse_phone, parse_resident_id

TODAY = dt.date(2026, 11, 20)
DATA = Path(__file__).resolve().parents[2] / "resources" / "data"
CATEGORIES = {c["name"] for c in json.loads((DATA / "categories.json").read_text("utf-8"))["categories"]}
ETHNIC_GROUPS = {e["name"] for e in json.loads((DATA / "ethnic_groups.json").read_bytes())["ethnic_groups"]}
KINDS = {"dispute", "complaint", "suggestion", "help", "consultation", "grid_event"}
CHANNELS = {"walk_in", "initiative", "grid_officer", "hotline_12345", "referral", "online"}
DISPUTE_STATUSES = {"registered", "accepted", "refused", "mediating", "agreed", "failed", "closed", "archived",
                    "withdrawn"}  # fmt: skip
OTHER_STATUSES = {"registered", "referred", "handled", "fed_back", "closed", "withdrawn"}


def _inside(polygon: dict[str, Any], lon: float, lat: float) -> bool:
    """An independent even-odd test, so the generator's own one is not checking itself."""
    ring = polygon["coordinates"][0]
    crossings = 0
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 <= lat < y2 or y2 <= lat < y1) and lon < x1 + (lat - y1) / (y2 - y1) * (x2 - x1):
            crossings += 1
    return crossings % 2 == 1


@pytest.fixture(scope="module")
def small() -> DemoTownship:
    return generate_township(seed=7, n_cases=300, n_residents=2000, today=TODAY)


@pytest.fixture(scope="module")
def full() -> tuple[DemoTownship, float]:
    started = time.perf_counter()
    town = generate_township(today=TODAY)
    return town, time.perf_counter() - started


def test_same_seed_gives_the_same_township_and_another_seed_a_different_one(small: DemoTownship) -> None:
    assert generate_township(seed=7, n_cases=300, n_residents=2000, today=TODAY) == small
    other = generate_township(seed=8, n_cases=300, n_residents=2000, today=TODAY)
    assert other.residents != small.residents
    assert other.cases != small.cases
    assert other.villages[0].boundary != small.villages[0].boundary


def test_requested_counts_are_honoured(small: DemoTownship) -> None:
    assert len(small.cases) == 300
    assert len(small.residents) == 2000
    tiny = generate_township(seed=1, n_cases=5, n_residents=40, today=TODAY)
    assert (len(tiny.cases), len(tiny.residents)) == (5, 40)


def test_default_size_is_generated_quickly_and_completely(full: tuple[DemoTownship, float]) -> None:
    town, seconds = full
    assert len(town.cases) == 5000
    assert len(town.residents) == 30000
    assert seconds < 10
    statuses = Counter(c.status for c in town.cases if c.kind == "dispute")
    assert set(statuses) == DISPUTE_STATUSES
    assert set(Counter(c.status for c in town.cases if c.kind != "dispute")) == OTHER_STATUSES


def test_codes_and_names_mark_the_township_as_fictional(small: DemoTownship) -> None:
    assert small.center_code == "330499101"
    assert "演示" in small.center_name
    assert small.committee_name.endswith("人民调解委员会")
    for village in small.villages:
        assert len(village.code) == 12 and village.code.startswith(small.center_code)
    for grid in small.grids:
        assert len(grid.code) == 14 and grid.code.startswith(grid.village_code)
        assert parse_phone(grid.officer_phone) == grid.officer_phone
    assert len({v.code for v in small.villages}) == len(small.villages)
    assert len({g.code for g in small.grids}) == len(small.grids)


def test_resident_ids_are_valid_unique_and_match_sex_and_birth_date(full: tuple[DemoTownship, float]) -> None:
    residents = full[0].residents
    assert len({r.id_number for r in residents}) == len(residents)
    for resident in residents:
        parsed = parse_resident_id(resident.id_number, today=TODAY)
        assert parsed.region == "330499"
        assert parsed.sex == resident.gender
        assert parsed.birth_date == resident.birth_date
        assert 1940 <= resident.birth_date.year <= 2008
        assert resident.ethnicity in ETHNIC_GROUPS


def test_phones_are_valid_unique_and_most_residents_have_one(full: tuple[DemoTownship, float]) -> None:
    residents = full[0].residents
    phones = [r.phone for r in residents if r.phone is not None]
    assert 0.7 < len(phones) / len(residents) < 0.9
    assert len(set(phones)) == len(phones)
    assert all(len(p) == 11 and p[0] == "1" and p[1] in "3456789" and parse_phone(p) == p for p in phones)


def test_register_contains_minority_and_rare_character_names(small: DemoTownship) -> None:
    by_name = {r.name: r for r in small.residents}
    assert by_name["买买提·艾力"].ethnicity == "维吾尔族"
    assert any(ch in r.name for r in small.residents for ch in ("𠮷", "䶮"))
    assert any(r.name.startswith(("欧阳", "司马")) for r in small.residents)
    ethnicities = Counter(r.ethnicity for r in small.residents)
    assert ethnicities.most_common(1)[0][0] == "汉族"
    assert len(ethnicities) > 3


def test_every_organisation_has_a_valid_unique_credit_code(small: DemoTownship) -> None:
    codes = [o.credit_code for o in small.organisations]
    assert 100 <= len(codes) <= 200
    assert len(set(codes)) == len(codes)
    assert all(parse_credit_code(code) == code for code in codes)
    assert all(o.representative and o.name for o in small.organisations)
    assert len({o.name for o in small.organisations}) == len(codes)


def test_villages_are_split_into_grids_that_lie_inside_them(small: DemoTownship) -> None:
    villages = {v.code: v for v in small.villages}
    assert 10 <= len(villages) <= 14
    assert 35 <= len(small.grids) <= 45
    grids_per_village = Counter(g.village_code for g in small.grids)
    assert set(grids_per_village) == set(villages)
    for grid in small.grids:
        assert _inside(villages[grid.village_code].boundary, *geography.centroid(grid.boundary))
    for village in small.villages:
        own = [g for g in small.grids if g.village_code == village.code]
        assert sum(geography.area(g.boundary) for g in own) == pytest.approx(geography.area(village.boundary))


@pytest.mark.parametrize("seed", [0, 1, 2026, 99991])
def test_neighbouring_polygons_neither_overlap_nor_leave_gaps(seed: int) -> None:
    town = generate_township(seed=seed, n_cases=0, n_residents=0, today=TODAY)
    rings = [p for g in town.grids for p in g.boundary["coordinates"][0]]
    lons, lats = [p[0] for p in rings], [p[1] for p in rings]
    # The union of all grids is the town outline, so equal areas with no overlap mean no gaps either.
    total = sum(geography.area(v.boundary) for v in town.villages)
    rng = random.Random(seed)
    hits = 0
    for _ in range(3000):
        lon, lat = rng.uniform(min(lons), max(lons)), rng.uniform(min(lats), max(lats))
        villages = sum(_inside(v.boundary, lon, lat) for v in town.villages)
        grids = sum(_inside(g.boundary, lon, lat) for g in town.grids)
        assert villages <= 1 and grids == villages
        hits += villages
    box = (max(lons) - min(lons)) * (max(lats) - min(lats))
    assert hits / 3000 == pytest.approx(total / box, abs=0.03)
    for polygon in [v.boundary for v in town.villages] + [g.boundary for g in town.grids]:
        ring = polygon["coordinates"][0]
        assert polygon["type"] == "Polygon" and ring[0] == ring[-1]
        assert geography.area(polygon) > 0  # counter-clockwise, as RFC 7946 asks of outer rings
        assert all(120.4 < lon < 120.6 and 30.5 < lat < 30.7 for lon, lat in ring)


def test_cases_lie_inside_their_grid_and_name_their_village(small: DemoTownship) -> None:
    grids = {g.code: g for g in small.grids}
    villages = {v.code: v for v in small.villages}
    for case in small.cases:
        grid = grids[case.grid_code]
        assert grid.village_code == case.village_code
        assert _inside(grid.boundary, case.longitude, case.latitude)
        assert villages[case.village_code].name in case.address


def test_random_point_in_stays_inside_a_concave_polygon() -> None:
    notched = {"type": "Polygon", "coordinates": [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3],
                                                   [0, 3], [0, 0]]]}  # fmt: skip
    rng = random.Random(3)
    points = [geography.random_point_in(notched, rng) for _ in range(500)]
    assert all(_inside(notched, lon, lat) for lon, lat in points)
    assert not any(1 < lon < 2 and lat > 1 for lon, lat in points)


def test_every_kind_category_and_channel_appears_even_in_a_small_demo(small: DemoTownship) -> None:
    assert {c.kind for c in small.cases} == KINDS
    assert {c.category for c in small.cases if c.kind == "dispute"} == CATEGORIES
    assert {c.channel for c in small.cases} == CHANNELS
    assert all(c.category is None for c in small.cases if c.kind != "dispute")
    for case in small.cases:
        allowed = DISPUTE_STATUSES if case.kind == "dispute" else OTHER_STATUSES
        assert case.status in allowed
        assert case.risk in {"green", "yellow", "red"}
        assert (case.risk == "green") == (case.risk_reason == "")


def test_kind_and_risk_shares_are_plausible(full: tuple[DemoTownship, float]) -> None:
    cases = full[0].cases
    kinds = Counter(c.kind for c in cases)
    assert 0.50 < kinds["dispute"] / len(cases) < 0.60
    risks = Counter(c.risk for c in cases)
    assert 0.08 < risks["yellow"] / len(cases) < 0.16
    assert 0.01 < risks["red"] / len(cases) < 0.05
    categories = Counter(c.category for c in cases if c.kind == "dispute")
    assert {name for name, _ in categories.most_common(3)} == {"邻里", "婚姻家庭", "房屋宅基地"}


def test_dates_are_within_three_years_and_occurrence_precedes_registration(small: DemoTownship) -> None:
    earliest = dt.datetime.combine(TODAY - dt.timedelta(days=3 * 366), dt.time())
    registered = [c.registered_at for c in small.cases]
    assert registered == sorted(registered)
    for case in small.cases:
        assert case.registered_at.tzinfo is None
        assert earliest <= case.registered_at < dt.datetime.combine(TODAY, dt.time())
        local_day = (case.registered_at + dt.timedelta(hours=8)).date()
        assert 0 <= (local_day - case.occurred_at).days <= 30


def test_open_matters_are_recent_and_old_ones_are_finished(full: tuple[DemoTownship, float]) -> None:
    cases = full[0].cases
    old = [c for c in cases if (TODAY - c.registered_at.date()).days > 365]
    recent = [c for c in cases if (TODAY - c.registered_at.date()).days <= 5]
    finished = {"closed", "archived", "refused", "withdrawn"}
    assert sum(c.status in finished for c in old) / len(old) > 0.95
    assert sum(c.status not in finished for c in recent) / len(recent) > 0.6


def test_parties_point_at_real_residents_and_organisations(full: tuple[DemoTownship, float]) -> None:
    town = full[0]
    disputes = [c for c in town.cases if c.kind == "dispute"]
    for case in town.cases:
        for party in case.parties:
            assert (party.resident_index is None) != (party.organisation_index is None)
            if party.resident_index is not None:
                assert 0 <= party.resident_index < len(town.residents)
                born = town.residents[party.resident_index].birth_date
                assert born.year <= case.registered_at.year - 17  # adults only
            else:
                assert party.organisation_index is not None
                assert 0 <= party.organisation_index < len(town.organisations)
                assert party.role == "respondent"
        residents = [p.resident_index for p in case.parties if p.resident_index is not None]
        assert len(set(residents)) == len(residents)
    for case in disputes:
        roles = [p.role for p in case.parties]
        assert roles[:2] == ["applicant", "respondent"] and 2 <= len(roles) <= 3
        assert case.people_involved >= len(case.parties)
    for case in town.cases:
        if case.kind != "dispute":
            assert len(case.parties) <= 1
    with_org = sum(any(p.organisation_index is not None for p in c.parties) for c in disputes)
    assert 0.04 < with_org / len(disputes) < 0.14
    pairs = Counter((c.parties[0].resident_index, c.parties[1].resident_index) for c in disputes
                    if c.parties[1].resident_index is not None)  # fmt: skip
    repeats = sum(n - 1 for n in pairs.values())
    assert 0.01 < repeats / len(disputes) < 0.06


def test_amounts_and_crowds_appear_where_they_belong(full: tuple[DemoTownship, float]) -> None:
    cases = full[0].cases
    assert all(c.amount_cents is None for c in cases if c.kind != "dispute")
    assert all(c.amount_cents is None or c.amount_cents > 0 for c in cases)
    with_amount = {c.category for c in cases if c.amount_cents}
    assert {"合同", "劳动争议", "道路交通事故", "消费"} <= with_amount
    crowds = {c.category for c in cases if c.people_involved >= 10}
    assert crowds and crowds <= {"征地拆迁", "劳动争议", "环境污染"}
    grid_patrols = [c for c in cases if c.kind == "grid_event" and not c.parties]
    assert grid_patrols and all(c.channel == "grid_officer" for c in grid_patrols)


def test_staff_has_the_expected_roles(small: DemoTownship) -> None:
    roles = Counter(role for _, role in small.staff)
    assert roles["director"] == 1 and roles["mediator"] == 4 and roles["clerk"] == 2
    assert roles["auditor"] == 1 and roles["admin"] == 1
    officers = {name for name, role in small.staff if role == "grid_officer"}
    assert officers == {g.officer_name for g in small.grids}
    assert len({name for name, _ in small.staff}) == len(small.staff)
