"""Personal information rights: showing one full number with a reason, a person's copy of everything held
about them (PIPL Art. 45), and anonymisation where the law allows (Art. 47).

Each is one user action: permission checked here, audited in the same transaction. A refused attempt is
audited too (outcome ``denied``), so the trail shows who tried to see what.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from govdesk.documents.catalog import BY_CLI
from govdesk.domain.clock import china_time, utcnow
from govdesk.domain.codes import Channel, Kind, PartyRole, Status
from govdesk.domain.errors import NotFound, PermissionDenied, ValidationError
from govdesk.domain.lifecycle import Action
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.store import person_data_repo, reference_repo
from govdesk.store.audit_repo import append_audit
from govdesk.store.person_data_repo import REVEALABLE, PersonData
from govdesk.store.store import Store

FIELD_LABELS = {"id_number": "身份证号", "phone": "联系电话"}
MIN_REASON = 2
MAX_REASON = 200
ANONYMOUS_ADDRESS = "（已匿名化）"


def _reason(reason: str, what: str) -> str:
    text = " ".join(reason.split())
    if len(text) < MIN_REASON:
        raise ValidationError(
            f"请写明{what}的理由（例如：核实当事人身份、当事人书面申请），至少{MIN_REASON}个字。", "reason"
        )
    if len(text) > MAX_REASON:
        raise ValidationError(f"理由最多{MAX_REASON}个字，请精简后再提交。", "reason")
    return text


def _check(store: Store, actor: Actor, perm: Perm, what: str, event: str, person_id: str,
           details: dict[str, Any]) -> None:  # fmt: skip
    """The permission check, with the refusal written to the audit trail before it is raised."""
    try:
        require(Role(actor.role), perm, what=what)
    except PermissionDenied:
        with store.db.write() as session:
            append_audit(session, actor.audit_name, event, "person", person_id, details, outcome="denied")
        raise


def _person(session: Any, person_id: str) -> Any:
    person = person_data_repo.find_person(session, person_id)
    if person is None:
        raise NotFound("没有找到这个人员（可能已被合并或删除），请重新查询。")
    return person


# --- 显示完整号码 -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Revealed:
    person_id: str
    field: str
    label: str
    value: str


def reveal_person_field(store: Store, actor: Actor, person_id: str, field: str, reason: str) -> Revealed:
    """The full ID number or phone of one person, for this one look. Needs Perm.REVEAL and a reason."""
    if field not in REVEALABLE:
        raise ValidationError("只能查看完整的身份证号或联系电话。", "field")
    label = FIELD_LABELS[field]
    text = _reason(reason, f"查看完整{label}")
    _check(store, actor, Perm.REVEAL, f"查看完整{label}", "person.reveal", person_id, {"field": field, "reason": text})
    with store.db.write() as session:
        person = _person(session, person_id)
        value = person_data_repo.person_field(person, field)
        if not value:
            raise ValidationError(f"这个人员没有登记{label}，没有可显示的号码。", "field")
        append_audit(session, actor.audit_name, "person.reveal", "person", person_id, {"field": field, "reason": text})
    return Revealed(person_id, field, label, value)


# --- 导出个人信息 -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PersonExport:
    file_name: str
    data: bytes  # UTF-8 JSON
    cases: int


def _when(value: dt.datetime | None) -> str | None:
    return f"{china_time(value):%Y-%m-%d %H:%M}" if value else None


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _label(enum: Any, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return str(enum(value).label)
    except ValueError:
        return value


def _agreement(a: dict[str, Any]) -> dict[str, Any]:
    return {
        "协议形式": "口头协议" if a["oral"] else "书面协议",
        "达成日期": _day(a["made_on"]), "生效日期": _day(a["effective_on"]), "协议事项": a["matters"],
        "纠纷事实": a["facts"], "责任认定": a["responsibilities"],
        "履行义务": [{
            "义务人": o["obligor"], "权利人": o["obligee"], "内容": o["content"],
            "金额（元）": o["amount_cents"] / 100 if o["amount_cents"] is not None else None,
            "履行期限": _day(o["due_on"]), "履行情况": o["performance"],
        } for o in a["obligations"]],
        "本人签名": [{"时间": _when(s["at"]), "方式": s["method"]} for s in a["own_signatures"]],
    }  # fmt: skip


def person_document(data: PersonData, center: str, now: dt.datetime) -> dict[str, Any]:
    """The export as a plain dictionary with Chinese keys (what the person reads)."""
    return {
        "说明": (f"本文件是{center}保存的关于本人的全部信息，依据《中华人民共和国个人信息保护法》第四十五条应本人请求导出。"
                 "其他当事人只列出姓名和身份；他们的证件号码、电话不在本文件中。"),
        "导出时间": _when(now),
        "个人信息": {
            "姓名": data.name, "性别": data.gender, "民族": data.ethnicity, "证件类型": data.id_type,
            "证件号码": data.id_number, "出生日期": _day(data.birth_date), "联系电话": data.phone,
            "住址": data.address, "村（社区）": data.village, "网格": data.grid,
            "首次登记时间": _when(data.created_at), "最后修改时间": _when(data.updated_at),
        },
        "作为当事人的事项": [{
            "编号": c.number, "标题": c.title, "类型": _label(Kind, c.kind), "纠纷类别": c.category,
            "来源": _label(Channel, c.channel), "状态": _label(Status, c.status), "本人身份": _label(PartyRole, c.role),
            "发生日期": _day(c.occurred_at), "登记时间": _when(c.created_at), "办结时间": _when(c.closed_at),
            "归档时间": _when(c.archived_at), "发生地点": c.address, "事实经过": c.facts, "当事人请求": c.claims,
            "其他当事人": [{"身份": _label(PartyRole, role), "姓名": name} for role, name in c.other_parties],
            "办理经过": [{"时间": _when(at), "环节": _label(Action, action), "摘要": summary}
                     for at, action, summary in c.timeline],
            "调解协议": [_agreement(a) for a in c.agreements],
            "出具的文书": [{"文书": BY_CLI[k].name if k in BY_CLI else k, "文号": n, "出具时间": _when(at)}
                      for k, n, at in c.documents],
            "附件": [{"名称": name, "用途": purpose, "添加时间": _when(at)} for name, purpose, at in c.attachments],
        } for c in data.cases],
        "本人信息的查看和导出记录": [
            {"时间": _when(at), "工作人员": actor, "事件": event, "理由": (details or {}).get("reason")}
            for at, actor, event, details in data.audit
        ],
    }  # fmt: skip


def export_person_data(store: Store, actor: Actor, person_id: str, reason: str) -> PersonExport:
    """Everything held about one person as a JSON file, at their request. Contains their full numbers."""
    text = _reason(reason, "导出个人信息")
    _check(store, actor, Perm.PERSON_EXPORT, "导出个人信息", "person.export", person_id, {"reason": text})
    now = utcnow()
    with store.db.write() as session:
        person = _person(session, person_id)
        data = person_data_repo.person_data(session, person)
        center = reference_repo.local_center(session).name
        document = person_document(data, center, now)
        append_audit(session, actor.audit_name, "person.export", "person", person_id,
                     {"reason": text, "cases": len(data.cases)})  # fmt: skip
    payload = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    return PersonExport(f"个人信息-{data.name}-{china_time(now):%Y%m%d}.json", payload, len(data.cases))


# --- 匿名化 -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Anonymised:
    person_id: str
    placeholder: str
    cases: int


def open_cases_of(store: Store, person_id: str) -> list[tuple[str, str]]:
    """(number, status label) of the person's cases not yet closed or archived: these block anonymisation."""
    with store.db.read() as session:
        return [(c.number, Status(c.status).label) for c, _p in person_data_repo.person_parties(session, person_id)
                if Status(c.status).is_open]  # fmt: skip


