"""Shared fixtures: a fresh store for one center, with an actor to act as."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from govdesk.services.actor import Actor
from govdesk.services.setup import init_center
from govdesk.store.store import Store

CENTER_CODE = "330483101"
VALID_ID = "330483199003150013"  # the example of the issue; valid GB 11643 check digit
STAFF = Actor("测试调解员", "mediator")


@pytest.fixture(scope="session")
def _template_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Create and migrate one store per test session; tests get a copy (like Anki's shared.py)."""
    data_dir = tmp_path_factory.mktemp("template")
    store = Store.open(data_dir, writer=True, create=True)
    init_center(store, Actor("setup", "admin", "setup"), "测试镇综治中心", CENTER_CODE)
    store.close()
    return data_dir


@pytest.fixture
def data_dir(tmp_path: Path, _template_store: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(_template_store, target, ignore=shutil.ignore_patterns("*.lock", "*-wal", "*-shm"))
    return target


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = Store.open(data_dir, writer=True)
    yield opened
    opened.close()


def dispute(**overrides: object) -> dict[str, object]:
    """A valid dispute registration in the CLI's JSON shape."""
    data: dict[str, object] = {
        "title": "宅基地边界纠纷",
        "kind": "dispute",
        "category": "房屋宅基地",
        "channel": "walk_in",
        "facts": "双方因宅基地东侧围墙边界发生争执。",
        "occurred_at": "2026-11-20",
        "address": "某村3组",
        "parties": [
            {"role": "applicant", "name": "王某", "id_number": VALID_ID, "phone": "13800138000"},
            {"role": "respondent", "name": "李某"},
        ],
    }
    data.update(overrides)
    return data
