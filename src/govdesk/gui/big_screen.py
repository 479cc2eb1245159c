"""大屏: the command center's full-screen view. Large type, the key figures, the township map with the period's
cases as risk-coloured markers over the grid boundaries, the red-risk and overdue lists, refreshed every minute;
Esc leaves.

The map is the main window's map (``map_view.MapCanvas``: the page built by ``govdesk.maps`` and served from
memory with the vendored Leaflet files and the installed base map; nothing is downloaded). Building a page for
a year of a large township takes seconds, so a refresh rebuilds it only when the cases on it changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.clock import china_time, china_today
from govdesk.domain.errors import GovdeskError
from govdesk.domain.translatable import QT_TRANSLATE_NOOP
from govdesk.maps.build import MapOptions, build_map_html
from govdesk.maps.tiles import basemap_path
from govdesk.reports.periods import Period, parse_period
from govdesk.reports.statistics import Dashboard, Figure
from govdesk.services import case_queries
from govdesk.services import maps as maps_service
from govdesk.services.actor import Actor
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.records import CaseRow
from govdesk.store.store import Store

from .labels import tr
from .map_view import MapCanvas
from .tasks import TaskManager

REFRESH_MS = 60_000
LIST_LIMIT = 30
# Labels marked for lupdate (context ""), translated where they are shown: this runs before the translator exists.
SCREEN_TILES = (
    ("received", QT_TRANSLATE_NOOP("", "受理事项")), ("disputes", QT_TRANSLATE_NOOP("", "矛盾纠纷")),
    ("success_rate", QT_TRANSLATE_NOOP("", "调解成功率")), ("on_time_rate", QT_TRANSLATE_NOOP("", "按期办结率")),
    ("overdue", QT_TRANSLATE_NOOP("", "超期未办结")), ("satisfaction_rate", QT_TRANSLATE_NOOP("", "群众满意率")),
    ("on_spot_rate", QT_TRANSLATE_NOOP("", "就地化解率")), ("risk:red", QT_TRANSLATE_NOOP("", "在办红色风险")),
)  # fmt: skip
_BG, _PANEL, _TEXT, _MUTED = "#0b1e3a", "#12305a", "#e8f0fe", "#9fb4d6"




@dataclass(frozen=True)
class ScreenMap:
    """The map panel's page: ``html`` is None when the cases on it are the same as last time (``signature``)."""

    html: str | None
    signature: int
    cases: int  # markers on the map
    by_risk: dict[str, int]
    unplaced: int  # cases of the period without coordinates
    crs: str
    error: str = ""


@dataclass(frozen=True)
class ScreenData:
    dashboard: Dashboard
    red: list[CaseRow]
    overdue: list[CaseRow]
    red_count: int
    overdue_count: int
    loaded_at: dt.datetime
    map: ScreenMap | None = None


# A wall has no mouse: the layer list (base map, heat map switches) only covers the township.
WALL_STYLE = "<style>.leaflet-control-layers{display:none !important;}</style>"


def period_filter(period: Period) -> CaseFilter:
    """The cases registered in the period (China dates), as the dashboard counts them."""
    return CaseFilter(date_from=period.start, date_to=period.end - dt.timedelta(days=1))


def load_map(store: Store, period: Period, previous: int | None = None) -> ScreenMap:
    """The period's cases on the township map (no heat layer); the page is built only when they changed."""
    try:
        data = maps_service.map_data(store, period_filter(period), heat_days=1)
        by_risk: dict[str, int] = {}
        for marker in data.cases:
            by_risk[marker.risk] = by_risk.get(marker.risk, 0) + 1
        signature = hash(
            (data.cases, data.unplaced, tuple(a.id for a in data.grids), tuple(a.id for a in data.villages))
        )
        layer = maps_service.basemap_layer(store.data_dir)
        crs = layer[0].crs if layer else "wgs84"
        html = None
        if signature != previous:
            html = build_map_html(data, MapOptions(tiles=layer[0] if layer else None))
            html = html.replace("</head>", WALL_STYLE + "</head>", 1)
        return ScreenMap(html, signature, len(data.cases), by_risk, data.unplaced, crs)
    except GovdeskError as err:  # e.g. the map's script files missing: the wall shows it, the rest still works
        return ScreenMap(None, 0, 0, {}, 0, "wgs84", str(err))


def load_screen(store: Store, actor: Actor, period: Period, previous_map: int | None = None,
                *, with_map: bool = True) -> ScreenData:  # fmt: skip
    """Everything the screen shows, in one worker job."""
    from govdesk.services.statistics import dashboard_for

    dash = dashboard_for(store, actor, period)
    red_flt = CaseFilter(risks=("red",), open_only=True)
    overdue_flt = CaseFilter(**case_queries.due_filter("overdue"))  # type: ignore[arg-type]
    return ScreenData(dash, case_queries.list_cases(store, red_flt, LIST_LIMIT),
                      case_queries.list_cases(store, overdue_flt, LIST_LIMIT), case_queries.case_count(store, red_flt),
                      case_queries.case_count(store, overdue_flt), dt.datetime.now(),
                      load_map(store, period, previous_map) if with_map else None)  # fmt: skip


