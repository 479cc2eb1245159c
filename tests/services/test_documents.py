"""Issuing documents from the store: numbers, reprints, verification, refusals, the batch and the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from govdesk.cli import main
from govdesk.domain.errors import PermissionDenied, ValidationError
from govdesk.services.actor import Actor
from govdesk.services.documents import batch_agreements, issue_document, verify_document
from govdesk.services.lifecycle import parse_action, perform
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.models import AuditEntry, Center, IssuedDocument, NumberCounter
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute
from tests.documents.samples import flat, pdf_pages
from tests.services.test_lifecycle import AGREEMENT, DIRECTOR

NOW = dt.datetime(2026, 11, 25, 2)  # 10:00 in China


def act(store: Store, number: str, action: str, data: object = None) -> None:
    perform(store, DIRECTOR, number, parse_action(action), data)


def agreed_case(store: Store, **overrides: object) -> str:
    """A dispute walked through the real lifecycle to a signed and sealed written agreement."""
    n = register_case(store, STAFF, parse_registration(dispute(**overrides))).number
    act(store, n, "accept", {"mediators": ["张调解员"], "application": "written"})
    act(store, n, "investigate", {"person": "李某", "place": "某村3组", "content": "现场查看，围墙东侧越界约0.5米。"})
    act(store, n, "mediate", {"content": "双方陈述，调解员释法。", "attendees": ["王某", "李某"], "recorder": "赵记录"})
    act(store, n, "agree", AGREEMENT)
    for step in ({"party": 1}, {"party": 2, "method": "fingerprint"}, {"signer": "mediator", "name": "张调解员"}):
        act(store, n, "sign", step)
    act(store, n, "seal")
    return n


def audit_events(store: Store, event: str) -> int:
    with store.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.event == event)) or 0)


def test_numbers_are_unique_per_year_kept_on_reprint_and_the_reprint_says_copy(store: Store) -> None:
    n = agreed_case(store)
    first = issue_document(store, STAFF, n, "agreement", now=NOW)
    assert first.doc_number == "(2026)测试人调字第01-001号" and not first.reprint
    text = "".join(pdf_pages(first.pdf))
    assert "副本" not in text and "第1份 共3份" in text and first.code in text
    again = issue_document(store, STAFF, n, "agreement", now=NOW + dt.timedelta(days=1))
    assert (again.doc_number, again.code, again.reprint) == (first.doc_number, first.code, True)
    assert "副本" in "".join(pdf_pages(again.pdf))
    assert issue_document(store, STAFF, n, "acceptance", now=NOW).doc_number == "(2026)测试人调字第01-002号"
    assert issue_document(store, STAFF, n, "session", now=NOW).doc_number == "(2026)测试人调字第01-003号"
    other = agreed_case(store, title="另一起纠纷")
    assert issue_document(store, STAFF, other, "agreement", now=dt.datetime(2027, 1, 4, 2)).doc_number == (
        "(2027)测试人调字第01-001号")  # a new year starts again at 1
    assert audit_events(store, "doc.issue") == 4 and audit_events(store, "doc.reprint") == 1
    with store.db.read() as session:
        row = session.scalar(select(IssuedDocument).where(IssuedDocument.number == first.doc_number))
        assert row is not None and row.reprints == 1 and row.issued_by == STAFF.name and len(row.content_sha256) == 64


def test_the_session_record_names_the_agreement_number(store: Store) -> None:
    n = agreed_case(store)
    agreement = issue_document(store, STAFF, n, "agreement", now=NOW)
    session = issue_document(store, STAFF, n, "session", now=NOW)
    assert f"编号{agreement.doc_number}" in flat("".join(pdf_pages(session.pdf)))


def test_changed_content_gets_a_new_number_and_the_old_paper_is_told(store: Store) -> None:
    n = agreed_case(store)
    old = issue_document(store, STAFF, n, "investigation", now=NOW)
    act(store, n, "correct", {"event": 2, "content": "围墙东侧越界约0.4米。", "reason": "复测"})
    new = issue_document(store, STAFF, n, "investigation", now=NOW + dt.timedelta(hours=1))
    assert new.doc_number != old.doc_number and not new.reprint
    assert "更正为：围墙东侧越界约0.4米" in flat("".join(pdf_pages(new.pdf)))
    check = verify_document(store, old.code)
    assert check.matches and check.superseded_by == new.doc_number and "内容更新的版本" in check.message


def test_a_station_number_keeps_two_pcs_of_one_centre_apart(store: Store) -> None:
    n = agreed_case(store)
    with store.db.write() as session:
        session.execute(update(Center).values(station_no=2))
    assert issue_document(store, STAFF, n, "agreement", now=NOW).doc_number == "(2026)测试人调字第02-001号"


def test_verify_accepts_the_pdf_and_its_code_and_rejects_alterations(store: Store) -> None:
    n = agreed_case(store)
    issued = issue_document(store, STAFF, n, "agreement", now=NOW)
    for evidence in (issued.pdf, issued.code, issued.code.lower().replace("-", " ")):
        check = verify_document(store, evidence)
        assert check.matches and check.doc_number == issued.doc_number and check.case_number == n
        assert "一致" in check.message and "人民调解协议书" in check.message
    last = issued.code[-1]
    altered = issued.code[:-1] + ("0" if last != "0" else "1")
    check = verify_document(store, altered)
    assert not check.matches and "不一致" in check.message and "改动" in check.message
    digest_at = issued.pdf.index(b"GD1:") + len("GD1:330483101:2026-01-001:")
    tampered = bytearray(issued.pdf)
    tampered[digest_at + 20] = ord("Z") if tampered[digest_at + 20] != ord("Z") else ord("Y")
    assert not verify_document(store, bytes(tampered)).matches
    unknown = verify_document(store, "2026-01-999-AAAA-AAAA")
    assert not unknown.matches and "没有出具过" in unknown.message
    with pytest.raises(ValidationError, match="格式不对"):
        verify_document(store, "not a code")
    with pytest.raises(ValidationError, match="没有找到核验信息"):
        verify_document(store, b"%PDF-1.4 nothing here")


def test_a_case_without_agreement_is_refused_and_nothing_is_numbered(store: Store) -> None:
    n = register_case(store, STAFF, parse_registration(dispute())).number
    act(store, n, "accept", {"mediators": ["张调解员"]})
    with pytest.raises(ValidationError, match="还没有调解协议"):
        issue_document(store, STAFF, n, "agreement", now=NOW)
    with pytest.raises(ValidationError, match="调解没有终止"):
        issue_document(store, STAFF, n, "termination-notice", now=NOW)
    with pytest.raises(ValidationError, match="文书种类“minutes”不认识"):
        issue_document(store, STAFF, n, "minutes", now=NOW)
    with store.db.read() as session:
        assert session.scalar(select(func.count()).select_from(IssuedDocument)) == 0
        assert session.scalar(select(func.count()).select_from(NumberCounter).where(NumberCounter.series == "doc")) == 0
    assert issue_document(store, STAFF, n, "acceptance", now=NOW).doc_number.endswith("第01-001号")


def test_printing_needs_the_print_permission(store: Store) -> None:
    n = agreed_case(store)
    with pytest.raises(PermissionDenied):
        issue_document(store, Actor("审计员", "auditor"), n, "agreement", now=NOW)
    with store.db.read() as session:
        assert session.scalar(select(func.count()).select_from(IssuedDocument)) == 0


def test_the_dossier_numbers_what_it_files(store: Store) -> None:
    n = agreed_case(store)
    act(store, n, "follow-up", {"performance": [{"obligation": 1, "status": "performed"}]})
    act(store, n, "close")
    act(store, n, "archive")
    dossier = issue_document(store, STAFF, n, "dossier", now=NOW)
    with store.db.read() as session:
        kinds = set(session.scalars(select(IssuedDocument.kind)))
    assert kinds == {"application", "acceptance", "rights-notice", "investigation", "session", "agreement", "follow-up",
                     "dossier"}  # fmt: skip
    text = flat("".join(pdf_pages(dossier.pdf)))
    assert dossier.doc_number in text and "卷 内 目 录" in text and "李主任" in text  # filed by the director


def test_batch_prints_the_months_agreements(store: Store, tmp_path: Path) -> None:
    numbers = [agreed_case(store), agreed_case(store, title="另一起纠纷")]
    seen: list[tuple[int, int]] = []
    month = dt.date.today().strftime("%Y-%m")
    result = batch_agreements(store, STAFF, month, lambda done, total, _msg: seen.append((done, total)),
                              out_dir=tmp_path, now=NOW)  # fmt: skip
    assert result.issued == 2 and result.reprinted == 0 and not result.skipped
    assert sorted(p.name.split("-人民调解协议书")[0] for p in result.files) == sorted(numbers)
    assert seen[-1] == (2, 2)
    again = batch_agreements(store, STAFF, month, out_dir=tmp_path, now=NOW)
    assert again.reprinted == 2 and again.issued == 0
    with pytest.raises(ValidationError, match="月份"):
        batch_agreements(store, STAFF, "2026/13")


def test_batch_skips_what_it_cannot_print_and_keeps_the_rest(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import govdesk.services.documents as service
    from govdesk.documents.catalog import DocumentUnavailable

    good, bad = agreed_case(store), agreed_case(store, title="另一起纠纷")
    real = service.check_available

    def refuse_one(kind: str, case: object, today: dt.date) -> None:
        if getattr(case, "number", "") == bad:
            raise DocumentUnavailable("模拟：这个事项不能打印")
        real(kind, case, today)  # type: ignore[arg-type]

    monkeypatch.setattr(service, "check_available", refuse_one)
    result = batch_agreements(store, STAFF, dt.date.today().strftime("%Y-%m"), now=NOW)
    assert result.issued == 1 and result.skipped == [(bad, "模拟：这个事项不能打印")]
    with store.db.read() as session:
        assert list(session.scalars(select(IssuedDocument.number))) == ["(2026)测试人调字第01-001号"]
    assert good


def test_cli_prints_verifies_and_refuses(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from govdesk.services import accounts

    store = Store.open(data_dir, writer=True)
    try:
        n = agreed_case(store)
        admin = accounts.create_first_admin(store, "admin", "管理员", "Admin#2026x")
        accounts.create_account(store, admin, "tiaojie", "张调解", "mediator", "Tiao#2026a")
        accounts.change_password(store, accounts.login(store, "tiaojie", "Tiao#2026a"), "Tiao#2026a", "Tiao#2026b")
    finally:
        store.close()
    monkeypatch.setenv("GOVDESK_USER", "tiaojie")
    monkeypatch.setenv("GOVDESK_PASSWORD", "Tiao#2026b")
    out = tmp_path / "协议书.pdf"
    base = ["--data-dir", str(data_dir), "doc"]
    assert main([*base, n, "--kind", "agreement", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    printed = capsys.readouterr().out
    code = printed.split("核验码 ")[1].split("，")[0]
    assert main([*base, "verify", str(out)]) == 0 and "一致" in capsys.readouterr().out
    assert main([*base, "verify", code]) == 0
    assert main([*base, "verify", code[:-1] + ("0" if code[-1] != "0" else "1")]) == 1
    assert "不一致" in capsys.readouterr().out
    bad = tmp_path / "x.pdf"
    assert main([*base, n, "--kind", "nonsense", "-o", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and err.count("\n") == 1 and not bad.exists()
    assert main([*base, n, "--kind", "termination-notice", "-o", str(bad)]) == 2 and not bad.exists()
    assert main([*base, n, "--kind", "agreement"]) == 2
    assert main([*base, "verify", "bogus"]) == 2
