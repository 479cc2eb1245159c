"""A dispute from application to archived dossier in the GUI: action buttons, dialogs, timeline, idle lock."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from govdesk.domain.codes import Status
from govdesk.domain.lifecycle import Action
from govdesk.gui.action_dialog import ActionDialog, ObligationsEditor
from govdesk.gui.main_window import MainWindow
from govdesk.gui.preferences import Preferences
from govdesk.gui.tasks import TaskManager
from govdesk.services import accounts, case_queries, lifecycle
from govdesk.services.actor import Actor
from govdesk.settings import Settings
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.store import Store

from .conftest import _discard_open_form

DIRECTOR = Actor("周主任", "director")
GRID = Actor("网格员小王", "grid_officer")

Make = Callable[..., MainWindow]


@pytest.fixture
def window_as(qtbot: QtBot, tasks: TaskManager, settings: QSettings, wait_idle: Callable[[], None]) -> Make:
    def make(store: Store, actor: Actor) -> MainWindow:
        window = MainWindow(store, tasks, actor, settings)
        qtbot.addWidget(window, before_close_func=_discard_open_form)
        window.show()
        wait_idle()
        return window

    return make


def dispute_no(store: Store) -> int:
    """The local_no of the sample 宅基地 dispute (two parties: 王某 and 李某)."""
    rows = case_queries.list_cases(store, CaseFilter(search="宅基地"))
    return rows[0].local_no


def open_case(qtbot: QtBot, window: MainWindow, local_no: int) -> None:
    window.show_case(local_no)
    qtbot.waitUntil(
        lambda: window.detail.lifecycle is not None and window.detail.lifecycle.detail.row.local_no == local_no,
        timeout=5000,
    )


def offered(window: MainWindow) -> set[Action]:
    return set(window.detail.action_buttons)


def run_action(
    qtbot: QtBot, window: MainWindow, action: Action, fill: Callable[[ActionDialog], None] | None = None
) -> ActionDialog:
    """Click the action's button, fill the dialog, save, and wait until the pane shows the new state."""
    window.detail.action_buttons[action].click()
    dialog = window.detail.action_dialog
    assert dialog is not None and dialog.action is action and dialog.isVisible()
    if fill is not None:
        fill(dialog)
    with qtbot.waitSignal(window.detail.action_done, timeout=10_000):
        dialog.accept()
    return dialog


def test_buttons_offered_director_vs_grid_officer(qtbot: QtBot, window_as: Make, populated_store: Store) -> None:
    local_no = dispute_no(populated_store)
    director = window_as(populated_store, DIRECTOR)
    open_case(qtbot, director, local_no)
    assert {Action.ACCEPT, Action.REFUSE, Action.REFER, Action.WITHDRAW} <= offered(director)
    assert Action.AGREE not in offered(director)  # not legal before mediation
    assert Action.ARCHIVE not in offered(director)
    assert director.detail.action_buttons[Action.ACCEPT].text() == "受理"
    director.close()

    grid = window_as(populated_store, GRID)
    open_case(qtbot, grid, local_no)
    # Legal actions exist, but a grid officer may not mediate, refer, or act on a case that is not theirs.
    assert offered(grid) == set()
    assert grid.detail._actions_host.isHidden()


def test_grid_officer_gets_own_case_actions(qtbot: QtBot, window_as: Make, populated_store: Store) -> None:
    local_no = dispute_no(populated_store)
    number = case_queries.show_case_by_local_no(populated_store, local_no).row.number
    lifecycle.perform(populated_store, DIRECTOR, number, Action.ACCEPT, {"mediators": ["网格员小王"]})
    grid = window_as(populated_store, GRID)
    open_case(qtbot, grid, local_no)
    assert offered(grid) == {Action.REPORT_POLICE}  # own case now: only what the role holds


