# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(460, 300)
        self.layout = QVBoxLayout(AboutDialog)
        self.layout.setObjectName(u"layout")
        self.title = QLabel(AboutDialog)
        self.title.setObjectName(u"title")

        self.layout.addWidget(self.title)

        self.version = QLabel(AboutDialog)
        self.version.setObjectName(u"version")

        self.layout.addWidget(self.version)

        self.details = QLabel(AboutDialog)
        self.details.setObjectName(u"details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.layout.addWidget(self.details)

        self.notice = QLabel(AboutDialog)
        self.notice.setObjectName(u"notice")
        self.notice.setWordWrap(True)

        self.layout.addWidget(self.notice)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(AboutDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.layout.addWidget(self.buttons)


        self.retranslateUi(AboutDialog)
        self.buttons.rejected.connect(AboutDialog.reject)

        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"\u5173\u4e8e govdesk", None))
        self.title.setText(QCoreApplication.translate("AboutDialog", u"govdesk \u4e61\u9547\u7efc\u6cbb\u4e2d\u5fc3\u4e0e\u4eba\u6c11\u8c03\u89e3\u5de5\u4f5c\u53f0", None))
        self.title.setStyleSheet(QCoreApplication.translate("AboutDialog", u"font-size: 18pt; font-weight: bold;", None))
        self.version.setText(QCoreApplication.translate("AboutDialog", u"\u7248\u672c", None))
        self.details.setText(QCoreApplication.translate("AboutDialog", u"\u6570\u636e\u76ee\u5f55", None))
        self.notice.setText(QCoreApplication.translate("AboutDialog", u"\u79bb\u7ebf\u53ef\u7528\uff1a\u6240\u6709\u6570\u636e\u4fdd\u5b58\u5728\u672c\u673a\uff08\u52a0\u5bc6\u5b58\u50a8\uff09\uff0c\u8054\u7f51\u65f6\u4e0e\u53bf\u7ea7\u670d\u52a1\u5668\u540c\u6b65\u3002\u6587\u4e66\u5b57\u4f53\uff1a\u6587\u9f0e PL \u660e\u4f53\uff08Arphic Public License\uff09\u3001\u6587\u6cc9\u9a7f\u5fae\u7c73\u9ed1\uff1b\u5730\u56fe\uff1aLeaflet\uff08BSD-2-Clause\uff09\u3002", None))
    # retranslateUi

