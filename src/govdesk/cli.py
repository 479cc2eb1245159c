"""The ``govdesk`` command: a stable contract for county IT scripts. No logic here; it calls services."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from govdesk import __version__
from govdesk.domain.codes import Kind, Risk, Status
from govdesk.domain.errors import GovdeskError, ValidationError
from govdesk.paths import default_data_dir

EXIT_USER_ERROR = 2


def run_map(args: argparse.Namespace) -> int:
    from govdesk.cli_map import run_map as run

    return run(args)


class CliError(GovdeskError):
    """A problem with the command line itself (bad file, bad JSON)."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="govdesk", description="govdesk 乡镇综治中心与人民调解工作台")
    p.add_argument("--version", action="version", version=f"govdesk {__version__}")
    p.add_argument("--data-dir", type=Path, help="数据目录（默认取 GOVDESK_DATA_DIR，或系统用户数据目录）")
    p.add_argument("--user", help="登录用户名（默认取 GOVDESK_USER）；密码从提示输入或取 GOVDESK_PASSWORD")
    sub = p.add_subparsers(dest="command")

    sub.add_parser("gui", help="启动桌面程序（不带命令时也是启动桌面程序）")

    init = sub.add_parser("init", help="为一个中心新建本地数据库")
    init.add_argument("--center-name", required=True, help="中心名称，例如 某某镇综治中心")
    init.add_argument("--center-code", required=True, help="乡镇（街道）行政区划代码，9位或12位")
    init.add_argument("--committee-name", default="", help="人民调解委员会名称（默认由中心名称推出）")
    init.add_argument("--station", type=int, default=1, help="本机工作站编号 1–99（同一中心多台电脑时各不相同）")
    init.add_argument("--admin-user", default="admin", help="系统管理员用户名（密码从提示输入或取 GOVDESK_PASSWORD）")
    init.add_argument("--admin-name", default="系统管理员", help="系统管理员姓名")

    demo = sub.add_parser("demo", help="载入演示乡镇（虚构数据）")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--cases", type=int, default=5000)
    demo.add_argument("--residents", type=int, default=30000)

    info = sub.add_parser("info", help="显示中心、数据库位置、版本和数量")
    info.add_argument("--json", action="store_true")

    sub.add_parser("check", help="检查本地数据库是否完好（含审计记录链）")

    audit = sub.add_parser("audit", help="审计记录").add_subparsers(dest="audit_command", required=True)
    audit.add_parser("verify", help="校验审计记录的哈希链，报告被改动、删除、插入或调换的位置")

    backup = sub.add_parser("backup", help="备份与恢复").add_subparsers(dest="backup_command", required=True)
    backup.add_parser("create", help="立即备份（经校验）")
    backup.add_parser("list", help="列出备份及其校验结果和内容")
    b_verify = backup.add_parser("verify", help="校验一个备份")
    b_verify.add_argument("name")
    b_restore = backup.add_parser("restore", help="从备份恢复（先自动备份当前数据）")
    b_restore.add_argument("name")

    report = sub.add_parser("report", help="人民调解统计报表（月度/季度/年度）")
    report.add_argument("--period", required=True, help="2026-10（月）、2026Q3（季度）或 2026（年）")
    report.add_argument("--format", choices=["pdf", "xlsx"], required=True)
    report.add_argument("-o", "--output", type=Path, required=True)

    export = sub.add_parser("export", help="导出").add_subparsers(dest="export_what", required=True)
    exp_cases = export.add_parser("cases", help="导出事项列表（与列表所显示的列相同）")
    exp_cases.add_argument("--format", choices=["xlsx", "csv"], required=True)
    exp_cases.add_argument("-o", "--output", type=Path, required=True)
    exp_cases.add_argument("--search", default="")
    exp_cases.add_argument("--status", choices=[s.value for s in Status])
    exp_cases.add_argument("--kind", choices=[k.value for k in Kind])
    exp_cases.add_argument("--category")
    exp_cases.add_argument("--risk", choices=[r.value for r in Risk])
    exp_cases.add_argument("--approver", help="超过1000件时第二审批人的用户名（密码取 GOVDESK_APPROVER_PASSWORD 或提示输入）")

    imp = sub.add_parser("import", help="导入基础数据").add_subparsers(dest="import_what", required=True)
    imp_res = imp.add_parser("residents", help="从 Excel/CSV 导入居民（模板见 resources/templates）")
    imp_res.add_argument("file", type=Path)
    imp_res.add_argument("--dry-run", action="store_true", help="只检查并报告，不导入")
    imp_res.add_argument("--valid-only", action="store_true", help="只导入合格的行（默认：有不合格行则全部不导入）")

    from govdesk.cli_map import add_map_parsers

    add_map_parsers(sub)

    account = sub.add_parser("account", help="账号管理").add_subparsers(dest="account_command", required=True)
    acc_add = account.add_parser("add", help="添加账号（系统管理员）；初始密码取 GOVDESK_NEW_PASSWORD 或提示输入")
    acc_add.add_argument("username")
    acc_add.add_argument("--name", required=True, help="姓名")
    acc_add.add_argument("--role", required=True, help="director mediator clerk grid_officer auditor admin")
    account.add_parser("list", help="列出账号（系统管理员）")
    account.add_parser("passwd", help="修改本人密码；新密码取 GOVDESK_NEW_PASSWORD 或提示输入")
    acc_unlock = account.add_parser("unlock", help="解锁被锁定的账号（系统管理员）")
    acc_unlock.add_argument("username")

    case = sub.add_parser("case", help="事项登记与查询").add_subparsers(dest="case_command", required=True)
    add = case.add_parser("add", help="登记一个事项（JSON），最后一行输出编号")
    add.add_argument("--json", dest="json_file", required=True, help="JSON 文件路径，或 - 表示标准输入")
    lst = case.add_parser("list", help="列出事项")
    lst.add_argument("--search", default="")
    lst.add_argument("--status", choices=[s.value for s in Status])
    lst.add_argument("--kind", choices=[k.value for k in Kind])
    lst.add_argument("--category")
    lst.add_argument("--risk", choices=[r.value for r in Risk])
    due = lst.add_mutually_exclusive_group()
    due.add_argument("--overdue", action="store_true", help="已超过办理期限的未办结事项")
    due.add_argument("--due-soon", action="store_true", help="3天内到期的事项，以及司法确认申请期即将届满的协议")
    lst.add_argument("--limit", type=int)
    lst.add_argument("--json", action="store_true")
    show = case.add_parser("show", help="显示一个事项（含当事人）")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    act = case.add_parser("act", help="对事项进行一项流程操作（受理、调解、协议、交办、结案……）")
    act.add_argument("number")
    act.add_argument("action", help="操作名，见 README：accept refuse assign investigate mediate agree …")
    act.add_argument("--json", dest="json_file", help="操作内容 JSON 文件，或 - 表示标准输入")
    timeline = case.add_parser("timeline", help="事项的全部经过（按时间顺序）")
    timeline.add_argument("number")
    timeline.add_argument("--json", action="store_true")

    doc = sub.add_parser("doc", help="打印人民调解文书（PDF），或核验一份文书：doc NUMBER --kind KIND -o FILE.pdf；doc verify FILE.pdf|核验码")
    doc.add_argument("target", nargs="+", help="事项编号；或 verify 加 PDF 文件或核验码")
    doc.add_argument("--kind", help="文书种类，见 README：application acceptance rights-notice investigation session agreement …")
    doc.add_argument("-o", "--output", type=Path, help="输出的 PDF 文件")
    sync = sub.add_parser("sync", help="与县级服务器同步（不带子命令：同步一轮并报告传输了什么）")
    sync.add_argument("--server", help="县级服务器地址（默认用注册时的地址）")
    sync_sub = sync.add_subparsers(dest="sync_command")
    enroll = sync_sub.add_parser("enroll", help="用县里给的一次性注册码注册本机")
    enroll.add_argument("--server", required=True, dest="enroll_server", help="县级服务器地址，如 https://xian.example:8765")
    enroll.add_argument("--code", required=True, help="注册码（govdesk-county device add 输出的最后一行）")
    sync_sub.add_parser("status", help="同步状态：待上传、冲突、最后同步时间")
    s_exp = sync_sub.add_parser("export-bundle", help="没有网络时：把待上传的数据写入同步包文件（U盘带到县里）")
    s_exp.add_argument("file", type=Path)
    s_imp = sync_sub.add_parser("import-bundle", help="导入县里生成的回执包")
    s_imp.add_argument("file", type=Path)
    return p


