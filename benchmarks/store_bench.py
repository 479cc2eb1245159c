"""Store figures: full-text search, filter/sort latency, durability cost, on a generated large store."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path

from sqlalchemy import text

from benchmarks.harness import Figure, percentile, timed
from govdesk.services.actor import Actor
from govdesk.services.demo_loader import load_demo
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.cases_repo import CaseFilter, case_page, case_rows, count_cases
from govdesk.store.engine import spaced_characters
from govdesk.store.search import fts_phrase
from govdesk.store.store import Store

BENCH = Actor("benchmark", "director", "benchmark")
SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕")
WORDS = [
    "纠纷", "宅基地", "邻里", "噪音", "漏水", "工资", "欠款", "离婚", "赡养", "土地", "围墙", "装修", "停车", "垃圾",
    "路灯", "拆迁", "合同", "物业费", "交通事故", "医疗", "赔偿", "借款", "租金", "抚养", "彩礼", "排水", "通道",
    "占道", "油烟", "养殖", "承包", "劳务", "退款", "加班费", "工伤", "边界", "漏雨", "采光", "树木", "鸡鸭",
    "电动车", "噪声扰民", "违章", "安全隐患", "调解", "协议", "村委", "社区", "网格", "群体",
]  # fmt: skip


def queries(village_names: list[str]) -> list[str]:
    """100 typical queries of 1–4 characters: surnames, village names, common dispute words."""
    out = SURNAMES[:30] + [v[:2] for v in village_names[:10]] + [v[:3] for v in village_names[:10]] + WORDS
    return out[:100]


def build_store(data_dir: Path, n_cases: int, n_residents: int) -> Path:
    """A generated store, cached between runs (benchmarks/data is not committed)."""
    marker = data_dir / f".complete-{n_cases}-{n_residents}"
    if marker.exists():
        return data_dir
    shutil.rmtree(data_dir, ignore_errors=True)
    store = Store.open(data_dir, writer=True, create=True)
    try:
        start = time.perf_counter()
        load_demo(store, BENCH, seed=7, n_cases=n_cases, n_residents=n_residents, today=dt.date(2026, 11, 1),
                  replay_recent=False)  # fmt: skip
        print(f"  generated {n_cases} cases / {n_residents} persons in {time.perf_counter() - start:.0f} s")
        with store.db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    finally:
        store.close()
    marker.touch()
    return data_dir


def _raw_fts(session: object, term: str) -> list[int]:
    if len(term) >= 3:
        sql, param = "SELECT rowid FROM case_fts WHERE case_fts MATCH :q", fts_phrase(term)
    else:
        sql, param = "SELECT rowid FROM case_fts_short WHERE case_fts_short MATCH :q", fts_phrase(spaced_characters(term))
    return list(session.execute(text(sql), {"q": param}).scalars())  # type: ignore[attr-defined]


def search_figures(store: Store, size: str, repeat: int) -> list[Figure]:
    with store.db.read() as session:
        villages = [r[0] for r in session.execute(text("SELECT name FROM villages ORDER BY code"))]
    qs = queries(villages)
    ours: dict[str, list[float]] = {"1–2": [], "3–4": []}
    raw: dict[str, list[float]] = {"1–2": [], "3–4": []}
    hits = []
    with store.db.read() as session:
        for q in qs:
            bucket = "1–2" if len(q) <= 2 else "3–4"

            def list_query(q: str = q) -> None:
                # What the list does: the count for the status bar, then the first page of rows.
                flt = CaseFilter(search=q)
                hits.append(count_cases(session, flt))
                case_rows(session, case_page(session, flt, "created_at", True, 0, 200))

            ours[bucket].append(min(timed(list_query, repeat=repeat, warmup=1)))
            raw[bucket].append(min(timed(lambda q=q: _raw_fts(session, q), repeat=repeat, warmup=1)))
    figures = []
    for bucket in ("1–2", "3–4"):
        n = len(ours[bucket])
        figures.append(Figure(
            "store", f"search p95, {bucket} chars ({n} queries → count + first page)", "ms",
            [percentile(ours[bucket], 95)], size, target=50, limit=percentile(raw[bucket], 95),
            limit_what="raw FTS query p95",
            note=f"median {percentile(ours[bucket], 50):.1f} ms; raw median {percentile(raw[bucket], 50):.1f} ms",
        ))  # fmt: skip
    all_ours = ours["1–2"] + ours["3–4"]
    all_raw = raw["1–2"] + raw["3–4"]
    figures.append(Figure(
        "store", f"search over {len(all_ours)} queries (each point: best of {repeat})", "ms", all_ours, size,
        target=50, limit=percentile(all_raw, 50), limit_what="raw FTS median",
        note=f"p95 {percentile(all_ours, 95):.1f} ms; median hits {int(sorted(hits)[len(hits) // 2])}",
    ))  # fmt: skip
    return figures


FILTERS = {
    "no filter, newest first": (CaseFilter(), "created_at", True),
    "status=mediating": (CaseFilter(statuses=("mediating",)), "created_at", True),
    "kind=dispute + category=邻里": (CaseFilter(kinds=("dispute",), categories=("邻里",)), "created_at", True),
    "risk=red": (CaseFilter(risks=("red",)), "created_at", True),
    "open cases, sorted by title": (CaseFilter(open_only=True), "title", False),
    "sort by number ascending": (CaseFilter(), "number", False),
    "last 30 days": (CaseFilter(date_from=dt.date(2026, 10, 2)), "created_at", True),
}


def filter_figures(store: Store, size: str, repeat: int) -> list[Figure]:
    figures = []
    with store.db.read() as session:
        for name, (flt, sort, desc) in FILTERS.items():

            def run(flt: CaseFilter = flt, sort: str = sort, desc: bool = desc) -> None:
                count_cases(session, flt)
                case_rows(session, case_page(session, flt, sort, desc, 0, 200))

            figures.append(Figure("store", f"filter/sort: {name} (count + first page)", "ms",
                                  timed(run, repeat=repeat), size, target=100))  # fmt: skip
    return figures


def durability_figures(workdir: Path, size: str, saves: int) -> list[Figure]:
    """Registrations per second: synchronous=FULL (ours) vs NORMAL, and encrypted (ours) vs plain."""
    import statistics

    from sqlalchemy import event

    from govdesk.security.keys import new_data_key
    from govdesk.services.setup import init_center

    draft = parse_registration({
        "title": "邻里噪音纠纷", "kind": "dispute", "category": "邻里", "channel": "walk_in",
        "facts": "楼上住户夜间噪音。" * 20, "parties": [{"role": "applicant", "name": "王某"}, {"role": "respondent", "name": "李某"}],
    })  # fmt: skip
    arms = {"FULL, encrypted": ("FULL", True), "FULL, plain": ("FULL", False), "NORMAL, plain": ("NORMAL", False)}
    rates: dict[str, list[float]] = {}
    for arm, (mode, encrypted) in arms.items():
        rates[arm] = []
        for attempt in range(3):
            data_dir = workdir / f"durability-{mode}-{encrypted}-{attempt}"
            shutil.rmtree(data_dir, ignore_errors=True)
            store = Store.open(data_dir, writer=True, create=True, key=new_data_key() if encrypted else None)
            init_center(store, BENCH, "基准镇综治中心", "330499101")
            if mode == "NORMAL":
                # The control arm: the store's own connect hook checks for FULL first, then this lowers it.
                event.listen(store.db.engine, "connect", lambda c, r: c.execute("PRAGMA synchronous=NORMAL"))
                store.db.engine.dispose()
            start = time.perf_counter()
            for _ in range(saves):
                register_case(store, BENCH, draft)
            rates[arm].append(saves / (time.perf_counter() - start))
            store.close()
            shutil.rmtree(data_dir, ignore_errors=True)
    note = "each save = one transaction: case, parties, persons, FTS, risk, audit; fsync per commit"
    return [
        Figure("durability", "registrations/s, FULL + encrypted (what govdesk runs)", "saves/s", rates["FULL, encrypted"],
               size, lower_is_better=False, limit=statistics.median(rates["FULL, plain"]),
               limit_what="same, unencrypted", note=note),
        Figure("durability", "registrations/s, FULL, unencrypted", "saves/s", rates["FULL, plain"], size,
               lower_is_better=False, limit=statistics.median(rates["NORMAL, plain"]),
               limit_what="same with synchronous=NORMAL", note="NORMAL loses acknowledged commits: docs/durability.md"),
        Figure("durability", "registrations/s, NORMAL, unencrypted (not used)", "saves/s", rates["NORMAL, plain"],
               size, lower_is_better=False),
    ]  # fmt: skip


BARE_WINDOW = """
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1440, 900); w.show()
def done():
    open(sys.argv[1], "w").write(json.dumps({"ready": time.time()}))
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""