def anonymise_person(store: Store, actor: Actor, person_id: str, reason: str) -> Anonymised:
    """Replace the person's name, ID number, phone, birth date and address with placeholders, keeping their
    cases (and so every statistic). Refused while any of their cases is still open."""
    text = _reason(reason, "匿名化处理")
    _check(store, actor, Perm.PERSON_ANONYMISE, "个人信息匿名化", "person.anonymise", person_id, {"reason": text})
    with store.db.write() as session:
        person = _person(session, person_id)
        parties = person_data_repo.person_parties(session, person_id)
        still_open = [c.number for c, _p in parties if Status(c.status).is_open]
        if still_open:
            shown = "、".join(still_open[:5]) + ("等" if len(still_open) > 5 else "")
            raise ValidationError(
                f"不能匿名化：此人还是{len(still_open)}件未办结事项的当事人（{shown}）。办理中还需要核实身份、联系当事人，"
                "请在这些事项办结或归档后再处理。"
            )
        placeholder = f"匿名当事人-{person.id.replace('-', '')[:6].upper()}"
        person_data_repo.anonymise(person, placeholder, ANONYMOUS_ADDRESS)
        session.flush()
        append_audit(session, actor.audit_name, "person.anonymise", "person", person_id,
                     {"reason": text, "cases": len(parties), "name": placeholder})  # fmt: skip
    return Anonymised(person_id, placeholder, len(parties))
