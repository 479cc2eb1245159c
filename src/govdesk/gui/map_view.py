"""The case map: a QWebEngineView showing the page ``govdesk.maps`` builds, served from one local origin.

``govdesk-map://app/`` serves the page, the vendored Leaflet files and the base-map tiles (MBTiles) from
memory and the data directory; nothing else can load. The page runs in its own off-the-record profile
whose request interceptor blocks (and counts) every request for any other scheme, with file access and
remote access switched off, and navigation away refused.

The page talks back through a QWebChannel bridge with exactly two calls, ``openCase(local_no)`` and
``pickLocation(lat, lon)``. The channel lives in an isolated JavaScript world: the page's own scripts
cannot reach it (nor QObject extras such as ``deleteLater``); they raise two DOM events, which a small
script in that world relays to the bridge as numbers.

``register_map_scheme()`` must run before the QApplication is created (the app's start-up calls it).
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QFile,
    QIODevice,
    QObject,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.errors import ValidationError
from govdesk.maps import assets
from govdesk.maps.coords import CoordinateSystem, from_display, to_display
from govdesk.maps.tiles import MBTiles, basemap_path
from govdesk.services import maps as maps_service
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.store import Store

from .tasks import TaskManager, show_error

log = logging.getLogger(__name__)

SCHEME = b"govdesk-map"
HOST = "app"
PAGE_URL = "govdesk-map://app/map.html"
READY_TIMEOUT_MS = 120_000
_POLL_MS = 40


def register_map_scheme() -> None:
    """Register ``govdesk-map:`` with Qt WebEngine. Call once, before the QApplication exists."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name():
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)
    if QCoreApplication.instance() is None:
        # Qt WebEngine shares OpenGL contexts with the widgets; this must be set before the application.
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


class MapSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves ``/map.html`` (the current page), ``/assets/…`` and ``/tiles/z/x/y`` for ``govdesk-map://app``."""

    def __init__(self, asset_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._asset_dir = asset_dir
        self._page = b""
        self._tiles: MBTiles | None = None
        self._tile_mime = b"image/png"
        self._cache: dict[str, tuple[bytes, bytes]] = {}
        self.served = 0

    def set_page(self, html: str) -> None:
        self._page = html.encode("utf-8")

    def set_tiles(self, path: Path | None) -> None:
        if self._tiles is not None:
            self._tiles.close()
            self._tiles = None
        if path is not None and path.is_file():
            try:
                self._tiles = MBTiles(path)
                self._tile_mime = self._tiles.info().mime_type.encode()
            except ValidationError as err:
                log.warning("base map not usable: %s", err)
                self._tiles = None

    def close(self) -> None:
        self.set_tiles(None)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        if bytes(job.requestMethod().data()) != b"GET" or url.host() != HOST:
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        path = url.path()
        found: tuple[bytes, bytes] | None = None
        if path == "/map.html":
            found = (b"text/html; charset=utf-8", self._page)
        elif path.startswith("/assets/"):
            found = self._asset(path.removeprefix("/assets/"))
        elif path.startswith("/tiles/"):
            found = self._tile(path.removeprefix("/tiles/"))
        if found is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        mime, data = found
        buffer = QBuffer(job)  # the job owns the buffer and deletes it when the request ends
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(mime, buffer)
        self.served += 1

    def _asset(self, relative: str) -> tuple[bytes, bytes] | None:
        cached = self._cache.get(relative)
        if cached is not None:
            return cached
        path = assets.resolve_asset(self._asset_dir, relative)
        if path is None:
            return None
        data = path.read_bytes()
        found = (assets.mime_type(relative).encode(), data)
        self._cache[relative] = found
        return found

    def _tile(self, rest: str) -> tuple[bytes, bytes] | None:
        parts = rest.split("/")
        if self._tiles is None or len(parts) != 3 or not all(p.isdigit() and len(p) < 9 for p in parts):
            return None
        data = self._tiles.tile(int(parts[0]), int(parts[1]), int(parts[2]))
        return (self._tile_mime, data) if data is not None else None


class LocalOnlyInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request that is not for our own scheme, and remembers it (tests assert none)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []
        self.allowed = 0

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() == SCHEME.decode() and url.host() == HOST:
            self.allowed += 1
            return
        if url.scheme() in ("data", "blob"):
            return  # in-page data, not a request to anywhere
        info.block(True)
        self.blocked.append(url.toString()[:300])
        log.warning("map page: blocked a request for %s", url.toString()[:300])


class MapBridge(QObject):
    """The only thing the page can call. Its two slots pass checked values on to the canvas."""

    def __init__(self, on_open: Callable[[int], None], on_pick: Callable[[float, float], None]) -> None:
        super().__init__()
        self._on_open = on_open
        self._on_pick = on_pick

    @Slot(int)
    def openCase(self, local_no: int) -> None:
        self._on_open(int(local_no))

    @Slot(float, float)
    def pickLocation(self, lat: float, lon: float) -> None:
        self._on_pick(float(lat), float(lon))


# Runs in the isolated world that holds the channel. DOM events cross worlds; only strings are read from
# them, turned into numbers and checked before the bridge is called.
_RELAY = """
(function () {
  new QWebChannel(qt.webChannelTransport, function (channel) {
    var bridge = channel.objects.govdeskBridge;
    document.addEventListener('govdesk:open-case', function (e) {
      var n = Number(String(e.detail));
      if (Number.isSafeInteger(n) && n > 0) { bridge.openCase(n); }
    });
    document.addEventListener('govdesk:pick', function (e) {
      var parts = String(e.detail).split(',').map(Number);
      if (parts.length === 2 && isFinite(parts[0]) && isFinite(parts[1])) { bridge.pickLocation(parts[0], parts[1]); }
    });
    document.documentElement.setAttribute('data-govdesk-bridge', '1');
  });
})();
"""


def _relay_script() -> QWebEngineScript:
    source = QFile(":/qtwebchannel/qwebchannel.js")
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("Qt's qwebchannel.js is missing from the Qt installation")
    code = bytes(source.readAll().data()).decode("utf-8")
    source.close()
    script = QWebEngineScript()
    script.setName("govdesk-bridge")
    script.setSourceCode(code + _RELAY)
    script.setWorldId(QWebEngineScript.ScriptWorldId.ApplicationWorld)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentReady)
    script.setRunsOnSubFrames(False)
    return script


