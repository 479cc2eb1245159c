"""Print preview, printing, saving, the document menu and the batch print dialog (offscreen)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from govdesk.domain.codes import Kind, Status
from govdesk.gui import print_preview
from govdesk.gui.batch_print import BatchPrintDialog
from govdesk.gui.print_preview import DocumentMenu, PrintPreviewDialog, document_kinds, open_pages, print_dpi
from govdesk.gui.tasks import TaskManager
from govdesk.services.documents import issue_document
from govdesk.store.store import Store
from tests.conftest import STAFF
from tests.services.test_documents import agreed_case

NOW = dt.datetime(2026, 11, 25, 2)


def test_the_preview_shows_an_issued_agreement_and_saves_the_same_bytes(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    issued = issue_document(store, STAFF, agreed_case(store), "agreement", now=NOW)
    dialog = PrintPreviewDialog.for_issued(issued, parties=2)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages is not None, dialog.problem
    temp_dir = dialog.temp_dir
    assert temp_dir is not None and temp_dir.is_dir()
    assert dialog.page_count == issued.pages > 0
    assert f"共 {issued.pages} 页" in dialog.pages_label.text()
    assert "3 份原件" in dialog.copies_label.text()
    assert dialog.warning_bar.isHidden() == (not issued.warnings)
    dialog.zoom_in_button.click()
    assert dialog.zoom_label.text() == "125%"

    target = tmp_path / "out"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF 文件 (*.pdf)"))
    dialog.save_button.click()
    assert (tmp_path / "out.pdf").read_bytes() == issued.pdf

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_dpi(printer) >= 300
    assert dialog.print_to(printer) == issued.pages
    assert open_pages(tmp_path / "printed.pdf").page_count == issued.pages
    dialog.close_button.click()
    assert not dialog.isVisible()
    assert not temp_dir.exists(), "the temporary copy is removed when the dialog closes"


def test_warnings_show_in_a_yellow_bar(qtbot: QtBot, store: Store) -> None:
    issued = issue_document(store, STAFF, agreed_case(store), "agreement", now=NOW)
    dialog = PrintPreviewDialog(issued.pdf, "测试", warnings=["字体缺少“𠮷”字"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.warning_bar.isVisible() and "𠮷" in dialog.warning_bar.text()


def test_the_document_menu_offers_what_fits_the_case_and_opens_the_preview(
    qtbot: QtBot, store: Store, tasks: TaskManager
) -> None:
    assert [k.cli for k in document_kinds(Kind.DISPUTE, Status.REGISTERED)] == ["application"]
    assert "agreement" in [k.cli for k in document_kinds("dispute", "agreed")]
    assert document_kinds(Kind.CONSULTATION, Status.CLOSED) == []
    number = agreed_case(store)
    menu = DocumentMenu(store, tasks, STAFF)
    qtbot.addWidget(menu)
    menu.set_case(number, Kind.DISPUTE, Status.AGREED, parties=2)
    action = next(a for a in menu.actions() if a.data() == "agreement")
    action.trigger()
    qtbot.waitUntil(lambda: menu.preview is not None, timeout=20_000)
    assert menu.preview is not None and menu.preview.page_count > 0
    qtbot.addWidget(menu.preview)
    menu.set_case(None)
    assert not menu.isEnabled()


def test_batch_print_runs_with_progress(
    qtbot: QtBot, demo_store: Store, tasks: TaskManager, tmp_path: Path, wait_idle: Callable[[], None]
) -> None:
    from govdesk.store import documents_repo

    with demo_store.db.read() as session:
        months: dict[str, int] = {}
        for year in range(2020, 2028):
            for month in range(1, 13):
                first = dt.date(year, month, 1)
                last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
                n = len(documents_repo.case_numbers_with_written_agreements(session, first, last))
                if n:
                    months[f"{year}-{month:02d}"] = n
    assert months, "the demo store has written agreements"
    month, count = min(months.items(), key=lambda kv: kv[1])
    reports: list[tuple[int, int]] = []
    dialog = BatchPrintDialog(demo_store, tasks, STAFF, default_dir=tmp_path / "batch")
    qtbot.addWidget(dialog)
    dialog.set_month(month)
    dialog.progress_hook = lambda done, total, message: reports.append((done, total))
    dialog.start()
    wait_idle()
    qtbot.waitUntil(lambda: dialog.batch_result is not None, timeout=60_000)
    assert dialog.batch_result is not None
    assert dialog.batch_result.issued + dialog.batch_result.reprinted + len(dialog.batch_result.skipped) == count
    assert len(list((tmp_path / "batch").glob("*.pdf"))) == len(dialog.batch_result.files) > 0
    assert reports and reports[-1][0] == reports[-1][1] == count
    assert str(tmp_path / "batch") in dialog.summary.text()


def test_batch_print_can_be_cancelled(
    qtbot: QtBot, store: Store, tasks: TaskManager, tmp_path: Path, wait_idle: Callable[[], None]
) -> None:
    for i in range(3):
        agreed_case(store, title=f"纠纷{i}")
    dialog = BatchPrintDialog(store, tasks, STAFF, default_dir=tmp_path / "batch")
    qtbot.addWidget(dialog)
    dialog.set_month(dt.date.today().strftime("%Y-%m"))
    dialog.start()
    assert dialog._progress is not None
    dialog._progress.canceled.emit()  # what its 取消 button sends
    wait_idle()
    qtbot.waitUntil(lambda: dialog.cancelled or dialog.batch_result is not None, timeout=30_000)
    assert dialog.cancelled and "已取消" in dialog.summary.text() and dialog.start_button.isEnabled()


@pytest.mark.skipif(not print_preview.HAVE_POPPLER, reason="poppler-utils not installed")
def test_without_qtpdf_poppler_renders_the_pages(qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(print_preview, "HAVE_QTPDF", False)
    issued = issue_document(store, STAFF, agreed_case(store), "agreement", now=NOW)
    dialog = PrintPreviewDialog.for_issued(issued)
    qtbot.addWidget(dialog)
    dialog.show()
    assert isinstance(dialog.pages, print_preview.PopplerPages) and dialog.page_count == issued.pages
    assert isinstance(dialog.view, print_preview.PageList)
    assert not dialog.pages.render(0, QSize(210, 297)).isNull()
    dialog.zoom_out_button.click()
    assert dialog.zoom_label.text() == "80%"
