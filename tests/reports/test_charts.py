"""Charts render to real PNGs with a Chinese face (never boxes), and return one artist per item for clicks."""

from __future__ import annotations

import warnings
from io import BytesIO
from pathlib import Path

from matplotlib.figure import Figure
from PIL import Image

from govdesk.reports import charts

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CATEGORIES = ["婚姻家庭", "邻里", "房屋宅基地", "合同", "损害赔偿"]


def test_a_chinese_font_is_found() -> None:
    family = charts.cjk_font_family()
    assert family is not None
    path = charts.cjk_font_path()
    assert path is not None and Path(path).is_file()


def _no_missing_glyphs(render: object) -> bytes:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = render()  # type: ignore[operator]
    missing = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert not missing, missing
    return png  # type: ignore[no-any-return]


def _check_png(png: bytes, min_size: int = 5_000) -> None:
    assert png.startswith(PNG_MAGIC)
    assert len(png) > min_size
    with Image.open(BytesIO(png)) as img:
        assert img.width > 300 and img.height > 200
        # not a blank image: more than a handful of colours
        assert len(img.convert("RGB").getcolors(1 << 20) or []) > 20


def test_every_chart_renders_a_png_with_its_chinese_labels() -> None:
    _check_png(_no_missing_glyphs(lambda: charts.category_png(CATEGORIES, [12, 8, 5, 3, 1])))
    _check_png(_no_missing_glyphs(lambda: charts.share_png(["矛盾纠纷", "咨询", "网格事件"], [50, 20, 30], "事项类型")))
    _check_png(_no_missing_glyphs(lambda: charts.share_png(["来电", "来访"], [3, 4], "来源渠道", donut=False)))
    _check_png(_no_missing_glyphs(lambda: charts.trend_png(["2026-08", "2026-09", "2026-10"], [3, 7, 4])))
    _check_png(_no_missing_glyphs(lambda: charts.risk_png({"red": 3, "yellow": 8, "green": 40})))


def test_empty_data_still_draws_a_chart() -> None:
    png = charts.category_png([], [])
    assert png.startswith(PNG_MAGIC)


def test_draw_functions_return_one_artist_per_item_in_label_order() -> None:
    fig = Figure(figsize=(5, 3))
    bars = charts.draw_category_bars(fig, CATEGORIES, [12, 8, 5, 3, 1])
    assert len(bars) == 5
    assert [b.get_width() for b in bars] == [12, 8, 5, 3, 1]  # type: ignore[attr-defined]
    assert len(charts.draw_share(fig, ["甲", "乙"], [1, 2])) == 2
    assert len(charts.draw_trend(fig, ["1月", "2月", "3月"], [1, 2, 3])) == 3
    risk = charts.draw_risk_bars(fig, {"red": 2, "green": 5})
    assert [b.get_height() for b in risk] == [2, 0, 5]  # type: ignore[attr-defined]
    assert charts.draw_share(fig, [], []) == []