class _MapPage(QWebEnginePage):
    """Stays on our origin: no navigation elsewhere, no new windows, no dialogs from the page."""

    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self.dialogs: list[str] = []
        self.console_errors: list[str] = []

    def acceptNavigationRequest(
        self, url: QUrl | str, navigation_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        return url.scheme() == SCHEME.decode() and url.host() == HOST and url.path() == "/map.html"

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> QWebEnginePage | None:  # type: ignore[override]
        return None  # Qt's documented way to refuse a new window; the stubs do not allow None

    def javaScriptAlert(self, _origin: QUrl | str, message: str) -> None:
        self.dialogs.append(message)

    def javaScriptConfirm(self, _origin: QUrl | str, message: str) -> bool:
        self.dialogs.append(message)
        return False

    def javaScriptPrompt(self, _origin: QUrl | str, message: str, _default: str) -> tuple[bool, str]:
        self.dialogs.append(message)
        return False, ""

    def javaScriptConsoleMessage(
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int, source: str
    ) -> None:
        if level == QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel:
            self.console_errors.append(f"{source}:{line}: {message}")
            log.warning("map page: %s (%s:%s)", message, source, line)


def _locked_down(page: QWebEnginePage) -> None:
    s = page.settings()
    a = QWebEngineSettings.WebAttribute
    for attribute, on in (
        (a.JavascriptEnabled, True), (a.LocalContentCanAccessFileUrls, False),
        (a.LocalContentCanAccessRemoteUrls, False), (a.JavascriptCanOpenWindows, False),
        (a.JavascriptCanAccessClipboard, False), (a.JavascriptCanPaste, False), (a.PluginsEnabled, False),
        (a.PdfViewerEnabled, False), (a.AllowRunningInsecureContent, False),
        (a.AllowGeolocationOnInsecureOrigins, False), (a.LocalStorageEnabled, False), (a.WebGLEnabled, False),
        (a.DnsPrefetchEnabled, False), (a.HyperlinkAuditingEnabled, False), (a.ScreenCaptureEnabled, False),
        (a.AllowWindowActivationFromJavaScript, False), (a.NavigateOnDropEnabled, False),
        (a.ErrorPageEnabled, False), (a.FullScreenSupportEnabled, False), (a.AutoLoadIconsForPage, False),
        (a.TouchIconsEnabled, False), (a.FocusOnNavigationEnabled, False),
    ):  # fmt: skip
        s.setAttribute(attribute, on)


class MapCanvas(QWebEngineView):
    """The web view with its locked-down profile, scheme handler, interceptor and bridge.

    ``show_page(html)`` loads a built page; ``ready`` fires once its markers are clustered. Coordinates
    in and out of this class are WGS-84; the page may be drawn in GCJ-02 (see ``show_page``).
    """

    caseActivated = Signal(int)
    locationPicked = Signal(float, float)
    ready = Signal()
    failed = Signal(str)

    def __init__(self, asset_dir: Path, parent: QWidget | None = None) -> None:
        if not QWebEngineUrlScheme.schemeByName(SCHEME).name():
            raise RuntimeError("call govdesk.gui.map_view.register_map_scheme() before creating the QApplication")
        super().__init__(parent)
        # Parented after the page below, so the page is deleted first (a profile must outlive its pages).
        profile = QWebEngineProfile()  # no storage name: off the record, nothing written to disk
        profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        profile.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
        profile.setSpellCheckEnabled(False)
        self.scheme_handler = MapSchemeHandler(asset_dir, profile)
        profile.installUrlSchemeHandler(QByteArray(SCHEME), self.scheme_handler)
        self.interceptor = LocalOnlyInterceptor(profile)
        profile.setUrlRequestInterceptor(self.interceptor)
        self.web_page = _MapPage(profile, self)
        profile.setParent(self)
        self.profile = profile
        _locked_down(self.web_page)
        self.bridge = MapBridge(self._bridge_open_case, self._bridge_pick)
        self.channel = QWebChannel(self.web_page)
        self.channel.registerObject("govdeskBridge", self.bridge)
        self.web_page.setWebChannel(self.channel, QWebEngineScript.ScriptWorldId.ApplicationWorld)
        self.web_page.scripts().insert(_relay_script())
        self.setPage(self.web_page)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

        self.crs: CoordinateSystem = "wgs84"
        self.is_ready = False
        self.pick_mode = False
        self._known: frozenset[int] | None = None
        self._revision = 0
        self._waited_ms = 0
        self._poll = QTimer(self)
        self._poll.setInterval(_POLL_MS)
        self._poll.timeout.connect(self._check_ready)
        self.web_page.loadFinished.connect(self._loaded)
        self._released = False
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.release)

    def release(self) -> None:
        """Delete the page, then its profile, now (the reverse order makes Qt warn, and can crash).
        Runs by itself when the application quits; call it when dropping a canvas earlier."""
        if self._released:
            return
        self._released = True
        self._poll.stop()
        self.scheme_handler.close()
        # Hidden first: a visible view asked about its page later would make itself a default one.
        self.hide()
        for obj in (self.web_page, self.profile):
            if shiboken6.isValid(obj):
                shiboken6.delete(obj)

    # --- loading -------------------------------------------------------------------------------------
    def set_basemap(self, path: Path | None) -> None:
        self.scheme_handler.set_tiles(path)

    def show_page(self, html: str, crs: CoordinateSystem = "wgs84", local_nos: Collection[int] | None = None) -> None:
        """Load a page built by ``govdesk.maps.build_map_html``; ``crs`` is the system it is drawn in and
        ``local_nos`` (optional) the cases on it: the page may only open those."""
        if self._released:
            return
        self.crs = crs
        self._known = frozenset(local_nos) if local_nos is not None else None
        self.is_ready = False
        self._revision += 1
        self.scheme_handler.set_page(html)
        self.load(QUrl(f"{PAGE_URL}?r={self._revision}"))

    def _loaded(self, ok: bool) -> None:
        if not ok:
            self.failed.emit(self.tr("地图页面未能载入。"))
            return
        self._waited_ms = 0
        self._poll.start()

    def _check_ready(self) -> None:
        self._waited_ms += _POLL_MS
        if self._waited_ms > READY_TIMEOUT_MS:
            self._poll.stop()
            self.failed.emit(self.tr("地图长时间没有显示出来，请重试。"))
            return
        revision = self._revision

        def got(state: Any) -> None:
            if revision != self._revision or not self._poll.isActive():
                return
            if state.get("error"):
                self._poll.stop()
                log.error("map page failed: %s", state["error"])
                self.failed.emit(self.tr("地图页面出错，未能显示。"))
            elif state.get("ready"):
                self._poll.stop()
                self.is_ready = True
                if self.pick_mode:
                    self.set_pick_mode(True)
                self.ready.emit()

        self.evaluate(
            "{ready: !!(window.govdeskMap && govdeskMap.ready), error: window.govdeskMap ? govdeskMap.error : null}",
            got,
        )

    # --- talking to the page -------------------------------------------------------------------------
    def evaluate(self, expression: str, callback: Callable[[Any], None]) -> None:
        """Evaluate a JavaScript expression and get its value as Python data (through JSON: PySide6
        6.12 hands back '' for arrays and objects otherwise)."""

        if self._released:
            return

        def parse(raw: object) -> None:
            try:
                value = json.loads(raw) if isinstance(raw, str) and raw else None
            except ValueError:
                value = None
            callback(value if value is not None else {})

        self.web_page.runJavaScript(f"JSON.stringify(({expression}))", 0, parse)

    def _call(self, script: str) -> None:
        if not self._released:
            self.web_page.runJavaScript(script, 0)

    def highlight_case(self, local_no: int) -> None:
        """Zoom to a case's marker and open its popup (ignored for cases not on the map)."""
        self._call(f"window.govdeskMap && govdeskMap.highlight({int(local_no)})")

    def pan_to(self, lat: float, lon: float, zoom: int | None = None) -> None:
        """Centre the map on a WGS-84 point."""
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return
        d_lat, d_lon = to_display(lat, lon, self.crs)
        self._call(f"window.govdeskMap && govdeskMap.panTo({d_lat!r}, {d_lon!r}, {int(zoom) if zoom else 0})")

    def set_pick_mode(self, on: bool) -> None:
        """While on, a click on the map emits ``locationPicked`` instead of opening cases."""
        self.pick_mode = bool(on)
        self._call(f"window.govdeskMap && govdeskMap.setPickMode({'true' if on else 'false'})")

    def show_heat(self, on: bool) -> None:
        self._call(f"window.govdeskMap && govdeskMap.showHeat({'true' if on else 'false'})")

    def save_png(self, path: Path | str) -> bool:
        """The map as the user sees it, for reports."""
        return bool(self.grab().save(str(path), "PNG"))

    @property
    def blocked_requests(self) -> list[str]:
        return list(self.interceptor.blocked)

    # --- calls from the page ----------------------------------------------------------------------------
    def _bridge_open_case(self, local_no: int) -> None:
        if self.pick_mode or (self._known is not None and local_no not in self._known):
            return
        self.caseActivated.emit(local_no)

    def _bridge_pick(self, lat: float, lon: float) -> None:
        if not self.pick_mode or not (math.isfinite(lat) and math.isfinite(lon)):
            return
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return
        w_lat, w_lon = from_display(lat, lon, self.crs)
        self.locationPicked.emit(round(w_lat, 6), round(w_lon, 6))