def test_accept_through_dialog(qtbot: QtBot, window_as: Make, populated_store: Store) -> None:
    local_no = dispute_no(populated_store)
    window = window_as(populated_store, DIRECTOR)
    open_case(qtbot, window, local_no)

    def fill(dialog: ActionDialog) -> None:
        mediators = dialog.widgets["mediators"]
        assert isinstance(mediators, QLineEdit) and mediators.text() == "周主任"  # prefilled (no handlers yet)
        mediators.setText("张调解员、李调解员")

    run_action(qtbot, window, Action.ACCEPT, fill)
    lc = window.detail.lifecycle
    assert lc is not None and lc.detail.row.status is Status.ACCEPTED
    assert window.detail._status_badge.text() == "已受理"
    assert any("受理" in text and "周主任" in text for text in window.detail.timeline.texts())
    assert window.detail._fields["handlers"].text() == "张调解员、李调解员"
    assert "调解期限" in window.detail._fields["deadline"].text() or lc.due_date is not None

    # The list row refreshed too.
    def listed_status() -> Status | None:
        row = window.model.row_at(window.model.row_of(local_no) or 0)
        return row.status if row is not None else None

    qtbot.waitUntil(lambda: listed_status() is Status.ACCEPTED, timeout=5000)
    assert Action.MEDIATE in offered(window)


def _to_mediating(store: Store) -> str:
    number = case_queries.list_cases(store, CaseFilter(search="宅基地"))[0].number
    lifecycle.perform(store, DIRECTOR, number, Action.ACCEPT, {"mediators": ["张调解员"]})
    lifecycle.perform(store, DIRECTOR, number, Action.MEDIATE, {"content": "双方陈述意见。"})
    return number


def test_agree_validation_error_shown_next_to_field(
    qtbot: QtBot, window_as: Make, populated_store: Store, wait_idle: Callable[[], None]
) -> None:
    number = _to_mediating(populated_store)
    window = window_as(populated_store, DIRECTOR)
    open_case(qtbot, window, dispute_no(populated_store))
    window.detail.action_buttons[Action.AGREE].click()
    dialog = window.detail.action_dialog
    assert dialog is not None
    obligations = dialog.widgets["obligations"]
    assert isinstance(obligations, ObligationsEditor)
    assert obligations.value() == []  # the prefilled names alone are not an obligation yet
    assert [obligations.table.item(0, c).text() for c in (0, 1)] == ["李某", "王某"]  # type: ignore[union-attr]
    obligations.set_cell(0, "content", "拆除越界围墙")
    responsibilities = dialog.widgets["responsibilities"]
    assert isinstance(responsibilities, QPlainTextEdit)
    responsibilities.setPlainText("双方均有责任")
    dialog.accept()  # matters (required) left empty
    wait_idle()
    assert dialog.isVisible()
    assert dialog.errors["matters"].isVisible()
    assert "争议事项" in dialog.errors["matters"].text()
    assert responsibilities.toPlainText() == "双方均有责任"  # what was typed is kept
    lc = case_queries.case_lifecycle_by_number(populated_store, number)
    assert lc.detail.row.status is Status.MEDIATING and lc.agreements == ()
    # Fixing it saves.
    matters = dialog.widgets["matters"]
    assert isinstance(matters, QPlainTextEdit)
    matters.setPlainText("宅基地边界争议")
    with qtbot.waitSignal(window.detail.action_done, timeout=10_000):
        dialog.accept()
    assert case_queries.case_lifecycle_by_number(populated_store, number).detail.row.status is Status.AGREED


