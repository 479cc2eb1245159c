"""Where resources and user data live (dev checkout, installed wheel or frozen build)."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "govdesk"


@cache
def resources_dir() -> Path:
    """The read-only ``resources/`` tree: bundled beside the package, or at the checkout's top."""
    here = Path(__file__).resolve().parent
    candidates = [here / "resources", here.parents[1] / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for candidate in candidates:
        if (candidate / "data").is_dir():
            return candidate
    raise RuntimeError("找不到程序资源目录 resources/，安装可能不完整，请重新安装 govdesk。")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    env = os.environ.get("GOVDESK_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
