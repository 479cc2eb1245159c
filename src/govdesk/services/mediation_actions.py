"""Lifecycle actions of people's mediation (People's Mediation Law, 2010) and the actions common to all kinds."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from sqlalchemy import func, select

from govdesk.domain.action_input import (
    CHANNELS,
    PERFORMANCE,
    SATISFACTION,
    SIGN_METHODS,
    SIGNERS,
    read_obligations,
)
from govdesk.domain.clock import CHINA
from govdesk.domain.codes import Kind, Risk, Status
from govdesk.domain.errors import ValidationError
from govdesk.domain.lifecycle import Action, missing_signers
from govdesk.services.lifecycle import ActionContext, handles
from govdesk.store.models import Agreement, CaseEvent, Obligation, Signature


def _as_utc(local: dt.datetime) -> dt.datetime:
    """A wall-clock time typed by the user (China time) → stored UTC."""
    return local.replace(tzinfo=CHINA).astimezone(dt.UTC).replace(tzinfo=None)


def _local(stored_utc: dt.datetime) -> dt.datetime:
    """Wall-clock China time (naive), as users type and read times in records."""
    return stored_utc.replace(tzinfo=dt.UTC).astimezone(CHINA).replace(tzinfo=None)


def current_agreement(ctx: ActionContext) -> Agreement:
    """The latest agreement of the case: its latest supplementary agreement, if any (what is signed next)."""
    stmt = (
        select(Agreement)
        .where(Agreement.case_id == ctx.case.id, Agreement.deleted_at.is_(None))
        .order_by(Agreement.created_at.desc())
    )
    agreement = ctx.session.scalar(stmt)
    if agreement is None:
        raise ValidationError("这个事项还没有调解协议。")
    return agreement


def principal_agreement(ctx: ActionContext) -> Agreement:
    """The agreement itself (written or oral), not a supplement to it."""
    stmt = (
        select(Agreement)
        .where(Agreement.case_id == ctx.case.id, Agreement.deleted_at.is_(None), Agreement.supplements_id.is_(None))
        .order_by(Agreement.created_at.desc())
    )
    agreement = ctx.session.scalar(stmt)
    if agreement is None:
        raise ValidationError("这个事项还没有调解协议。")
    return agreement


def agreement_word(agreement: Agreement) -> str:
    return "补充协议" if agreement.supplements_id else "协议"


def agreement_content_hash(agreement: Agreement) -> str:
    content = {
        "facts": agreement.facts, "matters": agreement.matters, "responsibilities": agreement.responsibilities,
        "made_on": agreement.made_on.isoformat(), "oral": agreement.oral,
        "obligations": [[o.obligor, o.obligee, o.content, o.amount_cents, str(o.due_on), o.method, o.place]
                        for o in agreement.obligations],
    }  # fmt: skip
    if agreement.supplements_id:  # a supplement is bound to the agreement it supplements
        content["supplements"] = agreement.supplements_id
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def missing_signatures(ctx: ActionContext, agreement: Agreement) -> list[str]:
    parties = [(p.position, p.display_name) for p in ctx.case.parties if p.deleted_at is None]
    return missing_signers(parties, [(s.signer, s.party_position) for s in agreement.signatures])


@handles(Action.ACCEPT)
def accept(ctx: ActionContext) -> None:
    r = ctx.reader
    mediators = r.names("mediators", "调解员", required=True)
    application = r.choice("application", "申请方式", {"written": "书面申请", "oral": "口头申请", "initiative": "主动调解"},
                           default="initiative" if ctx.case.channel == "initiative" else "written")  # fmt: skip
    rights = r.flag("rights_notified", default=True)
    note = r.text("note", "备注")
    if not rights:
        raise ValidationError("受理时应向当事人告知权利义务（权利义务告知书）。请告知后再受理。", "rights_notified")
    ctx.case.handlers = mediators
    ctx.case.accepted_at = ctx.now
    ctx.case.due_date = ctx.rules.mediation_due(ctx.today)
    ctx.case.due_what = "调解期限"
    ctx.summary = f"受理（{ {'written': '书面申请', 'oral': '口头申请', 'initiative': '主动调解'}[application]}），调解员：{'、'.join(mediators)}"
    ctx.record = {"mediators": mediators, "application": application, "rights_notified": rights, "note": note}


@handles(Action.REFUSE)
def refuse(ctx: ActionContext) -> None:
    reason = ctx.reader.text("reason", "不予受理的理由", required=True, limit=2000)
    party_refused = ctx.reader.flag("party_refused")
    ctx.summary = ("当事人明确拒绝调解，不予调解：" if party_refused else "不予受理：") + reason
    ctx.record = {"reason": reason, "party_refused": party_refused}


@handles(Action.INVESTIGATE)
def investigate(ctx: ActionContext) -> None:
    r = ctx.reader
    when = r.when("time", "调查时间", now=_local(ctx.now))
    ctx.record = {
        "time": when.isoformat(sep=" ", timespec="minutes"), "place": r.text("place", "调查地点", limit=200),
        "participants": r.names("participants", "参加人"), "person": r.text("person", "被调查人", limit=100),
        "recorder": r.text("recorder", "记录人", limit=60), "content": r.text("content", "调查内容", required=True),
    }  # fmt: skip
    ctx.summary = f"调查记录：{ctx.record['person'] or '现场'}"


@handles(Action.MEDIATE)
def mediate(ctx: ActionContext) -> None:
    r = ctx.reader
    when = r.when("time", "调解时间", now=_local(ctx.now))
    mediators = r.names("mediators", "调解员") or list(ctx.case.handlers or [])
    if not mediators:
        raise ValidationError("请填写主持调解的调解员。", "mediators")
    ctx.record = {
        "time": when.isoformat(sep=" ", timespec="minutes"), "place": r.text("place", "调解地点", limit=200),
        "mediators": mediators, "attendees": r.names("attendees", "到场人员"),
        "content": r.text("content", "调解过程", required=True), "outcome": r.text("outcome", "调解结果", limit=2000),
        "recorder": r.text("recorder", "记录人", limit=60),
    }  # fmt: skip
    ctx.summary = "调解记录" + (f"：{ctx.record['outcome']}" if ctx.record["outcome"] else "")


def _new_agreement(ctx: ActionContext, *, oral: bool, supplements: Agreement | None = None) -> Agreement:
    """A new agreement with its obligations; with ``supplements`` a supplementary agreement to that (locked)
    agreement, which changes neither it nor the case's "resolved" time."""
    r = ctx.reader
    made_on = r.date("made_on", "协议日期", today=ctx.today) or ctx.today
    obligations = read_obligations(r, ctx.today, required=not oral)
    active = [p for p in ctx.case.parties if p.deleted_at is None]
    base = supplements
    agreement = Agreement(
        center_id=ctx.case.center_id, case_id=ctx.case.id, oral=oral, made_on=made_on,
        supplements_id=base.id if base else None,
        facts=r.text("facts", "纠纷主要事实") or (base.facts if base else ctx.case.facts),
        matters=r.text("matters", "补充或变更的事项" if base else "争议事项", required=not oral),
        responsibilities=r.text("responsibilities", "各方责任", required=False) or (base.responsibilities if base else ""),
        copies=(r.integer("copies", "协议份数", default=base.copies if base else len(active) + 1, low=2, high=50) or 0)
        if not oral else 0,
    )  # fmt: skip
    floor = (base.effective_on or base.made_on) if base is not None else None
    if floor is not None and made_on < floor:
        raise ValidationError(f"补充协议的日期不能早于原协议生效的日期（{floor.isoformat()}）。", "made_on")
    if oral:
        agreement.matters = r.text("content", "口头协议内容", required=True)
    ctx.session.add(agreement)
    ctx.session.flush()
    for i, ob in enumerate(obligations):
        ctx.session.add(Obligation(
            center_id=ctx.case.center_id, agreement_id=agreement.id, position=i + 1, obligor=ob.obligor,
            obligee=ob.obligee, content=ob.content, amount_cents=ob.amount_cents, due_on=ob.due_on,
            method=ob.method, place=ob.place,
        ))  # fmt: skip
    ctx.session.flush()
    ctx.session.refresh(agreement)
    ctx.record = {"agreement_id": agreement.id, "obligations": len(obligations)}
    if base is not None:
        ctx.record["supplements_id"] = base.id
        return agreement
    ctx.case.resolved_at = ctx.now
    ctx.case.due_date, ctx.case.due_what = None, ""
    return agreement