def test_full_path_to_archived(qtbot: QtBot, window_as: Make, populated_store: Store) -> None:
    local_no = dispute_no(populated_store)
    window = window_as(populated_store, DIRECTOR)
    open_case(qtbot, window, local_no)

    def text(key: str, value: str) -> Callable[[ActionDialog], None]:
        def fill(dialog: ActionDialog) -> None:
            widget = dialog.widgets[key]
            widget.setPlainText(value) if isinstance(widget, QPlainTextEdit) else widget.setText(value)  # type: ignore[attr-defined]

        return fill

    run_action(qtbot, window, Action.ACCEPT)
    run_action(qtbot, window, Action.MEDIATE, text("content", "调解员释明法律规定，双方互谅互让。"))

    def agree(dialog: ActionDialog) -> None:
        text("matters", "宅基地边界争议")(dialog)
        editor = dialog.widgets["obligations"]
        assert isinstance(editor, ObligationsEditor)
        editor.set_cell(0, "content", "支付补偿款")
        editor.set_cell(0, "amount", "3000")

    run_action(qtbot, window, Action.AGREE, agree)
    agreement = window.detail.lifecycle.agreements[-1]  # type: ignore[union-attr]
    assert agreement.missing_signers and agreement.effective_on is None
    shown = "\n".join(label.text() for label in window.detail.findChildren(QLabel))
    assert "还需签署" in shown

    run_action(qtbot, window, Action.SIGN)  # party 1 preselected
    run_action(qtbot, window, Action.SIGN)  # then party 2

    def mediator(dialog: ActionDialog) -> None:
        combo = dialog.widgets["signer"]
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData("mediator"))
        assert dialog.data()["name"] == "周主任"
        assert "party" not in dialog.data()

    run_action(qtbot, window, Action.SIGN, mediator)
    run_action(qtbot, window, Action.SEAL)
    agreement = window.detail.lifecycle.agreements[-1]  # type: ignore[union-attr]
    assert agreement.effective_on is not None and not agreement.missing_signers

    def follow_up(dialog: ActionDialog) -> None:
        editor = dialog.widgets["performance"]
        combo = next(iter(editor.combos.values()))  # type: ignore[attr-defined]
        combo.setCurrentIndex(combo.findData("performed"))

    run_action(qtbot, window, Action.FOLLOW_UP, follow_up)
    run_action(qtbot, window, Action.CLOSE)
    run_action(qtbot, window, Action.ARCHIVE)
    lc = window.detail.lifecycle
    assert lc is not None and lc.detail.row.status is Status.ARCHIVED
    labels = [e.action_label for e in lc.timeline]
    assert labels == ["受理", "调解记录", "达成书面协议", "登记签名", "登记签名", "登记签名", "加盖公章", "回访",
                      "结案/办结", "立卷归档"]  # fmt: skip
    assert len(window.detail.timeline.texts()) == len(labels)
    assert offered(window) == set()  # nothing left to do


def test_illegal_or_refused_action_is_a_message_box(
    qtbot: QtBot, window_as: Make, populated_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = window_as(populated_store, DIRECTOR)
    local_no = dispute_no(populated_store)
    open_case(qtbot, window, local_no)
    window.detail.action_buttons[Action.ACCEPT].click()
    dialog = window.detail.action_dialog
    assert dialog is not None
    # Someone else accepted it meanwhile: the service refuses the transition.
    number = window.detail.lifecycle.detail.row.number  # type: ignore[union-attr]
    lifecycle.perform(populated_store, DIRECTOR, number, Action.ACCEPT, {"mediators": ["张调解员"]})
    shown: list[str] = []
    monkeypatch.setattr("govdesk.gui.tasks.QMessageBox.warning", lambda _p, _t, text: shown.append(text))
    dialog.accept()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "不能进行“受理”" in shown[0]
    assert dialog.isVisible()


def test_due_filter(qtbot: QtBot, make_window: Callable[[Store], MainWindow], demo_store: Store) -> None:
    window = make_window(demo_store)
    total = window.model.rowCount()
    combo = window.filter_bar.due_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["全部期限", "已超期", "即将到期"]
    with qtbot.waitSignal(window.model.loaded, timeout=5000) as loaded:
        combo.setCurrentIndex(combo.findData("overdue"))
    overdue = CaseFilter(**case_queries.due_filter("overdue"))  # type: ignore[arg-type]
    assert loaded.args[0] == case_queries.case_count(demo_store, overdue) < total
    assert window.count_label.text() == f"共 {loaded.args[0]:,} 件"
    with qtbot.waitSignal(window.model.loaded, timeout=5000):
        window.filter_bar.reset()
    assert window.model.rowCount() == total


def test_village_header_does_not_sort(
    qtbot: QtBot, make_window: Callable[[Store], MainWindow], populated_store: Store
) -> None:
    from PySide6.QtCore import QPoint

    from govdesk.gui.case_table_model import COLUMN_INDEX, DEFAULT_SORT_COLUMN

    window = make_window(populated_store)
    header = window.table.horizontalHeader()
    column = COLUMN_INDEX["village"]
    qtbot.mouseClick(  # type: ignore[no-untyped-call]
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(column) + 10, 5)
    )
    assert header.sortIndicatorSection() == DEFAULT_SORT_COLUMN
    assert window.statusBar().currentMessage() == ""


