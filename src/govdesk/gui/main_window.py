"""The main window: filter bar and case list (or the persons search) on the left, case detail on the right."""

from __future__ import annotations

import gc
from collections.abc import Callable

import qtawesome as qta
import shiboken6
from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QObject,
    QSettings,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.codes import categories
from govdesk.domain.errors import GovdeskError
from govdesk.gui.about_dialog import AboutDialog
from govdesk.gui.big_screen import BigScreen
from govdesk.gui.dashboard_view import DashboardView
from govdesk.gui.map_view import MapView
from govdesk.security.policy import Perm, Role, allowed
from govdesk.services import accounts, case_queries, registration
from govdesk.services.actor import Actor
from govdesk.services.case_queries import StoreInfo
from govdesk.services.lifecycle import ActionDone
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.records import CaseLifecycle, NamedRef
from govdesk.store.store import Store

from . import sync_status
from .case_detail import CaseDetailPane
from .case_table_model import COLUMN_INDEX, COLUMNS, DEFAULT_SORT_COLUMN, CaseTableModel
from .filter_bar import CaseFilterBar
from .labels import status_label
from .lock_screen import LockScreen
from .persons_view import PersonsView
from .preferences import Preferences, preferences
from .registration_dialog import RegistrationDialog, registrable_kinds
from .sync_status import ConflictsDialog, InstructionsDialog, SyncController, SyncStatusLabel
from .tasks import TaskManager, show_error

# Keyboard shortcuts of the frequent actions (listed in 帮助 → 快捷键).
SHORTCUT_NEW_CASE, SHORTCUT_SEARCH, SHORTCUT_PRINT, SHORTCUT_SYNC = "Ctrl+N", "Ctrl+F", "Ctrl+P", "F5"
SHORTCUT_REFRESH, SHORTCUT_SETTINGS, SHORTCUT_HELP = "Ctrl+R", "Ctrl+,", "F1"
_INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
}  # fmt: skip


# Starting widths; the user's own widths are restored from QSettings afterwards.
_COLUMN_WIDTHS = {
    "number": 190, "title": 260, "kind": 74, "category": 82, "parties": 118,
    "village": 84, "status": 70, "risk": 62, "created": 122,
}  # fmt: skip


