"""The attachments list of a case: add a scan, list it, open it (decrypted copy in a temporary folder)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from govdesk.gui import attachments_view
from govdesk.gui.attachments_view import AttachmentsView
from govdesk.gui.tasks import TaskManager
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute
from tests.services.test_attachments import PDF


def test_add_list_and_open(qtbot: QtBot, store: Store, tasks: TaskManager, tmp_path: Path,
                           wait_idle: Callable[[], None]) -> None:  # fmt: skip
    n = register_case(store, STAFF, parse_registration(dispute())).number
    view = AttachmentsView(store, tasks, STAFF)
    qtbot.addWidget(view)
    view.open_with_system = False
    view.show()
    assert not view.add_button.isEnabled()
    view.set_case(n)
    wait_idle()
    assert view.rows == [] and view.empty_label.isVisible() and view.add_button.isEnabled()
    scan = tmp_path / "..\u202e签字协议.pdf"
    scan.write_bytes(PDF)
    with qtbot.waitSignal(view.changed, timeout=10_000):
        view.add_file(scan, "signed_agreement")
    wait_idle()
    assert [(r.original_name, r.purpose) for r in view.rows] == [("签字协议.pdf", "signed_agreement")]
    assert view.table.item(0, 1).text() == "签字协议扫描件"
    view.table.selectRow(0)
    assert view.open_button.isEnabled()
    with qtbot.waitSignal(view.opened, timeout=10_000) as opened:
        view.open_button.click()
    path = opened.args[0]
    assert path.read_bytes() == PDF and path.suffix == ".pdf" and "签字" not in path.name
    attachments_view.remove_open_files()
    assert not path.exists()
