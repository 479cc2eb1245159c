"""Charts of the statistics (matplotlib, Agg backend): pure functions from labels and values to a drawing.

Each chart has a ``draw_*`` function that draws into a given ``matplotlib.figure.Figure`` (the GUI passes its
canvas's figure) and returns one artist per data item, in the order of the labels, so a click on a bar, a wedge
or a point can be traced back to its item; and a ``*_png`` function that renders the same chart to PNG bytes
(for the PDF report). No Qt and no pyplot here: figures are made directly, so rendering is safe on a worker.

Labels are Chinese: the charts use the same font files as the printed documents (``documents.fonts``), with
the system's WenQuanYi / Noto CJK faces as a fallback, so no label ever shows as boxes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg", force=False)  # never pick an interactive backend; the GUI embeds its own canvas

from matplotlib import font_manager
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

RISK_COLORS = {"red": "#d93025", "yellow": "#f9ab00", "green": "#188038"}
RISK_LABELS = {"red": "红色", "yellow": "黄色", "green": "绿色"}
PALETTE = ("#1a73e8", "#e8710a", "#188038", "#9334e6", "#d01884", "#12b5cb", "#f9ab00", "#5f6368", "#a142f4",
           "#24c1e0", "#f29900", "#d93025")  # fmt: skip
EMPTY_TEXT = "暂无数据"
_SYSTEM_FAMILIES = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Source Han Sans SC",
                    "Microsoft YaHei", "SimHei", "SimSun", "AR PL UMing CN", "PingFang SC")  # fmt: skip

_font_lock = threading.Lock()
_font_family: str | None = None


def _document_font_files() -> list[Path]:
    """The files the printed documents use (shipped first, then the system's), the sans heading face first."""
    try:
        from govdesk.documents.fonts import load_fonts
        from govdesk.paths import resource

        fonts = load_fonts([resource("fonts")])
    except Exception:  # noqa: BLE001 - charts must still draw when the document fonts cannot be found
        return []
    return [Path(f.path) for f in (fonts.heading, fonts.body) if f.path]


def _has_cjk(family: str) -> bool:
    try:
        path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    except ValueError:
        return False
    return bool(path) and Path(path).exists()


def cjk_font_family(extra_files: Sequence[Path] = ()) -> str | None:
    """Register a Chinese face with matplotlib once, make it the default sans-serif family, and return its name
    (None when no Chinese font exists at all; the charts then draw, but Chinese labels may show as boxes)."""
    global _font_family
    with _font_lock:
        if _font_family is not None:
            return _font_family
        family: str | None = None
        for path in (*extra_files, *_document_font_files()):
            try:
                font_manager.fontManager.addfont(str(path))
                family = font_manager.FontProperties(fname=str(path)).get_name()
            except (OSError, RuntimeError, ValueError):
                continue
            break
        if family is None:
            family = next((f for f in _SYSTEM_FAMILIES if _has_cjk(f)), None)
        if family is not None:
            matplotlib.rcParams["font.family"] = ["sans-serif"]
            matplotlib.rcParams["font.sans-serif"] = [family, "DejaVu Sans"]
            _font_family = family
        matplotlib.rcParams["axes.unicode_minus"] = False  # the CJK faces lack U+2212
        return family


def cjk_font_path() -> str | None:
    """The file the charts' Chinese face comes from (for tests and the about box)."""
    family = cjk_font_family()
    if family is None:
        return None
    return str(font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False))


