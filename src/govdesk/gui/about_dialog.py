"""关于: version (from pyproject, one place), data directory, and the licences of what ships."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from govdesk import __version__
from govdesk.gui.forms.about_dialog import Ui_AboutDialog


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_AboutDialog()
        self.form.setupUi(self)  # type: ignore[no-untyped-call]
        self.form.version.setText(self.tr("版本 %s") % __version__)
        self.form.details.setText(self.tr("数据目录：%s") % data_dir)