@handles(Action.AGREE)
def agree(ctx: ActionContext) -> None:
    agreement = _new_agreement(ctx, oral=False)
    ctx.summary = f"达成书面调解协议（{len(agreement.obligations)}项履行事项，共{agreement.copies}份），待签名盖章后生效"


@handles(Action.AGREE_ORAL)
def agree_oral(ctx: ActionContext) -> None:
    agreement = _new_agreement(ctx, oral=True)
    agreement.effective_on = agreement.made_on  # Art. 30: effective the day it is reached
    agreement.locked_hash = agreement_content_hash(agreement)
    ctx.case.confirmed_at = ctx.now
    ctx.summary = "达成口头协议，调解员已登记，自达成之日起生效"


@handles(Action.SUPPLEMENT)
def supplement(ctx: ActionContext) -> None:
    """A supplementary agreement (补充协议): a signed agreement is never edited, a change is a new agreement
    pointing at it, with its own terms, signed and sealed like the agreement and numbered on its own."""
    latest = current_agreement(ctx)
    if latest.oral:
        raise ValidationError("本案达成的是口头协议，不能订立补充协议书；如需变更，请重新调解并达成书面协议。")
    if latest.effective_on is None or latest.locked_hash is None:
        what = "上一份补充协议" if latest.supplements_id else "调解协议"
        missing = "、".join(missing_signatures(ctx, latest))
        raise ValidationError(f"{what}尚未签名盖章生效（还缺：{missing}），不能订立补充协议。补充协议只用于变更或补充"
                              f"已生效并锁定的协议；请先完成{what}的签名和盖章。")  # fmt: skip
    original = principal_agreement(ctx)
    count = 1 + int(ctx.session.scalar(select(func.count()).select_from(Agreement).where(
        Agreement.supplements_id == original.id, Agreement.deleted_at.is_(None))) or 0)  # fmt: skip
    reopened = ctx.case.status == Status.CLOSED.value
    agreement = _new_agreement(ctx, oral=False, supplements=original)
    ctx.record["supplement_no"] = count
    ctx.summary = (f"订立第{count}份补充协议（{len(agreement.obligations)}项履行事项，共{agreement.copies}份），"
                   f"补充{original.made_on.isoformat()}达成的调解协议；原协议不变，补充协议待签名盖章后生效")  # fmt: skip
    if reopened:
        ctx.summary += "；事项回到“达成协议”状态，补充协议签名盖章生效后可再次结案"


