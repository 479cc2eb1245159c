"""The CLI contract county scripts rely on, run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CENTER_CODE, dispute

ADMIN_PW, MEDIATOR_PW = "Admin#2026", "Tiao#2026b"
MEDIATOR = {"GOVDESK_USER": "tiaojie", "GOVDESK_PASSWORD": MEDIATOR_PW}


def run(data_dir: Path, *args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GOVDESK_DATA_DIR": str(data_dir), **MEDIATOR, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "govdesk", *args], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def cli_dir(tmp_path: Path) -> Path:
    data_dir = tmp_path / "cli"
    admin = {"GOVDESK_USER": "admin", "GOVDESK_PASSWORD": ADMIN_PW, "GOVDESK_NEW_PASSWORD": "Tiao#2026a"}
    steps = [
        (("init", "--center-name", "测试镇综治中心", "--center-code", CENTER_CODE), admin),
        (("account", "add", "tiaojie", "--name", "张调解", "--role", "mediator"), admin),
        (("account", "passwd",), {"GOVDESK_PASSWORD": "Tiao#2026a", "GOVDESK_NEW_PASSWORD": MEDIATOR_PW}),
    ]
    for args, env in steps:
        result = run(data_dir, *args, env=env)
        assert result.returncode == 0, result.stderr
    return data_dir


def test_version() -> None:
    result = subprocess.run([sys.executable, "-m", "govdesk", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("govdesk ")


def test_case_add_prints_the_number_last_and_list_show_find_it(cli_dir: Path) -> None:
    added = run(cli_dir, "case", "add", "--json", "-", stdin=json.dumps(dispute(), ensure_ascii=False))
    assert added.returncode == 0, added.stderr
    number = added.stdout.strip().splitlines()[-1]
    assert number == f"{CENTER_CODE}-{__import__('datetime').date.today().year}-01-00001"

    listed = run(cli_dir, "case", "list", "--search", "王某", "--json")
    cases = json.loads(listed.stdout)
    assert [c["number"] for c in cases] == [number]
    assert {"number", "title", "kind", "category", "status", "risk", "created_at"} <= set(cases[0])
    assert cases[0]["kind"] == "dispute" and cases[0]["status"] == "registered"

    shown = json.loads(run(cli_dir, "case", "show", number, "--json").stdout)
    assert [p["name"] for p in shown["parties"]] == ["王某", "李某"]
    assert shown["parties"][0]["id_number"] == "3304**********0013"


def test_case_add_from_a_file(cli_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(dispute(), ensure_ascii=False), encoding="utf-8")
    assert run(cli_dir, "case", "add", "--json", str(path)).returncode == 0


def test_list_json_returns_every_case_without_paging(cli_dir: Path) -> None:
    for i in range(3):
        run(cli_dir, "case", "add", "--json", "-", stdin=json.dumps(dispute(title=f"纠纷{i}"), ensure_ascii=False))
    assert len(json.loads(run(cli_dir, "case", "list", "--json").stdout)) == 3
    assert len(json.loads(run(cli_dir, "case", "list", "--json", "--limit", "2").stdout)) == 2
    assert json.loads(run(cli_dir, "case", "list", "--json", "--kind", "complaint").stdout) == []


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ("{not json", "JSON 格式有误"),
        (json.dumps(dispute(parties=[{"role": "applicant", "name": "王某", "id_number": "330483199003150014"}])), "校验位"),
        (json.dumps(dispute(category="打架")), "纠纷类别"),
        (json.dumps({"kind": "dispute"}), "事项标题"),
        ("[1, 2]", "JSON 对象"),
    ],
)
def test_bad_input_is_one_clear_line_nonzero_and_writes_nothing(cli_dir: Path, payload: str, message: str) -> None:
    result = run(cli_dir, "case", "add", "--json", "-", stdin=payload)
    assert result.returncode != 0
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert json.loads(run(cli_dir, "case", "list", "--json").stdout) == []


def test_missing_file_and_unknown_case_are_clear(cli_dir: Path) -> None:
    missing = run(cli_dir, "case", "add", "--json", "/nonexistent.json")
    assert missing.returncode != 0 and "找不到文件" in missing.stderr
    unknown = run(cli_dir, "case", "show", "nope")
    assert unknown.returncode != 0 and "没有编号" in unknown.stderr


def test_info_json_and_check(cli_dir: Path) -> None:
    info = json.loads(run(cli_dir, "info", "--json").stdout)
    assert info["center_code"] == CENTER_CODE
    assert info["schema_version"] and info["store_path"].endswith("govdesk.db")
    assert info["counts"]["cases"] == 0
    check = run(cli_dir, "check")
    assert check.returncode == 0, check.stderr


def test_commands_on_a_directory_without_a_store_say_what_to_do(tmp_path: Path) -> None:
    result = run(tmp_path / "empty", "info")
    assert result.returncode != 0 and "govdesk init" in result.stderr


def test_init_twice_is_refused(cli_dir: Path) -> None:
    again = run(cli_dir, "init", "--center-name", "别的镇", "--center-code", "330483102", env={"GOVDESK_PASSWORD": "Other#2026"})
    assert again.returncode != 0 and "已经有 govdesk 数据" in again.stderr


def test_the_cli_authenticates_like_the_gui(cli_dir: Path) -> None:
    no_user = run(cli_dir, "case", "list", env={"GOVDESK_USER": ""})
    assert no_user.returncode != 0 and "--user" in no_user.stderr
    wrong = run(cli_dir, "case", "list", env={"GOVDESK_PASSWORD": "wrong"})
    assert wrong.returncode != 0 and "用户名或密码不对" in wrong.stderr
    no_password = subprocess.run([sys.executable, "-m", "govdesk", "case", "list"], capture_output=True, text=True,
                                 stdin=subprocess.DEVNULL,
                                 env={**os.environ, "GOVDESK_DATA_DIR": str(cli_dir), "GOVDESK_USER": "tiaojie"})  # fmt: skip
    assert no_password.returncode != 0 and "GOVDESK_PASSWORD" in no_password.stderr
    fresh = run(cli_dir, "account", "add", "li", "--name", "李", "--role", "clerk",
                env={"GOVDESK_USER": "admin", "GOVDESK_PASSWORD": ADMIN_PW, "GOVDESK_NEW_PASSWORD": "Li#2026ab"})  # fmt: skip
    assert fresh.returncode == 0, fresh.stderr
    must_change = run(cli_dir, "case", "list", env={"GOVDESK_USER": "li", "GOVDESK_PASSWORD": "Li#2026ab"})
    assert must_change.returncode != 0 and "修改密码" in must_change.stderr


def test_a_grid_officer_cannot_register_a_dispute_from_the_cli(cli_dir: Path) -> None:
    admin = {"GOVDESK_USER": "admin", "GOVDESK_PASSWORD": ADMIN_PW, "GOVDESK_NEW_PASSWORD": "Wang#2026a"}
    run(cli_dir, "account", "add", "wangge", "--name", "王网格", "--role", "grid_officer", env=admin)
    run(cli_dir, "account", "passwd", env={"GOVDESK_USER": "wangge", "GOVDESK_PASSWORD": "Wang#2026a",
                                           "GOVDESK_NEW_PASSWORD": "Wang#2026b"})  # fmt: skip
    officer = {"GOVDESK_USER": "wangge", "GOVDESK_PASSWORD": "Wang#2026b"}
    refused = run(cli_dir, "case", "add", "--json", "-", stdin=json.dumps(dispute(), ensure_ascii=False), env=officer)
    assert refused.returncode != 0 and "网格员没有" in refused.stderr
    event = {"title": "垃圾乱堆", "kind": "grid_event", "channel": "grid_officer"}
    assert run(cli_dir, "case", "add", "--json", "-", stdin=json.dumps(event, ensure_ascii=False), env=officer).returncode == 0


def test_check_reports_a_damaged_store(cli_dir: Path) -> None:
    db = cli_dir / "govdesk.db"
    data = bytearray(db.read_bytes())
    # Damage the middle of the file (past the header) the way a bad disk sector would.
    for i in range(4096 + 100, min(len(data), 4096 * 3)):
        data[i] = 0xFF
    db.write_bytes(bytes(data))
    result = run(cli_dir, "check")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr


def test_the_data_directory_and_its_backups_reveal_no_personal_data(cli_dir: Path) -> None:
    import sqlite3

    added = run(cli_dir, "case", "add", "--json", "-", stdin=json.dumps(dispute(), ensure_ascii=False))
    assert added.returncode == 0, added.stderr
    backup = run(cli_dir, "backup", "create", env={"GOVDESK_USER": "admin", "GOVDESK_PASSWORD": ADMIN_PW})
    assert backup.returncode == 0, backup.stderr
    secrets = ["330483199003150013", "13800138000", "王某", "宅基地"]
    for path in cli_dir.rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            for secret in secrets:
                assert secret.encode("utf-8") not in blob, f"{secret} readable in {path.name}"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(cli_dir / "govdesk.db").execute("SELECT * FROM cases").fetchall()


def test_the_administrator_cannot_read_cases(cli_dir: Path) -> None:
    """The administrator keeps the program running (accounts, backups, settings, sync); the cases are not theirs."""
    added = run(cli_dir, "case", "add", "--json", "-", stdin=json.dumps(dispute(), ensure_ascii=False))
    number = added.stdout.strip().splitlines()[-1]
    admin = {"GOVDESK_USER": "admin", "GOVDESK_PASSWORD": ADMIN_PW}
    for args in (("case", "list", "--json"), ("case", "show", number), ("case", "timeline", number)):
        refused = run(cli_dir, *args, env=admin)
        assert refused.returncode != 0 and "系统管理员没有“查看事项”的权限" in refused.stderr, args
        assert "王某" not in refused.stdout
