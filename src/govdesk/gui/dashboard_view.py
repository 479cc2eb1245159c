"""统计分析: the key figures as tiles, the charts, the "five firsts" step times and the villages with the most
open cases, for a period and an area. Every tile and every bar, wedge or point asks for the cases behind it
(``casesRequested(local_nos, title)``; the list is fetched on the worker when clicked); the main window shows
them in its list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from matplotlib.artist import Artist
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure as MplFigure
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.clock import china_today
from govdesk.domain.translatable import QT_TRANSLATE_NOOP
from govdesk.reports import charts  # before the Qt canvas: sets the Chinese font and the Agg default
from govdesk.reports.periods import Period, parse_period
from govdesk.reports.statistics import Dashboard, Figure
from govdesk.services import case_queries
from govdesk.services.actor import Actor
from govdesk.store.records import NamedRef
from govdesk.store.store import Store

from .labels import category_label, tr
from .tasks import TaskManager, show_error

# The tiles, in reading order: figure keys of Dashboard.figures, then the risk levels (Dashboard.by_risk).
TILE_KEYS = ("received", "disputes", "success_rate", "on_time_rate", "overdue", "satisfaction_rate",
             "performed_rate", "confirmations", "on_spot_rate")  # fmt: skip
# Labels marked for lupdate (context ""), translated where they are shown: this runs before the translator exists.
RISK_TILES = (
    ("red", QT_TRANSLATE_NOOP("", "红色风险"), "#d93025"),
    ("yellow", QT_TRANSLATE_NOOP("", "黄色风险"), "#e37400"),
    ("green", QT_TRANSLATE_NOOP("", "绿色风险"), "#188038"),
)
PERIOD_KINDS = (("month", QT_TRANSLATE_NOOP("", "月")), ("quarter", QT_TRANSLATE_NOOP("", "季度")),
                ("year", QT_TRANSLATE_NOOP("", "年")))  # fmt: skip


def risk_figure(dash: Dashboard, level: str, label: str) -> Figure:
    found = dash.by_risk.get(level)
    if found is None:
        return Figure(f"risk:{level}", label, 0, tr("件"), f"{label} = 0", f"risk:{level}", 0)
    return Figure(found.key, label, found.value, found.unit, f"{label} = {found.value:g}", found.cases, found.count)


def tile_figures(dash: Dashboard) -> dict[str, Figure]:
    """The figure each tile shows, by tile key (``risk:red`` … for the risk tiles)."""
    out = {k: dash.figures[k] for k in TILE_KEYS if k in dash.figures}
    for level, label, _ in RISK_TILES:
        out[f"risk:{level}"] = risk_figure(dash, level, tr(label))
    return out


class StatTile(QFrame):
    """A large number with its label; the formula as tooltip; a click asks for its cases."""

    clicked = Signal()

    def __init__(self, key: str, label: str, color: str = "#1a73e8", big: int = 26, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.figure: Figure | None = None
        self.setObjectName("statTile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#statTile{background:#ffffff;border:1px solid #dadce0;border-radius:8px;}"
                           "#statTile:hover{border-color:#1a73e8;background:#f8fbff;}")  # fmt: skip
        self.value_label = QLabel("—")
        self.value_label.setStyleSheet(f"color:{color};font-size:{big}px;font-weight:bold;border:none;")
        self.caption = QLabel(label)
        self.caption.setStyleSheet(f"color:#3c4043;font-size:{max(13, big // 2)}px;border:none;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption)
        self.setMinimumWidth(120)

    def set_figure(self, figure: Figure) -> None:
        self.figure = figure
        self.value_label.setText(figure.text)
        self.setToolTip(f"{figure.label}：{figure.formula}\n" + tr("点击查看对应事项（%1 件）").replace("%1", str(figure.count)))

    def value_text(self) -> str:
        return self.value_label.text()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.figure is not None:
            self.clicked.emit()
        super().mousePressEvent(event)


class ChartPanel(FigureCanvasQTAgg):
    """A matplotlib canvas whose bars / wedges / points are clickable: ``itemClicked(index)``."""

    itemClicked = Signal(int)

    def __init__(self, height: int = 260, parent: QWidget | None = None) -> None:
        fig = MplFigure(figsize=(5, height / 100), dpi=100, facecolor="white")
        fig.set_layout_engine("tight", pad=0.6)
        super().__init__(fig)  # type: ignore[no-untyped-call]
        if parent is not None:
            self.setParent(parent)
        self.setMinimumHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.artists: list[Artist] = []
        self.mpl_connect("button_press_event", self._on_press)
        self.mpl_connect("motion_notify_event", self._on_motion)

    def show_chart(self, draw: Callable[[MplFigure], list[Artist]]) -> None:
        self.artists = draw(self.figure)
        self.draw_idle()  # type: ignore[no-untyped-call]

    def item_at(self, event: MouseEvent) -> int | None:
        for i, artist in enumerate(self.artists):
            hit, _ = artist.contains(event)
            if hit:
                return i
        return None

    def _on_press(self, event: MouseEvent) -> None:
        if event.button == 1 and (i := self.item_at(event)) is not None:
            self.itemClicked.emit(i)

    def _on_motion(self, event: MouseEvent) -> None:
        hit = self.item_at(event) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)


class DashboardView(QWidget):
    """The 统计分析 tab. ``casesRequested(local_nos, title)`` when a figure or a bar is clicked."""

    casesRequested = Signal(list, str)
    refreshed = Signal()

    def __init__(self, store: Store, tasks: TaskManager, actor: Actor, parent: QWidget | None = None,
                 *, today: dt.date | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store, self.tasks, self.actor = store, tasks, actor
        self.today = today or china_today()
        self.dashboard: Dashboard | None = None
        self.loading = False
        self._pending = False
        self._items: dict[str, list[Figure]] = {}
        self.context = ""
        self.setWindowTitle(tr("统计分析"))
        charts.cjk_font_family()

        # --- the bar on top: period, area, refresh, exports ----------------------------------------------------
        self.period_kind = QComboBox()
        for key, label in PERIOD_KINDS:
            self.period_kind.addItem(tr(label), key)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today.year)
        self.year.setSuffix(tr(" 年"))
        self.sub = QComboBox()
        self.sub.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sub.setMinimumContentsLength(6)
        self.area = QComboBox()
        self.area.addItem(tr("全部"), None)
        self.area.setMinimumWidth(140)
        self.refresh_button = QPushButton(tr("刷新"))
        self.excel_button = QPushButton(tr("导出 Excel"))
        self.pdf_button = QPushButton(tr("导出 PDF"))
        for b in (self.excel_button, self.pdf_button):
            b.setToolTip(tr("人民调解工作统计表（按所选期间、全部村社区统计）"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.period_label = QLabel()
        self.period_label.setStyleSheet("color:#5f6368;")
        bar = QHBoxLayout()
        for w in (QLabel(tr("统计期间")), self.period_kind, self.year, self.sub, QLabel(tr("区域")), self.area,
                  self.refresh_button, self.busy, self.period_label):  # fmt: skip
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.excel_button)
        bar.addWidget(self.pdf_button)

        # --- tiles ----------------------------------------------------------------------------------------------
        self.tiles: dict[str, StatTile] = {}
        tiles = QGridLayout()
        tiles.setSpacing(8)
        labels = {"received": tr("受理事项"), "disputes": tr("矛盾纠纷"), "success_rate": tr("调解成功率"),
                  "on_time_rate": tr("按期办结率"), "overdue": tr("超期未办结"), "satisfaction_rate": tr("群众满意率"),
                  "performed_rate": tr("协议履行率"), "confirmations": tr("申请司法确认"),
                  "on_spot_rate": tr("网格事件就地化解率")}  # fmt: skip
        specs = [(k, labels[k], "#d93025" if k == "overdue" else "#1a73e8") for k in TILE_KEYS]
        specs += [(f"risk:{lvl}", tr(lab), color) for lvl, lab, color in RISK_TILES]
        for i, (key, label, color) in enumerate(specs):
            tile = StatTile(key, tr(label), color)
            tile.clicked.connect(lambda t=tile: self._tile_clicked(t))
            self.tiles[key] = tile
            tiles.addWidget(tile, i // 6, i % 6)

        # --- charts ---------------------------------------------------------------------------------------------
        self.share_by = QComboBox()
        self.share_by.addItem(tr("按事项类型"), "kind")
        self.share_by.addItem(tr("按来源渠道"), "channel")
        self.chart_category = ChartPanel(300)
        self.chart_share = ChartPanel(300)
        self.chart_trend = ChartPanel(260)
        self.chart_risk = ChartPanel(260)
        self.chart_villages = ChartPanel(300)
        for name, chart in (("category", self.chart_category), ("share", self.chart_share),
                            ("trend", self.chart_trend), ("risk", self.chart_risk),
                            ("villages", self.chart_villages)):  # fmt: skip
            chart.itemClicked.connect(lambda i, n=name: self._item_clicked(n, i))
        self.steps = QLabel()
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setStyleSheet("background:#f8f9fa;border:1px solid #dadce0;border-radius:8px;padding:10px;")
        share_box = QVBoxLayout()
        share_head = QHBoxLayout()
        share_head.addStretch(1)
        share_head.addWidget(self.share_by)
        share_box.addLayout(share_head)
        share_box.addWidget(self.chart_share)
        grid = QGridLayout()
        grid.addWidget(self.chart_category, 0, 0)
        grid.addLayout(share_box, 0, 1)
        grid.addWidget(self.chart_trend, 1, 0)
        grid.addWidget(self.chart_risk, 1, 1)
        grid.addWidget(self.chart_villages, 2, 0)
        grid.addWidget(self.steps, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(tiles)
        body_layout.addLayout(grid)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

        self._fill_sub()
        self.period_kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(lambda _: self.refresh())
        self.sub.currentIndexChanged.connect(lambda _: self.refresh())
        self.area.currentIndexChanged.connect(lambda _: self.refresh())
        self.share_by.currentIndexChanged.connect(lambda _: self._draw_share())
        self.refresh_button.clicked.connect(self.refresh)
        self.excel_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.tasks.run(lambda: case_queries.villages(self.store), self._villages_loaded, owner=self)
        self.refresh()

    # --- period and area ----------------------------------------------------------------------------------------
    def _fill_sub(self) -> None:
        kind = self.period_kind.currentData()
        self.sub.blockSignals(True)
        self.sub.clear()
        if kind == "month":
            for m in range(1, 13):
                self.sub.addItem(tr(f"{m} 月"), f"-{m:02d}")
            self.sub.setCurrentIndex(self.today.month - 1)
        elif kind == "quarter":
            for q in range(1, 5):
                self.sub.addItem(tr(f"第 {q} 季度"), f"Q{q}")
            self.sub.setCurrentIndex((self.today.month - 1) // 3)
        self.sub.setVisible(kind != "year")
        self.sub.blockSignals(False)

    def _kind_changed(self) -> None:
        self._fill_sub()
        self.refresh()

    def period_text(self) -> str:
        """'2026-10', '2026Q3' or '2026', as parse_period reads it."""
        sub = self.sub.currentData() if self.period_kind.currentData() != "year" else ""
        return f"{self.year.value()}{sub or ''}"

    def period(self) -> Period:
        return parse_period(self.period_text())

    def set_period(self, text: str) -> None:
        """Select '2026-10', '2026Q3' or '2026' in the pickers (one refresh)."""
        p = parse_period(text)
        kind = "year" if p.label.endswith("年") else "quarter" if "季度" in p.label else "month"
        widgets = (self.period_kind, self.year, self.sub)
        for w in widgets:
            w.blockSignals(True)
        self.period_kind.setCurrentIndex([k for k, _ in PERIOD_KINDS].index(kind))
        self._fill_sub()
        self.sub.blockSignals(True)
        self.year.setValue(p.start.year)
        if kind == "month":
            self.sub.setCurrentIndex(p.start.month - 1)
        elif kind == "quarter":
            self.sub.setCurrentIndex((p.start.month - 1) // 3)
        for w in widgets:
            w.blockSignals(False)
        self.refresh()

    def village_id(self) -> str | None:
        value = self.area.currentData()
        return str(value) if value else None

    def _villages_loaded(self, villages: Sequence[NamedRef]) -> None:
        self.area.blockSignals(True)
        for v in villages:
            self.area.addItem(v.name, v.id)
        self.area.blockSignals(False)

    # --- loading ------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.loading:  # the worker is serial: ask again once the running query is back
            self._pending = True
            return
        from govdesk.services.statistics import dashboard_for

        period, village, today = self.period(), self.village_id(), self.today
        self.loading = True
        self._set_busy(True)
        self.tasks.run(lambda: dashboard_for(self.store, self.actor, period, village, today=today),
                       lambda d: self._loaded(d, period), self._failed, owner=self)  # fmt: skip

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.refresh_button.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _done_loading(self) -> None:
        self.loading = False
        self._set_busy(False)
        if self._pending:
            self._pending = False
            self.refresh()

    def _failed(self, err: BaseException) -> None:
        self._done_loading()
        show_error(err, self)

    def _loaded(self, dash: Dashboard, period: Period) -> None:
        self.dashboard = dash
        area = self.area.currentText()
        self.context = f"{period.label} · {area}"
        self.period_label.setText(self.context)
        for key, fig in tile_figures(dash).items():
            self.tiles[key].set_figure(fig)
        self._draw_charts(dash)
        self._done_loading()
        self.refreshed.emit()

    def _draw_charts(self, dash: Dashboard) -> None:
        cats = sorted(dash.by_category.values(), key=lambda f: -f.value)
        self._items["category"] = cats
        self.chart_category.show_chart(lambda f: charts.draw_category_bars(
            f, [category_label(c.label) for c in cats], [c.value for c in cats], tr("矛盾纠纷类别（件）")))  # fmt: skip
        self._draw_share()
        self._items["trend"] = list(dash.by_month)
        self.chart_trend.show_chart(lambda f: charts.draw_trend(
            f, [m.label for m in dash.by_month], [m.value for m in dash.by_month], tr("月度受理趋势（件）")))  # fmt: skip
        levels = [level for level, _, _ in RISK_TILES]
        self._items["risk"] = [risk_figure(dash, lvl, tr(lab)) for lvl, lab, _ in RISK_TILES]
        self.chart_risk.show_chart(lambda f: charts.draw_risk_bars(
            f, {lvl: dash.by_risk[lvl].value for lvl in levels if lvl in dash.by_risk}, tr("风险等级（件）")))  # fmt: skip
        self._items["villages"] = list(dash.top_villages)
        self.chart_villages.show_chart(lambda f: charts.draw_bars(
            f, [v.label for v in dash.top_villages], [v.value for v in dash.top_villages],
            tr("未办结事项最多的村（社区）"), ["#e8710a"] * len(dash.top_villages)))  # fmt: skip
        rows = "".join(f"<tr><td style='padding:4px 12px 4px 0'>{step}</td><td align='right'>"
                       + tr("<b>%1</b> 天").replace("%1", f"{days:g}") + "</td></tr>"
                       for step, days in dash.step_days.items())  # fmt: skip
        self.steps.setText(f"<b>{tr('“五个第一”各环节用时（中位数）')}</b><table style='margin-top:6px'>{rows}</table>"
                           f"<p style='color:#5f6368'>{tr('只计有前后两个时间的事项')}</p>")  # fmt: skip

    def _draw_share(self) -> None:
        if self.dashboard is None:
            return
        by_channel = self.share_by.currentData() == "channel"
        groups = self.dashboard.by_channel if by_channel else self.dashboard.by_kind
        self._items["share"] = list(groups.values())
        title = tr("来源渠道") if by_channel else tr("事项类型")
        self.chart_share.show_chart(lambda f: charts.draw_share(
            f, list(groups), [g.value for g in groups.values()], title))  # fmt: skip

    # --- clicks -------------------------------------------------------------------------------------------------
    def _title(self, what: str) -> str:
        return f"{what}（{self.context}）"

    def _tile_clicked(self, tile: StatTile) -> None:
        if tile.figure is not None:
            self.open_cases(tile.figure)

    def _item_clicked(self, chart: str, index: int) -> None:
        items = self._items.get(chart, [])
        if 0 <= index < len(items):
            self.open_cases(items[index])

    def open_cases(self, fig: Figure) -> None:
        """List the cases behind a figure (counted by SQL; the list is fetched now, on the worker)."""
        from govdesk.services.statistics import figure_cases

        if self.dashboard is None:
            return
        scope, title = self.dashboard.scope, self._title(fig.label)
        self.tasks.run(lambda: figure_cases(self.store, self.actor, scope, fig.cases),
                       lambda nos: self.casesRequested.emit(list(nos), title), lambda err: show_error(err, self),
                       owner=self)  # fmt: skip

    # --- exports ------------------------------------------------------------------------------------------------
    def ask_save_path(self, suggested: str, pattern: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, tr("导出统计报表"), suggested, pattern)
        return path

    def export(self, fmt: str) -> None:
        from govdesk.services.exports import export_report
        from govdesk.services.report_pdf import report_pdf
        from govdesk.services.statistics import mediation_report_for

        period = self.period()
        pattern = tr("Excel 工作簿 (*.xlsx)") if fmt == "xlsx" else tr("PDF 文件 (*.pdf)")
        path = self.ask_save_path(str(Path.home() / (tr("人民调解工作统计表") + f"-{period.label}.{fmt}")), pattern)
        if not path:
            return
        build = export_report if fmt == "xlsx" else report_pdf

        def job() -> str:
            data = build(self.store, self.actor, mediation_report_for(self.store, self.actor, period))
            Path(path).write_bytes(data)
            return path

        self._set_busy(True)
        self.excel_button.setEnabled(False)
        self.pdf_button.setEnabled(False)

        def finished() -> None:
            self._set_busy(self.loading)
            self.excel_button.setEnabled(True)
            self.pdf_button.setEnabled(True)

        def done(saved: str) -> None:
            finished()
            self.period_label.setText(tr(f"已导出：{saved}"))

        def failed(err: BaseException) -> None:
            finished()
            show_error(err, self)

        self.tasks.run(job, done, failed, owner=self)
