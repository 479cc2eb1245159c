"""Composition root of the desktop program: the QApplication, the store, the worker and the first window.

Environment variables:

- ``GOVDESK_USER`` and ``GOVDESK_PASSWORD``: when BOTH are set, the program signs in with them without
  showing the sign-in dialog (as the ``govdesk`` CLI does). A wrong password is reported in a message box and
  counts toward the account's lockout like any failed sign-in. Meant for benchmarks and scripted demos;
  on a shared office PC leave them unset.
- ``GOVDESK_EXIT_WHEN_READY=<path>``: benchmark hook. As soon as the main window is shown with the first page
  of the case list populated, write ``{"ready": time.time(), "rss_mb": <VmRSS from /proc/self/status, MB>}``
  as JSON to ``<path>`` and quit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator, Signal, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from govdesk import __version__
from govdesk.domain.errors import StoreError, StoreLocked
from govdesk.gui import tasks as gui_tasks
from govdesk.gui.backup_dialogs import check_store_at_start
from govdesk.gui.first_run import FirstRunDialog
from govdesk.gui.main_window import MainWindow
from govdesk.gui.preferences import install_preferences, preferences
from govdesk.gui.sign_in_dialog import SignInDialog
from govdesk.gui.tasks import TaskManager
from govdesk.paths import default_data_dir, resources_dir
from govdesk.services import accounts, backups, session
from govdesk.services.actor import Actor, os_user
from govdesk.services.case_queries import store_info
from govdesk.store.backup_policy import load_policy
from govdesk.store.store import DB_NAME, Store

UI_LANGUAGE = "zh_CN"  # the source language of the UI strings, and the default
# Preferred UI fonts, best first: the Windows, macOS and Linux CJK faces. Qt uses the first one installed
# and falls back through the rest for characters a face lacks, instead of picking a bitmap SimSun.
FONT_FAMILIES = [
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback",
]  # fmt: skip
MIN_POINT_SIZE = 10  # many users are older staff on 1366x768 screens; 9pt CJK is hard to read


def application_icon() -> QIcon:
    """The program's icon in every size resources/icons has (16–256 px bitmaps and the SVG): Qt picks the one
    that fits the screen's scale, so title bars and task bars stay sharp at 125 %, 150 %, 200 %."""
    icon = QIcon()
    try:
        folder = resources_dir() / "icons"
    except RuntimeError:
        return icon
    for png in sorted(folder.glob("govdesk-*.png")):
        icon.addFile(str(png))
    if (folder / "govdesk.svg").is_file():
        icon.addFile(str(folder / "govdesk.svg"))
    return icon


def load_translators(language: str) -> list[QTranslator]:
    """Qt's own translation of its standard dialogs and buttons (确定/取消, the calendar, the file dialog) from the
    PySide6 package, and ours from resources/translations. Install them with ``installTranslator``."""
    translators = []
    qt_translator = QTranslator()
    qt_name = f"qtbase_{language}" if language == "zh_CN" else f"qtbase_{language.split('_')[0]}"
    if qt_translator.load(qt_name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt_translator)
    try:
        translations = resources_dir() / "translations"
    except RuntimeError:
        return translators
    ours = QTranslator()
    if ours.load(str(translations / f"govdesk_{language}.qm")):
        translators.append(ours)
    return translators


def use_language(app: QApplication, language: str) -> list[QTranslator]:
    """Dates and numbers in the language's locale (2026年11月22日 / November 22, 2026), and its translators."""
    if language == "en_US":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    for previous in _installed:  # a language replaces the one before: Qt would otherwise still ask the old ones
        app.removeTranslator(previous)
    _installed.clear()
    translators = load_translators(language)
    for translator in translators:
        translator.setParent(app)
        app.installTranslator(translator)
    _installed.extend(translators)
    return translators


_installed: list[QTranslator] = []