def _read_json(source: str) -> Any:
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except FileNotFoundError:
        raise CliError(f"找不到文件 {source}。") from None
    except OSError as err:
        raise CliError(f"无法读取 {source}：{err.strerror}。") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CliError("JSON 文件应为 UTF-8 编码，请另存为 UTF-8 后再试。") from None
    except json.JSONDecodeError as err:
        raise CliError(f"JSON 格式有误：第{err.lineno}行第{err.colno}列附近（{err.msg}）。") from None


def _open(args: argparse.Namespace, *, writer: bool, create: bool = False) -> Any:
    """Open the store: a new one is created encrypted; an existing one is opened by signing in (the data key
    of an encrypted store is unlocked with the user's password), and ``_login`` then returns that user."""
    from govdesk.services.session import create_encrypted_store, sign_in
    from govdesk.store.store import Store

    data_dir = args.data_dir or default_data_dir()
    if create:
        if Store.exists(data_dir):
            raise CliError(f"{data_dir} 已经有 govdesk 数据。如要新建，请用 --data-dir 指定一个新的空目录。")
        return create_encrypted_store(data_dir)
    if not Store.exists(data_dir):
        return Store.open(data_dir, writer=writer)  # raises the plain "no data here, run govdesk init" error
    username = args.user or os.environ.get("GOVDESK_USER")
    if not username:
        raise CliError("请用 --user 指定用户名（或设置环境变量 GOVDESK_USER）。")
    store, args.signed_in = sign_in(data_dir, username, _secret("GOVDESK_PASSWORD", f"{username} 的密码："), writer=writer)
    return store


