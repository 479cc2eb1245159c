"""The lock screen shown in place of the main window's content after inactivity or Ctrl+L.

It shows no case data: only who is signed in and a password field. The password is checked with
``services.accounts.login`` on the worker, so wrong passwords count toward the account's lockout.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class LockScreen(QWidget):
    unlock_requested = Signal(str)  # the password typed

    def __init__(self, user_name: str, needs_password: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.needs_password = needs_password
        icon = QLabel()
        icon.setPixmap(qta.icon("fa5s.lock", color="#1a73e8").pixmap(64, 64))
        title = QLabel(self.tr("govdesk 已锁定"))
        title.setStyleSheet("font-size:22px; font-weight:bold; color:#1a4f8b;")
        who = QLabel(self.tr("当前用户：%s") % user_name)
        who.setStyleSheet("color:#5f6368; font-size:14px;")
        explain = QLabel(
            self.tr("为保护当事人信息，长时间未操作或按 Ctrl+L 后自动锁定。请输入您的登录密码解锁。")
            if needs_password
            else self.tr("为保护当事人信息，屏幕已锁定。点击“继续”返回。")
        )
        explain.setWordWrap(True)
        explain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        explain.setStyleSheet("color:#5f6368;")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("登录密码"))
        self.password_edit.setMinimumHeight(32)
        self.password_edit.setFixedWidth(280)
        self.password_edit.setVisible(needs_password)
        self.password_edit.returnPressed.connect(self._submit)
        self.unlock_button = QPushButton(self.tr("解锁") if needs_password else self.tr("继续"))
        self.unlock_button.setMinimumHeight(32)
        self.unlock_button.setFixedWidth(280)
        self.unlock_button.clicked.connect(self._submit)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color:#d93025;")
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (icon, title, who, explain, self.password_edit, self.unlock_button, self.error_label):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def reset(self) -> None:
        self.password_edit.clear()
        self.error_label.clear()
        self.unlock_button.setEnabled(True)
        self.password_edit.setFocus()

    def show_error(self, text: str) -> None:
        self.unlock_button.setEnabled(True)
        self.password_edit.selectAll()
        self.password_edit.setFocus()
        self.error_label.setText(text)

    def _submit(self) -> None:
        if self.needs_password and not self.password_edit.text():
            self.show_error(self.tr("请输入密码。"))
            return
        self.unlock_button.setEnabled(False)
        self.error_label.clear()
        self.unlock_requested.emit(self.password_edit.text())