def create_application(argv: Sequence[str] | None = None, language: str | None = None) -> QApplication:
    """The QApplication with names (QSettings), the UI language (``language``, else the user's setting) with Qt's
    translated dialogs, and CJK fonts. Reuses one if it exists."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        # Fractional scaling (125 %, 150 % are common on office laptops) without rounding text blurry.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setApplicationName("govdesk")
    app.setOrganizationName("govdesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(application_icon())
    use_language(app, language or preferences().value.language)
    try:
        fonts = resources_dir() / "fonts"
    except RuntimeError:
        fonts = Path()

    # The documents ship WenQuanYi Micro Hei for PDFs; it doubles as the UI font on a machine that has
    # none of the preferred CJK faces (a bare Linux install). Not loaded otherwise: it costs start-up time.
    installed = set(QFontDatabase.families())
    if not installed.intersection(FONT_FAMILIES) and (fonts / "wqy-microhei.ttc").is_file():
        QFontDatabase.addApplicationFont(str(fonts / "wqy-microhei.ttc"))
    font = app.font()
    font.setFamilies(FONT_FAMILIES + font.families())
    if 0 < font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
    app.setFont(font)
    return app


class _CrashNotice(QObject):
    """Carries a crash on another thread to the GUI thread (a queued signal), where the dialog can be shown."""

    raised = Signal(str)

    def __init__(self, announce: Callable[[Path], None]) -> None:
        super().__init__()
        self._announce = announce
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    @Slot(str)
    def _show(self, where: str) -> None:
        self._announce(Path(where) if where else Path())


class CrashReporter:
    """sys.excepthook: save the traceback under <data dir>/crash-reports and tell the user where it is.
    A crash on another thread (threading.excepthook) is saved there and announced on the GUI thread."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._showing = False
        self.last_report: Path | None = None
        self._notice: _CrashNotice | None = None
        app = QApplication.instance()
        if app is not None:
            self._notice = _CrashNotice(self.announce)
            self._notice.moveToThread(app.thread())

    def write(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        text = (
            f"govdesk {__version__} crash report {dt.datetime.now().isoformat(timespec='seconds')}\n"
            f"Python {sys.version.split()[0]} on {platform.platform()}\n"
            f"Thread: {threading.current_thread().name}\n\n" + "".join(traceback.format_exception(exc_type, exc, tb))
        )
        for folder in (self.data_dir / "crash-reports", Path(tempfile.gettempdir()) / "govdesk-crash-reports"):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / f"crash-{stamp}.txt"
                n = 1
                while path.exists():
                    n += 1
                    path = folder / f"crash-{stamp}-{n}.txt"
                path.write_text(text, encoding="utf-8")
                return path
            except OSError:
                continue
        return Path()

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        path = self.write(exc_type, exc, tb)
        self.last_report = path
        sys.__excepthook__(exc_type, exc, tb)  # also on stderr, for whoever runs it from a console
        if QApplication.instance() is None:
            return
        if threading.current_thread() is not threading.main_thread():
            if self._notice is not None:
                self._notice.raised.emit(str(path) if path.parts else "")
            return
        self.announce(path)

    def announce(self, path: Path) -> None:
        """The friendly dialog naming the saved report (GUI thread only)."""
        if self._showing:
            return  # an error while the box is up (or in it) must not stack boxes
        self._showing = True
        try:
            where = str(path) if path.parts else QApplication.translate("app", "（未能保存错误报告）")
            QMessageBox.critical(
                QApplication.activeWindow(),
                QApplication.translate("app", "程序出错"),
                QApplication.translate(
                    "app",
                    "govdesk 遇到了一个程序错误，刚才的操作可能没有完成。已经保存的数据不受影响。\n\n"
                    "错误报告已保存到：\n%s\n\n请把这个文件发给县里的技术支持人员。",
                ).replace("%s", where),
            )
        finally:
            self._showing = False


def install_crash_reporter(data_dir: Path) -> CrashReporter:
    reporter = CrashReporter(data_dir)
    sys.excepthook = reporter

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            reporter(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook
    return reporter


def _remove_unfinished_store(data_dir: Path) -> None:
    """The user left the first-run dialog: drop the empty store made for it a moment ago, so the next start
    offers the first run again (its data key was never saved anywhere)."""
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", "govdesk.lock"):
        try:
            (data_dir / name).unlink(missing_ok=True)
        except OSError:
            pass


def _start_session(data_dir: Path, tasks: TaskManager) -> tuple[Store, Actor, str] | int:
    """Open the store and find out who is working: first run, or sign in. Returns (store, actor, note),
    or an exit code when the user stopped or the store cannot be opened."""
    tr = QApplication.translate
    new = not Store.exists(data_dir)
    store: Store | None = None
    actor: Actor | None = None
    try:
        if new:
            store = session.create_encrypted_store(data_dir)
        elif not session.is_encrypted(data_dir):
            # A store from before accounts existed (or an unencrypted one): sign in only if it has accounts.
            store = Store.open(data_dir, writer=True)
            if accounts.has_accounts(store):
                store.close()
                store = None
    except StoreLocked as err:
        QMessageBox.warning(None, tr("app", "govdesk 已在运行"), str(err))
        return 1
    except StoreError as err:
        QMessageBox.critical(None, tr("app", "无法打开数据"), str(err))
        return 1

    if store is None and not new:
        env_user, env_password = os.environ.get("GOVDESK_USER"), os.environ.get("GOVDESK_PASSWORD")
        if env_user and env_password:
            try:
                store, actor = session.sign_in(data_dir, env_user, env_password)
            except (accounts.LoginFailed, StoreError) as err:
                QMessageBox.warning(None, tr("app", "无法登录"), str(err))
                return 1

    if store is None:
        sign_in = SignInDialog(data_dir, tasks)
        if sign_in.exec() != QDialog.DialogCode.Accepted or sign_in.store is None or sign_in.actor is None:
            return 1 if sign_in.locked else 0
        store, actor = sign_in.store, sign_in.actor

    note = ""
    # A quick read before any window exists: nothing to keep responsive yet.
    if store_info(store).center is None:
        first_run = FirstRunDialog(store, tasks, signed_in=actor)
        if first_run.exec() != QDialog.DialogCode.Accepted or first_run.actor is None:
            store.close()
            if new:
                _remove_unfinished_store(data_dir)
            return 0
        actor, note = first_run.actor, first_run.summary
    if actor is None:
        actor = os_user()  # TEMPORARY: an unencrypted store without accounts (made before sign-in existed)
    if store.migration_backup is not None:
        note = tr("app", "数据库已升级到新版本，升级前的备份在 %s") % store.migration_backup
    return store, actor, note


def start_daily_backup(window: MainWindow, store: Store, tasks: TaskManager, actor: Actor) -> None:
    """Today's automatic backup, when the backup policy asks for one, queued behind the first queries. A failure
    (a full disk, an unplugged network drive) is said in the status bar; it never stops the work."""
    if not load_policy(store.data_dir).daily or not actor.username:
        return
    tr = QApplication.translate

    def done(info: object) -> None:
        if info is not None:
            window.statusBar().showMessage(tr("app", "已完成今天的自动备份。"), 8000)

    def failed(err: BaseException) -> None:
        window.statusBar().showMessage(tr("app", "今天的自动备份没有完成：%s") % err, 30_000)

    tasks.run(lambda: backups.ensure_daily_backup(store, actor), done, failed, owner=window)


def resident_mb() -> float:
    """Resident set size of this process in MB (VmRSS of /proc/self/status; 0 where there is none)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def exit_when_ready(window: MainWindow, path: Path) -> None:
    """The benchmark hook: once the first page of the list is in, write the time and memory to ``path``, quit."""

    def loaded(count: int) -> None:
        window.model.loaded.disconnect(loaded)
        if count:
            window.model.row_at(0)  # the first page (what the view paints first)
        window.table.viewport().repaint()

        def write() -> None:
            path.write_text(json.dumps({"ready": time.time(), "rss_mb": round(resident_mb(), 1)}), encoding="utf-8")
            QApplication.quit()

        QTimer.singleShot(0, write)

    window.model.loaded.connect(loaded)


def run_gui(data_dir: Path | None) -> int:
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    from govdesk.gui.map_view import register_map_scheme

    register_map_scheme()  # custom URL schemes must exist before the QApplication
    install_preferences()  # the user's settings file (language, idle lock, printing, sync interval)
    app = create_application()
    install_crash_reporter(data_dir)
    tasks = TaskManager()
    started = _start_session(data_dir, tasks)
    if isinstance(started, int):
        tasks.shutdown()
        return started
    store, actor, note = started
    gui_tasks.database_path = store.path
    try:
        window = MainWindow(store, tasks, actor)
        ready_path = os.environ.get("GOVDESK_EXIT_WHEN_READY")
        if ready_path:
            exit_when_ready(window, Path(ready_path))
        window.show()
        if note:
            window.statusBar().showMessage(note, 30_000)
        # Queued behind the window's first queries: the list appears at once; a damaged store is reported
        # in a dialog that offers the latest good backup.
        check_store_at_start(window, store, tasks, actor, lambda _info: window.refresh())
        start_daily_backup(window, store, tasks, actor)
        return app.exec()
    finally:
        tasks.shutdown()
        store.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``govdesk-gui``."""
    parser = argparse.ArgumentParser(prog="govdesk-gui", description="govdesk 乡镇综治中心与人民调解工作台")
    parser.add_argument("--data-dir", type=Path, help="数据目录（默认取 GOVDESK_DATA_DIR，或系统用户数据目录）")
    args, _qt_args = parser.parse_known_args(argv)
    return run_gui(args.data_dir)


if __name__ == "__main__":
    sys.exit(main())