class _EmptyOverlay(QWidget):
    """Shown over the table's viewport while the list is empty: what it means and the one useful next step."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.icon = QLabel()
        self.icon.setPixmap(qta.icon("mdi6.clipboard-text-search-outline", color="#bdc1c6").pixmap(64, 64))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color:#5f6368; font-size:16px;")
        self.button = QPushButton()
        self.button.setMinimumHeight(32)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.message)  # full width: a centred word-wrapped label would be squeezed and clipped
        layout.addSpacing(6)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._action: Callable[[], object] | None = None
        self.button.clicked.connect(lambda: self._action() if self._action else None)
        viewport.installEventFilter(self)
        self.hide()

    def text(self) -> str:
        return self.message.text()

    def show_message(self, text: str, button_text: str, icon: str, action: Callable[[], object] | None) -> None:
        self.message.setText(text)
        self.button.setVisible(action is not None)
        if action is not None:
            self.button.setText(button_text)
            self.button.setIcon(qta.icon(icon, color="#1a73e8"))
        self._action = action
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class _SortHeader(QHeaderView):
    """A header whose clicks sort, except on the columns the store cannot sort by: those are not clickable
    (no sort indicator jumps there and nothing is refused)."""

    def __init__(self, unsortable: set[int], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.unsortable = unsortable
        self.setSectionsClickable(True)  # what QTableView sets on its own default header

    def _guard(self, event: QMouseEvent, handler: Callable[[QMouseEvent], None]) -> None:
        index = self.logicalIndexAt(event.position().toPoint())
        if index in self.unsortable:
            self.setSectionsClickable(False)
            try:
                handler(event)
            finally:
                self.setSectionsClickable(True)
        else:
            handler(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._guard(event, super().mousePressEvent)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._guard(event, super().mouseReleaseEvent)


class MainWindow(QMainWindow):
    # 同步 (F5, ``action_sync``): the sync service connects here.
    sync_requested = Signal()

    def __init__(
        self,
        store: Store,
        tasks: TaskManager,
        actor: Actor,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        prefs: Preferences | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.actor = actor
        self.settings = settings or QSettings()  # window layout (geometry, splitter, columns)
        self.prefs = prefs or preferences()  # the user's settings (idle lock, printing, sync interval, language)
        self.villages: list[NamedRef] = []
        self.registration_dialog: RegistrationDialog | None = None
        self.setWindowTitle("govdesk")
        # The window icon is the application's (app.application_icon: every size of resources/icons).
        self.resize(1440, 900)

        category_names = [c.name for c in categories(registration.data_tables_dir())]
        self.filter_bar = CaseFilterBar(category_names)
        self.filter_bar.changed.connect(self.apply_filter)

        self.model = CaseTableModel(store, tasks, self)
        self.model.readable = allowed(Role(actor.role), Perm.CASE_LIST)
        self.model.loaded.connect(self._list_loaded)
        self.model.loaded.connect(self._settle_heap)
        self.model.sort_refused.connect(self._restore_sort_indicator)
        self.table = QTableView()
        self._setup_table()
        self.empty_overlay = _EmptyOverlay(self.table.viewport())

        cases_page = QWidget()
        cases_layout = QVBoxLayout(cases_page)
        cases_layout.setContentsMargins(0, 0, 0, 0)
        cases_layout.setSpacing(0)
        cases_layout.addWidget(self.filter_bar)
        cases_layout.addWidget(self.table, 1)

        self.persons_view = PersonsView(store, tasks, actor=actor)
        self.persons_view.case_activated.connect(self.show_case)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(cases_page, qta.icon("mdi6.clipboard-text-search-outline"), self.tr("事项"))
        if self.model.readable:
            self.tabs.addTab(self.persons_view, qta.icon("mdi6.account-search"), self.tr("人员查询"))
        else:
            self.persons_view.hide()
            self.filter_bar.hide()
        self.map_view: MapView | None = None
        self.dashboard: DashboardView | None = None
        self.big_screen: BigScreen | None = None
        self._lazy_tabs: dict[int, str] = {}
        if allowed(Role(actor.role), Perm.CASE_LIST):
            # Built when first opened: a web view (Chromium) and matplotlib would cost seconds and
            # ~150 MB at every start for people who never open them.
            self._lazy_tabs[self.tabs.addTab(QWidget(), qta.icon("mdi6.map-marker-radius"), self.tr("地图"))] = "map"
            self._lazy_tabs[self.tabs.addTab(QWidget(), qta.icon("mdi6.chart-box-outline"), self.tr("统计分析"))] = "dashboard"
            self.tabs.currentChanged.connect(self._build_lazy_tab)

        self.detail = CaseDetailPane(store, tasks, actor=actor)
        self.detail.action_done.connect(self._action_done)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.detail)
        # A wider window widens the list; the detail pane keeps the width the user gave it.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1040, 400])
        self.splitter.setChildrenCollapsible(False)
        self.lock_screen = LockScreen(actor.name, bool(actor.username))
        self.lock_screen.unlock_requested.connect(self._try_unlock)
        self.central = QStackedWidget()
        self.central.addWidget(self.splitter)
        self.central.addWidget(self.lock_screen)
        self.setCentralWidget(self.central)
        self.locked = False
        self._hidden_windows: list[QWidget] = []
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        self.idle_enabled = True  # at most 10 minutes (settings.MAX_IDLE_MINUTES); never off
        self._apply_idle_minutes(self.prefs.value.idle_minutes)
        self.prefs.changed.connect(lambda value: self._apply_idle_minutes(value.idle_minutes))
        self.idle_timer.start()
        # Input is watched on our top-level windows, not with an application-wide filter: that one also gets
        # QtWebEngine's internal Quick items, and PySide crashes wrapping them (the map tab segfaulted on a real
        # display as soon as the mouse moved over it).
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusWindowChanged.connect(self._watch_windows)

        self._setup_actions()
        self.center_label = QLabel()
        self.count_label = QLabel()
        self.center_label.setContentsMargins(6, 0, 6, 0)
        self.count_label.setContentsMargins(6, 0, 6, 0)
        self.statusBar().addWidget(self.center_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self._setup_sync()

        self._restore_state()
        self.load_reference()
        self.model.refresh()

    # --- building -------------------------------------------------------------------------------
    def _setup_table(self) -> None:
        table = self.table
        table.setHorizontalHeader(
            _SortHeader({i for i in range(len(COLUMNS)) if not CaseTableModel.sortable(i)}, table)
        )
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        vertical = table.verticalHeader()
        vertical.setVisible(False)
        # Fixed row height: Qt never has to measure 200,000 rows (which would fetch every page).
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(28)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        for name, width in _COLUMN_WIDTHS.items():
            header.resizeSection(COLUMN_INDEX[name], width)
        header.setSectionResizeMode(COLUMN_INDEX["title"], QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(DEFAULT_SORT_COLUMN, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        table.setSortingEnabled(True)
        table.selectionModel().selectionChanged.connect(self._selection_changed)

    def _setup_actions(self) -> None:
        toolbar = QToolBar(self.tr("工具栏"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        blue = "#1a73e8"
        self.register_action = QAction(qta.icon("fa5s.file-medical", color=blue), self.tr("登记事项"), self)
        self.register_action.setShortcut(QKeySequence(SHORTCUT_NEW_CASE))
        self.register_action.triggered.connect(self.open_registration)
        self.refresh_action = QAction(qta.icon("fa5s.sync-alt", color=blue), self.tr("刷新"), self)
        self.refresh_action.setShortcut(QKeySequence(SHORTCUT_REFRESH))
        self.refresh_action.triggered.connect(self.refresh)
        self.search_action = QAction(qta.icon("fa5s.search", color=blue), self.tr("搜索"), self)
        self.search_action.setShortcut(QKeySequence(SHORTCUT_SEARCH))
        self.search_action.triggered.connect(self.focus_search)
        self.persons_action = QAction(qta.icon("fa5s.user-friends", color=blue), self.tr("人员查询"), self)
        self.persons_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.persons_action.triggered.connect(self.focus_persons)
        self.lock_action = QAction(qta.icon("fa5s.lock", color=blue), self.tr("锁定"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)  # stays active while the toolbar is disabled
        self.big_screen_action = QAction(qta.icon("mdi6.monitor-dashboard", color=blue), self.tr("大屏"), self)
        self.big_screen_action.setShortcut(QKeySequence("F11"))
        self.big_screen_action.triggered.connect(self.open_big_screen)
        self.big_screen_action.setEnabled(self.model.readable)
        for action in (self.search_action, self.persons_action):  # nothing to search for an account without cases
            action.setEnabled(self.model.readable)
        # A stub for the sync service to connect: F5 asks for a sync round (sync_requested).
        self.action_sync = QAction(qta.icon("mdi6.cloud-sync-outline", color=blue), self.tr("同步"), self)
        self.action_sync.setShortcut(QKeySequence(SHORTCUT_SYNC))
        self.action_sync.triggered.connect(self.sync_requested)
        self.addAction(self.action_sync)
        self.print_action = QAction(qta.icon("fa5s.print", color=blue), self.tr("打印文书…"), self)
        self.print_action.setShortcut(QKeySequence(SHORTCUT_PRINT))
        self.print_action.triggered.connect(self.open_print_menu)
        self.print_action.setEnabled(allowed(Role(self.actor.role), Perm.DOC_PRINT))
        self.settings_action = QAction(qta.icon("mdi6.cog-outline", color=blue), self.tr("设置…"), self)
        self.settings_action.setShortcut(QKeySequence(SHORTCUT_SETTINGS))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        file_menu = self.menuBar().addMenu(self.tr("文件"))
        file_menu.addAction(self.print_action)
        batch = file_menu.addAction(self.tr("批量打印协议书…"))
        batch.triggered.connect(self.open_batch_print)
        batch.setEnabled(allowed(Role(self.actor.role), Perm.DOC_PRINT))
        self.export_action = file_menu.addAction(self.tr("导出事项列表…"))
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.open_export)
        self.export_action.setEnabled(allowed(Role(self.actor.role), Perm.EXPORT))
        self.import_action = file_menu.addAction(self.tr("导入居民…"))
        self.import_action.triggered.connect(self.open_import)
        self.import_action.setEnabled(allowed(Role(self.actor.role), Perm.SETTINGS))
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        self.file_menu = file_menu
        self._setup_security_menu()
        self._setup_help_menu()
        self.toolbar = toolbar
        for action in (self.register_action, self.refresh_action, self.search_action, self.persons_action,
                       self.big_screen_action, self.action_sync, self.lock_action):  # fmt: skip
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text()}（{shortcut}）")
            toolbar.addAction(action)
        if not registrable_kinds(self.actor):
            # An administrator or auditor account: say why instead of offering a form that would be refused.
            self.register_action.setEnabled(False)
            self.register_action.setToolTip(self.tr("当前账号不能登记事项，请用工作人员账号登录。"))
        user = QLabel(self.tr("当前用户：%s") % self.actor.name)
        user.setContentsMargins(12, 0, 8, 0)
        user.setStyleSheet("color:#5f6368;")
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(user)

    def _setup_sync(self) -> None:
        """Background sync with the county (its own thread), its status in the status bar, the 同步 menu."""
        self.sync_controller: SyncController | None = None
        self.sync_label = SyncStatusLabel()
        self.statusBar().addPermanentWidget(self.sync_label)
        menu = self.menuBar().addMenu(self.tr("同步"))
        menu.addAction(self.action_sync)
        conflicts = menu.addAction(qta.icon("mdi6.call-split"), self.tr("同步冲突…"))
        conflicts.triggered.connect(self.open_conflicts)
        instructions = menu.addAction(qta.icon("mdi6.bullhorn-outline"), self.tr("县级指令…"))
        instructions.triggered.connect(self.open_instructions)
        menu.addSeparator()
        menu.addAction(self.tr("导出同步包（无网络时用U盘）…")).triggered.connect(
            lambda: sync_status.export_bundle(self.store, self.actor, self))
        menu.addAction(self.tr("导入县里的回执包…")).triggered.connect(
            lambda: sync_status.import_bundle(self.store, self.actor, self))
        self.sync_menu = menu
        if not allowed(Role(self.actor.role), Perm.SYNC):
            menu.setEnabled(False)
            self.action_sync.setEnabled(False)
            return
        controller = SyncController(self.store, self.actor, self.prefs.value.sync.auto_minutes, self)
        controller.state_changed.connect(self.sync_label.show_state)
        controller.synced.connect(lambda _report: self.refresh())
        self.sync_requested.connect(controller.sync_now)
        self.sync_label.clicked.connect(self.open_conflicts)
        self.prefs.changed.connect(lambda value: controller.set_minutes(value.sync.auto_minutes))
        self.sync_controller = controller
        controller.start()

    def open_conflicts(self) -> QDialog | None:
        if not allowed(Role(self.actor.role), Perm.CASE_RECORDS):  # they show case contents
            QMessageBox.information(self, self.tr("同步冲突"), self.tr(
                "同步冲突涉及事项内容，当前账号不能查看。请由中心主任、调解员或工作人员登录后在“同步 → 同步冲突”中处理。"))
            return None
        dialog = ConflictsDialog(self.store, self.actor, self)
        dialog.finished.connect(self._refresh_sync_status)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()
        return dialog

    def _enrolled(self) -> None:
        """Just enrolled (or enrolled again after a revocation): say so at once and send the first sync."""
        if self.sync_controller is not None:
            self.sync_controller.refresh_status()
            self.sync_controller.sync_now(manual=False)

    def _refresh_sync_status(self) -> None:
        if self.sync_controller is not None:
            self.sync_controller.refresh_status()

    def open_instructions(self) -> QDialog | None:
        if not allowed(Role(self.actor.role), Perm.CASE_LIST):
            QMessageBox.information(self, self.tr("县级指令"), self.tr(
                "县级指令由中心主任、调解员或工作人员签收。请用这些账号登录后在“同步 → 县级指令”中查看。"))
            return None
        dialog = InstructionsDialog(self.store, self.actor, self)
        dialog.finished.connect(self._refresh_sync_status)
        dialog.open()
        return dialog

    # --- loading --------------------------------------------------------------------------------
    def load_reference(self) -> None:
        """Center name, store path and the village list (filter bar, registration form)."""
        store = self.store

        def done(result: tuple[StoreInfo, list[NamedRef]]) -> None:
            info, villages = result
            self.villages = villages
            self.filter_bar.set_villages(villages)
            name = info.center.name if info.center else self.tr("（未设置中心）")
            self.setWindowTitle(f"govdesk — {name}")
            self.center_label.setText(name)
            self.center_label.setToolTip(self.tr("数据库：%s") % info.store_path)
            self.count_label.setToolTip(self.tr("数据库：%s") % info.store_path)

        self.tasks.run(lambda: (case_queries.store_info(store), case_queries.villages(store)), done, owner=self)

    def apply_filter(self) -> None:
        flt = self.filter_bar.case_filter()
        self.model.set_filter(flt, then=self._reselect)
        if self.map_view is not None:
            self.map_view.set_filter(flt)  # the map shows what the list shows

    def _build_lazy_tab(self, index: int) -> None:
        what = self._lazy_tabs.pop(index, None)
        if what is None:
            return
        icon, label = self.tabs.tabIcon(index), self.tabs.tabText(index)
        widget: QWidget
        if what == "map":
            self.map_view = MapView(self.store, self.tasks)
            self.map_view.caseActivated.connect(self.show_case)
            self.map_view.set_filter(self.model.case_filter)
            widget = self.map_view
        else:
            self.dashboard = DashboardView(self.store, self.tasks, self.actor)
            self.dashboard.casesRequested.connect(self.show_case_list)
            widget = self.dashboard
        with QSignalBlocker(self.tabs):
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, icon, label)
            self.tabs.setCurrentIndex(index)
        if placeholder is not None:
            placeholder.deleteLater()

    def show_case_list(self, local_nos: list[int], title: str) -> None:
        """The cases behind a dashboard figure, in the case list (重置 returns to the usual filter)."""
        flt = CaseFilter(local_nos=tuple(local_nos))
        self.model.set_filter(flt, then=self._reselect)
        if self.map_view is not None:
            self.map_view.set_filter(flt)
        self.tabs.setCurrentIndex(0)
        self.statusBar().showMessage(self.tr("显示：%s（%s 件）。点“重置”返回全部事项。") % (title, len(local_nos)), 15000)

    def open_big_screen(self) -> None:
        self.big_screen = BigScreen(self.store, self.tasks, self.actor)
        self.big_screen.start()

    def open_batch_print(self) -> None:
        from govdesk.gui.batch_print import open_batch_print

        open_batch_print(self.store, self.tasks, self.actor, self)

    def _setup_help_menu(self) -> None:
        help_menu = self.menuBar().addMenu(self.tr("帮助"))
        self.guide_action = help_menu.addAction(qta.icon("mdi6.book-open-variant"), self.tr("使用指南"))
        self.guide_action.setShortcut(QKeySequence(SHORTCUT_HELP))
        self.guide_action.triggered.connect(self.open_user_guide)
        self.shortcuts_action = help_menu.addAction(qta.icon("mdi6.keyboard-outline"), self.tr("快捷键一览"))
        self.shortcuts_action.triggered.connect(self.open_shortcuts)
        help_menu.addSeparator()
        about = help_menu.addAction(self.tr("关于 govdesk"))
        about.triggered.connect(self.open_about)
        self.help_menu = help_menu

    def open_user_guide(self) -> QDialog:
        from govdesk.gui.help_dialogs import UserGuideDialog

        dialog = UserGuideDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_shortcuts(self) -> QDialog:
        from govdesk.gui.help_dialogs import ShortcutsDialog

        dialog = ShortcutsDialog(self.shortcut_list(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def shortcut_list(self) -> list[tuple[str, str]]:
        """(key, what it does) for every action with a shortcut, in the order of the help list."""
        actions = [self.register_action, self.search_action, self.print_action, self.action_sync, self.refresh_action,
                   self.persons_action, self.lock_action, self.big_screen_action, self.settings_action,
                   self.guide_action]  # fmt: skip
        if self.export_action.isEnabled():
            actions.insert(4, self.export_action)
        native = QKeySequence.SequenceFormat.NativeText
        return [(a.shortcut().toString(native), a.text().removesuffix("…")) for a in actions if not a.shortcut().isEmpty()]

    def open_settings(self) -> QDialog:
        from govdesk.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.store, self.tasks, self.actor, self, prefs=self.prefs)
        dialog.enrolled.connect(lambda _sentence: self._enrolled())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_print_menu(self) -> None:
        """Ctrl+P: the documents of the case on the right, as the 打印文书 button offers them."""
        button = self.detail.print_button
        if self.detail.current_local_no is None or not button.isVisible() or button.menu() is None:
            self.statusBar().showMessage(self.tr("请先在列表中选中一件事项，再打印它的文书。"), 6000)
            return
        button.showMenu()

    def _apply_idle_minutes(self, minutes: float) -> None:
        self.idle_timer.setInterval(max(1, int(minutes * 60_000)))
        if not self.locked:
            self.idle_timer.start()

    def _setup_security_menu(self) -> None:
        """安全: the audit trail (director, auditor) and backups (administrator, director)."""
        role = Role(self.actor.role)
        menu = self.menuBar().addMenu(self.tr("安全"))
        self.audit_action = menu.addAction(qta.icon("mdi6.shield-search"), self.tr("审计记录…"))
        self.audit_action.triggered.connect(self.open_audit_viewer)
        self.audit_action.setEnabled(allowed(role, Perm.AUDIT_READ))
        self.backups_action = menu.addAction(qta.icon("mdi6.backup-restore"), self.tr("备份与恢复…"))
        self.backups_action.triggered.connect(self.open_backups)
        self.backups_action.setEnabled(allowed(role, Perm.BACKUP) or allowed(role, Perm.RESTORE))

    def open_audit_viewer(self) -> QDialog:
        from govdesk.gui.audit_viewer import AuditViewerDialog

        dialog = AuditViewerDialog(self.store, self.tasks, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_backups(self) -> QDialog:
        from govdesk.gui.backup_dialogs import BackupRestoreDialog

        dialog = BackupRestoreDialog(self.store, self.tasks, self.actor, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(lambda _info: self.refresh())
        dialog.open()
        return dialog

    def open_export(self) -> QDialog:
        """Export what the list shows (its filter and order) to Excel/CSV."""
        from govdesk.gui.export_dialog import open_export_dialog

        header = self.table.horizontalHeader()
        sort = COLUMNS[header.sortIndicatorSection()][1] or "created_at"
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        dialog = open_export_dialog(self.store, self.tasks, self.actor, self.model.case_filter, sort, descending, self)
        # Bound methods, not lambdas: PySide6 crashes when a dialog deleted on close drops a lambda connection.
        dialog.exported.connect(self._exported)
        return dialog

    def _exported(self, path: str, count: int) -> None:
        self.statusBar().showMessage(self.tr("已导出 %s 件：%s") % (f"{count:,}", path), 15_000)

    def open_import(self) -> QDialog:
        from govdesk.gui.import_dialog import open_import_dialog

        dialog = open_import_dialog(self.store, self.tasks, self.actor, self)
        dialog.imported.connect(self._imported)
        return dialog

    def _imported(self, count: int) -> None:
        self.statusBar().showMessage(self.tr("已导入 %s 位居民。") % f"{count:,}", 15_000)

    def open_about(self) -> None:
        AboutDialog(self.store.data_dir, self).exec()

    def refresh(self) -> None:
        self.load_reference()
        self.model.refresh(then=self._reselect)
        if self.map_view is not None:
            self.map_view.refresh()
        if self.detail.current_local_no is not None:
            self.detail.show_case(self.detail.current_local_no)

    def _settle_heap(self, _count: int) -> None:
        """Once, when the window is built and its first page is in: everything alive now (Qt's wrappers, the
        mappers, the modules) moves out of the garbage collector's way. A full collection otherwise walks all of
        it while holding the interpreter lock — 100–250 ms during which the window froze while a sync ran."""
        self.model.loaded.disconnect(self._settle_heap)
        gc.freeze()

    def _list_loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("共 %s 件") % f"{count:,}")
        if count:
            self.empty_overlay.hide()
            return
        if not self.model.readable:
            self.empty_overlay.show_message(
                self.tr("系统管理员不查看事项和人员信息。账号在“安全”菜单中管理，备份、同步和其他设置在"
                        "“文件 → 设置”中。"), "", "", None
            )  # fmt: skip
        elif self.model.case_filter == CaseFilter() and not self.register_action.isEnabled():
            self.empty_overlay.show_message(
                self.tr("还没有事项。当前账号不能登记事项，请用工作人员账号登录后登记。"), "", "", None
            )
        elif self.model.case_filter == CaseFilter():
            self.empty_overlay.show_message(
                self.tr("还没有事项——点击“登记事项”登记第一件"), self.tr("登记事项"), "fa5s.file-medical",
                self.open_registration,
            )  # fmt: skip
        else:
            self.empty_overlay.show_message(
                self.tr("没有符合条件的事项"), self.tr("清除搜索和筛选条件"), "mdi6.filter-remove-outline",
                self.filter_bar.reset,
            )  # fmt: skip

    def _reselect(self) -> None:
        """After a re-query keep the case on the right selected in the list, if it is still listed."""
        local_no = self.detail.current_local_no
        if local_no is not None:
            self.select_case(local_no, show=False)

    # --- selection and opening ------------------------------------------------------------------
    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows:
            return
        local_no = self.model.local_no_at(rows[0].row())
        if local_no is not None and local_no != self.detail.current_local_no:
            self.detail.show_case(local_no)
        if local_no is not None and self.map_view is not None:
            self.map_view.highlight_case(local_no)  # the map pans to the case selected in the list

    def select_case(self, local_no: int, *, show: bool = True) -> bool:
        row = self.model.row_of(local_no)
        if row is None:
            return False
        with QSignalBlocker(self.table.selectionModel()):
            self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.viewport().update()
        if show and local_no != self.detail.current_local_no:
            self.detail.show_case(local_no)
        return True

    def show_case(self, local_no: int) -> None:
        """Open a case in the detail pane (from the persons view); select it in the list when listed."""
        self.detail.show_case(local_no)
        self.select_case(local_no, show=False)

    def _restore_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        with QSignalBlocker(header):
            header.setSortIndicator(column, order)
        self.statusBar().showMessage(self.tr("这一列暂不能排序。"), 4000)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.filter_bar.focus_search()

    def focus_persons(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.persons_view.focus_search()

    # --- registration ---------------------------------------------------------------------------
    def _open_registration_dialog(self) -> RegistrationDialog | None:
        dialog = self.registration_dialog
        return dialog if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible() else None

    def open_registration(self) -> RegistrationDialog:
        existing = self._open_registration_dialog()
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        dialog = RegistrationDialog(self.store, self.tasks, self.actor, self.villages, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.registered.connect(self._registered)
        self.registration_dialog = dialog
        dialog.open()
        return dialog

    def _registered(self, result: registration.Registered) -> None:
        self.statusBar().showMessage(self.tr("已登记：%s") % result.number, 10_000)
        store = self.store

        def shown(lc: CaseLifecycle) -> None:
            detail = lc.detail
            self.detail.set_lifecycle(lc)
            self.tabs.setCurrentIndex(0)

            def select() -> None:
                if not self.select_case(detail.row.local_no, show=False):
                    self.statusBar().showMessage(
                        self.tr("已登记：%s。它不在当前筛选结果中，点“重置”可显示全部事项。") % result.number, 15_000
                    )

            self.model.refresh(then=select)

        self.tasks.run(lambda: case_queries.case_lifecycle_by_number(store, result.number), shown, owner=self)

    def _action_done(self, done: ActionDone) -> None:
        """After a lifecycle action: say what happened and refresh the list (the row's status and risk)."""
        message = f"{done.number}：{done.summary}"
        if done.from_status != done.to_status:
            message += f"（{status_label(done.from_status)} → {status_label(done.to_status)}）"
        self.statusBar().showMessage(message, 15_000)
        self.model.refresh(then=self._reselect)

    # --- idle lock ----------------------------------------------------------------------------------
    def _watch_windows(self, *_args: object) -> None:
        """Watch every top-level widget's window (main window, dialogs) once; each sees all input of its tree."""
        for widget in QApplication.topLevelWidgets():
            handle = widget.windowHandle()
            if handle is not None and not handle.property("govdeskIdleWatch"):
                handle.setProperty("govdeskIdleWatch", True)
                handle.installEventFilter(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._watch_windows()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and self.idle_enabled and event.type() in _INPUT_EVENTS:
            self.idle_timer.start()  # restart: input anywhere in the program counts as activity
        return False

    def lock(self) -> None:
        """Hide every piece of case data until the signed-in user types their password again."""
        if self.locked:
            return
        self.locked = True
        self.idle_timer.stop()
        # Open forms (registration, an action) hold personal data too: hide them and bring them back after.
        self._hidden_windows = [
            w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible() and isinstance(w, QDialog)
        ]
        for widget in self._hidden_windows:
            widget.hide()
        self.toolbar.setEnabled(False)
        for action in (self.register_action, self.refresh_action, self.search_action, self.persons_action,
                       self.print_action, self.settings_action):  # fmt: skip
            action.setEnabled(False)
        self.central.setCurrentWidget(self.lock_screen)
        self.lock_screen.reset()

    def _try_unlock(self, password: str) -> None:
        if not self.actor.username:  # a store without accounts: nothing to check against
            self.unlock()
            return
        store, username = self.store, self.actor.username

        def done(who: Actor) -> None:
            if who.username == username:
                self.unlock()
            else:
                self.lock_screen.show_error(self.tr("只有当前登录的用户才能解锁。"))

        def failed(err: BaseException) -> None:
            if isinstance(err, GovdeskError):
                self.lock_screen.show_error(str(err))
            else:
                self.lock_screen.show_error("")
                show_error(err, self)

        self.tasks.run(lambda: accounts.login(store, username, password), done, failed, owner=self)

    def unlock(self) -> None:
        self.locked = False
        self.lock_screen.reset()
        self.central.setCurrentWidget(self.splitter)
        self.toolbar.setEnabled(True)
        self.register_action.setEnabled(bool(registrable_kinds(self.actor)))
        for action in (self.refresh_action, self.settings_action):
            action.setEnabled(True)
        for action in (self.search_action, self.persons_action):
            action.setEnabled(self.model.readable)
        self.print_action.setEnabled(allowed(Role(self.actor.role), Perm.DOC_PRINT))
        for widget in self._hidden_windows:
            if shiboken6.isValid(widget):
                widget.show()
        self._hidden_windows = []
        if self.idle_enabled:
            self.idle_timer.start()

    # --- window state -----------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.settings
        for key, restore in (
            ("mainWindow/geometry", self.restoreGeometry),
            ("mainWindow/state", self.restoreState),
            ("mainWindow/splitter", self.splitter.restoreState),
            ("mainWindow/caseHeader", self.table.horizontalHeader().restoreState),
        ):
            value = s.value(key)
            if isinstance(value, QByteArray | bytes):
                restore(QByteArray(value))
        # The sort is not part of what we restore: the list always opens newest first.
        self.table.horizontalHeader().setSortIndicator(DEFAULT_SORT_COLUMN, Qt.SortOrder.DescendingOrder)

    def save_state(self) -> None:
        s = self.settings
        s.setValue("mainWindow/geometry", self.saveGeometry())
        s.setValue("mainWindow/state", self.saveState())
        s.setValue("mainWindow/splitter", self.splitter.saveState())
        s.setValue("mainWindow/caseHeader", self.table.horizontalHeader().saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.locked:
            # Closing from the lock screen: open forms were hidden, so throw them away without asking.
            for widget in self._hidden_windows:
                if shiboken6.isValid(widget) and isinstance(widget, QDialog):
                    widget.done(0)
            self._hidden_windows = []
        dialog = self._open_registration_dialog()
        if dialog is not None:
            dialog.reject()  # asks before throwing away a half-filled form
            if dialog.isVisible():
                event.ignore()
                return
        self.save_state()
        if self.sync_controller is not None:
            self.sync_controller.shutdown()
        super().closeEvent(event)