def _secret(env: str, prompt: str, *, confirm: bool = False) -> str:
    """A password from the environment (for scripts) or a prompt — never from the command line."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CliError(f"需要密码：请在终端中运行，或为脚本设置环境变量 {env}。")
    import getpass

    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("再输入一次：") != value:
        raise CliError("两次输入的密码不一致。")
    return value


def _login(args: argparse.Namespace, store: Any) -> Any:
    """The user who signed in when the store was opened."""
    from govdesk.services.accounts import must_change_password

    actor = args.signed_in
    if getattr(args, "account_command", None) != "passwd" and must_change_password(store, actor):
        raise CliError("首次登录请先修改密码：govdesk account passwd")
    return actor


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def cmd_init(args: argparse.Namespace) -> int:
    from govdesk.security.passwords import check_new_password
    from govdesk.services.accounts import create_first_admin
    from govdesk.services.setup import init_center

    check_new_password(pw := _secret("GOVDESK_PASSWORD", "为系统管理员设置密码：", confirm=True), args.admin_user)
    store = _open(args, writer=True, create=True)
    try:
        admin = create_first_admin(store, args.admin_user, args.admin_name, pw)
        center = init_center(store, admin, args.center_name, args.center_code, args.committee_name, args.station)
    finally:
        store.close()
    print(f"已为“{center.name}”（{center.code}）建好本地数据库：{store.path}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from govdesk.services.actor import Actor
    from govdesk.services.demo_loader import load_demo

    if args.cases < 0 or args.residents < 10:
        raise ValidationError("--cases 不能为负数，--residents 至少为10。")
    store = _open(args, writer=True, create=True)
    try:
        summary = load_demo(store, Actor("演示数据", "admin", "demo-loader"), seed=args.seed, n_cases=args.cases,
                            n_residents=args.residents, base_map=True)  # fmt: skip
    finally:
        store.close()
    print(summary)
    print("演示账号（密码均为 demo）：admin 系统管理员、zhuren 中心主任、tiaojie 调解员、dengji 工作人员、"
          "wangge 网格员、shenji 审计员。")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from govdesk.services.case_queries import store_info

    store = _open(args, writer=False)
    try:
        _login(args, store)
        info = store_info(store)
    finally:
        store.close()
    data = {
        "center_name": info.center.name if info.center else None,
        "center_code": info.center.code if info.center else None,
        "committee_name": info.center.committee_name if info.center else None,
        "station": info.center.station_no if info.center else None,
        "store_path": info.store_path,
        "schema_version": info.schema_version,
        "counts": info.counts,
        "version": __version__,
    }
    if args.json:
        _print_json(data)
    else:
        print(f"中心：{data['center_name'] or '（未设置）'}  代码：{data['center_code'] or '-'}")
        print(f"数据库：{info.store_path}")
        print(f"数据库版本：{info.schema_version}  程序版本：{__version__}")
        print("数量：" + "，".join(f"{k} {v}" for k, v in info.counts.items()))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    store = _open(args, writer=False)
    try:
        problems = store.integrity_problems()
    finally:
        store.close()
    if problems:
        for line in problems:
            print(f"问题：{line}", file=sys.stderr)
        print("数据库检查未通过。请不要继续录入，先联系技术支持或从备份恢复。", file=sys.stderr)
        return 1
    print("数据库检查通过：结构完好，引用一致，全文索引完好。")
    return 0


def _case_json(row: Any) -> dict[str, Any]:
    return {
        "number": row.number,
        "title": row.title,
        "kind": row.kind.value,
        "category": row.category,
        "channel": row.channel.value,
        "status": row.status.value,
        "risk": row.risk.value,
        "parties": row.party_names,
        "village": row.village,
        "occurred_at": row.occurred_at.isoformat() if row.occurred_at else None,
        "created_at": row.created_at.isoformat(timespec="seconds") + "Z",
    }


def cmd_case(args: argparse.Namespace) -> int:
    from govdesk.services import case_queries

    if args.case_command == "add":
        from govdesk.services.registration import parse_registration, register_case

        draft = parse_registration(_read_json(args.json_file))
        store = _open(args, writer=True)
        try:
            result = register_case(store, _login(args, store), draft)
        finally:
            store.close()
        for hint in result.duplicates:
            print(f"提示：可能与未办结事项 {hint.number}“{hint.title}”重复（{hint.reason}）。", file=sys.stderr)
        print(result.number)
        return 0

    if args.case_command == "act":
        from govdesk.services.lifecycle import parse_action, perform

        action = parse_action(args.action)
        payload = _read_json(args.json_file) if args.json_file else {}
        store = _open(args, writer=True)
        try:
            done = perform(store, _login(args, store), args.number, action, payload)
        finally:
            store.close()
        print(f"{done.number}：{done.summary}（{done.from_status.label} → {done.to_status.label}）")
        return 0

    from govdesk.store.cases_repo import CaseFilter

    store = _open(args, writer=False)
    try:
        actor = _login(args, store)
        from govdesk.security.policy import Perm, Role, require

        # The system administrator keeps the program running; the cases are not theirs to read.
        require(Role(actor.role), Perm.CASE_LIST if args.case_command == "list" else Perm.CASE_RECORDS,
                what="查看事项")  # fmt: skip
        if args.case_command == "list":
            if args.limit is not None and args.limit < 0:
                raise ValidationError("--limit 不能为负数。")
            flt = CaseFilter(
                search=args.search,
                statuses=(args.status,) if args.status else (),
                kinds=(args.kind,) if args.kind else (),
                categories=(args.category,) if args.category else (),
                risks=(args.risk,) if args.risk else (),
                **(case_queries.due_filter("overdue") if args.overdue else {}),  # type: ignore[arg-type]
                **(case_queries.due_filter("due_soon") if args.due_soon else {}),  # type: ignore[arg-type]
            )
            rows = case_queries.list_cases(store, flt, limit=args.limit)
            if args.json:
                _print_json([_case_json(r) for r in rows])
            else:
                for r in rows:
                    print(f"{r.number}\t{r.status.label}\t{r.risk.label}\t{r.kind.label}\t{r.category or ''}\t{r.title}")
                print(f"共 {len(rows)} 件", file=sys.stderr)
            return 0
        if args.case_command == "timeline":
            return _print_timeline(case_queries.case_lifecycle_by_number(store, args.number), args.json)
        detail = case_queries.show_case(store, args.number)
    finally:
        store.close()
    data = _case_json(detail.row) | {
        "facts": detail.facts, "claims": detail.claims, "address": detail.address,
        "latitude": detail.latitude, "longitude": detail.longitude, "grid": detail.grid,
        "people_involved": detail.people_involved,
        "amount": f"{detail.amount_cents / 100:.2f}" if detail.amount_cents is not None else None,
        "risk_reason": detail.risk_reason, "registered_by": detail.registered_by,
        "parties": [
            {"role": p.role.value, "name": p.name, "type": "organisation" if p.is_organisation else "person",
             "id_number": p.id_number_masked or None, "gender": p.gender, "ethnicity": p.ethnicity,
             "birth_date": p.birth_date.isoformat() if p.birth_date else None, "phone": p.phone_masked or None,
             "address": p.address, "credit_code": p.credit_code, "representative": p.representative}
            for p in detail.parties
        ],
    }  # fmt: skip
    if args.json:
        _print_json(data)
    else:
        r = detail.row
        print(f"{r.number}  {r.title}")
        print(f"类型：{r.kind.label}  类别：{r.category or '-'}  来源：{r.channel.label}  状态：{r.status.label}  风险：{r.risk.label}")
        print(f"村（社区）：{r.village or '-'}  网格：{detail.grid or '-'}  地点：{detail.address or '-'}")
        for p in detail.parties:
            print(f"  {p.role.label}：{p.name} {p.gender or ''} {p.id_number_masked} {p.phone_masked}")
        print(f"事实经过：{detail.facts}")
    return 0


def _print_timeline(life: Any, as_json: bool) -> int:
    from govdesk.domain.clock import china_time

    entries = [
        {"seq": e.seq, "at": e.at.isoformat(timespec="seconds") + "Z", "actor": e.actor, "action": e.action,
         "from_status": e.from_status.value, "to_status": e.to_status.value, "summary": e.summary,
         "record": e.payload, "corrects": e.corrects_seq}
        for e in life.timeline
    ]  # fmt: skip
    if as_json:
        _print_json(entries)
        return 0
    print(f"{life.detail.row.number}  {life.detail.row.title}  （{life.detail.row.status.label}）")
    print(f"{china_time(life.detail.row.created_at):%Y-%m-%d %H:%M}  登记  {life.detail.registered_by}")
    for e in life.timeline:
        print(f"{china_time(e.at):%Y-%m-%d %H:%M}  {e.action_label}  {e.actor}  {e.summary}")
    if life.due_date:
        print(f"期限：{life.due_what} {life.due_date.isoformat()}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from govdesk.services.audit import verify_audit_chain

    store = _open(args, writer=False)
    try:
        problems = verify_audit_chain(store, _login(args, store))
    finally:
        store.close()
    if problems:
        for line in problems:
            print(f"问题：{line}", file=sys.stderr)
        print("审计记录链校验未通过：审计记录可能被篡改。请保留现场并报告。", file=sys.stderr)
        return 1
    print("审计记录链完整：没有发现被改动、删除、插入或调换的记录。")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from govdesk.services import backups

    store = _open(args, writer=args.backup_command in ("create", "restore"))
    try:
        if args.backup_command == "create":
            info = backups.create_backup(store, _login(args, store))
            print(f"已备份并校验：{info.path}")
        elif args.backup_command == "list":
            _login(args, store)
            for b in backups.list_backups(store):
                state = "完好" if b.ok else f"不可用：{b.problem}"
                counts = "，".join(f"{k} {v}" for k, v in b.counts.items())
                print(f"{b.path.name}\t{b.created:%Y-%m-%d %H:%M}\t{b.reason}\t{b.size // 1024} KB\t{state}\t{counts}")
        elif args.backup_command == "verify":
            _login(args, store)
            from govdesk.store.backup import verify_backup

            info = verify_backup(backups.find_backup(store, args.name), store.key)
            if not info.ok:
                print(f"备份不可用：{info.problem}", file=sys.stderr)
                return 1
            print(f"备份完好：{info.path.name}（{info.created:%Y-%m-%d %H:%M}）")
        elif args.backup_command == "restore":
            info = backups.restore_backup(store, _login(args, store), args.name)
            print(f"已从 {info.path.name} 恢复（恢复前的数据已另行备份）。")
    finally:
        store.close()
    return 0


def _write_output(path: Path, data: bytes) -> None:
    if not path.parent.is_dir():
        raise CliError(f"目录 {path.parent} 不存在。")
    try:
        path.write_bytes(data)
    except OSError as err:
        raise CliError(f"无法写入 {path}：{err.strerror}。") from None


def cmd_report(args: argparse.Namespace) -> int:
    from govdesk.reports.periods import parse_period
    from govdesk.services import exports, statistics

    period = parse_period(args.period)
    store = _open(args, writer=False)
    try:
        actor = _login(args, store)
        report = statistics.mediation_report_for(store, actor, period)
        if args.format == "xlsx":
            data = exports.export_report(store, actor, report)
        else:
            from govdesk.services.report_pdf import report_pdf

            data = report_pdf(store, actor, report)
    finally:
        store.close()
    _write_output(args.output, data)
    t = report.total
    print(f"{period.label}：受理纠纷 {t.received} 件，调解 {t.mediated} 件，成功 {t.successful} 件，"
          f"协议金额 {t.amount_cents / 100:,.2f} 元 → {args.output}")  # fmt: skip
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from govdesk.services.accounts import login
    from govdesk.services.exports import export_cases
    from govdesk.store.cases_repo import CaseFilter

    flt = CaseFilter(search=args.search, statuses=(args.status,) if args.status else (),
                     kinds=(args.kind,) if args.kind else (), categories=(args.category,) if args.category else (),
                     risks=(args.risk,) if args.risk else ())  # fmt: skip
    store = _open(args, writer=False)
    try:
        actor = _login(args, store)
        approver = None
        if args.approver:
            approver = login(store, args.approver, _secret("GOVDESK_APPROVER_PASSWORD", f"审批人 {args.approver} 的密码："))
        data = export_cases(store, actor, flt, args.format, approver=approver)
    finally:
        store.close()
    _write_output(args.output, data)
    print(f"已导出到 {args.output}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from govdesk.services import imports

    store = _open(args, writer=not args.dry_run)
    try:
        actor = _login(args, store)
        if args.dry_run:
            result = imports.preview_residents(store, args.file)
        else:
            result = imports.import_residents(store, actor, args.file, valid_only=args.valid_only)
    finally:
        store.close()
    for r in result.rejected:
        print(f"第{r.row}行：{r.reason}", file=sys.stderr)
    verb = "可导入" if args.dry_run else "已导入"
    print(f"{verb} {len(result.valid)} 人，不合格 {len(result.rejected)} 行。")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from govdesk.domain.clock import china_time
    from govdesk.services import sync_service

    store = _open(args, writer=True)
    try:
        actor = _login(args, store)
        if args.sync_command == "enroll":
            print(sync_service.enroll(store, actor, args.enroll_server, args.code))
        elif args.sync_command == "status":
            st = sync_service.status(store)
            last = f"{china_time(st.last_sync):%Y-%m-%d %H:%M}" if st.last_sync else "从未同步"
            state = {"never": "尚未同步", "ok": "正常", "offline": "离线（连不上服务器）", "revoked": "本机已被县里停用",
                     "error": "上次同步出错"}.get(st.state, st.state)  # fmt: skip
            print(f"服务器：{st.server or '未注册'}\n状态：{state}\n最后同步：{last}\n待上传：{st.pending} 条\n"
                  f"被拒收：{st.refused} 条\n待处理冲突：{st.conflicts} 条\n未签收指令：{st.instructions} 条")
        elif args.sync_command == "export-bundle":
            n = sync_service.export_bundle(store, actor, args.file)
            print(f"已写入同步包 {args.file}（{n} 条修改）。请带到县里用 govdesk-county import-bundle 导入，再把回执包带回。")
        elif args.sync_command == "import-bundle":
            print(sync_service.import_bundle(store, actor, args.file))
        else:
            report = sync_service.sync_now(store, actor, server=args.server)
            print(f"同步完成：{report.summary()}。")
    finally:
        store.close()
    return 0


def cmd_account(args: argparse.Namespace) -> int:
    from govdesk.services import accounts

    store = _open(args, writer=True)
    try:
        actor = _login(args, store)
        if args.account_command == "add":
            pw = _secret("GOVDESK_NEW_PASSWORD", f"{args.username} 的初始密码：", confirm=True)
            accounts.create_account(store, actor, args.username, args.name, args.role, pw)
            print(f"已添加账号 {args.username}，首次登录时需修改密码。")
        elif args.account_command == "list":
            for a in accounts.list_accounts(store, actor):
                flags = "（已锁定）" if a.locked else ""
                print(f"{a.username}\t{a.display_name}\t{a.role.label}{flags}")
        elif args.account_command == "passwd":
            new = _secret("GOVDESK_NEW_PASSWORD", "新密码：", confirm=True)
            old = _secret("GOVDESK_PASSWORD", "原密码：")
            accounts.change_password(store, actor, old, new)
            print("密码已修改。")
        elif args.account_command == "unlock":
            accounts.unlock_account(store, actor, args.username)
            print(f"已解锁 {args.username}。")
    finally:
        store.close()
    return 0


def cmd_doc(args: argparse.Namespace) -> int:
    """``doc NUMBER --kind KIND -o FILE.pdf`` prints a document; ``doc verify FILE.pdf|CODE`` checks one."""
    from govdesk.services import documents

    if args.target[0] == "verify":
        if len(args.target) != 2:
            raise CliError("用法：govdesk doc verify FILE.pdf 或 govdesk doc verify 核验码。")
        what = args.target[1]
        path = Path(what)
        data: bytes | str = what
        if what.lower().endswith(".pdf") or path.is_file():
            try:
                data = path.read_bytes()
            except OSError as err:
                raise CliError(f"无法读取 {what}：{err.strerror}。") from None
        store = _open(args, writer=False)
        try:
            _login(args, store)
            check = documents.verify_document(store, data)
        finally:
            store.close()
        print(check.message)
        return 0 if check.matches else 1
    if len(args.target) != 1:
        raise CliError("用法：govdesk doc NUMBER --kind KIND -o FILE.pdf（一次打印一个事项的一种文书）。")
    if not args.kind:
        raise CliError("请用 --kind 指明文书种类，例如 --kind agreement。")
    if args.output is None:
        raise CliError("请用 -o 指明输出的 PDF 文件，例如 -o 协议书.pdf。")
    if not args.output.parent.is_dir():
        raise CliError(f"目录 {args.output.parent} 不存在。")
    store = _open(args, writer=True)
    try:
        issued = documents.issue_document(store, _login(args, store), args.target[0], args.kind,
                                          deliver=lambda pdf: documents.save_pdf(pdf, args.output))  # fmt: skip
    finally:
        store.close()
    for warning in issued.warnings:
        print(f"提示：{warning}", file=sys.stderr)
    what = "重印（副本）" if issued.reprint else "出具"
    print(f"已{what}{issued.doc_number}，核验码 {issued.code}，共{issued.pages}页：{args.output}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "demo": cmd_demo,
    "info": cmd_info,
    "check": cmd_check,
    "case": cmd_case,
    "doc": cmd_doc,
    "audit": cmd_audit,
    "backup": cmd_backup,
    "account": cmd_account,
    "report": cmd_report,
    "export": cmd_export,
    "import": cmd_import,
    "sync": cmd_sync,
    "map": run_map,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in (None, "gui"):
        from govdesk.app import run_gui

        return run_gui(args.data_dir)
    try:
        return COMMANDS[args.command](args)
    except GovdeskError as err:
        print(f"错误：{err}", file=sys.stderr)
        return EXIT_USER_ERROR
    except DBAPIError as err:
        from govdesk.store.engine import describe_database_error

        print(f"错误：{describe_database_error(err, args.data_dir or default_data_dir())}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