@handles(Action.FAIL)
def fail(ctx: ActionContext) -> None:
    r = ctx.reader
    reason = r.text("reason", "调解不成的原因", required=True, limit=2000)
    raw = r.names("channels", "告知的其他途径")
    if not raw:
        raise ValidationError("调解终止时应告知当事人可以通过仲裁、行政、司法等途径解决（channels）。", "channels")
    bad = [c for c in raw if c not in CHANNELS and c not in CHANNELS.values()]
    if bad:
        raise ValidationError(f"途径“{bad[0]}”不认识，可选：arbitration（仲裁）、administrative（行政）、judicial（司法）。", "channels")
    channels = [c if c in CHANNELS else next(k for k, v in CHANNELS.items() if v == c) for c in raw]
    notified_on = r.date("notified_on", "告知日期", today=ctx.today) or ctx.today
    ctx.case.due_date, ctx.case.due_what = None, ""
    ctx.record = {"reason": reason, "channels": channels, "notified_on": notified_on.isoformat()}
    ctx.summary = f"调解终止：{reason}；已告知当事人可通过{'、'.join(CHANNELS[c] for c in channels)}途径解决"


def _lock_if_complete(ctx: ActionContext, agreement: Agreement) -> None:
    ctx.session.flush()
    ctx.session.refresh(agreement)
    if not missing_signatures(ctx, agreement) and agreement.effective_on is None:
        agreement.effective_on = ctx.today
        agreement.locked_hash = agreement_content_hash(agreement)
        if agreement.supplements_id is None:  # "confirmed" is the agreement's; a supplement does not move it
            ctx.case.confirmed_at = ctx.now
        last = ctx.rules.confirmation_last_day(agreement.effective_on)
        ctx.summary += (f"；各方均已签名并盖章，{agreement_word(agreement)}自{agreement.effective_on.isoformat()}起生效"
                        f"（可在{last.isoformat()}前申请司法确认）")  # fmt: skip


