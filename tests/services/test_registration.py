"""Registering cases as a user does: numbers, duplicates, persons, grids, nothing half-written."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from govdesk.domain.errors import ValidationError
from govdesk.services import case_queries
from govdesk.services.registration import find_duplicates, parse_registration, register_case
from govdesk.store.models import AuditEntry, Case, Grid, Person, Village
from govdesk.store.reference_repo import local_center
from govdesk.store.store import Store
from tests.conftest import CENTER_CODE, STAFF, dispute


def _count(store: Store, model: type) -> int:
    with store.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_numbers_are_sequential_per_year_and_survive_a_restart(store: Store) -> None:
    draft = parse_registration(dispute())
    first = register_case(store, STAFF, draft, now=dt.datetime(2026, 3, 1)).number
    second = register_case(store, STAFF, draft, now=dt.datetime(2026, 3, 2)).number
    assert first == f"{CENTER_CODE}-2026-01-00001"
    assert second == f"{CENTER_CODE}-2026-01-00002"
    data_dir = store.data_dir
    store.close()
    reopened = Store.open(data_dir, writer=True)
    try:
        assert register_case(reopened, STAFF, draft, now=dt.datetime(2026, 3, 3)).number.endswith("-00003")
        assert register_case(reopened, STAFF, draft, now=dt.datetime(2027, 1, 2)).number == f"{CENTER_CODE}-2027-01-00001"
    finally:
        reopened.close()


def test_a_registration_writes_one_audit_entry_in_the_same_transaction(store: Store) -> None:
    before = _count(store, AuditEntry)
    register_case(store, STAFF, parse_registration(dispute()))
    assert _count(store, AuditEntry) == before + 1


def test_a_second_case_with_the_same_id_number_reuses_the_person_and_hints_a_duplicate(store: Store) -> None:
    first = register_case(store, STAFF, parse_registration(dispute()))
    assert first.duplicates == ()
    hints = find_duplicates(store, parse_registration(dispute(title="又来了")))
    assert [h.number for h in hints] == [first.number]
    second = register_case(store, STAFF, parse_registration(dispute(title="又来了")))
    assert [h.number for h in second.duplicates] == [first.number]
    with store.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Person).where(Person.id_number.is_not(None))) == 1


def test_same_id_number_with_another_name_is_refused_and_nothing_is_written(store: Store) -> None:
    register_case(store, STAFF, parse_registration(dispute()))
    cases_before, persons_before = _count(store, Case), _count(store, Person)
    other = dispute(parties=[{"role": "applicant", "name": "张三", "id_number": "330483199003150013"}])
    with pytest.raises(ValidationError, match="已登记为“王某”"):
        register_case(store, STAFF, parse_registration(other))
    assert (_count(store, Case), _count(store, Person)) == (cases_before, persons_before)


def _add_village_with_grid(store: Store) -> None:
    square = {"type": "Polygon", "coordinates": [[[120.5, 30.6], [120.6, 30.6], [120.6, 30.7], [120.5, 30.7], [120.5, 30.6]]]}
    with store.db.write() as session:
        center_id = local_center(session).id
        village = Village(center_id=center_id, code="330483101001", name="东风村")
        session.add(village)
        session.flush()
        session.add(Grid(center_id=center_id, village_id=village.id, code="33048310100101", name="东风村第一网格", boundary=square))


def test_a_location_inside_a_grid_is_placed_in_that_grid_and_village(store: Store) -> None:
    _add_village_with_grid(store)
    number = register_case(store, STAFF, parse_registration(dispute(latitude=30.65, longitude=120.55))).number
    detail = case_queries.show_case(store, number)
    assert detail.grid == "东风村第一网格"
    assert detail.row.village == "东风村"


def test_an_unknown_village_is_refused(store: Store) -> None:
    with pytest.raises(ValidationError, match="不存在"):
        register_case(store, STAFF, parse_registration(dispute(village="桃花村")))


def test_the_detail_masks_id_and_phone(store: Store) -> None:
    number = register_case(store, STAFF, parse_registration(dispute())).number
    party = case_queries.show_case(store, number).parties[0]
    assert party.id_number_masked == "3304**********0013"
    assert party.phone_masked == "138****8000"


def test_rare_characters_survive_registration_and_search(store: Store) -> None:
    number = register_case(
        store, STAFF, parse_registration(dispute(parties=[{"role": "applicant", "name": "𠮷䶮"}]))
    ).number
    assert case_queries.show_case(store, number).parties[0].name == "𠮷䶮"
    from govdesk.store.cases_repo import CaseFilter

    assert [r.number for r in case_queries.list_cases(store, CaseFilter(search="𠮷"))] == [number]
