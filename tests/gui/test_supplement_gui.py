"""The supplementary agreement in the case detail: offered only once the agreement is signed and sealed, a
dialog like the agreement's, then signed afresh by everyone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from govdesk.domain.codes import Status
from govdesk.domain.lifecycle import Action
from govdesk.gui.action_dialog import ObligationsEditor
from govdesk.services import case_queries, lifecycle
from govdesk.store.store import Store

from .test_lifecycle_gui import DIRECTOR, Make, _to_mediating, dispute_no, offered, open_case, window_as  # noqa: F401

AGREEMENT = {"matters": "宅基地边界争议", "obligations": [{"obligor": "李某", "obligee": "王某", "content": "支付补偿款",
                                                           "amount": "3000"}]}  # fmt: skip


def test_offered_once_signed_then_saved_through_its_dialog(
    qtbot: QtBot, window_as: Make, populated_store: Store, wait_idle: Callable[[], None]  # noqa: F811
) -> None:
    number = _to_mediating(populated_store)
    lifecycle.perform(populated_store, DIRECTOR, number, Action.AGREE, AGREEMENT)
    unsigned = case_queries.case_lifecycle_by_number(populated_store, number)
    for step in ({"party": 1}, {"party": 2}, {"signer": "mediator"}, None):
        lifecycle.perform(populated_store, DIRECTOR, number, Action.SEAL if step is None else Action.SIGN, step)
    window = window_as(populated_store, DIRECTOR)
    open_case(qtbot, window, dispute_no(populated_store))
    # Legal in the "agreed" state either way, but offered only once the agreement is signed, sealed and locked.
    assert Action.SUPPLEMENT in unsigned.allowed_actions
    assert Action.SUPPLEMENT not in window.detail.offered_actions(unsigned)
    assert Action.SUPPLEMENT in offered(window)
    assert window.detail.action_buttons[Action.SUPPLEMENT].text() == "订立补充协议"

    window.detail.action_buttons[Action.SUPPLEMENT].click()
    dialog = window.detail.action_dialog
    assert dialog is not None and dialog.action is Action.SUPPLEMENT
    shown = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert "原协议及其日期不变" in shown and "补充或变更的事项" in shown
    editor = dialog.widgets["obligations"]
    assert isinstance(editor, ObligationsEditor)
    editor.set_cell(0, "content", "补偿款分两期支付")
    editor.set_cell(0, "amount", "3000")
    dialog.accept()  # the matters (required) left empty: shown next to the field, nothing saved
    wait_idle()
    assert dialog.isVisible() and dialog.errors["matters"].isVisible()
    assert "补充或变更的事项" in dialog.errors["matters"].text()
    assert len(case_queries.case_lifecycle_by_number(populated_store, number).agreements) == 1
    matters = dialog.widgets["matters"]
    assert isinstance(matters, QPlainTextEdit)
    matters.setPlainText("原协议补偿款改为分两期支付")
    with qtbot.waitSignal(window.detail.action_done, timeout=10_000):
        dialog.accept()

    lc = window.detail.lifecycle
    assert lc is not None and lc.detail.row.status is Status.AGREED
    original, supplement = lc.agreements
    assert supplement.supplements_id == original.id and original.effective_on is not None
    assert supplement.effective_on is None and supplement.missing_signers
    cards = "\n".join(label.text() for label in window.detail.findChildren(QLabel))
    assert "书面调解协议" in cards and "补充协议" in cards and "原协议补偿款改为分两期支付" in cards
    assert Action.SUPPLEMENT not in offered(window)  # one at a time: this one is signed first
    assert Action.SIGN in offered(window)

    window.detail.action_buttons[Action.SIGN].click()
    sign = window.detail.action_dialog
    assert sign is not None
    party = sign.widgets["party"]
    assert isinstance(party, QComboBox)
    assert party.currentData() == 1 and "已签" not in party.currentText()  # everyone signs the supplement afresh
    sign.reject()