class _Tile(QFrame):
    def __init__(self, label: str, color: str) -> None:
        super().__init__()
        self.setStyleSheet(f"QFrame{{background:{_PANEL};border-radius:10px;}}")
        self.value = QLabel("—")
        self.value.setStyleSheet(f"color:{color};font-size:54px;font-weight:bold;")
        self.caption = QLabel(label)
        self.caption.setStyleSheet(f"color:{_MUTED};font-size:22px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 12)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_figure(self, fig: Figure | None) -> None:
        self.value.setText(fig.text if fig else tr("0件"))
        self.setToolTip(fig.formula if fig else "")


class _CaseList(QFrame):
    def __init__(self, title: str, color: str) -> None:
        super().__init__()
        self.setStyleSheet(f"QFrame{{background:{_PANEL};border-radius:10px;}}")
        self.title_text = title
        self.title = QLabel(title)
        self.title.setStyleSheet(f"color:{color};font-size:26px;font-weight:bold;")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("事项"), tr("村（社区）"), tr("登记时间")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setShowGrid(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setStyleSheet(
            f"QTableWidget{{background:transparent;color:{_TEXT};font-size:20px;border:none;}}"
            f"QHeaderView::section{{background:{_PANEL};color:{_MUTED};font-size:18px;border:none;padding:4px;}}"
        )
        self.table.verticalHeader().setDefaultSectionSize(36)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)

    def set_rows(self, rows: list[CaseRow], count: int) -> None:
        self.title.setText(f"{self.title_text}　" + tr("%1 件").replace("%1", f"{count:,}"))
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for c, text in enumerate((r.title, r.village or "—", f"{china_time(r.created_at):%m-%d %H:%M}")):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{r.number}　{r.party_names}")
                self.table.setItem(i, c, item)
        self.fit_rows()

    def fit_rows(self) -> None:
        """Show only the rows that fit whole: a wall shows no half-cut line (the count is in the title)."""
        height = self.table.viewport().height()
        size = self.table.verticalHeader().defaultSectionSize()
        fitting = max(1, height // size) if height > 0 else self.table.rowCount()
        for i in range(self.table.rowCount()):
            self.table.setRowHidden(i, i >= fitting)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()


_RISK_SHOWN = (("red", QT_TRANSLATE_NOOP("", "红"), "#ff6b6b"), ("yellow", QT_TRANSLATE_NOOP("", "黄"), "#fbbc04"),
               ("green", QT_TRANSLATE_NOOP("", "绿"), "#5bd67a"))  # fmt: skip


class _MapPanel(QFrame):
    """The township map with the period's cases: a heading with the counts by risk level, the map below."""

    def __init__(self, data_dir: Path, asset_dir: Path | None) -> None:
        super().__init__()
        self.setObjectName("mapPanel")
        self.signature: int | None = None  # of the cases on the page shown
        self.setStyleSheet(f"#mapPanel{{background:{_PANEL};border-radius:10px;}}")
        self.title = QLabel(tr("事项分布"))
        self.title.setStyleSheet("color:#8ab4f8;font-size:26px;font-weight:bold;")
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setStyleSheet(f"color:{_MUTED};font-size:20px;")
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.counts)
        self.message = QLabel(tr("正在生成地图……"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color:{_MUTED};font-size:24px;")
        self.canvas: MapCanvas | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.addLayout(head)
        layout.addWidget(self.message, 1)
        try:
            self.canvas = MapCanvas(asset_dir or maps_service.asset_dir())
        except (GovdeskError, RuntimeError) as err:  # map files missing, or Qt WebEngine not set up
            self.message.setText(tr("地图无法显示：") + str(err))
            return
        self.canvas.set_basemap(basemap_path(data_dir))
        self.canvas.hide()
        self.canvas.ready.connect(self._ready)
        self.canvas.failed.connect(self._failed)
        layout.addWidget(self.canvas, 1)

    @property
    def ready(self) -> bool:
        return self.canvas is not None and self.canvas.is_ready

    def show_map(self, page: ScreenMap, period: Period) -> None:
        parts = [f"<span style='color:{color}'>●</span> {tr(label)} {page.by_risk.get(level, 0):,}"
                 for level, label, color in _RISK_SHOWN]  # fmt: skip
        text = "　".join(parts)
        if page.unplaced:
            text += "　" + tr("另有 %s 件无坐标") % f"{page.unplaced:,}"
        self.counts.setText(text)
        self.title.setText(tr("%s事项分布（%s 件）") % (period.label, f"{page.cases:,}"))
        if page.error:
            self.message.setText(tr("地图无法显示：") + page.error)
            self.message.show()
            if self.canvas is not None:
                self.canvas.hide()
            return
        if self.canvas is None or page.html is None:
            return  # unchanged: the page on the wall stays as it is
        self.signature = page.signature
        self.canvas.show_page(page.html, "gcj02" if page.crs == "gcj02" else "wgs84")

    def _ready(self) -> None:
        self.message.hide()
        if self.canvas is not None:
            self.canvas.show()

    def _failed(self, message: str) -> None:
        self.signature = None  # try again at the next refresh
        self.message.setText(message)
        self.message.show()

    def release(self) -> None:
        if self.canvas is not None:
            self.canvas.release()


class BigScreen(QWidget):
    """Full screen (``start()``), refreshing itself every minute; Esc closes it and emits ``left``."""

    left = Signal()
    refreshed = Signal()

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, period: Period | None = None,
                 parent: QWidget | None = None, *, asset_dir: Path | None = None) -> None:  # fmt: skip
        super().__init__(parent, Qt.WindowType.Window)
        self.store, self.tasks, self.actor = store, tasks, actor
        self.period = period or parse_period(str(china_today().year))
        self.data: ScreenData | None = None
        self.loading = False
        self.setWindowTitle(tr("大屏"))
        self.setStyleSheet(f"BigScreen{{background:{_BG};}} QLabel{{color:{_TEXT};}}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.heading = QLabel(tr("矛盾纠纷多元化解指挥中心"))
        self.heading.setStyleSheet("font-size:40px;font-weight:bold;")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet(f"font-size:22px;color:{_MUTED};")
        self.clock = QLabel()
        self.clock.setStyleSheet(f"font-size:26px;color:{_MUTED};")
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(24)
        top.addWidget(self.subtitle, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.clock)

        self.tiles: dict[str, _Tile] = {}
        tiles = QGridLayout()
        tiles.setSpacing(14)
        for i, (key, label) in enumerate(SCREEN_TILES):
            color = "#ff6b6b" if key in ("overdue", "risk:red") else "#8ab4f8"
            self.tiles[key] = _Tile(tr(label), color)
            tiles.addWidget(self.tiles[key], i // 4, i % 4)

        self.map_panel = _MapPanel(store.data_dir, asset_dir)
        self.red_list = _CaseList(tr("红色风险事项"), "#ff6b6b")
        self.overdue_list = _CaseList(tr("超期未办结"), "#fbbc04")
        lists = QVBoxLayout()
        lists.setSpacing(14)
        lists.addWidget(self.red_list, 1)
        lists.addWidget(self.overdue_list, 1)
        lower = QHBoxLayout()
        lower.setSpacing(14)
        lower.addWidget(self.map_panel, 3)
        lower.addLayout(lists, 2)
        self.hint = QLabel(tr("按 Esc 退出大屏 · 每分钟自动刷新"))
        self.hint.setStyleSheet(f"color:{_MUTED};font-size:16px;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 14)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addLayout(tiles)
        layout.addLayout(lower, 1)
        layout.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignRight)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self._tick)
        self._tick()

    def start(self) -> None:
        self.showFullScreen()
        self.timer.start()
        self.clock_timer.start()
        self.refresh()

    def _tick(self) -> None:
        self.clock.setText(dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"))

    def refresh(self) -> None:
        if self.loading:
            return
        self.loading = True
        period, previous = self.period, self.map_panel.signature
        with_map = self.map_panel.canvas is not None
        self.tasks.run(lambda: load_screen(self.store, self.actor, period, previous, with_map=with_map), self._loaded,
                       self._failed, owner=self)  # fmt: skip

    def _failed(self, err: BaseException) -> None:  # a wall screen shows the problem instead of a dialog
        self.loading = False
        self.subtitle.setText(tr("刷新失败：") + str(err))

    def _loaded(self, data: ScreenData) -> None:
        self.loading = False
        self.data = data
        dash = data.dashboard
        figs: dict[str, Figure] = dict(dash.figures)
        figs["risk:red"] = Figure("risk:red", tr("在办红色风险"), data.red_count, tr("件"),
                                  tr("在办红色风险事项 = %1（不限期间）").replace("%1", str(data.red_count)),
                                  "risk:red", data.red_count)  # fmt: skip
        for key, tile in self.tiles.items():
            tile.set_figure(figs.get(key))
        self.red_list.set_rows(data.red, data.red_count)
        self.overdue_list.set_rows(data.overdue, data.overdue_count)
        if data.map is not None:
            self.map_panel.show_map(data.map, self.period)
        self.subtitle.setText(f"{self.period.label}　" + tr("更新于 %1").replace("%1", f"{data.loaded_at:%H:%M:%S}"))
        self.refreshed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        self.clock_timer.stop()
        self.map_panel.release()
        super().closeEvent(event)
        self.left.emit()