def _spawn_until_ready(cmd: list[str], ready_file: Path, env: dict[str, str]) -> tuple[float, dict[str, float]]:
    import json
    import subprocess

    ready_file.unlink(missing_ok=True)
    start = time.time()
    subprocess.run(cmd, env=env, check=True, timeout=120, capture_output=True)
    data = json.loads(ready_file.read_text())
    return (data["ready"] - start) * 1000, data


def startup_figures(data_dir: Path, size: str, repeat: int) -> list[Figure]:
    """Cold start to an interactive, populated main window, and resident memory with the list open."""
    import os
    import sys
    import tempfile

    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as tmp:
        ready = Path(tmp) / "ready.json"
        bare = [_spawn_until_ready([sys.executable, "-c", BARE_WINDOW, str(ready)], ready, env)[0] for _ in range(repeat)]
        # The app signs in from the environment like the CLI (a demo account of the generated store).
        app_env = {**env, "GOVDESK_EXIT_WHEN_READY": str(ready), "GOVDESK_USER": "zhuren", "GOVDESK_PASSWORD": "demo"}
        runs, rss = [], []
        for _ in range(repeat):
            ms, data = _spawn_until_ready(
                [sys.executable, "-m", "govdesk", "--data-dir", str(data_dir), "gui"], ready, app_env
            )
            runs.append(ms)
            rss.append(data["rss_mb"])
    import statistics

    return [
        Figure("store", "cold start to populated main window", "ms", runs, size, target=1500,
               limit=statistics.median(bare), limit_what="bare PySide6 window",
               note=f"process start → first page of the list shown ({env['QT_QPA_PLATFORM']})"),
        Figure("store", "resident memory with the list open", "MB", rss, size, target=400),
    ]  # fmt: skip
