"""The welcome dialog of a new data directory: load the demo township, or set up this center."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.errors import GovdeskError, ValidationError
from govdesk.domain.identity import parse_division_code
from govdesk.services import accounts, setup
from govdesk.services.actor import Actor
from govdesk.store.records import CenterInfo
from govdesk.store.store import Store

from .tasks import Progress, TaskManager, run_with_progress, show_error

DEMO_USER = "zhuren"  # the demo's 中心主任: sees and may do everything a center's staff do


def _load_demo(store: Store, n_cases: int, n_residents: int, report: Progress) -> tuple[str, Actor]:
    """Load the demo township and sign in as its director (demo accounts all use the password "demo")."""
    # Imported late: the demo generator is large and only ever needed here and in the CLI.
    try:
        from govdesk.services.demo_loader import load_demo
    except ImportError:
        raise GovdeskError("这个版本没有附带演示数据，请选择“设置本中心”。") from None

    loader = Actor("演示数据", "admin", "demo-loader")
    summary = str(load_demo(store, loader, n_cases=n_cases, n_residents=n_residents, progress=report, base_map=True))
    return summary, accounts.login(store, DEMO_USER, accounts.DEMO_PASSWORD)


def _set_up(
    store: Store, admin: tuple[str, str, str] | None, signed_in: Actor | None, center: tuple[str, str, str, int]
) -> tuple[Actor, CenterInfo]:
    """Create the administrator (unless someone is signed in already), then record the center."""
    name, code, committee, station = center
    if not name.strip():
        raise ValidationError("请填写中心名称，例如“某某镇综治中心”。", "center_name")
    parse_division_code(code)  # checked before the account exists, so a typo here costs nothing
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
    return actor, setup.init_center(store, actor, name, code, committee, station)


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


class FirstRunDialog(QDialog):
    """Accepted once the store belongs to a center (demo or real) and someone is signed in: ``actor``.

    On a new store the set-up page also creates the administrator account. ``signed_in`` is given when
    an account exists already (a set-up that stopped half-way); the demo is then not offered.
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
        self.setWindowTitle(self.tr("欢迎使用 govdesk"))
        self.setMinimumWidth(720)
        self.setStyleSheet("QLabel#fieldError { color:#c5221f; }")

        self.pages = QStackedWidget()
        self.pages.addWidget(self._welcome_page())
        self.pages.addWidget(self._setup_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(self.pages)
        where = QLabel(self.tr("数据目录：%s") % store.data_dir)
        where.setStyleSheet("color:#80868b; font-size:11px;")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        layout.addWidget(where)

    def _welcome_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        heading = QLabel(self.tr("欢迎使用 govdesk 综治中心工作台"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        logo = QLabel()
        logo.setPixmap(qta.icon("mdi6.scale-balance", color="#1a73e8").pixmap(40, 40))
        title_row = QHBoxLayout()
        title_row.addWidget(logo)
        title_row.addWidget(heading, 1)
        intro = QLabel(self.tr(
            "govdesk 帮助乡镇（街道）综治中心和人民调解委员会登记矛盾纠纷、投诉、求助等事项，跟踪调解和办理过程。"
            "数据保存在本机，不联网也能使用，联网后可与县级平台同步。"
        ))  # fmt: skip
        intro.setWordWrap(True)
        question = QLabel(self.tr("这台电脑上还没有数据。请选择："))
        question.setStyleSheet("color:#5f6368; padding-top:6px;")
        self.demo_button = QCommandLinkButton(
            self.tr("载入演示乡镇"),
            self.tr("虚构数据，约5000件事项和一个完整的演示乡镇，适合熟悉软件和培训。演示数据不要用于正式工作。"),
        )
        self.demo_button.setIcon(qta.icon("mdi6.database-arrow-down-outline", color="#1a73e8"))
        self.demo_button.clicked.connect(self.load_demo)
        self.demo_button.setVisible(self._signed_in is None)  # the demo only goes into an empty store
        self.setup_button = QCommandLinkButton(
            self.tr("设置本中心"),
            self.tr("正式使用：填写本中心名称和乡镇（街道）行政区划代码，从空白开始登记。"),
        )
        self.setup_button.setIcon(qta.icon("mdi6.home-city-outline", color="#1a73e8"))
        self.setup_button.clicked.connect(lambda: self._go_setup())
        layout.addLayout(title_row)
        layout.addWidget(intro)
        layout.addWidget(question)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.setup_button)
        layout.addStretch(1)
        return page

    def _setup_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("设置本中心"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_edit = QLineEdit(placeholderText=self.tr("例如：荷塘镇综合治理中心"))
        self.code_edit = QLineEdit(placeholderText=self.tr("9位或12位数字，例如 330481101"))
        self.committee_edit = QLineEdit(placeholderText=self.tr("可不填，默认为“某某镇人民调解委员会”"))
        self.station_spin = QSpinBox()
        self.station_spin.setRange(1, 99)
        self.station_spin.setMaximumWidth(120)
        self.username_edit = QLineEdit("admin")
        self.display_name_edit = QLineEdit(placeholderText=self.tr("您的姓名，例如 李晓燕"))
        self.password_edit = QLineEdit(placeholderText=self.tr("至少8位，含数字、字母、符号中的两类"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_edit = QLineEdit()
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._errors: dict[str, QLabel] = {}
        required = " <span style='color:#d93025'>*</span>"
        rows: list[tuple[str, str, QWidget]] = [
            ("center_name", self.tr("中心名称") + required, self.name_edit),
            ("center_code", self.tr("行政区划代码") + required, self.code_edit),
            ("committee_name", self.tr("人民调解委员会"), self.committee_edit),
            ("station_no", self.tr("本机工作站编号"), self.station_spin),
        ]
        if self._signed_in is None:
            rows += [
                ("username", self.tr("管理员用户名") + required, self.username_edit),
                ("display_name", self.tr("管理员姓名") + required, self.display_name_edit),
                ("password", self.tr("密码") + required, self.password_edit),
                ("password_again", self.tr("再输一次密码") + required, self.again_edit),
            ]
        for key, caption, widget in rows:
            holder = QWidget()
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(widget)
            if key == "station_no":
                hint = QLabel(self.tr("只有一台电脑登记事项时保持 1；同一中心有多台电脑时，每台填不同的号。"))
                hint.setStyleSheet("color:#80868b;")
                box.addWidget(hint)
            error = _error_label()
            box.addWidget(error)
            self._errors[key] = error
            if key == "username":
                account_note = QLabel(
                    self.tr("系统管理员账号：用它登录、为其他工作人员开账号。请牢记密码，它也是本机数据的钥匙。")
                )
                account_note.setWordWrap(True)
                account_note.setStyleSheet("color:#1a4f8b; padding-top:8px;")
                form.addRow(account_note)
            form.addRow(QLabel(caption), holder)
        layout.addLayout(form)
        self.general_error = _error_label()
        layout.addWidget(self.general_error)
        layout.addSpacing(12)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        back = QPushButton(self.tr("返回"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.create_button = QPushButton(self.tr("完成设置"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_center)
        buttons.addStretch(1)
        buttons.addWidget(back)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)
        return page

    def _go_setup(self) -> None:
        self.pages.setCurrentIndex(1)
        self.name_edit.setFocus()

    # --- actions ------------------------------------------------------------------------------
    def create_center(self) -> None:
        for label in [*self._errors.values(), self.general_error]:
            label.hide()
        store, signed_in = self._store, self._signed_in
        center = (self.name_edit.text(), self.code_edit.text(), self.committee_edit.text(), self.station_spin.value())
        admin = None
        if signed_in is None:
            if self.password_edit.text() != self.again_edit.text():
                self._show_error("password_again", self.tr("两次输入的密码不一致。"))
                return
            admin = (self.username_edit.text().strip(), self.display_name_edit.text(), self.password_edit.text())
        self.create_button.setEnabled(False)

        def done(result: tuple[Actor, CenterInfo]) -> None:
            self.actor, info = result
            self.summary = self.tr("已建立“%s”的本地数据库。") % info.name
            if self._signed_in is None:
                self.summary += self.tr(
                    "系统管理员账号用于管理账号和备份，不能登记事项：请为工作人员开账号（govdesk account add）后用其登录。"
                )
            self.accept()

        def failed(err: BaseException) -> None:
            self.create_button.setEnabled(True)
            if isinstance(err, ValidationError | accounts.LoginFailed):
                self._show_error(getattr(err, "field", None) or "", str(err))
            else:
                show_error(err, self)

        self._tasks.run(lambda: _set_up(store, admin, signed_in, center), done, failed, owner=self)

    def _show_error(self, field: str, message: str) -> None:
        label = self._errors.get(field, self.general_error)
        label.setText(message)
        label.show()

    def load_demo(self) -> None:
        store = self._store
        n_cases, n_residents = self._demo_size
        self.demo_button.setEnabled(False)
        self.setup_button.setEnabled(False)

        def done(result: tuple[str, Actor]) -> None:
            summary, self.actor = result
            self.summary = summary + self.tr("已用演示账号 %s 登录（演示账号的密码均为 demo）。") % DEMO_USER
            self.accept()

        def failed(err: BaseException) -> None:
            self.demo_button.setEnabled(True)
            self.setup_button.setEnabled(True)
            show_error(err, self)

        self.progress_dialog = run_with_progress(
            self._tasks, self, self.tr("载入演示乡镇"), self.tr("正在生成演示数据，请稍候…"),
            lambda report: _load_demo(store, n_cases, n_residents, report), done, failed,
        )  # fmt: skip