def test_idle_lock_hides_detail_and_needs_the_right_password(
    qtbot: QtBot, tasks: TaskManager, settings: QSettings, populated_store: Store, wait_idle: Callable[[], None]
) -> None:
    admin = accounts.create_first_admin(populated_store, "zhuren", "周主任", "Hetang#2026")
    prefs = Preferences(Settings(idle_minutes=0.01))  # 0.6 s
    window = MainWindow(populated_store, tasks, admin, settings, prefs=prefs)
    qtbot.addWidget(window, before_close_func=_discard_open_form)
    window.show()
    wait_idle()
    open_case(qtbot, window, dispute_no(populated_store))
    assert window.detail.isVisible()
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert not window.detail.isVisible() and not window.table.isVisible()
    assert window.lock_screen.isVisible()
    visible = "\n".join(label.text() for label in window.lock_screen.findChildren(QLabel) if label.isVisible())
    assert "宅基地" not in visible and "王某" not in visible

    window.lock_screen.password_edit.setText("wrong-password")
    window.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: window.lock_screen.error_label.text() != "", timeout=5000)
    assert window.locked and not window.detail.isVisible()

    window.lock_screen.password_edit.setText("Hetang#2026")
    window.lock_screen.unlock_button.click()
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert window.detail.isVisible()
    prefs.update(Settings(idle_minutes=10))  # a changed setting applies at once
    assert window.idle_timer.interval() == 600_000 and window.idle_timer.isActive()


def test_ctrl_l_locks(qtbot: QtBot, tasks: TaskManager, settings: QSettings, populated_store: Store) -> None:
    admin = accounts.create_first_admin(populated_store, "zhuren", "周主任", "Hetang#2026")
    window = MainWindow(populated_store, tasks, admin, settings)
    qtbot.addWidget(window, before_close_func=_discard_open_form)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.lock_action.trigger()
    assert window.locked and not window.splitter.isVisible()
    assert window.lock_action.shortcut().toString() == "Ctrl+L"


def test_confirmation_warning_and_correction_entry() -> None:
    import datetime as dt

    from govdesk.domain.clock import china_today
    from govdesk.gui.agreement_view import confirmation_warning
    from govdesk.gui.timeline_view import entry_html
    from govdesk.store.records import AgreementRecord, TimelineEntry

    def agreement(days_left: int) -> AgreementRecord:
        last = china_today() + dt.timedelta(days=days_left)
        return AgreementRecord(
            id="a", oral=False, made_on=last - dt.timedelta(days=30), facts="", matters="", responsibilities="",
            copies=3, effective_on=last - dt.timedelta(days=30), locked_hash="x", obligations=(), signatures=(),
            missing_signers=(), confirmation_applied_on=None, confirmation_court="", confirmation_result=None,
            confirmation_last_day=last,
        )  # fmt: skip

    assert confirmation_warning(agreement(20)) == ""
    assert "只剩 7 天" in confirmation_warning(agreement(7))
    assert "已过" in confirmation_warning(agreement(-1))
    entry = TimelineEntry(seq=5, at=dt.datetime(2026, 11, 20, 1, 30), actor="张调解员", action="correct",
                          action_label="更正记录", from_status=Status.MEDIATING, to_status=Status.MEDIATING,
                          summary="更正调解时间", payload=None, corrects_seq=3)  # fmt: skip
    html = entry_html(entry)
    assert "2026年11月20日 09:30" in html  # China time, in the Chinese locale
    assert "更正第 3 条记录" in html and "张调解员" in html
