"""Personal information rights: a full number revealed only with the permission and a reason (audited, refusals
too); everything held about a person exported for them; anonymisation keeps the statistics and is refused
while a case of theirs is open."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from govdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from govdesk.domain.lifecycle import Action
from govdesk.security.policy import Perm, Role, allowed
from govdesk.services import case_queries, person_rights
from govdesk.services.actor import Actor
from govdesk.services.lifecycle import perform
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.models import AuditEntry
from govdesk.store.store import Store
from tests.conftest import VALID_ID, dispute

ACTORS = {role: Actor(f"{role.label}甲", role.value, role.value) for role in Role}
DIRECTOR, MEDIATOR = ACTORS[Role.DIRECTOR], ACTORS[Role.MEDIATOR]


def _wang(store: Store) -> str:
    (person,) = case_queries.search_persons(store, VALID_ID)
    return person.id


def _last_audit(store: Store) -> AuditEntry:
    with store.db.read() as session:
        entry = session.scalar(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1))
        assert entry is not None
        return entry


@pytest.fixture
def registered(store: Store) -> tuple[Store, str]:
    number = register_case(store, DIRECTOR, parse_registration(dispute())).number
    return store, number


@pytest.fixture
def withdrawn(store: Store) -> tuple[Store, str]:
    """A dispute of 王某 that is over (withdrawn after acceptance)."""
    number = register_case(store, DIRECTOR, parse_registration(dispute())).number
    perform(store, DIRECTOR, number, Action.ACCEPT, {"mediators": ["张调解员"]})
    perform(store, DIRECTOR, number, Action.WITHDRAW, {"reason": "当事人撤回申请"})
    return store, number


# --- reveal ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", list(Role))
def test_reveal_obeys_the_policy_table_and_refusals_are_audited(registered: tuple[Store, str], role: Role) -> None:
    store, _number = registered
    person_id = _wang(store)
    if allowed(role, Perm.REVEAL):
        shown = person_rights.reveal_person_field(store, ACTORS[role], person_id, "id_number", "核实当事人身份")
        assert shown.value == VALID_ID
        entry = _last_audit(store)
        assert (entry.event, entry.outcome, entry.object_id) == ("person.reveal", "ok", person_id)
    else:
        with pytest.raises(PermissionDenied):
            person_rights.reveal_person_field(store, ACTORS[role], person_id, "id_number", "核实当事人身份")
        entry = _last_audit(store)
        assert (entry.event, entry.outcome) == ("person.reveal", "denied")
    assert entry.details == {"field": "id_number", "reason": "核实当事人身份"}
    assert VALID_ID not in json.dumps(entry.details)  # the audit never holds the number itself


def test_reveal_needs_a_reason_and_shows_only_the_field_asked_for(registered: tuple[Store, str]) -> None:
    store, _number = registered
    person_id = _wang(store)
    before = _last_audit(store).seq
    for reason in ("", "   ", "a"):
        with pytest.raises(ValidationError, match="理由") as err:
            person_rights.reveal_person_field(store, MEDIATOR, person_id, "phone", reason)
        assert err.value.field == "reason"
    assert _last_audit(store).seq == before  # nothing revealed, nothing written
    shown = person_rights.reveal_person_field(store, MEDIATOR, person_id, "phone", "  电话回访\n当事人 ")
    assert (shown.field, shown.value, shown.label) == ("phone", "13800138000", "联系电话")
    assert _last_audit(store).details == {"field": "phone", "reason": "电话回访 当事人"}
    with pytest.raises(ValidationError):
        person_rights.reveal_person_field(store, MEDIATOR, person_id, "address", "核实身份")
    with pytest.raises(NotFound):
        person_rights.reveal_person_field(store, MEDIATOR, "no-such-person", "phone", "核实身份")


def test_reveal_of_a_number_that_was_never_recorded_says_so(store: Store) -> None:
    register_case(store, DIRECTOR, parse_registration(dispute(parties=[
        {"role": "applicant", "name": "钱某", "id_number": VALID_ID}])))  # fmt: skip
    with pytest.raises(ValidationError, match="没有登记联系电话"):
        person_rights.reveal_person_field(store, DIRECTOR, _wang(store), "phone", "电话回访")


# --- export ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", list(Role))
def test_export_obeys_the_policy_table(registered: tuple[Store, str], role: Role) -> None:
    store, _number = registered
    if allowed(role, Perm.PERSON_EXPORT):
        person_rights.export_person_data(store, ACTORS[role], _wang(store), "本人书面申请")
        assert _last_audit(store).outcome == "ok"
    else:
        with pytest.raises(PermissionDenied):
            person_rights.export_person_data(store, ACTORS[role], _wang(store), "本人书面申请")
        assert (_last_audit(store).event, _last_audit(store).outcome) == ("person.export", "denied")
    assert [r for r in Role if allowed(r, Perm.PERSON_EXPORT)] == [Role.DIRECTOR]


def test_export_holds_everything_about_the_person_and_nothing_of_the_others(registered: tuple[Store, str]) -> None:
    store, number = registered
    person_id = _wang(store)
    second = register_case(store, DIRECTOR, parse_registration(dispute(
        title="借款纠纷", parties=[{"role": "respondent", "name": "王某", "id_number": VALID_ID},
                               {"role": "applicant", "name": "赵某", "id_number": "330483198507120024",
                                "phone": "13900139000"}])))  # fmt: skip
    perform(store, DIRECTOR, number, Action.ACCEPT, {"mediators": ["张调解员"]})
    person_rights.reveal_person_field(store, DIRECTOR, person_id, "phone", "电话回访")
    exported = person_rights.export_person_data(store, DIRECTOR, person_id, "本人书面申请（2026年11月20日）")
    assert exported.cases == 2 and exported.file_name.endswith(".json") and "王某" in exported.file_name
    doc = json.loads(exported.data.decode("utf-8"))
    me = doc["个人信息"]
    assert (me["姓名"], me["证件号码"], me["联系电话"]) == ("王某", VALID_ID, "13800138000")
    cases = {c["编号"]: c for c in doc["作为当事人的事项"]}
    assert set(cases) == {number, second.number}
    assert cases[number]["本人身份"] == "申请人" and cases[second.number]["本人身份"] == "被申请人"
    assert cases[second.number]["其他当事人"] == [{"身份": "申请人", "姓名": "赵某"}]
    assert any(step["环节"] == "受理" for step in cases[number]["办理经过"])
    assert [r["理由"] for r in doc["本人信息的查看和导出记录"]] == ["电话回访"]
    text = exported.data.decode("utf-8")
    assert "330483198507120024" not in text and "13900139000" not in text  # the other party's numbers
    entry = _last_audit(store)
    assert entry.event == "person.export" and entry.details == {"reason": "本人书面申请（2026年11月20日）", "cases": 2}


# --- anonymise -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", list(Role))
def test_anonymise_obeys_the_policy_table(withdrawn: tuple[Store, str], role: Role) -> None:
    store, _number = withdrawn
    person_id = _wang(store)
    if allowed(role, Perm.PERSON_ANONYMISE):
        person_rights.anonymise_person(store, ACTORS[role], person_id, "本人申请删除")
    else:
        with pytest.raises(PermissionDenied):
            person_rights.anonymise_person(store, ACTORS[role], person_id, "本人申请删除")
        assert (_last_audit(store).event, _last_audit(store).outcome) == ("person.anonymise", "denied")
    assert [r for r in Role if allowed(r, Perm.PERSON_ANONYMISE)] == [Role.DIRECTOR]


def test_anonymise_is_refused_while_a_case_is_open_and_says_which(registered: tuple[Store, str]) -> None:
    store, number = registered
    person_id = _wang(store)
    assert person_rights.open_cases_of(store, person_id) == [(number, "已登记")]
    with pytest.raises(ValidationError, match=f"1件未办结事项.*{number}.*办结或归档后"):
        person_rights.anonymise_person(store, DIRECTOR, person_id, "本人申请删除")
    assert case_queries.search_persons(store, VALID_ID)[0].name == "王某"  # nothing changed


def test_anonymise_replaces_identity_and_keeps_the_statistics(withdrawn: tuple[Store, str]) -> None:
    store, number = withdrawn
    person_id = _wang(store)
    assert person_rights.open_cases_of(store, person_id) == []
    before = case_queries.store_info(store).counts
    done = person_rights.anonymise_person(store, DIRECTOR, person_id, "本人申请删除个人信息")
    assert done.cases == 1 and done.placeholder.startswith("匿名当事人-")
    assert case_queries.search_persons(store, VALID_ID) == []
    assert case_queries.search_persons(store, "13800138000") == []
    assert case_queries.search_persons(store, "王某") == []
    detail = case_queries.show_case(store, number)
    party = detail.parties[0]
    assert (party.name, party.id_number_masked, party.phone_masked, party.address) == (
        done.placeholder, "", "", person_rights.ANONYMOUS_ADDRESS)  # fmt: skip
    assert "王某" not in detail.row.party_names
    assert [r.number for r in case_queries.list_cases(store, CaseFilter(search="王某"))] == []
    assert case_queries.store_info(store).counts == before  # every case and person still counted
    entry = _last_audit(store)
    assert entry.event == "person.anonymise" and entry.object_id == person_id
    assert entry.details is not None and "王某" not in json.dumps(entry.details, ensure_ascii=False)
    assert store.integrity_problems() == []
