"""The supplementary agreement (补充协议): a signed agreement is never edited; a change is a new agreement that
points at it, is signed and sealed like it, gets its own document number and is verifiable like it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from govdesk.cli import main
from govdesk.domain.errors import IllegalTransition, PermissionDenied, ValidationError
from govdesk.domain.lifecycle import Action
from govdesk.security.policy import ACTION_PERMISSION, Role, allowed
from govdesk.services import case_queries
from govdesk.services.actor import Actor
from govdesk.services.documents import issue_document, verify_document
from govdesk.services.lifecycle import parse_action, perform
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.models import Agreement, AuditEntry, Case
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute
from tests.documents.samples import flat, pdf_pages
from tests.services.test_documents import NOW, agreed_case
from tests.services.test_lifecycle import AGREEMENT, DIRECTOR

SUPPLEMENT = {
    "matters": "原协议第二项赔偿款的履行期限和方式变更",
    "obligations": [
        {"obligor": "李某", "obligee": "王某", "content": "赔偿损失", "amount": "1500", "due_on": "2027-01-31",
         "method": "银行转账", "place": "某村村委会"},
    ],
}  # fmt: skip


def act(store: Store, number: str, action: str, data: object = None) -> str:
    return perform(store, DIRECTOR, number, parse_action(action), data).summary


def sign_all(store: Store, number: str) -> None:
    for step in ({"party": 1}, {"party": 2}, {"signer": "mediator", "name": "张调解员"}):
        act(store, number, "sign", step)
    act(store, number, "seal")


def agreements(store: Store, number: str) -> list[Agreement]:
    with store.db.read() as session:
        case_id = session.scalar(select(Case.id).where(Case.number == number))
        rows = list(session.scalars(select(Agreement).where(Agreement.case_id == case_id).order_by(Agreement.created_at)))
        for row in rows:  # loaded while the session is open
            _ = (row.obligations, row.signatures)
        session.expunge_all()
        return rows


def case_row(store: Store, number: str) -> Case:
    with store.db.read() as session:
        case = session.scalar(select(Case).where(Case.number == number))
        assert case is not None
        session.expunge(case)
        return case


def squash(text: str) -> str:
    """Text without any white space (the title and the number below it read as one)."""
    return re.sub(r"\s", "", text)


def snapshot(a: Agreement) -> tuple[object, ...]:
    return (a.made_on, a.facts, a.matters, a.responsibilities, a.copies, a.effective_on, a.locked_hash,
            [(o.position, o.obligor, o.content, o.amount_cents, o.due_on) for o in a.obligations],
            [(s.signer, s.party_position, s.name) for s in a.signatures])  # fmt: skip


def test_a_supplement_leaves_the_signed_agreement_and_the_resolved_time_alone(store: Store) -> None:
    n = agreed_case(store)
    [original] = agreements(store, n)
    before, case_before = snapshot(original), case_row(store, n)
    assert original.locked_hash and case_before.resolved_at is not None and case_before.confirmed_at is not None

    summary = act(store, n, "supplement", SUPPLEMENT)
    assert "补充协议" in summary and "原协议不变" in summary
    first, supplement = agreements(store, n)
    assert snapshot(first) == before  # the signed agreement is untouched
    assert supplement.supplements_id == original.id and supplement.effective_on is None and not supplement.locked_hash
    assert supplement.matters == SUPPLEMENT["matters"] and supplement.copies == original.copies == 3
    assert [(o.position, o.content, o.amount_cents, o.due_on) for o in supplement.obligations] == [
        (1, "赔偿损失", 150000, dt.date(2027, 1, 31))]
    assert supplement.responsibilities == original.responsibilities  # not typed: carried over from the agreement
    case_after = case_row(store, n)
    assert (case_after.resolved_at, case_after.confirmed_at) == (case_before.resolved_at, case_before.confirmed_at)

    life = case_queries.case_lifecycle_by_number(store, n)
    assert life.timeline[-1].action == "supplement" and life.timeline[-1].action_label == "订立补充协议"
    assert life.timeline[-1].payload == {"agreement_id": supplement.id, "obligations": 1,
                                         "supplements_id": original.id, "supplement_no": 1}  # fmt: skip
    assert life.agreements[-1].supplements_id == original.id
    assert life.agreements[-1].missing_signers  # everyone signs the supplement afresh
    with store.db.read() as session:
        audit = session.scalars(select(AuditEntry).where(AuditEntry.event == "case.supplement")).all()
        assert len(audit) == 1 and audit[0].object_id == case_before.id and audit[0].details is not None
        assert "补充协议" in str(audit[0].details["summary"])

    # Signing and sealing goes to the supplement and locks it; the agreement and the "five firsts" stay.
    for step in ({"party": 1}, {"party": 2}, {"signer": "mediator", "name": "张调解员"}):
        act(store, n, "sign", step)
    assert "补充协议自" in act(store, n, "seal")
    first, supplement = agreements(store, n)
    assert snapshot(first) == before
    assert supplement.effective_on is not None and supplement.locked_hash and len(supplement.signatures) == 4
    assert case_row(store, n).confirmed_at == case_before.confirmed_at


def test_refused_on_an_agreement_not_yet_signed_and_sealed(store: Store) -> None:
    n = register_case(store, STAFF, parse_registration(dispute())).number
    act(store, n, "accept", {"mediators": ["张调解员"]})
    act(store, n, "mediate", {"content": "双方陈述。"})
    act(store, n, "agree", AGREEMENT)
    act(store, n, "sign", {"party": 1})
    with pytest.raises(ValidationError, match=r"调解协议尚未签名盖章生效（还缺：李某（当事人）、调解员、人民调解委员会印章）"):
        act(store, n, "supplement", SUPPLEMENT)
    assert len(agreements(store, n)) == 1  # nothing was written

    sign_rest = ({"party": 2}, {"signer": "mediator", "name": "张调解员"})
    for step in sign_rest:
        act(store, n, "sign", step)
    act(store, n, "seal")
    act(store, n, "supplement", SUPPLEMENT)
    with pytest.raises(ValidationError, match="上一份补充协议尚未签名盖章生效"):
        act(store, n, "supplement", SUPPLEMENT)
    sign_all(store, n)
    with pytest.raises(ValidationError, match="不能早于原协议生效的日期"):
        act(store, n, "supplement", {**SUPPLEMENT, "made_on": "2020-01-01"})
    assert len(agreements(store, n)) == 2


def test_refused_on_an_oral_agreement_and_before_any_agreement(store: Store) -> None:
    n = register_case(store, STAFF, parse_registration(dispute())).number
    act(store, n, "accept", {"mediators": ["张调解员"]})
    act(store, n, "mediate", {"content": "双方陈述。"})
    with pytest.raises(IllegalTransition, match="当前状态为“调解中”的矛盾纠纷不能进行“订立补充协议”"):
        act(store, n, "supplement", SUPPLEMENT)
    act(store, n, "agree-oral", {"content": "李某当场道歉，双方和好。"})
    with pytest.raises(ValidationError, match="口头协议"):
        act(store, n, "supplement", SUPPLEMENT)


def test_only_those_who_draft_agreements_may_make_a_supplement(store: Store) -> None:
    assert [r for r in Role if allowed(r, ACTION_PERMISSION[Action.SUPPLEMENT])] == [
        r for r in Role if allowed(r, ACTION_PERMISSION[Action.AGREE])] == [Role.DIRECTOR, Role.MEDIATOR]
    n = agreed_case(store)
    with pytest.raises(PermissionDenied):
        perform(store, Actor("工作人员甲", "clerk"), n, Action.SUPPLEMENT, SUPPLEMENT)
    perform(store, Actor("调解员甲", "mediator"), n, Action.SUPPLEMENT, SUPPLEMENT)


def test_a_closed_case_returns_to_agreed_until_the_supplement_is_signed(store: Store) -> None:
    n = agreed_case(store)
    act(store, n, "follow-up", {"performance": [{"obligation": 1, "status": "performed"}]})
    act(store, n, "close")
    closed_at = case_row(store, n).closed_at
    assert "再次结案" in act(store, n, "supplement", SUPPLEMENT)
    assert case_row(store, n).status == "agreed"
    with pytest.raises(ValidationError, match="补充协议还缺签名或印章"):
        act(store, n, "close")
    sign_all(store, n)
    act(store, n, "close")
    after = case_row(store, n)
    assert after.status == "closed" and after.closed_at == closed_at


def test_the_supplement_is_numbered_titled_and_names_the_agreement(store: Store) -> None:
    n = agreed_case(store)
    original = issue_document(store, STAFF, n, "agreement", now=NOW)
    act(store, n, "supplement", SUPPLEMENT)
    sign_all(store, n)
    issued = issue_document(store, STAFF, n, "supplement", now=NOW)
    assert issued.kind == "supplement-1" and not issued.reprint
    assert issued.doc_number == "(2026)测试人调字第01-002号" != original.doc_number  # the same series, its own number
    pages = pdf_pages(issued.pdf)
    text = flat("".join(pages))
    assert "人民调解补充协议书" in pages[0] and f"编号：{issued.doc_number}" in flat(pages[0])
    made_on = agreements(store, n)[0].made_on
    assert (f"本协议是对{original.doc_number}人民调解协议书的补充。原协议由各方当事人于"
            f"{made_on.year}年{made_on.month}月{made_on.day}日经测试镇人民调解委员会调解达成") in flat(pages[0])  # fmt: skip
    assert "一、李某于2027年1月31日前在某村村委会以银行转账方式向王某赔偿损失" in text
    assert "本补充协议与原协议约定不一致的，以本补充协议为准" in text
    assert "本补充协议一式3份" in text and "第3份 共3份（人民调解委员会存档）" in text
    # Printing the agreement again reprints it under its old number: its content did not change.
    again = issue_document(store, STAFF, n, "agreement", now=NOW + dt.timedelta(days=1))
    assert again.reprint and again.doc_number == original.doc_number
    assert "人民调解补充协议书" not in "".join(pdf_pages(again.pdf))
    # Both papers verify, and the agreement's paper is not "superseded" by its supplement.
    check = verify_document(store, issued.pdf)
    assert check.matches and check.doc_number == issued.doc_number and "人民调解补充协议书" in check.message
    old = verify_document(store, original.code)
    assert old.matches and not old.superseded_by
    assert issue_document(store, STAFF, n, "supplement", now=NOW).reprint


def test_a_supplement_to_an_agreement_never_printed_here_still_names_its_number(store: Store) -> None:
    n = agreed_case(store)
    act(store, n, "supplement", SUPPLEMENT)
    issued = issue_document(store, STAFF, n, "supplement-1", now=NOW)
    assert issued.doc_number == "(2026)测试人调字第01-002号"  # 01-001 went to the agreement it names
    assert "本协议是对(2026)测试人调字第01-001号人民调解协议书的补充" in flat(pdf_pages(issued.pdf)[0])
    agreement = issue_document(store, STAFF, n, "agreement", now=NOW)
    assert agreement.doc_number == "(2026)测试人调字第01-001号"


def test_a_second_supplement_gets_its_own_kind_and_number(store: Store) -> None:
    n = agreed_case(store)
    with pytest.raises(ValidationError, match="没有订立过补充协议"):
        issue_document(store, STAFF, n, "supplement", now=NOW)
    act(store, n, "supplement", SUPPLEMENT)
    sign_all(store, n)
    first = issue_document(store, STAFF, n, "supplement", now=NOW)
    act(store, n, "supplement", {**SUPPLEMENT, "matters": "履行地点变更"})
    second = issue_document(store, STAFF, n, "supplement", now=NOW)
    assert (first.kind, second.kind) == ("supplement-1", "supplement-2")
    assert len({first.doc_number, second.doc_number}) == 2
    assert "履行地点变更" in flat("".join(pdf_pages(second.pdf)))
    assert issue_document(store, STAFF, n, "supplement-1", now=NOW).doc_number == first.doc_number
    assert not verify_document(store, first.code).superseded_by  # another supplement is no newer version of it
    with pytest.raises(ValidationError, match="只有2份补充协议，没有第3份"):
        issue_document(store, STAFF, n, "supplement-3", now=NOW)


def test_the_confirmation_pack_and_the_dossier_carry_the_supplement(store: Store) -> None:
    n = agreed_case(store)
    agreement = issue_document(store, STAFF, n, "agreement", now=NOW)
    act(store, n, "supplement", SUPPLEMENT)
    with pytest.raises(ValidationError, match="补充协议尚未生效"):
        issue_document(store, STAFF, n, "confirmation-pack", now=NOW)
    sign_all(store, n)
    supplement = issue_document(store, STAFF, n, "supplement", now=NOW)
    act(store, n, "apply-confirmation", {"court": "某县人民法院"})
    pack = issue_document(store, STAFF, n, "confirmation-pack", now=NOW)
    text = flat("".join(pdf_pages(pack.pdf)))
    assert f"人民调解补充协议（编号：{supplement.doc_number}）" in text
    assert f"人民调解协议（编号：{agreement.doc_number}）" in text
    assert f"人民调解补充协议书原件（编号：{supplement.doc_number}）" in text
    squashed = squash(text)
    assert squashed.index("人民调解协议书编号") < squashed.index("人民调解补充协议书编号")  # the agreement, then its supplement
    assert verify_document(store, pack.pdf).matches

    act(store, n, "follow-up", {"performance": [{"obligation": 1, "status": "performed"}]})
    act(store, n, "close")
    dossier = issue_document(store, DIRECTOR, n, "dossier", now=NOW)
    pages = [squash(p) for p in pdf_pages(dossier.pdf)]
    contents = next(p for p in pages if "卷内目录" in p)
    assert "人民调解协议书、人民调解补充协议书" in contents  # slot 8, after the agreement
    first_agreement = next(i for i, p in enumerate(pages) if "人民调解协议书编号" in p)
    first_supplement = next(i for i, p in enumerate(pages) if "人民调解补充协议书编号" in p)
    assert first_agreement < first_supplement
    assert f"编号：{supplement.doc_number}" in pages[first_supplement]


def test_cli_prints_and_verifies_the_supplement(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from govdesk.services import accounts

    store = Store.open(data_dir, writer=True)
    try:
        n = agreed_case(store)
        act(store, n, "supplement", SUPPLEMENT)
        admin = accounts.create_first_admin(store, "admin", "管理员", "Admin#2026x")
        accounts.create_account(store, admin, "tiaojie", "张调解", "mediator", "Tiao#2026a")
        accounts.change_password(store, accounts.login(store, "tiaojie", "Tiao#2026a"), "Tiao#2026a", "Tiao#2026b")
    finally:
        store.close()
    monkeypatch.setenv("GOVDESK_USER", "tiaojie")
    monkeypatch.setenv("GOVDESK_PASSWORD", "Tiao#2026b")
    out = tmp_path / "补充协议.pdf"
    base = ["--data-dir", str(data_dir), "doc"]
    assert main([*base, n, "--kind", "supplement", "-o", str(out)]) == 0
    assert "人民调解补充协议书" in flat("".join(pdf_pages(out.read_bytes())))
    capsys.readouterr()
    assert main([*base, "verify", str(out)]) == 0 and "人民调解补充协议书" in capsys.readouterr().out
