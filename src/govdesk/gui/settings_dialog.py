"""设置 (Ctrl+,): data directory, backups, sync, printing, idle lock, language — one page each.

The user's own settings (``govdesk.settings`` through ``preferences()``) are saved when 确定 is pressed and
act at once (the idle lock, printing, the sync interval); the language from the next start. The backup policy
belongs to the data directory: it is changed through ``services.backups.set_backup_policy`` (administrator
and director; audited) and shown read-only to others. Enrolment with the county server is its own button.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from govdesk import settings as user_settings
from govdesk.domain.errors import GovdeskError, ValidationError
from govdesk.security.policy import Perm, Role, allowed
from govdesk.services import backups
from govdesk.services.actor import Actor
from govdesk.settings import PrintSettings, Settings, SyncSettings
from govdesk.store import backup_policy
from govdesk.store.backup_policy import BackupPolicy
from govdesk.store.store import Store

from .preferences import Preferences, preferences
from .tasks import TaskManager, show_error

PAGE_DATA, PAGE_BACKUP, PAGE_SYNC, PAGE_PRINT, PAGE_LOCK, PAGE_LANGUAGE = range(6)
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en_US": "English"}  # each in its own language, never translated


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color:#5f6368;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def _enroll(store: Store, actor: Actor, server: str, code: str) -> str:
    from govdesk.services import sync_service  # imported late: httpx and the sync engine only when needed

    return sync_service.enroll(store, actor, server, code)


def _enrolled_server(store: Store) -> tuple[str, bool]:
    """(the server this PC is enrolled with, or "", whether the county has revoked it)."""
    from govdesk.services import sync_service

    status = sync_service.status(store)
    return (status.server if status.enrolled else ""), status.state == "revoked"


class SettingsDialog(QDialog):
    enrolled = Signal(str)  # the sentence the enrolment returned

    def __init__(
        self, store: Store, tasks: TaskManager, actor: Actor, parent: QWidget | None = None,
        *, prefs: Preferences | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._actor = actor
        self._prefs = prefs or preferences()
        self._policy = backup_policy.load_policy(store.data_dir)
        self.may_change_backups = allowed(Role(actor.role), Perm.BACKUP)
        self.may_enrol = allowed(Role(actor.role), Perm.SETTINGS)
        self.saving = False
        self._errors: dict[str, QLabel] = {}
        self.setWindowTitle(self.tr("设置"))
        self.setWindowIcon(qta.icon("mdi6.cog-outline", color="#1a73e8"))
        self.setStyleSheet(
            "QLabel#fieldError { color:#c5221f; } QLabel#pageTitle { font-size:16px; font-weight:bold; }"
        )
        self.resize(820, 560)

        self.nav = QListWidget()
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(170)
        self.nav.setSpacing(2)
        self.pages = QStackedWidget()
        value = self._prefs.value
        for icon, title, page in (
            ("mdi6.folder-outline", self.tr("数据目录"), self._data_page()),
            ("mdi6.backup-restore", self.tr("备份"), self._backup_page()),
            ("mdi6.cloud-sync-outline", self.tr("同步"), self._sync_page(value.sync)),
            ("mdi6.printer-outline", self.tr("打印"), self._print_page(value.printing)),
            ("mdi6.lock-clock", self.tr("自动锁定"), self._lock_page(value.idle_minutes)),
            ("mdi6.translate", self.tr("语言"), self._language_page(value.language)),
        ):
            QListWidgetItem(qta.icon(icon, color="#1a73e8"), title, self.nav)
            self.pages.addWidget(page)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(PAGE_DATA)

        self.general_error = _error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    # --- pages --------------------------------------------------------------------------------------------
    def _page(self, title: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(16, 4, 8, 4)
        layout.setSpacing(10)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        return page, layout

    def _row(self, form: QFormLayout, key: str, caption: str, widget: QWidget, hint: str = "") -> None:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        if hint:
            box.addWidget(_hint(hint))
        error = _error_label()
        box.addWidget(error)
        self._errors[key] = error
        form.addRow(caption, holder)

    def _form(self, layout: QVBoxLayout) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        layout.addLayout(form)
        return form

    def _data_page(self) -> QWidget:
        page, layout = self._page(self.tr("数据目录"))
        path = QLineEdit(str(self._store.data_dir))
        path.setReadOnly(True)
        open_button = QPushButton(qta.icon("mdi6.folder-open-outline"), self.tr("打开文件夹"))
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._store.data_dir)))
        )  # fmt: skip
        row = QHBoxLayout()
        row.addWidget(path, 1)
        row.addWidget(open_button)
        layout.addLayout(row)
        layout.addWidget(
            _hint(self.tr("这里保存本机的全部数据：加密数据库 govdesk.db、附件、钥匙文件和默认的备份文件夹。"))
        )
        move = QLabel(self.tr(
            "<b>如何把数据搬到别的位置</b>（例如空间更大的 D 盘）：<ol>"
            "<li>退出 govdesk（所有窗口）。</li>"
            "<li>把上面的整个文件夹复制到新位置，例如 D:\\govdesk数据。</li>"
            "<li>在桌面快捷方式的“目标”末尾加上 <code>--data-dir \"D:\\govdesk数据\"</code>，"
            "或设置环境变量 <code>GOVDESK_DATA_DIR</code> 为新位置。</li>"
            "<li>启动 govdesk，确认事项都在后，再删除旧文件夹。</li></ol>"
            "数据目录不能在程序运行时更改；同一数据目录同时只能由一个 govdesk 使用。"
        ))  # fmt: skip
        move.setWordWrap(True)
        move.setTextFormat(Qt.TextFormat.RichText)
        move.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(move)
        layout.addStretch(1)
        return page

    def _backup_page(self) -> QWidget:
        page, layout = self._page(self.tr("备份"))
        policy = self._policy
        self.backup_folder_edit = QLineEdit(policy.folder)
        self.backup_folder_edit.setPlaceholderText(str(backup_policy.default_folder(self._store.data_dir)))
        choose = QPushButton(self.tr("选择…"))
        choose.clicked.connect(self._choose_backup_folder)
        default = QPushButton(self.tr("用默认位置"))
        default.clicked.connect(self.backup_folder_edit.clear)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.backup_folder_edit, 1)
        row_layout.addWidget(choose)
        row_layout.addWidget(default)
        self.daily_check = QCheckBox(self.tr("每天第一次打开程序时自动备份"))
        self.daily_check.setChecked(policy.daily)
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(1, backup_policy.MAX_KEEP_DAILY)
        self.keep_spin.setValue(policy.keep_daily)
        self.keep_spin.setSuffix(self.tr(" 天"))
        self.keep_spin.setMaximumWidth(120)
        self.keep_spin.setEnabled(policy.daily)
        self.daily_check.toggled.connect(self.keep_spin.setEnabled)
        form = self._form(layout)
        self._row(form, "folder", self.tr("备份位置"), row,
                  self.tr("建议选另一块硬盘或U盘：电脑硬盘损坏时备份还在。所选位置暂时不可用（U盘未插）时，"
                          "自动备份到数据目录。已有的备份留在原处，仍可用来恢复。"))  # fmt: skip
        self._row(form, "daily", self.tr("自动备份"), self.daily_check)
        self._row(form, "keep_daily", self.tr("保留每日备份"), self.keep_spin,
                  self.tr("另外保留最近4周每周一份、最近12个月每月一份。"))  # fmt: skip
        self.backup_in_use = _hint(self.tr("现在的备份保存在：%s") % self._store.backups_dir)
        layout.addWidget(self.backup_in_use)
        if not self.may_change_backups:
            for widget in (row, self.daily_check, self.keep_spin):
                widget.setEnabled(False)
            layout.addWidget(_hint(self.tr("只有系统管理员和中心主任可以更改备份设置。")))
        layout.addStretch(1)
        return page

    def _choose_backup_folder(self) -> None:
        start = self.backup_folder_edit.text() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择备份位置"), start)
        if chosen:
            self.backup_folder_edit.setText(str(Path(chosen)))

    def _sync_page(self, sync: SyncSettings) -> QWidget:
        page, layout = self._page(self.tr("同步"))
        self.sync_state = _hint("")
        layout.addWidget(self.sync_state)
        self.server_edit = QLineEdit(sync.server)
        self.server_edit.setPlaceholderText(self.tr("例如 https://zzzx.example.gov.cn:8765"))
        self.enrol_code_edit = QLineEdit(placeholderText=self.tr("例如 ABCD-EFGH-JKLM"))
        self.enrol_button = QPushButton(qta.icon("mdi6.link-variant"), self.tr("注册本机"))
        self.enrol_button.clicked.connect(self.enrol)
        code_row = QWidget()
        code_layout = QHBoxLayout(code_row)
        code_layout.setContentsMargins(0, 0, 0, 0)
        code_layout.addWidget(self.enrol_code_edit, 1)
        code_layout.addWidget(self.enrol_button)
        self.auto_sync_spin = QSpinBox()
        self.auto_sync_spin.setRange(0, user_settings.MAX_SYNC_MINUTES)
        self.auto_sync_spin.setSingleStep(5)
        self.auto_sync_spin.setValue(sync.auto_minutes)
        self.auto_sync_spin.setSuffix(self.tr(" 分钟"))
        self.auto_sync_spin.setSpecialValueText(self.tr("不自动同步"))
        self.auto_sync_spin.setMaximumWidth(160)
        form = self._form(layout)
        self._row(form, "server", self.tr("服务器地址"), self.server_edit)
        self._row(form, "code", self.tr("注册码"), code_row,
                  self.tr("一次性注册码，向县综治中心索取。注册后本机用自己的凭据同步，注册码即失效。"))  # fmt: skip
        self._row(form, "auto_minutes", self.tr("自动同步间隔"), self.auto_sync_spin,
                  self.tr("联网时每隔这么久同步一次；随时可按 F5 立即同步。0 为只在按 F5 时同步。"))  # fmt: skip
        self.enrol_result = QLabel()
        self.enrol_result.setWordWrap(True)
        self.enrol_result.setStyleSheet("color:#1e8e3e;")
        self.enrol_result.hide()
        layout.addWidget(self.enrol_result)
        if not self.may_enrol:
            for widget in (self.enrol_code_edit, self.enrol_button):
                widget.setEnabled(False)
            layout.addWidget(_hint(self.tr("只有系统管理员和中心主任可以注册本机。")))
        layout.addStretch(1)
        store = self._store
        self._tasks.run(lambda: _enrolled_server(store), self._show_enrolled,
                        lambda _err: self.sync_state.setText(self.tr("未能读取本机的同步状态。")), owner=self)  # fmt: skip
        return page

    def _show_enrolled(self, enrolled: tuple[str, bool]) -> None:
        server, revoked = enrolled
        if server and revoked:
            self.sync_state.setText(self.tr("本机已被县级服务器 %s 停用，不再同步；未同步的数据都保存在本机。"
                                            "如需恢复，请向县综治中心索取新的注册码，在下面重新注册。") % server)  # fmt: skip
            self.server_edit.setText(server)
        elif server:
            self.sync_state.setText(self.tr("本机已注册到县级服务器 %s。") % server)
            self.server_edit.setText(server)
        else:
            self.sync_state.setText(self.tr("本机还没有注册到县级服务器，现在离线使用。"))

    def _print_page(self, printing: PrintSettings) -> QWidget:
        page, layout = self._page(self.tr("打印"))
        self.printer_combo = QComboBox()
        self.printer_combo.addItem(self.tr("系统默认打印机"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer_combo.addItem(name, name)
        if printing.printer and self.printer_combo.findData(printing.printer) < 0:
            self.printer_combo.addItem(self.tr("%s（现在找不到）") % printing.printer, printing.printer)
        self.printer_combo.setCurrentIndex(max(0, self.printer_combo.findData(printing.printer)))
        self.paper_combo = QComboBox()
        papers = {
            "document": self.tr("按文书的纸张（A4）"), "A4": "A4", "B5": "B5",
            "16K": self.tr("16开（184×260 毫米）"), "Letter": "Letter",
        }  # fmt: skip
        for key in user_settings.PAPER_SIZES:
            self.paper_combo.addItem(papers[key], key)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(printing.paper)))
        self.copies_spin = QSpinBox()
        self.copies_spin.setRange(1, user_settings.MAX_COPIES)
        self.copies_spin.setValue(printing.copies)
        self.copies_spin.setSuffix(self.tr(" 份"))
        self.copies_spin.setMaximumWidth(120)
        form = self._form(layout)
        self._row(form, "printer", self.tr("打印机"), self.printer_combo)
        self._row(form, "paper", self.tr("纸张"), self.paper_combo,
                  self.tr("人民调解文书按 A4 制作。选其他纸张时按比例缩放，居中打印。"))  # fmt: skip
        self._row(form, "copies", self.tr("默认份数"), self.copies_spin,
                  self.tr("调解协议书本身已含每方当事人一份、委员会存档一份，打印一份即可。"))  # fmt: skip
        layout.addWidget(_hint(self.tr("每次打印时仍可在打印对话框里改。")))
        layout.addStretch(1)
        return page

    def _lock_page(self, minutes: float) -> QWidget:
        page, layout = self._page(self.tr("自动锁定"))
        self.idle_spin = QDoubleSpinBox()
        self.idle_spin.setDecimals(0)
        self.idle_spin.setRange(1, user_settings.MAX_IDLE_MINUTES)
        self.idle_spin.setValue(max(1.0, round(minutes)))
        self.idle_spin.setSuffix(self.tr(" 分钟"))
        self.idle_spin.setMaximumWidth(120)
        form = self._form(layout)
        self._row(form, "idle_minutes", self.tr("无操作锁定"), self.idle_spin,
                  self.tr("这么久没有键盘和鼠标操作时，程序锁定并隐藏所有个人信息，输入密码后继续。"
                          "为保护当事人信息，最长10分钟。离开座位时可按 Ctrl+L 立即锁定。"))  # fmt: skip
        layout.addStretch(1)
        return page

    def _language_page(self, language: str) -> QWidget:
        page, layout = self._page(self.tr("语言"))
        self.language_combo = QComboBox()
        for code in user_settings.LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.language_combo.setMaximumWidth(200)
        form = self._form(layout)
        self._row(form, "language", self.tr("界面语言"), self.language_combo,
                  self.tr("重新启动程序后生效。打印的文书和导出的报表始终是中文。"))  # fmt: skip
        layout.addStretch(1)
        return page

    # --- what was chosen ----------------------------------------------------------------------------------
    def chosen_settings(self) -> Settings:
        old = self._prefs.value
        return replace(
            old,
            language=str(self.language_combo.currentData()),
            idle_minutes=float(self.idle_spin.value()),
            printing=PrintSettings(str(self.printer_combo.currentData()), str(self.paper_combo.currentData()),
                                   self.copies_spin.value()),
            sync=SyncSettings(self.server_edit.text().strip(), self.auto_sync_spin.value()),
        )  # fmt: skip

    def chosen_policy(self) -> BackupPolicy:
        return BackupPolicy(
            self.backup_folder_edit.text().strip(), self.daily_check.isChecked(), self.keep_spin.value()
        )

    def _clear_errors(self) -> None:
        for label in [*self._errors.values(), self.general_error]:
            label.hide()

    def show_error(self, field: str, message: str) -> None:
        label = self._errors.get(field, self.general_error)
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            if page is not None and page.isAncestorOf(label):
                self.nav.setCurrentRow(index)
        label.setText(message)
        label.show()

    # --- doing it -----------------------------------------------------------------------------------------
    def save(self) -> None:
        """确定: the user's settings at once; the backup policy (when changed) on the worker, then close."""
        if self.saving:
            return
        self._clear_errors()
        self._prefs.update(self.chosen_settings())
        policy = self.chosen_policy()
        if not self.may_change_backups or policy == self._policy:
            self.accept()
            return
        store, actor = self._store, self._actor
        self.saving = True
        self.buttons.setEnabled(False)

        def done(saved: BackupPolicy) -> None:
            self.saving = False
            self.buttons.setEnabled(True)
            self._policy = saved
            self.accept()

        def failed(err: BaseException) -> None:
            self.saving = False
            self.buttons.setEnabled(True)
            if isinstance(err, ValidationError):
                self.show_error(err.field or "", str(err))
            elif isinstance(err, GovdeskError):
                self.show_error("", str(err))
            else:
                show_error(err, self)

        self._tasks.run(lambda: backups.set_backup_policy(store, actor, policy), done, failed, owner=self)

    def enrol(self) -> None:
        self._clear_errors()
        self.enrol_result.hide()
        server, code = self.server_edit.text().strip(), self.enrol_code_edit.text().strip()
        if not server:
            self.show_error("server", self.tr("请填写服务器地址。"))
            return
        if not code:
            self.show_error("code", self.tr("请填写注册码（向县综治中心索取）。"))
            return
        store, actor = self._store, self._actor
        self.enrol_button.setEnabled(False)
        self.enrol_button.setText(self.tr("正在注册…"))

        def done(sentence: str) -> None:
            self._reset_enrol_button()
            self.enrol_code_edit.clear()
            self.enrol_result.setText(str(sentence))
            self.enrol_result.show()
            self.sync_state.setText(self.tr("本机已注册到县级服务器 %s。") % server)
            self._prefs.update(replace(self._prefs.value, sync=replace(self._prefs.value.sync, server=server)))
            self.enrolled.emit(str(sentence))

        def failed(err: BaseException) -> None:
            self._reset_enrol_button()
            if isinstance(err, ValidationError) and err.field in ("server", "code"):
                self.show_error(err.field, str(err))
            elif isinstance(err, GovdeskError):
                self.show_error("code", str(err))
            else:
                show_error(err, self)

        self._tasks.run(lambda: _enroll(store, actor, server, code), done, failed, owner=self)

    def _reset_enrol_button(self) -> None:
        self.enrol_button.setEnabled(self.may_enrol)
        self.enrol_button.setText(self.tr("注册本机"))

    def reject(self) -> None:
        if self.saving:
            return
        super().reject()