class _BusyOverlay(QFrame):
    """'正在生成地图' with an endless progress bar, over the map while it is built and loaded."""

    def __init__(self, parent: QWidget, over: QWidget) -> None:
        super().__init__(parent)
        self._over = over
        self.setObjectName("mapBusy")
        self.setStyleSheet(
            "QFrame#mapBusy { background: rgba(255,255,255,235); border: 1px solid #dadce0; border-radius: 8px; }"
        )
        self.label = QLabel(self.tr("正在生成地图……"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.addWidget(self.label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.bar)
        self.hide()

    def show_over(self, text: str) -> None:
        self.label.setText(text)
        self.adjustSize()
        self.reposition()
        self.show()
        self.raise_()

    def reposition(self) -> None:
        area = self._over.geometry()
        self.move(area.x() + (area.width() - self.width()) // 2, area.y() + (area.height() - self.height()) // 2)


class MapView(QWidget):
    """The map tab: the cases of the current filter on the township map, with a heat-map switch.

    ``set_filter(flt)`` (built lazily when the view is shown), ``highlight_case(local_no)``,
    ``set_pick_mode(on)``, ``save_png(path)``. Signals: ``caseActivated(local_no)`` when a marker is
    clicked, ``locationPicked(lat, lon)`` (WGS-84) in pick mode, ``loaded(cases_on_map)``.
    """

    caseActivated = Signal(int)
    locationPicked = Signal(float, float)
    loaded = Signal(int)

    def __init__(
        self,
        store: Store,
        tasks: TaskManager,
        parent: QWidget | None = None,
        *,
        asset_dir: Path | None = None,
        cases: bool = True,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._filter: CaseFilter | None = CaseFilter() if cases else None
        self._stale = True
        self._request = 0
        self._show_heat = False
        self._pending_highlight: int | None = None
        self._cases = 0

        self.canvas = MapCanvas(asset_dir or maps_service.asset_dir())
        self.canvas.set_basemap(basemap_path(store.data_dir))
        self.canvas.caseActivated.connect(self.caseActivated)
        self.canvas.locationPicked.connect(self.locationPicked)
        self.canvas.ready.connect(self._ready)
        self.canvas.failed.connect(self._failed)

        self.summary = QLabel()
        self.summary.setStyleSheet("color:#3c4043;")
        self.heat_button = QToolButton()
        self.heat_button.setText(self.tr("热力图"))
        self.heat_button.setCheckable(True)
        self.heat_button.setToolTip(self.tr("按近一年事项的分布显示热力图（红色风险权重最高）"))
        self.heat_button.toggled.connect(self.set_heat)
        self.save_button = QPushButton(self.tr("保存图片…"))
        self.save_button.setToolTip(self.tr("把当前地图保存为 PNG 图片，用于报告"))
        self.save_button.clicked.connect(self.save_png_dialog)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.heat_button)
        self.heat_button.setVisible(cases)
        bar.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        self.busy = _BusyOverlay(self, self.canvas)

    # --- the data -----------------------------------------------------------------------------------------
    def set_filter(self, flt: CaseFilter | None) -> None:
        """Show the cases of ``flt`` (the case list's filter; None: boundaries only). Built now if
        visible, else when the view is next shown."""
        self._filter = flt
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self._request += 1
        request = self._request
        store, flt, heat = self._store, self._filter, self._show_heat
        self.busy.show_over(self.tr("正在生成地图……"))

        def done(page: maps_service.MapPage) -> None:
            if request != self._request:
                return
            self.busy.show_over(self.tr("正在显示 %s 件事项……") % f"{page.cases:,}")
            self._cases = page.cases
            text = self.tr("地图上 %s 件事项") % f"{page.cases:,}"
            if page.unplaced:
                text += self.tr("，另有 %s 件没有坐标") % f"{page.unplaced:,}"
            if flt is not None:
                self.summary.setText(text)
            self.canvas.show_page(page.html, "gcj02" if page.crs == "gcj02" else "wgs84")

        def failed(err: BaseException) -> None:
            if request == self._request:
                self.busy.hide()
                self.summary.setText(self.tr("地图未能生成"))
                show_error(err, self)

        self._tasks.run(lambda: maps_service.map_page(store, flt, show_heat=heat), done, failed, owner=self)

    def _ready(self) -> None:
        self.busy.hide()
        if self._pending_highlight is not None:
            self.canvas.highlight_case(self._pending_highlight)
            self._pending_highlight = None
        self.loaded.emit(self._cases)

    def _failed(self, message: str) -> None:
        self.busy.hide()
        self.summary.setText(message)

    # --- commands -------------------------------------------------------------------------------------------
    def highlight_case(self, local_no: int) -> None:
        if self.canvas.is_ready:
            self.canvas.highlight_case(local_no)
        else:
            self._pending_highlight = local_no

    def set_heat(self, on: bool) -> None:
        self._show_heat = bool(on)
        if self.heat_button.isChecked() != on:
            self.heat_button.setChecked(on)
        self.canvas.show_heat(on)

    def set_pick_mode(self, on: bool) -> None:
        self.canvas.set_pick_mode(on)

    def save_png(self, path: Path | str) -> bool:
        return self.canvas.save_png(path)

    def release(self) -> None:
        """Free the web page now (see ``MapCanvas.release``)."""
        self.canvas.release()

    def save_png_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存地图图片"), self.tr("事项分布图.png"), "PNG (*.png)")
        if path and not self.save_png(path):
            self.summary.setText(self.tr("图片未能保存到 %s") % path)

    # --- Qt ---------------------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.busy.reposition()


@dataclass(frozen=True)
class PickedLocation:
    latitude: float  # WGS-84
    longitude: float
    location: maps_service.Location | None  # the grid and village there, when inside the township


class LocationPickerDialog(QDialog):
    """ "在地图上选点" for the registration form: the township map (boundaries, no cases); a click marks the
    spot and shows the village and grid found there. ``picked`` holds the answer after ``exec()``."""

    def __init__(
        self,
        store: Store,
        tasks: TaskManager,
        parent: QWidget | None = None,
        *,
        initial: tuple[float, float] | None = None,
        asset_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("在地图上选择事发地点"))
        self.resize(1000, 720)
        self._store = store
        self._tasks = tasks
        self._request = 0
        self.picked: PickedLocation | None = None
        self.map_view = MapView(store, tasks, asset_dir=asset_dir, cases=False)
        self.map_view.set_pick_mode(True)
        self.map_view.locationPicked.connect(self._pick)
        if initial is not None:
            lat, lon = initial
            self.map_view.loaded.connect(lambda _n: self.map_view.canvas.pan_to(lat, lon, 16))
        self.place = QLabel(self.tr("请在地图上点击事发地点。"))
        self.place.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.map_view, 1)
        layout.addWidget(self.place)
        layout.addWidget(self.buttons)

    def _pick(self, lat: float, lon: float) -> None:
        self._request += 1
        request = self._request
        store = self._store
        self.picked = PickedLocation(lat, lon, None)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        where = self.tr("北纬 %.6f°，东经 %.6f°") % (lat, lon)
        self.place.setText(where)

        def found(location: maps_service.Location | None) -> None:
            if request != self._request:
                return
            self.picked = PickedLocation(lat, lon, location)
            if location is None:
                self.place.setText(where + self.tr("（不在本乡镇的村、社区范围内）"))
            elif location.grid_name:
                officer = self.tr("，网格员 %s") % location.officer_name if location.officer_name else ""
                self.place.setText(f"{where}　{location.village_name} {location.grid_name}{officer}")
            else:
                self.place.setText(f"{where}　{location.village_name}")

        self._tasks.run(lambda: maps_service.locate(store, lat, lon), found, owner=self)

    def done(self, result: int) -> None:
        self.map_view.release()
        super().done(result)
