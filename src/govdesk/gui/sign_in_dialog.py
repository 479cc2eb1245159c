"""登录: sign in to a data directory (the password also unlocks an encrypted store's data key).

When the account must choose a new password (a new account, or one reset by the administrator), the
same dialog asks for it before the main window opens.
"""

from __future__ import annotations

from pathlib import Path

import qtawesome as qta
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.errors import StoreLocked, ValidationError
from govdesk.services import accounts, session
from govdesk.services.actor import Actor
from govdesk.store.store import Store

from .tasks import TaskManager, show_error


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color:#c5221f;")
    label.setWordWrap(True)
    label.hide()
    return label


class SignInDialog(QDialog):
    """Accepted with ``store`` (open, writer) and ``actor`` set. ``locked`` is True when another window holds
    the data directory, so the caller can end instead of asking again."""

    def __init__(self, data_dir: Path, tasks: TaskManager, parent: QWidget | None = None, *, hint: str = "") -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._tasks = tasks
        self.store: Store | None = None
        self.actor: Actor | None = None
        self._password = ""
        self.locked = False
        self.setWindowTitle(self.tr("登录 govdesk"))
        self.setMinimumWidth(440)

        heading = QLabel(self.tr("请登录"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        logo = QLabel()
        logo.setPixmap(qta.icon("mdi6.scale-balance", color="#1a73e8").pixmap(32, 32))
        top = QHBoxLayout()
        top.addWidget(logo)
        top.addWidget(heading, 1)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._sign_in_page(hint))
        self.pages.addWidget(self._new_password_page())
        where = QLabel(self.tr("数据目录：%s") % data_dir)
        where.setStyleSheet("color:#80868b; font-size:11px;")
        where.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("登录"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        cancel = self.buttons.addButton(self.tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self._ok)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        layout.addWidget(where)
        layout.addWidget(self.buttons)
        self.username_edit.setFocus()

    def _sign_in_page(self, hint: str) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 8, 0, 8)
        self.username_edit = QLineEdit()
        self.username_edit.setPlaceholderText(self.tr("例如 zhangsan"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label()
        form.addRow(self.tr("用户名"), self.username_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        form.addRow("", self.error)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet("color:#5f6368;")
            form.addRow("", note)
        return page

    def _new_password_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 8, 0, 8)
        intro = QLabel(self.tr("这是第一次使用这个账号（或密码已被重置），请设置自己的新密码。"))
        intro.setWordWrap(True)
        self.new_password_edit = QLineEdit()
        self.new_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password_edit.setPlaceholderText(self.tr("至少8位，含数字、字母、符号中的两类"))
        self.again_edit = QLineEdit()
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password_error = _error_label()
        form.addRow(intro)
        form.addRow(self.tr("新密码"), self.new_password_edit)
        form.addRow(self.tr("再输一次"), self.again_edit)
        form.addRow("", self.new_password_error)
        return page

    def _ok(self) -> None:
        if self.pages.currentIndex() == 0:
            self._sign_in()
        else:
            self._change_password()

    def _sign_in(self) -> None:
        username, password = self.username_edit.text().strip(), self.password_edit.text()
        if not username or not password:
            self._show(self.error, self.tr("请输入用户名和密码。"))
            return
        self.ok_button.setEnabled(False)
        self.ok_button.setText(self.tr("正在登录…"))
        data_dir = self._data_dir

        def done(result: tuple[Store, Actor]) -> None:
            self.store, self.actor = result
            self._password = password
            self._check_must_change()

        def failed(err: BaseException) -> None:
            self.ok_button.setEnabled(True)
            self.ok_button.setText(self.tr("登录"))
            if isinstance(err, StoreLocked):
                self.locked = True
                show_error(err, self)
                self.reject()
            elif isinstance(err, accounts.LoginFailed | ValidationError):
                self._show(self.error, str(err))
                self.password_edit.selectAll()
                self.password_edit.setFocus()
            else:
                show_error(err, self)

        # Password hashing and key unwrapping take a moment by design: keep the window responsive.
        self._tasks.run(lambda: session.sign_in(data_dir, username, password, writer=True), done, failed, owner=self)

    def _check_must_change(self) -> None:
        store, actor = self.store, self.actor
        assert store is not None and actor is not None

        def done(must: bool) -> None:
            if not must:
                self.accept()
                return
            self.pages.setCurrentIndex(1)
            self.ok_button.setEnabled(True)
            self.ok_button.setText(self.tr("保存新密码"))
            self.new_password_edit.setFocus()

        self._tasks.run(lambda: accounts.must_change_password(store, actor), done, owner=self)

    def _change_password(self) -> None:
        new, again = self.new_password_edit.text(), self.again_edit.text()
        if new != again:
            self._show(self.new_password_error, self.tr("两次输入的新密码不一致。"))
            return
        store, actor, old = self.store, self.actor, self._password
        assert store is not None and actor is not None
        self.ok_button.setEnabled(False)

        def failed(err: BaseException) -> None:
            self.ok_button.setEnabled(True)
            if isinstance(err, ValidationError):
                self._show(self.new_password_error, str(err))
            else:
                show_error(err, self)

        self._tasks.run(
            lambda: accounts.change_password(store, actor, old, new), lambda _r: self.accept(), failed, owner=self
        )

    @staticmethod
    def _show(label: QLabel, text: str) -> None:
        label.setText(text)
        label.show()

    def reject(self) -> None:
        if self.store is not None:  # signed in but left at "choose a new password": do not keep it open
            self.store.close()
            self.store = None
        super().reject()
