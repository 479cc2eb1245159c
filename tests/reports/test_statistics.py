"""Figures computed independently on a small hand-made data set; the report's totals are the sum of its rows;
the dashboard and the report agree for the same period."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from govdesk.domain.errors import PermissionDenied, ValidationError
from govdesk.reports.periods import parse_period
from govdesk.services import exports, statistics
from govdesk.services.actor import Actor
from govdesk.services.imports import import_residents, preview_residents
from govdesk.services.lifecycle import parse_action, perform
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.models import Grid, Village
from govdesk.store.reference_repo import local_center
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute

DIRECTOR = Actor("李主任", "director", "zhuren")
OCT = dt.datetime(2026, 10, 10, 2)


def _dispute(store: Store, category: str, people: int, outcome: str, amount: str | None = None) -> str:
    n = register_case(
        store, STAFF, parse_registration(dispute(category=category, people_involved=people)), now=OCT
    ).number
    if outcome == "registered":
        return n
    perform(store, DIRECTOR, n, parse_action("accept"), {"mediators": ["张"]}, now=OCT)
    perform(store, DIRECTOR, n, parse_action("mediate"), {"content": "调解"}, now=OCT)
    if outcome == "success":
        ob = {"obligor": "李某", "obligee": "王某", "content": "赔偿", **({"amount": amount} if amount else {})}
        perform(store, DIRECTOR, n, parse_action("agree"), {"matters": "争议", "obligations": [ob]}, now=OCT)
    elif outcome == "oral":
        perform(store, DIRECTOR, n, parse_action("agree-oral"), {"content": "和解"}, now=OCT)
    elif outcome == "fail":
        perform(store, DIRECTOR, n, parse_action("fail"), {"reason": "分歧大", "channels": ["judicial"]}, now=OCT)
    return n


@pytest.fixture
def october(store: Store) -> Store:
    # By hand: 邻里 — 3 received, 3 mediated, 2 successful (1 written 500 元, 1 oral), people 2+2+3 = 7;
    #          婚姻家庭 — 2 received, 1 mediated, 0 successful (1 failed), people 2+4 = 6.
    _dispute(store, "邻里", 2, "success", "500")
    _dispute(store, "邻里", 2, "oral")
    _dispute(store, "邻里", 3, "mediating")
    _dispute(store, "婚姻家庭", 2, "fail")
    _dispute(store, "婚姻家庭", 4, "registered")
    # Outside the period: must not count.
    register_case(store, STAFF, parse_registration(dispute(category="邻里")), now=dt.datetime(2026, 11, 2, 2))
    return store


def test_report_rows_match_the_hand_count_and_totals_add_up(october: Store) -> None:
    report = statistics.mediation_report_for(october, DIRECTOR, parse_period("2026-10"))
    rows = {r.category: r for r in report.rows}
    assert (rows["邻里"].received, rows["邻里"].mediated, rows["邻里"].successful, rows["邻里"].agreements,
            rows["邻里"].amount_cents, rows["邻里"].people) == (3, 3, 2, 2, 50000, 7)  # fmt: skip
    assert (
        rows["婚姻家庭"].received,
        rows["婚姻家庭"].mediated,
        rows["婚姻家庭"].successful,
        rows["婚姻家庭"].people,
    ) == (2, 1, 0, 6)
    for field in ("received", "mediated", "successful", "agreements", "amount_cents", "people"):
        assert getattr(report.total, field) == sum(getattr(r, field) for r in report.rows)


def test_dashboard_rates_trace_to_their_cases_and_agree_with_the_report(october: Store) -> None:
    board = statistics.dashboard_for(october, DIRECTOR, parse_period("2026-10"))
    rate = board.figures["success_rate"]
    assert rate.value == pytest.approx(100 * 2 / 3, abs=0.01)  # 2 successful ÷ 3 concluded (2 + 1 failed)
    assert rate.formula.startswith("2 ÷ 3") and rate.count == 2
    listed = statistics.figure_cases(october, DIRECTOR, board.scope, rate.cases)
    assert len(listed) == 2  # the two successful mediations, found only when asked for
    report = statistics.mediation_report_for(october, DIRECTOR, parse_period("2026-10"))
    assert board.figures["disputes"].value == report.total.received == 5
    assert board.figures["successful"].value == report.total.successful
    assert board.by_category["邻里"].value == 3


def test_excel_report_has_one_row_per_category_and_a_total(october: Store, tmp_path: Path) -> None:
    report = statistics.mediation_report_for(october, DIRECTOR, parse_period("2026-10"))
    path = tmp_path / "r.xlsx"
    path.write_bytes(exports.export_report(october, DIRECTOR, report))
    ws = load_workbook(path).active
    assert ws is not None
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=4)]
    assert values[-1][0] == "合计" and values[-1][1] == 5
    assert next(v for v in values if v[0] == "邻里")[5] == 500


def test_periods_are_parsed_or_refused_clearly() -> None:
    assert parse_period("2026Q4").start == dt.date(2026, 10, 1) and parse_period("2026Q4").end == dt.date(2027, 1, 1)
    with pytest.raises(ValidationError, match="2026-10"):
        parse_period("October")


def test_case_export_csv_is_utf8_with_bom_and_neutralises_formulas(store: Store) -> None:
    register_case(
        store,
        STAFF,
        parse_registration(dispute(title='=HYPERLINK("x")', parties=[{"role": "applicant", "name": "𠮷田"}])),
    )
    data = exports.export_cases(store, DIRECTOR, CaseFilter(), "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "𠮷田" in text and "'=HYPERLINK" in text
    with pytest.raises(PermissionDenied):
        exports.export_cases(store, Actor("审计", "auditor", "shenji"), CaseFilter(), "csv")


def _village(store: Store) -> None:
    with store.db.write() as session:
        center_id = local_center(session).id
        v = Village(center_id=center_id, code="330483101001", name="东风村")
        session.add(v)
        session.flush()
        session.add(Grid(center_id=center_id, village_id=v.id, code="33048310100101", name="一网格"))


def test_import_residents_preview_reject_reasons_and_all_or_nothing(store: Store, tmp_path: Path) -> None:
    _village(store)
    path = tmp_path / "residents.csv"
    path.write_text(
        "姓名,身份证号,民族,电话,住址,村（社区）,网格编码\n"
        "张三,330483199003150013,汉族,13800138000,东风村1组,东风村,33048310100101\n"
        "李四,330483199003150014,汉族,,东风村2组,东风村,\n"  # bad check digit
        "王五,330483199003150013,汉族,,东风村3组,东风村,\n"  # duplicate in file
        "赵六,330483198501010027,汉族,,桃花村,桃花村,\n",  # unknown village
        encoding="utf-8-sig",
    )
    preview = preview_residents(store, path)
    assert len(preview.valid) == 1
    reasons = {r.row: r.reason for r in preview.rejected}
    assert "校验位" in reasons[3] and "第2行重复" in reasons[4] and "桃花村" in reasons[5]
    admin = Actor("管理员", "admin", "admin")
    with pytest.raises(ValidationError, match="未导入任何数据"):
        import_residents(store, admin, path, valid_only=False)
    assert len(preview_residents(store, path).valid) == 1  # still importable: nothing was written
    assert len(import_residents(store, admin, path, valid_only=True).valid) == 1
    assert "已在系统中" in preview_residents(store, path).rejected[0].reason
