"""A mediator's day: every path of the case lifecycle, including refusals, failures and illegal steps."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from govdesk.domain.errors import IllegalTransition, PermissionDenied, ValidationError
from govdesk.services import case_queries
from govdesk.services.actor import Actor
from govdesk.services.lifecycle import parse_action, perform, refresh_overdue_risks
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute

DIRECTOR = Actor("李主任", "director")


def act(store: Store, number: str, action: str, data: object = None, now: dt.datetime | None = None) -> str:
    return perform(store, DIRECTOR, number, parse_action(action), data, now=now).to_status.value


def new_case(store: Store, **overrides: object) -> str:
    return register_case(store, STAFF, parse_registration(dispute(**overrides))).number


AGREEMENT = {
    "matters": "东侧围墙是否越界",
    "responsibilities": "被申请人砌墙越界约0.5米，应负主要责任",
    "obligations": [
        {"obligor": "李某", "obligee": "王某", "content": "拆除越界部分围墙", "due_on": "2026-12-31", "method": "自行拆除"},
        {"obligor": "李某", "obligee": "王某", "content": "赔偿损失", "amount": "1500", "due_on": "2026-12-15", "method": "现金"},
    ],
}


def test_a_dispute_from_application_to_archived_dossier(store: Store) -> None:
    n = new_case(store)
    assert act(store, n, "accept", {"mediators": ["张调解员"], "application": "written"}) == "accepted"
    act(store, n, "investigate", {"person": "李某", "content": "现场查看，围墙东侧越界约0.5米。"})
    assert act(store, n, "mediate", {"content": "双方陈述，调解员释法。", "attendees": ["王某", "李某"]}) == "mediating"
    assert act(store, n, "agree", AGREEMENT) == "agreed"
    life = case_queries.case_lifecycle_by_number(store, n)
    assert life.agreements[0].copies == 3  # one per party and one kept by the committee
    assert life.agreements[0].effective_on is None
    with pytest.raises(ValidationError, match=r"王某（当事人）.*李某（当事人）.*调解员.*印章"):
        act(store, n, "close")
    act(store, n, "sign", {"party": 1})
    act(store, n, "sign", {"party": "李某", "method": "fingerprint"})
    act(store, n, "sign", {"signer": "mediator", "name": "张调解员"})
    act(store, n, "seal")
    agreement = case_queries.case_lifecycle_by_number(store, n).agreements[0]
    assert agreement.effective_on is not None and agreement.locked_hash
    assert agreement.missing_signers == ()
    with pytest.raises(ValidationError, match="尚未回访"):
        act(store, n, "close")
    act(store, n, "follow-up", {"performance": [{"obligation": 1, "status": "performed"}, {"obligation": 2, "status": "partly"}],
                                "satisfaction": "basically"})  # fmt: skip
    assert act(store, n, "close") == "closed"
    assert act(store, n, "archive") == "archived"
    life = case_queries.case_lifecycle_by_number(store, n)
    assert [e.action for e in life.timeline] == [
        "accept", "investigate", "mediate", "agree", "sign", "sign", "sign", "seal", "follow-up", "close", "archive"]
    assert all(at is not None for _, at in life.milestones)  # the "five firsts" were all stamped
    assert life.allowed_actions == ()


def test_only_the_director_archives(store: Store) -> None:
    n = new_case(store)
    act(store, n, "refuse", {"reason": "不属于人民调解范围"})
    with pytest.raises(PermissionDenied):
        perform(store, Actor("调解员", "mediator"), n, parse_action("archive"))


def test_refusal_and_a_party_refusing_mediation(store: Store) -> None:
    n = new_case(store)
    assert act(store, n, "refuse", {"reason": "被申请人明确拒绝调解", "party_refused": True}) == "refused"
    assert "拒绝调解" in case_queries.case_lifecycle_by_number(store, n).timeline[0].summary
    with pytest.raises(ValidationError, match="不予受理的理由"):
        act(store, new_case(store), "refuse", {})


def test_failed_mediation_records_the_notice_of_other_channels(store: Store) -> None:
    n = new_case(store)
    act(store, n, "accept", {"mediators": ["张调解员"]})
    act(store, n, "mediate", {"content": "双方分歧较大。"})
    with pytest.raises(ValidationError, match="仲裁、行政、司法"):
        act(store, n, "fail", {"reason": "分歧大"})
    assert act(store, n, "fail", {"reason": "双方分歧较大", "channels": ["arbitration", "judicial"]}) == "failed"
    assert "仲裁、司法（诉讼）" in case_queries.case_lifecycle_by_number(store, n).timeline[-1].summary
    assert act(store, n, "close") == "closed"


def test_oral_agreement_is_effective_at_once(store: Store) -> None:
    n = new_case(store)
    act(store, n, "accept", {"mediators": ["张调解员"]})
    act(store, n, "mediate", {"content": "当场和解。"})
    act(store, n, "agree-oral", {"content": "李某当场道歉，双方和好。"})
    agreement = case_queries.case_lifecycle_by_number(store, n).agreements[0]
    assert agreement.oral and agreement.effective_on == agreement.made_on and agreement.locked_hash
    assert act(store, n, "close") == "closed"


def test_illegal_transitions_are_refused_naming_the_current_state(store: Store) -> None:
    n = new_case(store)
    with pytest.raises(IllegalTransition, match=r"当前状态为“已登记”.*不能进行“达成书面协议”"):
        act(store, n, "agree", AGREEMENT)
    with pytest.raises(IllegalTransition):
        act(store, n, "close")
    assert case_queries.case_lifecycle_by_number(store, n).timeline == ()  # nothing written


def test_judicial_confirmation_window(store: Store) -> None:
    n = new_case(store)
    act(store, n, "accept", {"mediators": ["张"]})
    act(store, n, "mediate", {"content": "调解。"})
    act(store, n, "agree", AGREEMENT)
    with pytest.raises(ValidationError, match="尚未生效"):
        act(store, n, "apply-confirmation", {"court": "某县人民法院"})
    for step in ({"party": 1}, {"party": 2}, {"signer": "mediator"}):
        act(store, n, "sign", step)
    act(store, n, "seal")
    # Due soon: the 30-day window closes within the warning period when we look from 25 days later.
    effective = case_queries.case_lifecycle_by_number(store, n).agreements[0].effective_on
    assert effective is not None
    later = effective + dt.timedelta(days=25)
    soon = case_queries.list_cases(store, CaseFilter(due="due_soon", today=later))
    assert n in [r.number for r in soon]
    act(store, n, "apply-confirmation", {"court": "某县人民法院"})
    act(store, n, "confirmation-result", {"result": "confirmed", "case_no": "(2026)浙0000民特1号"})
    assert case_queries.case_lifecycle_by_number(store, n).agreements[0].confirmation_result == "confirmed"


def test_a_complaint_referred_to_a_department_and_closed_with_feedback(store: Store) -> None:
    n = register_case(store, STAFF, parse_registration({
        "title": "拖欠工资投诉", "kind": "complaint", "channel": "hotline_12345", "category": "劳动争议",
        "parties": [{"role": "applicant", "name": "赵某"}]}), now=dt.datetime(2026, 9, 30, 2)).number  # fmt: skip
    accepted = dt.datetime(2026, 9, 30, 2)  # Wednesday 30 September 2026, 10:00 Beijing time
    assert act(store, n, "refer", {"note": "请核实欠薪情况"}, now=accepted) == "referred"
    life = case_queries.case_lifecycle_by_number(store, n)
    referral = life.referrals[0]
    assert referral.department == "人力社保所"  # suggested from the responsibility list by category
    assert referral.receive_due == dt.date(2026, 10, 8)  # one working day, skipping National Day (1–7 Oct)
    # 13 working days: 8, 9, 10 (adjusted Saturday), 12–16, 19–23 October.
    assert referral.handle_due == dt.date(2026, 10, 23)
    act(store, n, "dept-receive", {"by": "社保所王科长"}, now=dt.datetime(2026, 10, 8, 1))
    assert act(store, n, "dept-report", {"report": "已督促企业支付工资"}, now=dt.datetime(2026, 10, 12, 1)) == "handled"
    assert act(store, n, "send-back", {"reason": "未附支付凭证"}, now=dt.datetime(2026, 10, 12, 2)) == "referred"
    act(store, n, "dept-report", {"report": "已支付，附凭证"}, now=dt.datetime(2026, 10, 13, 1))
    act(store, n, "confirm-result", {"note": "凭证齐全"}, now=dt.datetime(2026, 10, 13, 2))
    assert act(store, n, "feedback", {"to": "赵某", "content": "工资已到账", "satisfaction": "satisfied"},
               now=dt.datetime(2026, 10, 13, 3)) == "fed_back"  # fmt: skip
    assert act(store, n, "close", now=dt.datetime(2026, 10, 13, 4)) == "closed"
    life = case_queries.case_lifecycle_by_number(store, n)
    assert [e.actor for e in life.timeline] == ["李主任"] * len(life.timeline)
    assert life.referrals[0].sent_back_count == 1 and not life.referrals[0].active


def test_grid_event_resolved_on_the_spot(store: Store) -> None:
    n = register_case(store, STAFF, parse_registration({"title": "路边乱堆乱放", "kind": "grid_event", "channel": "grid_officer"})).number
    assert act(store, n, "resolve-on-spot", {"note": "已督促清理", "photos": ["before.jpg", "after.jpg"]}) == "handled"
    act(store, n, "feedback", {"content": "已清理"})
    assert act(store, n, "close") == "closed"
    with pytest.raises(IllegalTransition):
        act(store, new_case(store), "resolve-on-spot", {"note": "x"})  # only grid events


def test_reporting_to_police_forces_red_and_manual_levels_need_a_reason(store: Store) -> None:
    n = new_case(store)
    act(store, n, "report-police", {"reason": "一方扬言报复", "police_station": "某派出所"})
    life = case_queries.case_lifecycle_by_number(store, n)
    assert life.detail.row.risk.value == "red"
    act(store, n, "set-risk", {"level": "green", "reason": "已平息"})
    assert case_queries.show_case(store, n).row.risk.value == "red"  # the police flag keeps it red
    other = new_case(store, parties=[{"role": "applicant", "name": "钱某"}])
    with pytest.raises(ValidationError, match="调整理由"):
        act(store, other, "set-risk", {"level": "yellow"})
    act(store, other, "set-risk", {"level": "yellow", "reason": "当事人情绪激动"})
    assert case_queries.show_case(store, other).row.risk.value == "yellow"


def test_many_people_make_a_case_red_at_registration(store: Store) -> None:
    n = new_case(store, people_involved=35)
    life = case_queries.case_lifecycle_by_number(store, n)
    assert life.detail.row.risk.value == "red" and any("30人" in r for r in life.risk_reasons)


def test_overdue_cases_turn_yellow_and_appear_in_the_overdue_list(store: Store) -> None:
    n = new_case(store)
    act(store, n, "accept", {"mediators": ["张"]}, now=dt.datetime(2026, 1, 5, 2))
    later = dt.date(2026, 3, 1)
    assert [r.number for r in case_queries.list_cases(store, CaseFilter(due="overdue", today=later))] == [n]
    assert refresh_overdue_risks(store, today=later) == 1
    assert case_queries.show_case(store, n).row.risk.value == "yellow"


def test_records_are_append_only_and_corrections_reference_the_original(store: Store) -> None:
    n = new_case(store)
    act(store, n, "accept", {"mediators": ["张"]})
    act(store, n, "investigate", {"content": "围墙越界1米。"})
    act(store, n, "correct", {"event": 2, "content": "围墙越界0.5米。", "reason": "测量有误"})
    timeline = case_queries.case_lifecycle_by_number(store, n).timeline
    assert timeline[-1].corrects_seq == 2 and timeline[1].payload["content"] == "围墙越界1米。"  # type: ignore[index]
    with pytest.raises(Exception, match="append-only"), store.db.write() as session:
        session.execute(text("UPDATE case_events SET summary = 'x'"))


def test_repeat_dispute_between_the_same_parties_is_yellow(store: Store) -> None:
    parties = [{"role": "applicant", "name": "王某", "id_number": "330483199003150013"},
               {"role": "respondent", "name": "孙某", "id_number": "330483198501010027"}]  # fmt: skip
    new_case(store, parties=parties)
    second = new_case(store, parties=parties, title="又因围墙起纠纷")
    assert case_queries.show_case(store, second).row.risk.value == "yellow"
