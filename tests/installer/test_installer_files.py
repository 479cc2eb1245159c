"""Cheap checks of the installer sources: the paths they name exist, the version comes from pyproject, the
Windows upgrade identity stays fixed. The real build (PyInstaller, .deb, start under Xvfb) is
installer/test-deb.sh's job, not the normal test run's."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import zlib
from pathlib import Path

import pytest

import govdesk
from govdesk.cli import main as cli_main

REPO = Path(__file__).resolve().parents[2]
INSTALLER = REPO / "installer"
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
# The Windows installer's identity: changing it makes the next version install beside the old one instead of
# upgrading it. Never change it.
APP_ID = "{{6F1D2C9B-3E4A-4B7F-9A52-8C0E7D41B3A6}"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def test_the_version_is_pyprojects(capsys: pytest.CaptureFixture[str]) -> None:
    assert govdesk.__version__ == VERSION
    with pytest.raises(SystemExit) as done:
        cli_main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"govdesk {VERSION}"


def test_the_changelog_has_a_section_for_this_version() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    assert re.search(rf"^## \[{re.escape(VERSION)}\] - ", changelog, re.MULTILINE), (
        f"CHANGELOG.md has no '## [{VERSION}] - <date>' section for pyproject's version"
    )


def test_pyinstaller_is_in_the_build_extra() -> None:
    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(req.lower().startswith("pyinstaller") for req in extras["build"])


def test_the_spec_is_python_and_names_what_exists() -> None:
    spec = (INSTALLER / "govdesk.spec").read_text(encoding="utf-8")
    ast.parse(spec, "govdesk.spec")
    for needed in ('"resources"', '"govdesk/store/migrations"', 'copy_metadata("govdesk")', "govdesk_entry.py",
                   '"zh-CN.pak", "en-US.pak"', '"QtQml"', '"QtQuick"', '"_rl_accel"'):  # fmt: skip
        assert needed in spec, needed
    assert (REPO / "resources" / "data").is_dir()
    assert (REPO / "src" / "govdesk" / "store" / "migrations" / "env.py").is_file()
    assert list((REPO / "src" / "govdesk" / "store" / "migrations" / "versions").glob("0001_*.py"))
    assert (REPO / "resources" / "icons" / "govdesk.ico").is_file()
    entry = (INSTALLER / "govdesk_entry.py").read_text(encoding="utf-8")
    assert "from govdesk.cli import main" in entry


def test_frozen_paths_find_resources_and_migrations_where_the_spec_puts_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spec copies resources/ to <_MEIPASS>/resources and the migrations beside govdesk/store/migrate."""
    from govdesk import paths
    from govdesk.store import migrate

    frozen = tmp_path / "_internal"
    (frozen / "resources" / "data").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(frozen), raising=False)
    paths.resources_dir.cache_clear()
    try:
        assert paths.resources_dir() == frozen / "resources"
    finally:
        paths.resources_dir.cache_clear()
    assert migrate.MIGRATIONS == Path(migrate.__file__).resolve().parent / "migrations"


def test_the_bundle_carries_the_user_guide_where_the_help_menu_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """帮助 → 使用指南 in the installed program: the spec copies docs/user-guide.md (the one source) to
    <_MEIPASS>/resources/help/, the place govdesk.gui.help_dialogs looks first; test-deb.sh checks the real package."""
    from govdesk import paths
    from govdesk.gui import help_dialogs

    spec = (INSTALLER / "govdesk.spec").read_text(encoding="utf-8")
    assert 'USER_GUIDE = ROOT / "docs" / "user-guide.md"' in spec
    assert '(str(USER_GUIDE), "resources/help")' in spec
    assert (REPO / "docs" / help_dialogs.GUIDE_NAME).is_file()
    assert "resources/help/user-guide.md" in (INSTALLER / "test-deb.sh").read_text(encoding="utf-8")

    frozen = tmp_path / "_internal"
    (frozen / "resources" / "data").mkdir(parents=True)
    (frozen / "resources" / "help").mkdir()
    guide = frozen / "resources" / "help" / help_dialogs.GUIDE_NAME
    guide.write_text("# 使用指南\n", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(frozen), raising=False)
    paths.resources_dir.cache_clear()
    try:
        assert help_dialogs.user_guide_path() == guide
    finally:
        paths.resources_dir.cache_clear()


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icons_exist_in_every_size_the_package_installs() -> None:
    script = (INSTALLER / "build-deb.sh").read_text(encoding="utf-8")
    loop = re.search(r"for size in ([\d ]+); do", script)
    assert loop is not None
    sizes = tuple(int(s) for s in loop.group(1).split())
    assert sizes == HICOLOR_SIZES
    for size in sizes:
        assert _png_size(REPO / "resources" / "icons" / f"govdesk-{size}.png") == (size, size)
    svg = (REPO / "resources" / "icons" / "govdesk.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "<text" not in svg  # outlines, not a glyph of a font the desktop lacks
    ico = (REPO / "resources" / "icons" / "govdesk.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and struct.unpack("<H", ico[4:6])[0] >= 5


def test_the_desktop_entry_is_chinese_and_in_office() -> None:
    lines = (INSTALLER / "linux" / "govdesk.desktop").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    entry = dict(line.split("=", 1) for line in lines[1:] if "=" in line)
    assert re.search(r"[\u4e00-\u9fff]", entry["Name[zh_CN]"])
    assert entry["Categories"] == "Office;"
    assert entry["Exec"].split()[0] == "govdesk" and entry["Icon"] == "govdesk" and entry["Type"] == "Application"
    assert entry["Terminal"] == "false"
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(INSTALLER / "linux" / "govdesk.desktop")], check=True)