@handles(Action.SIGN)
def sign(ctx: ActionContext) -> None:
    r = ctx.reader
    agreement = current_agreement(ctx)
    if agreement.oral:
        raise ValidationError("口头协议无需签名。")
    signer = r.choice("signer", "签署人类别", SIGNERS, default="party")
    method = r.choice("method", "签署方式", SIGN_METHODS, default="paper")
    when = _as_utc(r.when("at", "签署时间", now=_local(ctx.now)))
    image = r.text("image_sha256", "签名图像", limit=64) or None
    position: int | None = None
    name = r.text("name", "签署人姓名", limit=100)
    if signer == "party":
        party_ref = ctx.reader.data.get("party")
        r.used.add("party")
        parties = [p for p in ctx.case.parties if p.deleted_at is None]
        match = [p for p in parties if party_ref in (p.position + 1, p.display_name)]
        if not match:
            listed = "、".join(f"{p.position + 1}={p.display_name}" for p in parties)
            raise ValidationError(f"请用序号或姓名指明是哪位当事人签署（party）：{listed}。", "party")
        position, name = match[0].position, match[0].display_name
        if any(s.signer == "party" and s.party_position == position for s in agreement.signatures):
            raise ValidationError(f"{name}的签名已经登记过了。", "party")
    elif not name:
        name = (ctx.case.handlers or [ctx.actor.name])[0] if signer == "mediator" else ctx.actor.name
    ctx.session.add(Signature(
        center_id=ctx.case.center_id, agreement_id=agreement.id, signer=signer, party_position=position, name=name,
        method=method, at=when, recorded_by=ctx.actor.name, image_sha256=image,
    ))  # fmt: skip
    ctx.summary = f"{name}（{SIGNERS[signer]}）{SIGN_METHODS[method]}"
    ctx.record = {"signer": signer, "name": name, "method": method}
    _lock_if_complete(ctx, agreement)


@handles(Action.SEAL)
def seal(ctx: ActionContext) -> None:
    agreement = current_agreement(ctx)
    if agreement.oral:
        raise ValidationError("口头协议无需盖章。")
    if any(s.signer == "seal" for s in agreement.signatures):
        raise ValidationError("人民调解委员会印章已经登记过了。")
    ctx.session.add(Signature(center_id=ctx.case.center_id, agreement_id=agreement.id, signer="seal", name="人民调解委员会",
                              method="seal", at=ctx.now, recorded_by=ctx.actor.name))  # fmt: skip
    ctx.summary = "加盖人民调解委员会印章"
    _lock_if_complete(ctx, agreement)


@handles(Action.APPLY_CONFIRMATION)
def apply_confirmation(ctx: ActionContext) -> None:
    r = ctx.reader
    agreement = current_agreement(ctx)
    if agreement.effective_on is None:
        raise ValidationError("协议尚未生效（还缺签名或印章），不能申请司法确认。")
    applied = r.date("applied_on", "申请日期", today=ctx.today) or ctx.today
    court = r.text("court", "受理法院", required=True, limit=100)
    last = ctx.rules.confirmation_last_day(agreement.effective_on)
    if applied > last:
        raise ValidationError(f"已超过司法确认申请期限（协议生效后30日内，最后一天是{last.isoformat()}）。")
    if agreement.confirmation_applied_on is not None:
        raise ValidationError("已经登记过司法确认申请。")
    agreement.confirmation_applied_on, agreement.confirmation_court = applied, court
    ctx.summary = f"双方共同向{court}申请司法确认（{applied.isoformat()}）"
    ctx.record = {"court": court, "applied_on": applied.isoformat()}


