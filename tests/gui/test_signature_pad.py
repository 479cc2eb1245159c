"""The signature pad: draw, accept → an image signature whose SHA-256 is a stored attachment."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from govdesk.gui.signature_pad import SignaturePadDialog
from govdesk.gui.tasks import TaskManager
from govdesk.services.attachments import read_attachment
from govdesk.services.lifecycle import parse_action, perform
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.models import Agreement, Attachment, Case, Signature
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute
from tests.services.test_lifecycle import AGREEMENT, DIRECTOR


def agreed_unsigned(store: Store) -> str:
    n = register_case(store, STAFF, parse_registration(dispute())).number
    for action, data in (("accept", {"mediators": ["张调解员"], "application": "written"}),
                         ("mediate", {"content": "双方陈述。", "attendees": ["王某", "李某"], "recorder": "赵记录"}),
                         ("agree", AGREEMENT)):  # fmt: skip
        perform(store, DIRECTOR, n, parse_action(action), data)
    return n


def test_a_drawn_signature_is_stored_and_recorded(
    qtbot: QtBot, store: Store, tasks: TaskManager, wait_idle: Callable[[], None]
) -> None:
    n = agreed_unsigned(store)
    dialog = SignaturePadDialog(store, tasks, DIRECTOR, n, ["王某", "李某"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    canvas = dialog.canvas
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(60, 120))
    for x in range(70, 400, 15):
        QTest.mouseMove(canvas, QPoint(x, 120 + (x % 60) - 30))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(400, 130))
    canvas.add_stroke([(120, 80), (160, 160), (200, 90)])
    assert canvas.strokes == 2 and dialog.ok_button.isEnabled()
    png = canvas.png()
    image = QImage.fromData(png, "PNG")
    assert not image.isNull() and image.width() < canvas.image.width()  # cropped to the ink

    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok_button.click()
    wait_idle()
    assert dialog.done_result is not None
    with store.db.read() as session:
        case = session.scalar(select(Case).where(Case.number == n))
        assert case is not None
        agreement = session.scalar(select(Agreement).where(Agreement.case_id == case.id))
        assert agreement is not None
        sigs = session.scalars(select(Signature).where(Signature.agreement_id == agreement.id)).all()
        assert [(s.signer, s.party_position, s.name, s.method) for s in sigs] == [("party", 0, "王某", "image")]
        sha = sigs[0].image_sha256
        att = session.scalar(select(Attachment).where(Attachment.sha256 == sha, Attachment.case_id == case.id))
        assert att is not None and att.purpose == "signature" and att.mime == "image/png"
    assert sha is not None and hashlib.sha256(png).hexdigest() == sha
    assert read_attachment(store, STAFF, sha) == png


def test_clear_empties_the_pad(qtbot: QtBot, store: Store, tasks: TaskManager) -> None:
    dialog = SignaturePadDialog(store, tasks, DIRECTOR, "X", ["王某"])
    qtbot.addWidget(dialog)
    dialog.canvas.add_stroke([(10, 10), (50, 50)])
    assert dialog.clear_button.isEnabled()
    dialog.clear_button.click()
    assert dialog.canvas.is_empty and not dialog.ok_button.isEnabled()
    dialog.signer_box.setCurrentIndex(1)  # 调解员
    assert dialog.name_edit.isEnabled()