def test_the_deb_scripts_are_executable_shell() -> None:
    for name in ("build-deb.sh", "test-deb.sh"):
        script = INSTALLER / name
        assert script.stat().st_mode & 0o111, f"{name} is not executable"
        if shutil.which("bash"):
            subprocess.run(["bash", "-n", str(script)], check=True)
    build = (INSTALLER / "build-deb.sh").read_text(encoding="utf-8")
    for path in (
        "installer/linux/govdesk.desktop",
        "installer/linux/copyright",
        "installer/govdesk.spec",
        "CHANGELOG.md",
    ):
        assert (REPO / path).is_file()
        assert path.split("/")[-1] in build
    assert "Categories" not in build  # the desktop entry is the file above, not a second copy
    assert "-Zxz" in build  # dpkg on UOS 20 / Kylin V10 cannot read zstd


def _iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]") and not stripped.startswith("[{"):
            current = stripped[1:-1]
            sections.setdefault(current, [])
        elif stripped and not stripped.startswith(";") and not stripped.startswith("#") and current:
            sections[current].append(stripped)
    return sections


def test_the_windows_installer_upgrades_in_place_and_keeps_user_data() -> None:
    raw = (INSTALLER / "govdesk.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads a file without BOM as ANSI: the Chinese would break"
    sections = _iss_sections(raw.decode("utf-8-sig"))
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert setup["AppId"] == APP_ID
    assert setup["MinVersion"] == "10.0.17763"
    assert setup["DefaultDirName"] == "{autopf}\\govdesk"
    assert setup["AppVersion"] == "{#AppVersion}"  # read from govdesk.exe, i.e. from pyproject via the spec
    assert (INSTALLER / setup["SetupIconFile"].replace("\\", "/")).resolve() == REPO / "resources/icons/govdesk.ico"
    for line in sections["UninstallDelete"]:  # only empty folders inside the program's own folder
        assert line.startswith('Type: dirifempty; Name: "{app}\\'), line
    for line in sections["InstallDelete"]:
        assert 'Name: "{app}\\' in line and "localappdata" not in line.lower() and "userappdata" not in line.lower()
    icons = "\n".join(sections["Icons"])
    assert "{group}" in icons and "{autodesktop}" in icons
    assert re.search(r"[\u4e00-\u9fff]", raw.decode("utf-8-sig").split("#define AppName", 1)[1].splitlines()[0])
    assert "ChineseSimplified.isl" in raw.decode("utf-8-sig")


def test_the_bundled_chinese_fallback_messages() -> None:
    raw = (INSTALLER / "windows" / "ChineseSimplified-fallback.isl").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    sections = _iss_sections(raw.decode("utf-8-sig"))
    options = dict(line.split("=", 1) for line in sections["LangOptions"])
    assert options["LanguageID"] == "$0804"
    messages = dict(line.split("=", 1) for line in sections["Messages"])
    for name in ("ButtonNext", "ButtonInstall", "WelcomeLabel1", "ConfirmUninstall", "UninstalledAll"):
        assert re.search(r"[\u4e00-\u9fff]", messages[name]), name
    custom = dict(line.split("=", 1) for line in sections["CustomMessages"])
    assert {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"} <= custom.keys()


def test_build_outputs_are_ignored() -> None:
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8").split()
    assert {"/build/", "/dist/", "/.venv-oldest/"} <= set(ignored)


def test_xwd_screenshots_convert_to_png(tmp_path: Path) -> None:
    """test-deb.sh's screenshot converter, on a 2x2 XWD as Xvfb writes it (32 bpp BGRX, LSB first)."""
    spec = importlib.util.spec_from_file_location("xwd2png", INSTALLER / "xwd2png.py")
    assert spec is not None and spec.loader is not None
    xwd2png = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(xwd2png)
    width, height, name = 2, 2, b"Xvfb\x00"
    header = struct.pack(
        ">25I", 100 + len(name), 7, 2, 24, width, height, 0, 0, 32, 0, 32, 32, width * 4, 4,
        0xFF0000, 0xFF00, 0xFF, 8, 256, 0, width, height, 0, 0, 0,
    )  # fmt: skip
    pixels = bytes([0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0])  # red, green / blue, white
    (tmp_path / "screen").write_bytes(header + name + pixels)
    assert xwd2png.main(["xwd2png", str(tmp_path / "screen"), str(tmp_path / "shot.png")]) == 0
    png = (tmp_path / "shot.png").read_bytes()
    assert _png_size(tmp_path / "shot.png") == (2, 2)
    idat = png.index(b"IDAT")
    raw = zlib.decompress(png[idat + 4 : idat + 4 + struct.unpack(">I", png[idat - 4 : idat])[0]])
    assert raw == b"\x00" + bytes([255, 0, 0, 0, 255, 0]) + b"\x00" + bytes([0, 0, 255, 255, 255, 255])