@handles(Action.CONFIRMATION_RESULT)
def confirmation_result(ctx: ActionContext) -> None:
    r = ctx.reader
    agreement = current_agreement(ctx)
    if agreement.confirmation_applied_on is None:
        raise ValidationError("还没有登记司法确认申请。")
    result = r.choice("result", "确认结果", {"confirmed": "确认有效", "rejected": "驳回申请"})
    agreement.confirmation_result = result
    agreement.confirmation_result_on = r.date("on", "裁定日期", today=ctx.today) or ctx.today
    agreement.confirmation_case_no = r.text("case_no", "法院案号", limit=60)
    ctx.summary = f"法院{'裁定确认协议有效' if result == 'confirmed' else '驳回司法确认申请'}" + (
        f"（{agreement.confirmation_case_no}）" if agreement.confirmation_case_no else "")
    ctx.record = {"result": result, "case_no": agreement.confirmation_case_no}


@handles(Action.FOLLOW_UP)
def follow_up(ctx: ActionContext) -> None:
    r = ctx.reader
    agreement = principal_agreement(ctx)  # the follow-up record reports on the agreement's own obligations
    updates = r.items("performance", "履行情况（performance）")
    by_position = {o.position: o for o in agreement.obligations}
    for item in updates:
        pos, status = item.get("obligation"), item.get("status")
        if pos not in by_position:
            raise ValidationError(f"没有第{pos}项履行事项（共{len(by_position)}项）。", "performance")
        if status not in PERFORMANCE or status == "pending":
            raise ValidationError("履行情况应为 performed（已履行）、partly（部分履行）或 not（未履行）。", "performance")
        by_position[pos].performance = status
    satisfaction = r.choice("satisfaction", "满意度", SATISFACTION, default="satisfied")
    ctx.case.satisfaction = satisfaction
    if ctx.case.fed_back_at is None:
        ctx.case.fed_back_at = ctx.now
    ctx.record = {
        "visited": r.text("visited", "回访对象", limit=100), "performance": updates, "satisfaction": satisfaction,
        "lawsuit": r.text("lawsuit", "是否起诉及结果", limit=2000),
        "escalation_signs": r.text("escalation_signs", "有无激化苗头", limit=2000),
        "measures": r.text("measures", "采取的措施", limit=2000), "note": r.text("note", "备注"),
    }  # fmt: skip
    done = sum(1 for o in agreement.obligations if o.performance == "performed")
    ctx.summary = f"回访：{done}/{len(agreement.obligations)}项已履行，当事人{SATISFACTION[satisfaction]}"


def completeness_problems(ctx: ActionContext) -> list[str]:
    """What is missing before a dispute can be closed or archived (Art. 27–29; the dossier's required slots)."""
    problems: list[str] = []
    if ctx.kind is not Kind.DISPUTE or ctx.case.status in (Status.REFUSED.value, Status.WITHDRAWN.value):
        return problems
    events = list(ctx.session.scalars(select(CaseEvent.action).where(CaseEvent.case_id == ctx.case.id)))
    if Action.ACCEPT.value not in events:
        problems.append("没有受理登记")
    if Action.MEDIATE.value not in events:
        problems.append("没有调解记录")
    agreements = list(ctx.session.scalars(
        select(Agreement).where(Agreement.case_id == ctx.case.id, Agreement.deleted_at.is_(None))
        .order_by(Agreement.created_at)
    ))  # fmt: skip
    agreement = next((a for a in reversed(agreements) if a.supplements_id is None), None)
    if agreement is not None:
        if not agreement.oral and agreement.effective_on is None:
            problems.append("调解协议还缺签名或印章：" + "、".join(missing_signatures(ctx, agreement)))
        problems += ["补充协议还缺签名或印章：" + "、".join(missing_signatures(ctx, extra))
                     for extra in agreements if extra.supplements_id and extra.effective_on is None]  # fmt: skip
        unfollowed = [o for o in agreement.obligations if o.performance in ("pending", "partly", "not")]
        if unfollowed and Action.FOLLOW_UP.value not in events:
            problems.append(f"有{len(unfollowed)}项履行事项尚未回访")
    elif Action.FAIL.value not in events:
        problems.append("既没有调解协议，也没有调解终止及告知其他途径的记录")
    return problems


