"""Matters other than disputes, and referrals to departments ("村社吹哨、部门报到")."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import select

from govdesk.domain.action_input import SATISFACTION
from govdesk.domain.codes import Kind
from govdesk.domain.errors import ValidationError
from govdesk.domain.lifecycle import Action
from govdesk.paths import resource
from govdesk.services.lifecycle import ActionContext, handles
from govdesk.store.models import Referral


@dataclass(frozen=True)
class Suggestion:
    lead: str
    cooperating: tuple[str, ...]


@cache
def _responsibility_list(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def departments() -> list[str]:
    data = _responsibility_list(resource("data", "responsibility_list.json"))
    names = data["departments"]
    assert isinstance(names, list)
    return [str(n) for n in names]


def suggest_department(category: str | None, title: str) -> Suggestion | None:
    """The lead department from the responsibility list: by category first, then by a keyword in the title."""
    data = _responsibility_list(resource("data", "responsibility_list.json"))
    matters = data["matters"]
    assert isinstance(matters, list)
    for key, value in (("category", category), ("keyword", title)):
        for matter in matters:
            wanted = matter["match"].get(key)
            if wanted and value and (wanted == value if key == "category" else wanted in value):
                return Suggestion(matter["lead"], tuple(matter.get("cooperating", [])))
    return None


def _active_referral(ctx: ActionContext) -> Referral:
    stmt = select(Referral).where(Referral.case_id == ctx.case.id, Referral.active.is_(True))
    referral = ctx.session.scalar(stmt)
    if referral is None:
        raise ValidationError("这个事项没有正在办理的交办单。")
    return referral


@handles(Action.ASSIGN)
def assign(ctx: ActionContext) -> None:
    label = "调解员" if ctx.kind is Kind.DISPUTE else "承办人"
    handlers = ctx.reader.names("handlers", label, required=True)
    ctx.case.handlers = handlers
    if ctx.kind is not Kind.DISPUTE:
        if ctx.case.accepted_at is None:
            ctx.case.accepted_at = ctx.now
        ctx.case.due_date = ctx.rules.handling_due(ctx.today, ctx.case.kind, ctx.case.category)
        ctx.case.due_what = "办理期限"
    ctx.record = {"handlers": handlers}
    ctx.summary = f"指派{label}：{'、'.join(handlers)}"


@handles(Action.REFER)
def refer(ctx: ActionContext) -> None:
    r = ctx.reader
    suggestion = suggest_department(ctx.case.category, ctx.case.title)
    department = r.text("department", "承办部门", limit=60) or (suggestion.lead if suggestion else "")
    if not department:
        raise ValidationError("请选择承办部门（属地管理事项清单中没有找到对应部门）。", "department")
    known = departments()
    if department not in known:
        raise ValidationError(f"部门“{department}”不在属地管理事项清单中。可选：{'、'.join(known)}。", "department")
    cooperating = r.names("cooperating", "配合部门") or list(suggestion.cooperating if suggestion else ())
    note = r.text("note", "交办要求", limit=2000)
    ctx.session.add(Referral(
        center_id=ctx.case.center_id, case_id=ctx.case.id, department=department, cooperating=cooperating,
        referred_at=ctx.now, referred_by=ctx.actor.name, receive_due=ctx.rules.receive_due(ctx.today),
        handle_due=ctx.rules.handling_due(ctx.today, ctx.case.kind, ctx.case.category),
    ))  # fmt: skip
    if ctx.case.accepted_at is None:
        ctx.case.accepted_at = ctx.now
    ctx.case.due_date, ctx.case.due_what = ctx.rules.receive_due(ctx.today), "部门签收期限"
    ctx.record = {"department": department, "cooperating": cooperating, "note": note}
    ctx.summary = f"交办{department}" + (f"（配合：{'、'.join(cooperating)}）" if cooperating else "") + (f"：{note}" if note else "")


@handles(Action.DEPT_RECEIVE)
def dept_receive(ctx: ActionContext) -> None:
    referral = _active_referral(ctx)
    if referral.received_at is not None:
        raise ValidationError(f"{referral.department}已于{referral.received_at:%Y-%m-%d}签收。")
    by = ctx.reader.text("by", "签收人", limit=60) or ctx.actor.name
    referral.received_at, referral.received_by = ctx.now, by
    late = ctx.today > referral.receive_due
    ctx.case.due_date, ctx.case.due_what = referral.handle_due, "部门办理期限"
    ctx.record = {"department": referral.department, "by": by, "late": late}
    ctx.summary = f"{referral.department}签收（{by}）" + ("，已超过签收期限" if late else "")


@handles(Action.DEPT_REPORT)
def dept_report(ctx: ActionContext) -> None:
    referral = _active_referral(ctx)
    if referral.received_at is None:
        raise ValidationError(f"{referral.department}还没有签收，请先登记签收。")
    report = ctx.reader.text("report", "办理情况", required=True, limit=5000)
    referral.reported_at, referral.report = ctx.now, report
    ctx.case.resolved_at = ctx.case.resolved_at or ctx.now
    ctx.case.due_date, ctx.case.due_what = None, ""
    ctx.record = {"department": referral.department, "report": report, "late": ctx.today > referral.handle_due}
    ctx.summary = f"{referral.department}报结：{report}"


@handles(Action.CONFIRM_RESULT)
def confirm_result(ctx: ActionContext) -> None:
    referral = ctx.session.scalar(select(Referral).where(Referral.case_id == ctx.case.id, Referral.active.is_(True)))
    if referral is not None:
        referral.confirmed_at = ctx.now
        referral.active = False
    ctx.case.confirmed_at = ctx.now
    ctx.record = {"note": ctx.reader.text("note", "确认意见", limit=2000)}
    ctx.summary = "中心确认办理结果" + (f"：{ctx.record['note']}" if ctx.record["note"] else "")


@handles(Action.SEND_BACK)
def send_back(ctx: ActionContext) -> None:
    referral = _active_referral(ctx)
    reason = ctx.reader.text("reason", "退回原因", required=True, limit=2000)
    referral.sent_back_count += 1
    referral.reported_at, referral.report = None, ""
    referral.handle_due = ctx.rules.handling_due(ctx.today, ctx.case.kind, ctx.case.category)
    ctx.case.due_date, ctx.case.due_what = referral.handle_due, "部门办理期限"
    ctx.record = {"department": referral.department, "reason": reason}
    ctx.summary = f"退回{referral.department}重新办理：{reason}"


@handles(Action.HANDLE)
def handle(ctx: ActionContext) -> None:
    result = ctx.reader.text("result", "办理结果", required=True, limit=5000)
    ctx.case.accepted_at = ctx.case.accepted_at or ctx.now
    ctx.case.resolved_at = ctx.case.resolved_at or ctx.now
    ctx.case.confirmed_at = ctx.case.confirmed_at or ctx.now
    ctx.case.due_date, ctx.case.due_what = None, ""
    ctx.record = {"result": result}
    ctx.summary = f"办理完毕：{result}"


@handles(Action.RESOLVE_ON_SPOT)
def resolve_on_spot(ctx: ActionContext) -> None:
    note = ctx.reader.text("note", "处置情况", required=True, limit=5000)
    photos = ctx.reader.names("photos", "现场照片")
    ctx.case.accepted_at = ctx.case.accepted_at or ctx.now
    ctx.case.resolved_at = ctx.case.confirmed_at = ctx.now
    ctx.case.due_date, ctx.case.due_what = None, ""
    ctx.record = {"note": note, "photos": photos, "on_spot": True}
    ctx.summary = f"网格员就地化解：{note}"


@handles(Action.FEEDBACK)
def feedback(ctx: ActionContext) -> None:
    r = ctx.reader
    content = r.text("content", "反馈内容", required=True, limit=5000)
    satisfaction = r.choice("satisfaction", "群众满意度", SATISFACTION, default="satisfied")
    confirmed = r.flag("confirmed", default=True)
    to = r.text("to", "反馈对象", limit=100)
    ctx.case.fed_back_at = ctx.now
    ctx.case.satisfaction = satisfaction
    ctx.record = {"to": to, "content": content, "satisfaction": satisfaction, "confirmed": confirmed}
    ctx.summary = f"已向{to or '群众'}反馈结果，{'群众确认，' if confirmed else ''}{SATISFACTION[satisfaction]}"
