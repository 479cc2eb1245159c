"""``govdesk-county``: run the county server and look after its devices.

    govdesk-county serve [--host H] [--port P]
    govdesk-county device add --center-code CODE --name NAME     (last line: the one-time enrolment code)
    govdesk-county device list | device revoke DEVICE_ID
    govdesk-county stats [--json]
    govdesk-county instruct --center-code CODE --title T [--body B] [--due YYYY-MM-DD]
    govdesk-county import-bundle FILE [--reply REPLY]

Every command takes --database-url (else GOVDESK_COUNTY_DATABASE_URL, else an SQLite file in the user's data
directory)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from govdesk.server import apply, bundles, devices, overview
from govdesk.server.db import Sequence as Seq
from govdesk.server.db import make_engine, migrate, read, resolve_url, write
from govdesk.server.devices import DeviceError


def _engine(args: argparse.Namespace) -> Engine:
    engine = make_engine(resolve_url(args.database_url))
    migrate(engine)
    return engine


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from govdesk.server.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    engine = _engine(args)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not args.ssl_certfile:
        print("提示：在非本机地址上用明文 HTTP 提供服务。生产环境请加 --ssl-certfile/--ssl-keyfile（见 docs/sync-protocol.md）。",
              file=sys.stderr)  # fmt: skip
    uvicorn.run(create_app(engine), host=args.host, port=args.port, log_level="info", timeout_keep_alive=30,
                ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile)  # fmt: skip
    return 0


def cmd_device_add(args: argparse.Namespace) -> int:
    code = args.center_code.strip()
    if not (code.isdigit() and len(code) in (9, 12)):
        print(f"中心代码“{code}”不对：应为9位或12位数字（统计用区划代码）。", file=sys.stderr)
        return 2
    with write(_engine(args)) as conn:
        device_id, enrol_code = devices.add_device(conn, code, args.name.strip() or "未命名设备")
    print(f"已为中心 {code} 添加设备“{args.name}”（设备号 {device_id}）。注册码7天内有效，只能使用一次：")
    print(enrol_code)
    return 0


def cmd_device_list(args: argparse.Namespace) -> int:
    with read(_engine(args)) as conn:
        items = devices.list_devices(conn)
    if args.json:
        print(json.dumps([{"id": d.id, "center_code": d.center_code, "name": d.name, "station_no": d.station_no,
                           "state": d.state, "last_sync": d.last_sync.isoformat() + "Z" if d.last_sync else None}
                          for d in items], ensure_ascii=False, indent=2))  # fmt: skip
        return 0
    labels = {"waiting": "待注册", "enrolled": "已注册", "revoked": "已停用"}
    for d in items:
        last = d.last_sync.strftime("%Y-%m-%d %H:%M") if d.last_sync else "从未同步"
        print(f"{d.id}  {d.center_code}  {d.name}  工作站{d.station_no or '-'}  {labels[d.state]}  {last}")
    return 0


def cmd_device_revoke(args: argparse.Namespace) -> int:
    with write(_engine(args)) as conn:
        done = devices.revoke(conn, args.device_id)
    if not done:
        print(f"没有找到可停用的设备 {args.device_id}（可能已停用）。用 device list 查看。", file=sys.stderr)
        return 1
    print(f"已停用设备 {args.device_id}。它未同步的数据仍保留在那台电脑上。")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with read(_engine(args)) as conn:
        items = overview.stats(conn)
    if args.json:
        print(json.dumps([s.as_json() for s in items], ensure_ascii=False, indent=2))
        return 0
    for s in items:
        last = s.last_sync.strftime("%Y-%m-%d %H:%M UTC") if s.last_sync else "从未同步"
        print(f"{s.center_code}  事项 {s.cases}  设备 {s.devices}  最后同步 {last}")
    return 0


def cmd_instruct(args: argparse.Namespace) -> int:
    now = apply.utcnow().isoformat(timespec="microseconds")
    if args.due:
        try:
            dt.date.fromisoformat(args.due)
        except ValueError:
            print(f"期限“{args.due}”不是日期，应写成 2026-12-31。", file=sys.stderr)
            return 2
    row_id = str(uuid.uuid4())
    with write(_engine(args)) as conn:
        seq = Seq(conn)
        apply.county_write(conn, seq, "county_instructions", row_id, {
            "created_at": now, "updated_at": now, "deleted_at": None, "center_code": args.center_code,
            "title": args.title, "body": args.body, "issued_at": now, "issued_by": args.issued_by, "due_on": args.due,
            "acknowledged_at": None, "acknowledged_by": "",
        }, audience=args.center_code)  # fmt: skip
        seq.save()
    print(f"已向中心 {args.center_code} 下发指令“{args.title}”，对方下次同步时收到。")
    return 0


def cmd_import_bundle(args: argparse.Namespace) -> int:
    path = Path(args.file)
    reply = Path(args.reply) if args.reply else path.with_name(path.stem + "-回执.gdsync")
    answer = bundles.import_request(_engine(args), path, reply)
    applied = sum(1 for a in answer.acks if a.status == "applied")
    print(f"已导入同步包：新应用 {applied} 条，重复 {sum(1 for a in answer.acks if a.status == 'duplicate')} 条，"
          f"拒收 {sum(1 for a in answer.acks if a.status == 'refused')} 条；回执包（带回乡镇导入）：{reply}")  # fmt: skip
    return 0


def build_parser() -> argparse.ArgumentParser:
    help_url = "数据库地址（默认取 GOVDESK_COUNTY_DATABASE_URL，否则用本机 SQLite 文件）"
    parser = argparse.ArgumentParser(prog="govdesk-county", description="govdesk 县级同步服务器")
    parser.add_argument("--database-url", help=help_url)
    common = argparse.ArgumentParser(add_help=False)  # also accepted after the command
    common.add_argument("--database-url", default=argparse.SUPPRESS, help=help_url)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("serve", parents=[common], help="启动服务")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--ssl-certfile")
    p.add_argument("--ssl-keyfile")
    p.set_defaults(func=cmd_serve)
    dev = sub.add_parser("device", parents=[common], help="设备管理").add_subparsers(dest="device_command", required=True)
    p = dev.add_parser("add", parents=[common], help="添加设备并生成一次性注册码")
    p.add_argument("--center-code", required=True)
    p.add_argument("--name", required=True)
    p.set_defaults(func=cmd_device_add)
    p = dev.add_parser("list", parents=[common], help="列出设备")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_device_list)
    p = dev.add_parser("revoke", parents=[common], help="停用设备")
    p.add_argument("device_id")
    p.set_defaults(func=cmd_device_revoke)
    p = sub.add_parser("stats", parents=[common], help="各乡镇事项数与最后同步时间")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)
    p = sub.add_parser("instruct", parents=[common], help="向一个中心下发指令")
    p.add_argument("--center-code", required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--body", default="")
    p.add_argument("--due")
    p.add_argument("--issued-by", default="县综治中心")
    p.set_defaults(func=cmd_instruct)
    p = sub.add_parser("import-bundle", parents=[common], help="导入乡镇带来的同步包，生成回执包")
    p.add_argument("file")
    p.add_argument("--reply")
    p.set_defaults(func=cmd_import_bundle)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except DeviceError as err:
        print(err.message, file=sys.stderr)
        return 1
    except OperationalError as err:
        print(f"无法使用数据库（{str(err.orig).strip().splitlines()[0] if err.orig else err}）。"
              "请检查 --database-url 或 GOVDESK_COUNTY_DATABASE_URL 是否正确、数据库是否已启动。", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