@handles(Action.CLOSE)
def close(ctx: ActionContext) -> None:
    problems = completeness_problems(ctx)
    if problems:
        raise ValidationError("还不能结案：" + "；".join(problems) + "。")
    ctx.record = {"note": ctx.reader.text("note", "备注")}
    ctx.summary = "结案" if ctx.kind is Kind.DISPUTE else "办结"


@handles(Action.ARCHIVE)
def archive(ctx: ActionContext) -> None:
    problems = completeness_problems(ctx)
    if problems:
        raise ValidationError("卷宗不完整，不能归档：" + "；".join(problems) + "。")
    ctx.case.archived_at = ctx.now
    ctx.record = {"note": ctx.reader.text("note", "备注")}
    ctx.summary = "立卷归档"


@handles(Action.WITHDRAW)
def withdraw(ctx: ActionContext) -> None:
    reason = ctx.reader.text("reason", "撤回原因", required=True, limit=2000)
    ctx.record = {"reason": reason}
    ctx.summary = f"撤回：{reason}"


@handles(Action.SET_RISK)
def set_risk(ctx: ActionContext) -> None:
    r = ctx.reader
    level = r.choice("level", "风险等级", {"auto": "按规则", **{x.value: x.label for x in Risk}})
    reason = r.text("reason", "调整理由", required=level != "auto", limit=500)
    before = ctx.case.risk
    ctx.case.risk_manual = None if level == "auto" else level
    ctx.case.risk_manual_reason = reason
    ctx.record = {"level": level, "reason": reason, "before": before}
    ctx.summary = "风险等级恢复按规则计算" if level == "auto" else f"人工调整风险等级为{Risk(level).label}：{reason}"


@handles(Action.REPORT_POLICE)
def report_police(ctx: ActionContext) -> None:
    r = ctx.reader
    reason = r.text("reason", "可能激化的情形", required=True, limit=2000)
    station = r.text("police_station", "报告的公安机关", required=True, limit=100)
    measures = r.text("measures", "已采取的预防措施", limit=2000)
    ctx.case.violence_risk = True
    ctx.case.police_reported_at = ctx.now
    ctx.record = {"reason": reason, "police_station": station, "measures": measures}
    ctx.summary = f"有激化风险，已报告{station}（第二十五条）：{reason}"


@handles(Action.ESCALATE)
def escalate(ctx: ActionContext) -> None:
    r = ctx.reader
    to = r.text("to", "上报对象", limit=100) or "县综治中心"
    reason = r.text("reason", "上报原因", required=True, limit=2000)
    if r.flag("group_petition"):
        ctx.case.group_petition = True
    ctx.record = {"to": to, "reason": reason, "group_petition": ctx.case.group_petition}
    ctx.summary = f"上报{to}：{reason}"


@handles(Action.INSTRUCT)
def instruct(ctx: ActionContext) -> None:
    r = ctx.reader
    source = r.text("from", "督办单位", limit=100) or "县综治中心"
    content = r.text("content", "督办要求", required=True, limit=2000)
    due = r.date("due_on", "督办期限", today=ctx.today, future_ok=True)
    if due is not None:
        ctx.case.due_date, ctx.case.due_what = due, "督办期限"
    ctx.record = {"from": source, "content": content, "due_on": due.isoformat() if due else None}
    ctx.summary = f"{source}督办：{content}" + (f"（{due.isoformat()}前）" if due else "")


@handles(Action.CORRECT)
def correct(ctx: ActionContext) -> None:
    r = ctx.reader
    seq = r.integer("event", "要更正的记录序号", low=1, high=1_000_000)
    target = ctx.session.scalar(select(CaseEvent).where(CaseEvent.case_id == ctx.case.id, CaseEvent.seq == seq))
    if target is None:
        raise ValidationError(f"没有序号为{seq}的记录（见 govdesk case timeline）。", "event")
    content = r.text("content", "更正后的内容", required=True)
    reason = r.text("reason", "更正原因", required=True, limit=500)
    ctx.corrects_id = target.id
    ctx.record = {"corrects_seq": seq, "content": content, "reason": reason}
    ctx.summary = f"更正第{seq}条记录：{reason}"
