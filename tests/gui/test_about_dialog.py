from pathlib import Path

from pytestqt.qtbot import QtBot

from govdesk import __version__
from govdesk.gui.about_dialog import AboutDialog


def test_about_shows_the_version_from_pyproject_and_the_data_dir(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert __version__ in dialog.form.version.text() and __version__ != "0.0.0+source"
    assert str(tmp_path) in dialog.form.details.text()
