"""Map test fixtures. Qt WebEngine needs its URL scheme registered (and its module imported) before the
QApplication exists, so that happens here, when the test files are collected."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # Chromium refuses its sandbox as root

import pytest

from govdesk.gui.map_view import register_map_scheme
from govdesk.gui.tasks import TaskManager
from govdesk.maps.demo_tiles import ensure_demo_tiles_for_villages
from govdesk.services.actor import Actor
from govdesk.store.store import Store

register_map_scheme()

DEMO_CASES = 300


@pytest.fixture(scope="session")
def _map_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo township with its generated base map, built once per session."""
    from govdesk.services.demo_loader import load_demo

    data_dir = tmp_path_factory.mktemp("map-demo")
    store = Store.open(data_dir, writer=True, create=True)
    try:
        load_demo(store, Actor("setup", "director"), n_cases=DEMO_CASES, n_residents=600)
        with store.db.read() as session:
            from govdesk.store import maps_repo

            villages = maps_repo.village_areas(session)
    finally:
        store.close()
    ensure_demo_tiles_for_villages(data_dir, [(v.boundary, v.is_community) for v in villages if v.boundary])
    return data_dir


@pytest.fixture
def demo_store(tmp_path: Path, _map_demo_template: Path) -> Iterator[Store]:
    target = tmp_path / "demo"
    shutil.copytree(_map_demo_template, target, ignore=shutil.ignore_patterns("*.lock", "*-wal", "*-shm"))
    opened = Store.open(target, writer=True)
    yield opened
    opened.close()


@pytest.fixture
def tasks(qtbot: object) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()
