"""Registering through the form: saved cases reach the list; refused input is explained and kept."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from govdesk.gui.case_detail import CaseDetailDialog
from govdesk.gui.main_window import MainWindow
from govdesk.gui.registration_dialog import RegistrationDialog
from govdesk.services import case_queries
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.store import Store

from .conftest import WANG_ID, type_chinese

Make = Callable[[Store], MainWindow]


def fill_dispute(dialog: RegistrationDialog, *, id_number: str = "330483199508080049") -> None:
    type_chinese(dialog.title_edit, "水渠堵塞引发纠纷")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("邻里"))
    dialog.facts_edit.setPlainText("上游农户堵住水渠，下游稻田无法灌溉。")
    dialog.amount_edit.setText("1,200.50")
    applicant = dialog.parties[0]
    type_chinese(applicant.name_edit, "钱某")
    applicant.id_edit.setText(id_number)
    applicant.phone_edit.setText("13700137000")
    respondent = dialog.parties[1]
    type_chinese(respondent.name_edit, "周某")


def test_form_builds_the_cli_json_shape(qtbot: QtBot, make_window: Make, store: Store) -> None:
    window = make_window(store)
    dialog = window.open_registration()
    fill_dispute(dialog)
    dialog.parties[1].type_combo.setCurrentIndex(dialog.parties[1].type_combo.findData("organisation"))
    dialog.parties[1].credit_edit.setText("91330483MA2B3C4D5E")
    data = dialog.form_data()
    assert data["title"] == "水渠堵塞引发纠纷"
    assert data["kind"] == "dispute" and data["category"] == "邻里" and data["channel"] == "walk_in"
    assert data["amount"] == "1200.50"
    assert data["risk"] == "green"
    assert data["parties"][0] == {
        "role": "applicant", "type": "person", "name": "钱某", "id_number": "330483199508080049",
        "gender": None, "ethnicity": None, "phone": "13700137000", "address": "",
        "credit_code": None, "representative": None,
    }  # fmt: skip
    assert data["parties"][1]["type"] == "organisation"
    assert data["parties"][1]["credit_code"] == "91330483MA2B3C4D5E"
    assert data["parties"][1]["id_number"] is None
    dialog.parties[1].name_edit.clear()
    dialog.parties[1].credit_edit.clear()
    assert len(dialog.form_data()["parties"]) == 1  # a blank card is not a party


def test_registering_adds_the_case_to_the_list(qtbot: QtBot, make_window: Make, store: Store) -> None:
    window = make_window(store)
    assert window.model.rowCount() == 0
    dialog = window.open_registration()
    fill_dispute(dialog)
    with qtbot.waitSignal(dialog.registered, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    number = saved.args[0].number
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: window.detail.current_local_no is not None, timeout=5000)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert window.count_label.text() == "共 1 件"
    assert window.model.row_at(0).number == number
    assert window.table.selectionModel().isRowSelected(0)
    assert window.detail._title.text() == "水渠堵塞引发纠纷"
    assert number in window.statusBar().currentMessage()
    detail = case_queries.show_case(store, number)
    assert detail.amount_cents == 120050
    assert [p.name for p in detail.parties] == ["钱某", "周某"]


def test_invalid_id_number_is_explained_next_to_the_field_and_nothing_is_saved(
    qtbot: QtBot, make_window: Make, store: Store, wait_idle: Callable[[], None]
) -> None:
    window = make_window(store)
    dialog = window.open_registration()
    fill_dispute(dialog, id_number="330483199508080040")  # wrong check digit
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    applicant = dialog.parties[0]
    assert dialog.isVisible()
    assert applicant.error_label.isVisible()
    assert "校验位" in applicant.error_label.text()
    assert applicant.id_edit.property("invalid") is True
    assert "第1个当事人" in dialog.error_text.text() and dialog.error_banner.isVisible()
    # The error sits in the row right under the ID number, not at the bottom of the card.
    assert applicant.error_label.geometry().top() > applicant.id_edit.geometry().bottom()
    assert applicant.error_label.geometry().bottom() < applicant.gender_combo.geometry().top()
    # Nothing typed is lost, and nothing was registered.
    assert dialog.title_edit.text() == "水渠堵塞引发纠纷"
    assert applicant.id_edit.text() == "330483199508080040"
    assert case_queries.case_local_nos(store, CaseFilter()) == []
    # Fixing the field and saving again works.
    applicant.id_edit.setText("330483199508080049")
    with qtbot.waitSignal(dialog.registered, timeout=10_000):
        dialog.save_button.click()
    assert len(case_queries.case_local_nos(store, CaseFilter())) == 1


def test_missing_title_and_category_are_marked(qtbot: QtBot, make_window: Make, store: Store) -> None:
    window = make_window(store)
    dialog = window.open_registration()
    dialog.save()
    assert dialog._errors["title"].isVisible()
    assert "事项标题" in dialog._errors["title"].text()
    assert dialog.title_edit.property("invalid") is True
    type_chinese(dialog.title_edit, "测试")
    dialog.save()
    assert not dialog._errors["title"].isVisible()
    assert dialog._errors["category"].isVisible()
    assert "纠纷类别" in dialog._errors["category"].text()


def test_yellow_risk_needs_a_reason(qtbot: QtBot, make_window: Make, store: Store) -> None:
    window = make_window(store)
    dialog = window.open_registration()
    fill_dispute(dialog)
    dialog.risk_combo.setCurrentIndex(dialog.risk_combo.findData("yellow"))
    dialog.save()
    assert dialog._errors["risk_reason"].isVisible()
    assert dialog.risk_reason_edit.property("invalid") is True


def test_duplicate_hint_shown_then_save_anyway(
    qtbot: QtBot, make_window: Make, populated_store: Store, wait_idle: Callable[[], None]
) -> None:
    window = make_window(populated_store)
    existing = case_queries.list_cases(populated_store, CaseFilter(search="宅基地"))[0]
    dialog = window.open_registration()
    fill_dispute(dialog, id_number=WANG_ID)
    dialog.parties[0].name_edit.setText("王某")
    dialog.save_button.click()
    wait_idle()
    assert dialog.isVisible()
    assert dialog.duplicate_box.isVisible()
    assert "可能重复" in dialog.duplicate_text.text()
    assert existing.number in dialog.duplicate_text.text()
    assert dialog.save_button.text() == "仍然保存"
    assert window.model.rowCount() == 3
    # The number is a link: the existing case opens in its own window over the form.
    dialog.duplicate_text.linkActivated.emit(existing.number)
    opened = dialog.findChild(CaseDetailDialog)
    assert opened is not None
    qtbot.waitUntil(lambda: opened.pane._title.text() == "宅基地边界纠纷", timeout=5000)
    opened.close()
    with qtbot.waitSignal(dialog.registered, timeout=10_000):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=5000)


def test_service_refusal_keeps_the_form(
    qtbot: QtBot, make_window: Make, populated_store: Store, wait_idle: Callable[[], None]
) -> None:
    """The ID number is on file under another name: the service refuses; the form shows why and stays."""
    window = make_window(populated_store)
    dialog = window.open_registration()
    fill_dispute(dialog, id_number=WANG_ID)  # 王某's ID typed for 钱某
    dialog.save_button.click()
    wait_idle()
    if dialog.duplicate_box.isVisible():
        dialog.save_button.click()
        wait_idle()
    assert dialog.isVisible()
    assert "不一致" in dialog.error_text.text()
    assert dialog.title_edit.text() == "水渠堵塞引发纠纷"
    assert window.model.rowCount() == 3


def test_cancel_asks_before_discarding_typed_text(qtbot: QtBot, make_window: Make, store: Store, monkeypatch) -> None:
    window = make_window(store)
    dialog = window.open_registration()
    type_chinese(dialog.title_edit, "半截")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    dialog.cancel_button.click()
    assert dialog.isVisible() and dialog.title_edit.text() == "半截"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.cancel_button.click()
    assert not dialog.isVisible()


def test_picking_on_the_map_fills_the_coordinates(qtbot: QtBot, make_window: Make, store: Store, monkeypatch) -> None:
    from govdesk.gui import map_view
    from govdesk.gui.map_view import PickedLocation

    class FakePicker:
        """Stands in for the web map: the user clicked 30.61 N, 120.52 E (outside any grid of this store)."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            self.picked = PickedLocation(30.61, 120.52, None)

        def exec(self) -> int:
            return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(map_view, "LocationPickerDialog", FakePicker)
    window = make_window(store)
    dialog = window.open_registration()
    dialog.pick_on_map()
    assert (dialog.latitude_edit.text(), dialog.longitude_edit.text()) == ("30.610000", "120.520000")
