"""User settings: typed defaults, a round trip through the file, bad values defaulted one by one, versions."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from govdesk import settings
from govdesk.settings import PrintSettings, Settings, SyncSettings


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    loaded = settings.load(tmp_path / "none.json")
    assert loaded == Settings()
    assert loaded.language == "zh_CN" and loaded.idle_minutes == 10.0
    assert loaded.printing == PrintSettings(printer="", paper="document", copies=1)
    assert loaded.sync.auto_minutes == 30


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    chosen = Settings(language="en_US", idle_minutes=5.0, printing=PrintSettings("HP LaserJet", "A4", 2),
                      sync=SyncSettings("https://county.example:8443", 15))  # fmt: skip
    settings.save(chosen, path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["version"] == settings.VERSION
    assert settings.load(path) == chosen
    assert not path.with_name("settings.json.part").exists()


def test_each_bad_value_falls_back_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "version": 1, "language": "fr_FR", "idle_minutes": 60, "unknown": 1,
        "printing": {"printer": "Office", "paper": "A0", "copies": "3"},
        "sync": {"server": "https://c.example", "auto_minutes": True},
    }), encoding="utf-8")  # fmt: skip
    loaded = settings.load(path)
    assert loaded.language == "zh_CN"  # not offered
    assert loaded.idle_minutes == 10.0  # more than the 10-minute maximum
    assert loaded.printing == PrintSettings(printer="Office")  # the good value kept, the bad ones defaulted
    assert loaded.sync == SyncSettings(server="https://c.example")


def test_a_broken_file_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert settings.load(path) == Settings()
    assert path.with_name("settings.json.broken").read_text(encoding="utf-8") == "{not json"


def test_a_newer_file_is_read_as_far_as_understood(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 99, "language": "en_US", "new_thing": {}}), encoding="utf-8")
    assert settings.load(path).language == "en_US"


def test_older_versions_are_migrated_step_by_step(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(settings, "VERSION", 3)

    def v1_to_v2(raw: dict[str, object]) -> dict[str, object]:
        raw["language"] = {"en": "en_US"}.get(str(raw.pop("lang", "")), "zh_CN")
        return raw

    def v2_to_v3(raw: dict[str, object]) -> dict[str, object]:
        raw["idle_minutes"] = raw.pop("lock_after", 10)
        return raw

    monkeypatch.setattr(settings, "_MIGRATIONS", {1: v1_to_v2, 2: v2_to_v3})
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "lang": "en", "lock_after": 3}), encoding="utf-8")
    assert settings.load(path) == Settings(language="en_US", idle_minutes=3.0)


def test_check_defaults_what_is_out_of_range() -> None:
    wild = replace(Settings(), idle_minutes=0.0, printing=PrintSettings(copies=500))
    assert settings.check(wild) == Settings()


def test_path_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GOVDESK_SETTINGS", str(tmp_path / "mine.json"))
    assert settings.settings_path() == tmp_path / "mine.json"
