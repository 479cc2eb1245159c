"""The first-run set-up wizard of a new data directory.

Pages: 欢迎 (set up this center, or load the demo township) → 中心信息 (name, division code, station) →
调解委员会 (the name on the documents) → 管理员账号 → 县级服务器 (skippable) → 备份 → 完成. The demo path
goes 欢迎 → 备份 → 完成. Each page checks its fields when 下一步 is pressed and says what is wrong next to the
field; nothing is written before 完成设置. Then, on the worker: the administrator, the center and the backup
policy; after that (so that a failure costs nothing) the enrolment with the county server, which may fail
and be retried or skipped — offline is fine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from govdesk.domain.errors import GovdeskError, ValidationError
from govdesk.domain.identity import parse_division_code
from govdesk.security.policy import Perm, Role, allowed
from govdesk.services import accounts, backups, setup
from govdesk.services.actor import Actor
from govdesk.store import backup_policy
from govdesk.store.backup_policy import BackupPolicy
from govdesk.store.records import CenterInfo
from govdesk.store.store import Store

from .preferences import preferences
from .tasks import Progress, TaskManager, run_with_progress, show_error

DEMO_USER = "zhuren"  # the demo's 中心主任: sees and may do everything a center's staff do

PAGE_WELCOME, PAGE_CENTER, PAGE_COMMITTEE, PAGE_ADMIN, PAGE_SERVER, PAGE_BACKUP, PAGE_FINISH = range(7)


@dataclass(frozen=True)
class CenterChoices:
    name: str
    code: str
    committee: str
    station: int


def _load_demo(
    store: Store, n_cases: int, n_residents: int, policy: BackupPolicy, report: Progress
) -> tuple[str, Actor]:
    """Load the demo township and sign in as its director (demo accounts all use the password "demo")."""
    # Imported late: the demo generator is large and only ever needed here and in the CLI.
    try:
        from govdesk.services.demo_loader import load_demo
    except ImportError:
        raise GovdeskError("这个版本没有附带演示数据，请选择“设置本中心”。") from None

    loader = Actor("演示数据", "admin", "demo-loader")
    summary = str(load_demo(store, loader, n_cases=n_cases, n_residents=n_residents, progress=report, base_map=True))
    actor = accounts.login(store, DEMO_USER, accounts.DEMO_PASSWORD)
    backups.set_backup_policy(store, actor, policy)
    return summary, actor


def _set_up(
    store: Store, admin: tuple[str, str, str] | None, signed_in: Actor | None, center: CenterChoices,
    policy: BackupPolicy,
) -> tuple[Actor, CenterInfo]:  # fmt: skip
    """Create the administrator (unless someone is signed in already), record the center, keep the backup policy."""
    if not center.name.strip():
        raise ValidationError("请填写中心名称，例如“某某镇综治中心”。", "center_name")
    parse_division_code(center.code)  # checked before the account exists, so a typo here costs nothing
    if signed_in is not None:
        actor = signed_in
    else:
        assert admin is not None
        username, display_name, password = admin
        # A retry after the center was refused: the administrator was created the first time.
        if accounts.has_accounts(store):
            actor = accounts.login(store, username, password)
        else:
            actor = accounts.create_first_admin(store, username, display_name, password)
    info = setup.init_center(store, actor, center.name, center.code, center.committee, center.station)
    if allowed(Role(actor.role), Perm.BACKUP):
        backups.set_backup_policy(store, actor, policy)
    return actor, info


def _enroll(store: Store, actor: Actor, server: str, code: str) -> str:
    from govdesk.services import sync_service  # imported late: httpx and the sync engine only when needed

    return sync_service.enroll(store, actor, server, code)


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color:#5f6368;")
    return label


class FirstRunDialog(QWizard):
    """Accepted once the store belongs to a center (demo or real) and someone is signed in: ``actor``;
    ``summary`` says what was done, for the status bar.

    ``signed_in`` is given when an account exists already (a set-up that stopped half-way): the
    administrator page and the demo are then left out.
    """

    def __init__(
        self,
        store: Store,
        tasks: TaskManager,
        parent: QWidget | None = None,
        *,
        signed_in: Actor | None = None,
        demo_cases: int = 5000,
        demo_residents: int = 30000,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._signed_in = signed_in
        self._demo_size = (demo_cases, demo_residents)
        self.summary = ""
        self.actor: Actor | None = signed_in
        self.center_done = False  # the administrator and the center exist: no way back, only forward
        self.working = False
        self._finished = False
        self._committee_touched = False
        self._errors: dict[str, QLabel] = {}
        self.progress_dialog: QDialog | None = None

        self.setWindowTitle(self.tr("欢迎使用 govdesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, qta.icon("mdi6.scale-balance", color="#1a73e8").pixmap(48, 48))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成设置"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("退出"))
        self.setMinimumSize(760, 600)
        self.setStyleSheet("QLabel#fieldError { color:#c5221f; }")

        self.setPage(PAGE_WELCOME, self._welcome_page())
        self.setPage(PAGE_CENTER, self._center_page())
        self.setPage(PAGE_COMMITTEE, self._committee_page())
        if signed_in is None:
            self.setPage(PAGE_ADMIN, self._admin_page())
        self.setPage(PAGE_SERVER, self._server_page())
        self.setPage(PAGE_BACKUP, self._backup_page())
        self.setPage(PAGE_FINISH, self._finish_page())
        self.setStartId(PAGE_WELCOME)

    # --- pages --------------------------------------------------------------------------------------------
    def _page(self, title: str, subtitle: str) -> tuple[QWizardPage, QVBoxLayout]:
        page = QWizardPage()
        page.setTitle(title)
        page.setSubTitle(subtitle)
        layout = QVBoxLayout(page)
        layout.setSpacing(10)
        return page, layout

    def _form(self, layout: QVBoxLayout, rows: list[tuple[str, str, QWidget, str]]) -> QFormLayout:
        """Rows of (key, caption, widget, hint); each gets an error label under it, found by key."""
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        for key, caption, widget, hint in rows:
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
            form.addRow(QLabel(caption), holder)
        layout.addLayout(form)
        return form

    def _welcome_page(self) -> QWizardPage:
        page, layout = self._page(
            self.tr("欢迎使用 govdesk 综治中心工作台"), self.tr("这台电脑上还没有数据，先做几项设置，几分钟就好。")
        )
        intro = QLabel(self.tr(
            "govdesk 帮助乡镇（街道）综治中心和人民调解委员会登记矛盾纠纷、投诉、求助等事项，跟踪调解和办理过程。"
            "数据保存在本机，不联网也能使用，联网后可与县级平台同步。"
        ))  # fmt: skip
        intro.setWordWrap(True)
        question = QLabel(self.tr("请选择："))
        question.setStyleSheet("color:#3c4043; padding-top:4px;")
        self.setup_button = QCommandLinkButton(
            self.tr("设置本中心（正式使用）"),
            self.tr("填写本中心名称和乡镇（街道）行政区划代码，建立系统管理员账号，从空白开始登记。"),
        )
        self.setup_button.setIcon(qta.icon("mdi6.home-city-outline", color="#1a73e8"))
        self.demo_button = QCommandLinkButton(
            self.tr("载入演示乡镇（培训、熟悉软件）"),
            self.tr("虚构的荷塘镇：约5000件事项、12个村（社区）、3万名居民。演示数据不要用于正式工作。"),
        )
        self.demo_button.setIcon(qta.icon("mdi6.database-arrow-down-outline", color="#1a73e8"))
        self.choice = QButtonGroup(page)
        for button in (self.setup_button, self.demo_button):
            button.setIconSize(QSize(28, 28))
            button.setCheckable(True)
            button.setStyleSheet("QCommandLinkButton:checked { background:#e8f0fe; border:1px solid #1a73e8; }")
            self.choice.addButton(button)
        self.setup_button.setChecked(True)
        self.demo_button.setVisible(self._signed_in is None)  # the demo only goes into an empty store
        where = _hint(self.tr("数据目录：%s") % self._store.data_dir)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        layout.addWidget(question)
        layout.addWidget(self.setup_button)
        layout.addWidget(self.demo_button)
        layout.addStretch(1)
        layout.addWidget(where)
        return page

    def _center_page(self) -> QWizardPage:
        page, layout = self._page(
            self.tr("中心信息"),
            self.tr("本中心的名称和所在乡镇（街道）的行政区划代码。代码用于事项编号和与县级平台同步，设置后不能更改。"),
        )
        self.name_edit = QLineEdit(placeholderText=self.tr("例如：荷塘镇综合治理中心"))
        self.code_edit = QLineEdit(placeholderText=self.tr("9位或12位数字，例如 330481101"))
        self.code_edit.setMaxLength(14)
        self.station_spin = QSpinBox()
        self.station_spin.setRange(1, 99)
        self.station_spin.setMaximumWidth(120)
        required = " <span style='color:#d93025'>*</span>"
        self._form(layout, [
            ("center_name", self.tr("中心名称") + required, self.name_edit, ""),
            ("center_code", self.tr("行政区划代码") + required, self.code_edit,
             self.tr("统计用区划代码：县（市、区）6位 + 乡镇（街道）3位，或完整的12位。")),
            ("station_no", self.tr("本机工作站编号"), self.station_spin,
             self.tr("只有一台电脑登记事项时保持 1；同一中心有多台电脑时，每台填不同的号。")),
        ])  # fmt: skip
        layout.addStretch(1)
        return page

    def _committee_page(self) -> QWizardPage:
        page, layout = self._page(
            self.tr("调解委员会"),
            self.tr("人民调解文书（受理登记表、调解协议书等）以调解委员会的名义制作，抬头和落款使用这个名称。"),
        )
        self.committee_edit = QLineEdit()
        self.committee_edit.textEdited.connect(lambda _t: setattr(self, "_committee_touched", True))
        self.committee_edit.textChanged.connect(self._preview_committee)
        self._form(layout, [
            ("committee_name", self.tr("人民调解委员会名称"), self.committee_edit,
             self.tr("按司法所备案的全称填写，例如“荷塘镇人民调解委员会”。")),
        ])  # fmt: skip
        self.committee_preview = QLabel()
        self.committee_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.committee_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.committee_preview.setStyleSheet("background:white; padding:18px; color:#202124;")
        caption = _hint(self.tr("文书抬头预览："))
        layout.addSpacing(8)
        layout.addWidget(caption)
        layout.addWidget(self.committee_preview)
        layout.addStretch(1)
        return page

    def _preview_committee(self, text: str) -> None:
        name = text.strip() or self.tr("（未填写）")
        self.committee_preview.setText(
            f"<div style='font-size:20px; font-weight:bold;'>{name}</div>"
            f"<div style='font-size:16px; padding-top:6px;'>{self.tr('人民调解协议书')}</div>"
        )

    def _admin_page(self) -> QWizardPage:
        page, layout = self._page(
            self.tr("系统管理员账号"),
            self.tr("用这个账号登录、为其他工作人员开账号、管理备份。请牢记密码：它也是本机加密数据的钥匙。"),
        )
        self.username_edit = QLineEdit("admin")
        self.display_name_edit = QLineEdit(placeholderText=self.tr("您的姓名，例如 李晓燕"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_edit = QLineEdit()
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        required = " <span style='color:#d93025'>*</span>"
        self._form(layout, [
            ("username", self.tr("用户名") + required, self.username_edit,
             self.tr("2–40个英文字母、数字、下划线或点。")),
            ("display_name", self.tr("姓名") + required, self.display_name_edit, ""),
            ("password", self.tr("密码") + required, self.password_edit,
             self.tr("至少8位，含数字、小写字母、大写字母、符号中的至少两类；不要用用户名。")),
            ("password_again", self.tr("再输一次密码") + required, self.again_edit, ""),
        ])  # fmt: skip
        note = QLabel(self.tr("系统管理员管理账号和备份，不能登记和查看事项。设置完成后，请为工作人员（调解员、"
                              "登记员等）开账号，由他们登录办理事项。"))  # fmt: skip
        note.setWordWrap(True)
        note.setStyleSheet("color:#1a4f8b; padding-top:6px;")
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _server_page(self) -> QWizardPage:
        page, layout = self._page(
            self.tr("县级服务器（可跳过）"),
            self.tr("填写县综治中心提供的服务器地址和注册码，本机即可与县级平台同步。不联网也能完整使用，"
                    "以后可在“文件 → 设置 → 同步”中再注册。"),
        )  # fmt: skip
        self.server_edit = QLineEdit(placeholderText=self.tr("例如 https://zzzx.example.gov.cn:8765"))
        self.enrol_code_edit = QLineEdit(placeholderText=self.tr("例如 ABCD-EFGH-JKLM"))
        self._form(layout, [
            ("server", self.tr("服务器地址"), self.server_edit, ""),
            ("code", self.tr("注册码"), self.enrol_code_edit,
             self.tr("一次性注册码，向县综治中心索取；用过后即失效。")),
        ])  # fmt: skip
        offline = _hint(self.tr("两项都不填即为离线使用：点“下一步”跳过。"))
        layout.addWidget(offline)
        layout.addStretch(1)
        return page

    def _backup_page(self) -> QWizardPage:
        page, layout = self._page(
            self.tr("备份"),
            self.tr("备份是整个数据库的加密副本，电脑损坏或误操作时用它恢复。每份备份写好后都经过校验。"),
        )
        self.backup_folder_edit = QLineEdit()
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
        self.daily_check.setChecked(True)
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(1, backup_policy.MAX_KEEP_DAILY)
        self.keep_spin.setValue(BackupPolicy().keep_daily)
        self.keep_spin.setSuffix(self.tr(" 天"))
        self.keep_spin.setMaximumWidth(120)
        self.daily_check.toggled.connect(self.keep_spin.setEnabled)
        self._form(layout, [
            ("folder", self.tr("备份位置"), row,
             self.tr("不填则放在数据目录的 backups 文件夹。建议选另一块硬盘或U盘：电脑硬盘损坏时备份还在。"
                     "所选位置暂时不可用（U盘未插）时，自动备份到数据目录。")),
            ("daily", self.tr("自动备份"), self.daily_check, ""),
            ("keep_daily", self.tr("保留每日备份"), self.keep_spin,
             self.tr("另外保留最近4周每周一份、最近12个月每月一份。")),
        ])  # fmt: skip
        layout.addStretch(1)
        return page

    def _choose_backup_folder(self) -> None:
        start = self.backup_folder_edit.text() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择备份位置"), start)
        if chosen:
            self.backup_folder_edit.setText(str(Path(chosen)))

    def _finish_page(self) -> QWizardPage:
        page, layout = self._page(self.tr("完成设置"), self.tr("请核对以下内容，然后点“完成设置”。"))
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary_label)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_bar.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet("color:#1a4f8b;")
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.status_label)
        self.general_error = _error_label()
        layout.addWidget(self.general_error)

        self.enrol_box = QGroupBox(self.tr("没有连上县级服务器"))
        box = QVBoxLayout(self.enrol_box)
        self.enrol_error = QLabel()
        self.enrol_error.setObjectName("fieldError")
        self.enrol_error.setWordWrap(True)
        box.addWidget(self.enrol_error)
        retry_form = QFormLayout()
        self.retry_server_edit = QLineEdit()
        self.retry_code_edit = QLineEdit()
        retry_form.addRow(self.tr("服务器地址"), self.retry_server_edit)
        retry_form.addRow(self.tr("注册码"), self.retry_code_edit)
        box.addLayout(retry_form)
        retry_row = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("重新注册"))
        self.retry_button.clicked.connect(self._retry_enrol)
        retry_row.addWidget(_hint(self.tr("本中心和管理员账号已经建好。可以改正后重新注册，或点“跳过，离线使用”，"
                                          "以后在“文件 → 设置 → 同步”中再注册。")), 1)  # fmt: skip
        retry_row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignBottom)
        box.addLayout(retry_row)
        self.enrol_box.hide()
        layout.addWidget(self.enrol_box)
        layout.addStretch(1)
        return page

    # --- navigation ---------------------------------------------------------------------------------------
    @property
    def demo(self) -> bool:
        return self.demo_button.isChecked()

    def _order(self) -> list[int]:
        if self.demo:
            return [PAGE_WELCOME, PAGE_BACKUP, PAGE_FINISH]
        admin = [PAGE_ADMIN] if self._signed_in is None else []
        return [PAGE_WELCOME, PAGE_CENTER, PAGE_COMMITTEE, *admin, PAGE_SERVER, PAGE_BACKUP, PAGE_FINISH]

    def nextId(self) -> int:
        order = self._order()
        current = self.currentId()
        if current not in order:
            return -1
        index = order.index(current)
        return order[index + 1] if index + 1 < len(order) else -1

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if page_id == PAGE_COMMITTEE and not self._committee_touched:
            self.committee_edit.setText(setup.default_committee_name(self.name_edit.text().strip()))
        elif page_id == PAGE_FINISH:
            self._show_summary()
        focus = {PAGE_CENTER: self.name_edit, PAGE_COMMITTEE: self.committee_edit, PAGE_SERVER: self.server_edit}
        if page_id == PAGE_ADMIN:
            self.display_name_edit.setFocus()
        elif page_id in focus:
            focus[page_id].setFocus()

    def validateCurrentPage(self) -> bool:
        self._clear_errors()
        page = self.currentId()
        try:
            if page == PAGE_CENTER:
                self._check_center()
            elif page == PAGE_COMMITTEE:
                if len(self.committee_edit.text().strip()) > 100:
                    raise ValidationError(self.tr("名称太长（最多100个字）。"), "committee_name")
            elif page == PAGE_ADMIN:
                self._check_admin()
            elif page == PAGE_SERVER:
                self._check_server()
            elif page == PAGE_BACKUP:
                self._check_backup_folder()
            elif page == PAGE_FINISH:
                return self._finish()
        except ValidationError as err:
            self._show_error(err.field or "", str(err))
            return False
        return True

    def _check_center(self) -> None:
        if not self.name_edit.text().strip():
            raise ValidationError(self.tr("请填写中心名称，例如“某某镇综治中心”。"), "center_name")
        if len(self.name_edit.text().strip()) > 100:
            raise ValidationError(self.tr("中心名称太长（最多100个字）。"), "center_name")
        self.code_edit.setText(parse_division_code(self.code_edit.text()))

    def _check_admin(self) -> None:
        username = self.username_edit.text().strip()
        accounts.check_new_account(username, self.display_name_edit.text(), self.password_edit.text())
        if self.password_edit.text() != self.again_edit.text():
            raise ValidationError(self.tr("两次输入的密码不一致。"), "password_again")

    def _check_server(self) -> None:
        server, code = self.server_edit.text().strip(), self.enrol_code_edit.text().strip()
        if server and not code:
            raise ValidationError(self.tr("请填写注册码；不与县级服务器连接时，请把服务器地址也清空。"), "code")
        if code and not server:
            raise ValidationError(self.tr("请填写服务器地址。"), "server")
        if server and not server.lower().startswith(("https://", "http://localhost", "http://127.")):
            raise ValidationError(
                self.tr("服务器地址应以 https:// 开头，例如 https://zzzx.example.gov.cn:8765。"), "server"
            )

    def _check_backup_folder(self) -> None:
        folder = self.backup_folder_edit.text().strip()
        if folder and not Path(folder).expanduser().is_absolute():
            raise ValidationError(self.tr("请选择一个完整的文件夹路径（点“选择…”）。"), "folder")

    def _clear_errors(self) -> None:
        for label in [*self._errors.values(), self.general_error]:
            label.hide()

    def _show_error(self, field: str, message: str) -> None:
        label = self._errors.get(field)
        if label is None or field == "":
            label = self.general_error
        else:
            page_of_field = self._page_of(label)
            if page_of_field is not None and page_of_field != self.currentId() and not self.center_done:
                # A refusal from the finish step about a field on an earlier page: go there and show it.
                while self.currentId() != page_of_field and self.currentId() != PAGE_WELCOME:
                    self.back()
        label.setText(message)
        label.show()

    def _page_of(self, widget: QWidget) -> int | None:
        for page_id in self.pageIds():
            page = self.page(page_id)
            if page is not None and page.isAncestorOf(widget):
                return page_id
        return None

    # --- what the choices are -----------------------------------------------------------------------------
    def center_choices(self) -> CenterChoices:
        return CenterChoices(self.name_edit.text().strip(), self.code_edit.text().strip(),
                             self.committee_edit.text().strip(), self.station_spin.value())  # fmt: skip

    def policy_choice(self) -> BackupPolicy:
        return BackupPolicy(folder=self.backup_folder_edit.text().strip(), daily=self.daily_check.isChecked(),
                            keep_daily=self.keep_spin.value())  # fmt: skip

    def _show_summary(self) -> None:
        policy = self.policy_choice()
        folder = policy.folder or str(backup_policy.default_folder(self._store.data_dir))
        backup = (
            (self.tr("每天自动备份，保留最近 %s 天") % policy.keep_daily) if policy.daily else self.tr("只手动备份")
        )
        rows: list[tuple[str, str]]
        if self.demo:
            rows = [
                (self.tr("数据"), self.tr("载入演示乡镇（虚构数据）")),
                (self.tr("登录账号"), self.tr("演示账号 %s（中心主任），各演示账号的密码均为 demo") % DEMO_USER),
            ]
        else:
            c = self.center_choices()
            rows = [
                (self.tr("中心"), c.name),
                (self.tr("行政区划代码"), c.code),
                (self.tr("调解委员会"), c.committee or setup.default_committee_name(c.name)),
                (self.tr("工作站编号"), str(c.station)),
            ]
            if self._signed_in is None:
                rows.append(
                    (
                        self.tr("系统管理员"),
                        f"{self.display_name_edit.text().strip()}（{self.username_edit.text().strip()}）",
                    )
                )
            server = self.server_edit.text().strip()
            rows.append((self.tr("县级服务器"), server or self.tr("暂不连接（离线使用）")))
        rows += [(self.tr("备份位置"), folder), (self.tr("备份方式"), backup)]
        html = "".join(
            f"<tr><td style='color:#5f6368; padding:4px 16px 4px 0; white-space:nowrap;'>{_html(k)}</td>"
            f"<td style='padding:4px 0;'>{_html(v)}</td></tr>"
            for k, v in rows
        )
        self.summary_label.setText(f"<table>{html}</table>")

    # --- doing it -----------------------------------------------------------------------------------------
    def _finish(self) -> bool:
        """The finish button: start the work (returns False: the wizard stays open until it is done)."""
        if self._finished:
            return True
        if self.working:
            return False
        if self.center_done:
            # The enrolment failed and the user chose to go on offline.
            self._note_offline()
            self._finished = True
            return True
        if self.demo:
            self._start_demo()
        else:
            self._start_setup()
        return False

    def _set_working(self, working: bool, message: str = "") -> None:
        self.working = working
        self.busy_bar.setVisible(working)
        self.status_label.setText(message)
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton,
                      QWizard.WizardButton.CancelButton):  # fmt: skip
            button = self.button(which)
            if button is not None:
                button.setEnabled(not working and not (self.center_done and which != QWizard.WizardButton.FinishButton))

    def _start_setup(self) -> None:
        store, signed_in = self._store, self._signed_in
        center, policy = self.center_choices(), self.policy_choice()
        admin = None
        if signed_in is None:
            admin = (self.username_edit.text().strip(), self.display_name_edit.text(), self.password_edit.text())
        self._set_working(True, self.tr("正在建立本地数据库和管理员账号…"))

        def done(result: tuple[Actor, CenterInfo]) -> None:
            self.actor, info = result
            self.center_done = True
            self.summary = self.tr("已建立“%s”的本地数据库。") % info.name
            if self._signed_in is None:
                self.summary += self.tr("请用系统管理员账号为工作人员开账号，工作人员用自己的账号登录后登记事项。")
            server, code = self.server_edit.text().strip(), self.enrol_code_edit.text().strip()
            if server and code:
                self._start_enrol(server, code)
            else:
                self._set_working(False)
                self._complete()

        def failed(err: BaseException) -> None:
            self._set_working(False)
            if isinstance(err, ValidationError | accounts.LoginFailed):
                self._show_error(getattr(err, "field", None) or "", str(err))
            elif isinstance(err, GovdeskError):
                self._show_error("", str(err))
            else:
                show_error(err, self)

        self._tasks.run(lambda: _set_up(store, admin, signed_in, center, policy), done, failed, owner=self)

    def _start_enrol(self, server: str, code: str) -> None:
        store, actor = self._store, self.actor
        assert actor is not None
        self._remember_server(server)
        self.retry_button.setEnabled(False)
        self._set_working(True, self.tr("正在连接县级服务器 %s …") % server)

        def done(sentence: str) -> None:
            self._set_working(False)
            self.summary += str(sentence)
            self._complete()

        def failed(err: BaseException) -> None:
            self._set_working(False)
            self.retry_button.setEnabled(True)
            if not isinstance(err, GovdeskError):
                show_error(err, self)  # a bug: the crash report; the user may still skip
            self.enrol_error.setText(str(err) if isinstance(err, GovdeskError) else self.tr("注册时程序出错。"))
            self.retry_server_edit.setText(server)
            self.retry_code_edit.setText(code)
            self.enrol_box.show()
            self.status_label.setText("")
            self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("跳过，离线使用"))

        self._tasks.run(lambda: _enroll(store, actor, server, code), done, failed, owner=self)

    def _retry_enrol(self) -> None:
        server, code = self.retry_server_edit.text().strip(), self.retry_code_edit.text().strip()
        if not server or not code:
            self.enrol_error.setText(self.tr("请填写服务器地址和注册码。"))
            return
        self._start_enrol(server, code)

    def _remember_server(self, server: str) -> None:
        from dataclasses import replace

        prefs = preferences()
        prefs.update(replace(prefs.value, sync=replace(prefs.value.sync, server=server)))

    def _start_demo(self) -> None:
        store = self._store
        n_cases, n_residents = self._demo_size
        policy = self.policy_choice()
        self._set_working(True, self.tr("正在生成演示数据…"))

        def done(result: tuple[str, Actor]) -> None:
            summary, self.actor = result
            self.center_done = True
            self._set_working(False)
            self.summary = summary + self.tr("已用演示账号 %s 登录（演示账号的密码均为 demo）。") % DEMO_USER
            self._complete()

        def failed(err: BaseException) -> None:
            self._set_working(False)
            show_error(err, self)

        self.progress_dialog = run_with_progress(
            self._tasks, self, self.tr("载入演示乡镇"), self.tr("正在生成演示数据，请稍候…"),
            lambda report: _load_demo(store, n_cases, n_residents, policy, report), done, failed,
        )  # fmt: skip

    def _note_offline(self) -> None:
        self.summary += self.tr("未连接县级服务器：以后可在“文件 → 设置 → 同步”中注册。")

    def _complete(self) -> None:
        self._finished = True
        self.accept()

    def reject(self) -> None:
        if self.working:
            return  # the worker is writing the store: wait for it
        if self.center_done:
            self._note_offline()  # the center exists already: closing the window means "skip the rest"
            self._complete()
            return
        super().reject()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
