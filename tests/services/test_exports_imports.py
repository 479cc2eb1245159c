"""Case-list exports (columns and order of the list, ID numbers masked unless approved in full, a second person
for bulk exports, audited, nothing written when cancelled) and the resident import preview (every row with
its reason, nothing written until confirmed)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from govdesk.domain.errors import PermissionDenied, ValidationError
from govdesk.services import exports, imports
from govdesk.services.accounts import LoginFailed, create_account, create_first_admin
from govdesk.services.actor import Actor
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.models import AuditEntry, Grid, Person, Village
from govdesk.store.reference_repo import local_center
from govdesk.store.store import Store
from tests.conftest import STAFF, VALID_ID, dispute

CLERK = Actor("王登记", "clerk", "dengji")
ZHAO_ID = "330483198507120024"


@pytest.fixture
def accounts(store: Store) -> Store:
    admin = create_first_admin(store, "admin", "管理员", "Secure#2026")
    create_account(store, admin, "zhuren", "李主任", "director", "Zhuren#2026")
    create_account(store, admin, "dengji", "王登记", "clerk", "Dengji#2026")
    create_account(store, admin, "dengji2", "赵登记", "clerk", "Dengji2#2026")
    create_account(store, admin, "shenji", "孙审计", "auditor", "Shenji#2026")
    return store


@pytest.fixture
def three_cases(accounts: Store) -> Store:
    register_case(accounts, STAFF, parse_registration(dispute(title="第一件")))
    register_case(accounts, STAFF, parse_registration(dispute(
        title="第二件", parties=[{"role": "applicant", "name": "赵某", "id_number": ZHAO_ID},
                                {"role": "respondent", "name": "钱某"}])))  # fmt: skip
    register_case(accounts, STAFF, parse_registration({"title": "第三件", "kind": "consultation",
                                                       "parties": [{"role": "applicant", "name": "孙某"}]}))  # fmt: skip
    return accounts


def _csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _audit(store: Store, event: str) -> list[AuditEntry]:
    with store.db.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.event == event).order_by(AuditEntry.seq)))


def test_export_has_the_list_columns_in_the_lists_order(three_cases: Store) -> None:
    rows = _csv(exports.export_cases(three_cases, CLERK, CaseFilter(), "csv"))
    assert tuple(rows[0]) == exports.LIST_COLUMNS
    assert [r[1] for r in rows[1:]] == ["第三件", "第二件", "第一件"]  # newest first, as the list opens
    ascending = _csv(exports.export_cases(three_cases, CLERK, CaseFilter(), "csv", sort="title", descending=False))
    assert [r[1] for r in ascending[1:]] == sorted(["第三件", "第二件", "第一件"])
    only = _csv(exports.export_cases(three_cases, CLERK, CaseFilter(kinds=("consultation",)), "csv"))
    assert [r[1] for r in only[1:]] == ["第三件"]


def test_id_numbers_are_masked_unless_a_second_person_approves_full_numbers(three_cases: Store) -> None:
    masked = _csv(exports.export_cases(three_cases, CLERK, CaseFilter(), "csv", id_numbers="masked"))
    assert masked[0][-1] == exports.ID_COLUMN
    by_title = {r[1]: r[-1] for r in masked[1:]}
    assert by_title["第一件"] == "王某 3304**********0013"
    assert by_title["第二件"] == "赵某 3304**********0024" and by_title["第三件"] == ""
    assert VALID_ID not in masked[1][-1]

    with pytest.raises(PermissionDenied, match="完整身份证号"):
        exports.export_cases(three_cases, CLERK, CaseFilter(), "csv", id_numbers="full")
    with pytest.raises(PermissionDenied, match="查看完整身份证号"):  # another clerk may export but not see full IDs
        exports.verify_approver(three_cases, CLERK, "dengji2", "Dengji2#2026", count=3, id_numbers="full")
    director = exports.verify_approver(three_cases, CLERK, "zhuren", "Zhuren#2026", count=3, id_numbers="full")
    full = _csv(exports.export_cases(three_cases, CLERK, CaseFilter(), "csv", id_numbers="full", approver=director))
    assert {r[1]: r[-1] for r in full[1:]}["第一件"] == f"王某 {VALID_ID}"
    approvals = _audit(three_cases, "export.approve")
    assert [(a.actor, a.outcome) for a in approvals] == [("dengji2", "refused"), ("zhuren", "ok")]
    last = _audit(three_cases, "export")[-1]
    assert last.details is not None and last.details["id_numbers"] == "full" and last.details["approver"] == "zhuren"


def test_bulk_export_needs_another_person_who_may_export(three_cases: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exports, "BULK_LIMIT", 2)
    plan = exports.export_plan(three_cases, CLERK, CaseFilter())
    assert plan.count == 3 and plan.reasons and "超过2件" in plan.reasons[0]
    assert not exports.export_plan(three_cases, CLERK, CaseFilter(kinds=("consultation",))).reasons
    with pytest.raises(PermissionDenied, match="需要另一位有导出权限的人员审批"):
        exports.export_cases(three_cases, CLERK, CaseFilter(), "xlsx")
    with pytest.raises(PermissionDenied, match="不能由导出人本人审批"):
        exports.verify_approver(three_cases, CLERK, "dengji", "Dengji#2026", count=3)
    with pytest.raises(LoginFailed, match="用户名或密码不对"):
        exports.verify_approver(three_cases, CLERK, "zhuren", "wrong", count=3)
    with pytest.raises(PermissionDenied, match="导出"):
        exports.verify_approver(three_cases, CLERK, "shenji", "Shenji#2026", count=3)
    approver = exports.verify_approver(three_cases, CLERK, "dengji2", "Dengji2#2026", count=3)
    data = exports.export_cases(three_cases, CLERK, CaseFilter(), "xlsx", approver=approver)
    ws = load_workbook(io.BytesIO(data)).active
    assert ws is not None and ws.max_row == 4
    logins = [(a.actor, a.outcome) for a in _audit(three_cases, "login")]
    assert ("zhuren", "failed") in logins  # a wrong approver password counts like a failed sign-in


def test_export_to_a_file_is_whole_or_nothing_and_cancel_writes_nothing(three_cases: Store, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "list.xlsx"
    reports: list[tuple[int, int, str]] = []
    exports.export_cases(three_cases, CLERK, CaseFilter(), "xlsx", out=target,
                         progress=lambda d, t, m: reports.append((d, t, m)))  # fmt: skip
    assert target.stat().st_size > 1000 and reports[-1][0] == reports[-1][1] == 3
    exported = len(_audit(three_cases, "export"))

    def cancel(done: int, total: int, message: str) -> None:
        raise exports.ExportCancelled("已取消导出，没有生成文件。")

    other = out_dir / "cancelled.csv"
    with pytest.raises(exports.ExportCancelled):
        exports.export_cases(three_cases, CLERK, CaseFilter(), "csv", out=other, progress=cancel)
    assert not other.exists() and len(_audit(three_cases, "export")) == exported
    assert list(out_dir.iterdir()) == [target]  # no temporary file left behind
    with pytest.raises(ValidationError, match="文件夹"):
        exports.export_cases(three_cases, CLERK, CaseFilter(), "csv", out=out_dir / "missing" / "x.csv")


def test_who_may_export_what(three_cases: Store) -> None:
    with pytest.raises(PermissionDenied):
        exports.export_plan(three_cases, Actor("孙审计", "auditor", "shenji"), CaseFilter())
    with pytest.raises(ValidationError, match="xlsx 或 csv"):
        exports.export_cases(three_cases, CLERK, CaseFilter(), "pdf")


# --- import preview --------------------------------------------------------------------------------------------
ADMIN = Actor("管理员", "admin", "admin")


def _village(store: Store) -> None:
    with store.db.write() as session:
        center_id = local_center(session).id
        v = Village(center_id=center_id, code="330483101001", name="东风村")
        session.add(v)
        session.flush()
        session.add(Grid(center_id=center_id, village_id=v.id, code="33048310100101", name="一网格"))


def write_residents(path: Path) -> Path:
    path.write_text(
        "姓名,身份证号,民族,电话,住址,村（社区）,网格编码\n"
        "张三,330483199003150013,汉族,13800138000,东风村1组,东风村,33048310100101\n"
        ",330483198507120024,汉族,,东风村2组,东风村,\n"  # no name
        "王五,,汉族,,东风村3组,东风村,\n"  # no ID number
        "赵六,330483199003150014,汉族,,东风村4组,东风村,\n"  # bad check digit
        "钱七,330483199003150013,汉族,,东风村5组,东风村,\n"  # duplicate of row 2
        "孙八,330483198507120024,汉族,,东风村6组,东风村,\n",
        encoding="utf-8-sig",
    )
    return path


def _persons(store: Store) -> int:
    with store.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Person)) or 0)


def test_preview_lists_every_row_with_a_plain_reason_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    _village(store)
    before = _persons(store)
    preview = imports.preview_for(store, ADMIN, write_residents(tmp_path / "r.csv"))
    assert [r.row for r in preview.rows] == [2, 3, 4, 5, 6, 7]
    reasons = {r.row: r.reason for r in preview.rows}
    assert reasons[2] == "" and reasons[7] == ""
    assert reasons[3] == "缺少姓名" and reasons[4] == "缺少身份证号"
    assert "校验位" in reasons[5] and reasons[6] == "身份证号与第2行重复"
    assert preview.rows[0].values[:2] == ("张三", "330483199003150013")
    assert len(preview.valid) == 2 and _persons(store) == before
    with pytest.raises(PermissionDenied):
        imports.preview_for(store, CLERK, tmp_path / "r.csv")


def test_import_of_what_was_confirmed_only(store: Store, tmp_path: Path) -> None:
    _village(store)
    path = write_residents(tmp_path / "r.csv")
    before = _persons(store)
    with pytest.raises(ValidationError, match="没有导入任何数据"):
        imports.import_residents(store, ADMIN, path, valid_only=True, expect=5)  # the preview said otherwise
    assert _persons(store) == before
    result = imports.import_residents(store, ADMIN, path, valid_only=True, expect=2)
    assert len(result.valid) == 2 and _persons(store) == before + 2