# --- drawing into a figure -----------------------------------------------------------------------------------
def _axes(fig: Figure, title: str) -> Any:
    cjk_font_family()
    fig.clear()
    ax = fig.add_subplot(111)
    if title:
        ax.set_title(title, fontsize=12, loc="left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def _empty(ax: Any) -> list[Artist]:
    ax.set_axis_off()
    ax.text(0.5, 0.5, EMPTY_TEXT, ha="center", va="center", fontsize=12, color="#80868b", transform=ax.transAxes)
    return []


def _fit(fig: Figure) -> None:
    try:
        fig.tight_layout(pad=0.6)
    except (ValueError, RuntimeError):  # a tiny widget before its first resize
        pass


def draw_bars(fig: Figure, labels: Sequence[str], values: Sequence[float], title: str = "",
              colors: Sequence[str] | None = None, *, horizontal: bool = True) -> list[Artist]:  # fmt: skip
    """A bar per label (horizontal: the first label on top), the value at the end of each bar."""
    ax = _axes(fig, title)
    if not labels:
        return _empty(ax)
    cols = list(colors) if colors else [PALETTE[0]] * len(labels)
    pos = list(range(len(labels)))
    if horizontal:
        bars = ax.barh(pos, values, color=cols, height=0.65)
        ax.set_yticks(pos, list(labels))
        ax.invert_yaxis()
        ax.tick_params(axis="y", length=0)
        ax.set_xlim(0, max(max(values), 1) * 1.15)
    else:
        bars = ax.bar(pos, values, color=cols, width=0.6)
        ax.set_xticks(pos, list(labels))
        ax.tick_params(axis="x", length=0)
        ax.set_ylim(0, max(max(values), 1) * 1.18)
    ax.bar_label(bars, labels=[f"{v:g}" for v in values], padding=3, fontsize=9)
    (ax.xaxis if horizontal else ax.yaxis).get_major_locator().set_params(integer=True)
    _fit(fig)
    return list(bars)


def draw_category_bars(fig: Figure, labels: Sequence[str], values: Sequence[float],
                       title: str = "矛盾纠纷类别") -> list[Artist]:  # fmt: skip
    return draw_bars(fig, labels, values, title)


def draw_share(fig: Figure, labels: Sequence[str], values: Sequence[float], title: str = "",
               *, donut: bool = True) -> list[Artist]:  # fmt: skip
    """A pie (or donut) of the shares, with a legend giving each label, count and percentage."""
    ax = _axes(fig, title)
    total = sum(values)
    if not labels or total <= 0:
        return _empty(ax)
    wedges, *_ = ax.pie(values, colors=[PALETTE[i % len(PALETTE)] for i in range(len(labels))], startangle=90,
                        counterclock=False, wedgeprops={"width": 0.42 if donut else 1, "edgecolor": "white"})  # fmt: skip
    if donut:
        ax.text(0, 0, f"{total:g}", ha="center", va="center", fontsize=14)
    ax.legend(wedges, [f"{lab}  {v:g} ({100 * v / total:.1f}%)" for lab, v in zip(labels, values, strict=True)],
              loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=9)  # fmt: skip
    ax.set_aspect("equal")
    _fit(fig)
    return list(wedges)


def draw_trend(fig: Figure, labels: Sequence[str], values: Sequence[float], title: str = "月度趋势") -> list[Artist]:
    """A line through the months; each month is its own marker artist (clickable on its own)."""
    ax = _axes(fig, title)
    if not labels:
        return _empty(ax)
    pos = list(range(len(labels)))
    ax.plot(pos, values, color=PALETTE[0], linewidth=2, zorder=2)
    ax.fill_between(pos, values, color=PALETTE[0], alpha=0.08, zorder=1)
    points: list[Artist] = []
    for x, y in zip(pos, values, strict=True):
        (pt,) = ax.plot([x], [y], "o", color=PALETTE[0], markersize=7, zorder=3, pickradius=6)
        ax.annotate(f"{y:g}", (x, y), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=9)
        points.append(pt)
    step = max(1, len(labels) // 12)
    ax.set_xticks(pos[::step], list(labels)[::step])
    ax.set_ylim(0, max(max(values), 1) * 1.2)
    ax.set_xlim(-0.5, len(labels) - 0.5)
    ax.grid(axis="y", color="#e8eaed")
    _fit(fig)
    return points


def draw_risk_bars(fig: Figure, counts: dict[str, float], title: str = "风险等级") -> list[Artist]:
    """红/黄/绿 bars in that order (keys ``red``, ``yellow``, ``green``; missing keys count 0)."""
    keys = list(RISK_COLORS)
    return draw_bars(fig, [RISK_LABELS[k] for k in keys], [counts.get(k, 0) for k in keys], title,
                     [RISK_COLORS[k] for k in keys], horizontal=False)  # fmt: skip


# --- PNG -----------------------------------------------------------------------------------------------------
def render_png(draw: Callable[[Figure], object], size: tuple[float, float] = (6.4, 3.2), dpi: int = 150) -> bytes:
    """Run ``draw(figure)`` on a fresh Agg figure of ``size`` inches and return the PNG."""
    cjk_font_family()
    fig = Figure(figsize=size, dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)
    draw(fig)
    buf = BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white")
    return buf.getvalue()


def category_png(labels: Sequence[str], values: Sequence[float], title: str = "矛盾纠纷类别", **kw: Any) -> bytes:
    height = max(2.4, 0.8 + 0.24 * len(labels))
    return render_png(lambda f: draw_category_bars(f, labels, values, title), kw.get("size", (6.4, height)))


def share_png(labels: Sequence[str], values: Sequence[float], title: str = "", *, donut: bool = True,
              **kw: Any) -> bytes:  # fmt: skip
    return render_png(lambda f: draw_share(f, labels, values, title, donut=donut), kw.get("size", (6.4, 3.0)))


def trend_png(labels: Sequence[str], values: Sequence[float], title: str = "月度趋势", **kw: Any) -> bytes:
    return render_png(lambda f: draw_trend(f, labels, values, title), kw.get("size", (6.4, 2.8)))


def risk_png(counts: dict[str, float], title: str = "风险等级", **kw: Any) -> bytes:
    return render_png(lambda f: draw_risk_bars(f, counts, title), kw.get("size", (4.0, 2.8)))
