"""What a case registration consists of, and the validation that turns user input into it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from govdesk.domain.codes import Channel, Kind, PartyRole, Risk, parse_category, parse_ethnicity
from govdesk.domain.errors import ValidationError
from govdesk.domain.identity import parse_credit_code, parse_phone, parse_resident_id

MAX_TITLE = 200
MAX_NAME = 60
MAX_TEXT = 20_000
MAX_PARTIES = 50


@dataclass(frozen=True)
class PartyDraft:
    role: PartyRole
    name: str
    is_organisation: bool = False
    id_number: str | None = None
    gender: str | None = None
    ethnicity: str | None = None
    birth_date: dt.date | None = None
    phone: str | None = None
    address: str | None = None
    credit_code: str | None = None
    representative: str | None = None


@dataclass(frozen=True)
class CaseDraft:
    title: str
    kind: Kind
    channel: Channel
    category: str | None
    facts: str = ""
    claims: str = ""
    occurred_at: dt.date | None = None
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    village: str | None = None
    grid_code: str | None = None
    people_involved: int = 1
    amount: Decimal | None = None
    risk: Risk = Risk.GREEN
    risk_reason: str = ""
    parties: tuple[PartyDraft, ...] = field(default_factory=tuple)


CASE_FIELDS = {
    "title", "kind", "category", "channel", "facts", "claims", "occurred_at", "address",
    "latitude", "longitude", "village", "grid_code", "people_involved", "amount", "risk",
    "risk_reason", "parties",
}  # fmt: skip
PARTY_FIELDS = {
    "role", "name", "type", "id_number", "gender", "ethnicity", "birth_date", "phone",
    "address", "credit_code", "representative",
}  # fmt: skip


def _text(data: dict[str, Any], key: str, label: str, limit: int, *, required: bool = False) -> str:
    raw = data.get(key)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if required:
            raise ValidationError(f"请填写{label}。", key)
        return ""
    if not isinstance(raw, str):
        raise ValidationError(f"{label}应为文字。", key)
    if "\x00" in raw:
        raise ValidationError(f"{label}中含有不可见的空字符，请删除后再保存。", key)
    if len(raw) > limit:
        raise ValidationError(f"{label}太长：最多{limit}个字，现在{len(raw)}个字。", key)
    return raw.strip()


def parse_date(raw: object, key: str, label: str, *, today: dt.date | None = None) -> dt.date | None:
    """A date-only field: 'YYYY-MM-DD' (a datetime string keeps its date part). Never in the future."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, dt.datetime):
        value = raw.date()
    elif isinstance(raw, dt.date):
        value = raw
    elif isinstance(raw, str):
        text = raw.strip()
        try:
            value = dt.date.fromisoformat(text[:10]) if len(text) >= 10 else dt.date.fromisoformat(text)
        except ValueError:
            raise ValidationError(f"{label}“{raw}”不是有效日期，请写成 2026-11-20 的形式。", key) from None
    else:
        raise ValidationError(f"{label}应为日期，例如 2026-11-20。", key)
    if value > (today or dt.date.today()):
        raise ValidationError(f"{label}不能晚于今天。", key)
    return value


def _coordinate(data: dict[str, Any], key: str, label: str, low: float, high: float) -> float | None:
    raw = data.get(key)
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise ValidationError(f"{label}应为数字。", key)
    try:
        value = float(raw)
    except ValueError:
        raise ValidationError(f"{label}“{raw}”不是数字。", key) from None
    if not low <= value <= high:
        raise ValidationError(f"{label}应在{low}到{high}之间。", key)
    return value


def parse_party(data: object, data_dir: Path, index: int) -> PartyDraft:
    where = f"第{index + 1}个当事人"
    if not isinstance(data, dict):
        raise ValidationError(f"{where}的内容格式不对。", "parties")
    unknown = set(data) - PARTY_FIELDS
    if unknown:
        raise ValidationError(f"{where}有不认识的字段：{'、'.join(sorted(unknown))}。", "parties")
    try:
        role = PartyRole.parse(data.get("role"), "role", "当事人角色")
        name = _text(data, "name", "姓名/名称", MAX_NAME, required=True)
        party_type = data.get("type", "person")
        if party_type not in ("person", "organisation"):
            raise ValidationError("当事人类型应为 person（自然人）或 organisation（单位）。", "type")
        is_org = party_type == "organisation"
        id_number = gender = None
        birth: dt.date | None = None
        credit = representative = None
        if is_org:
            if data.get("credit_code"):
                credit = parse_credit_code(str(data["credit_code"]))
            representative = _text(data, "representative", "法定代表人/负责人", MAX_NAME) or None
        else:
            if data.get("id_number"):
                rid = parse_resident_id(str(data["id_number"]))
                id_number, gender, birth = rid.number, rid.sex, rid.birth_date
            given_gender = data.get("gender")
            if given_gender:
                if given_gender not in ("男", "女"):
                    raise ValidationError("性别应为“男”或“女”。", "gender")
                if gender and given_gender != gender:
                    raise ValidationError(f"性别与身份证号不一致（身份证号显示为{gender}）。", "gender")
                gender = given_gender
            given_birth = parse_date(data.get("birth_date"), "birth_date", "出生日期")
            if given_birth and birth and given_birth != birth:
                raise ValidationError("出生日期与身份证号不一致。", "birth_date")
            birth = birth or given_birth
        ethnicity = parse_ethnicity(data["ethnicity"], data_dir) if data.get("ethnicity") else None
        phone = parse_phone(str(data["phone"])) if data.get("phone") else None
        address = _text(data, "address", "住址", 200) or None
    except ValidationError as err:
        raise ValidationError(f"{where}（{data.get('name') or '未填姓名'}）：{err}", err.field) from None
    return PartyDraft(
        role=role, name=name, is_organisation=is_org, id_number=id_number, gender=gender,
        ethnicity=ethnicity, birth_date=birth, phone=phone, address=address,
        credit_code=credit, representative=representative,
    )  # fmt: skip


def parse_case_draft(data: object, data_dir: Path) -> CaseDraft:
    """Validate a registration (the JSON of ``govdesk case add`` or the GUI form)."""
    if not isinstance(data, dict):
        raise ValidationError("登记内容应为一个 JSON 对象（{...}）。")
    unknown = set(data) - CASE_FIELDS
    if unknown:
        raise ValidationError(f"有不认识的字段：{'、'.join(sorted(unknown))}。", None)
    title = _text(data, "title", "事项标题", MAX_TITLE, required=True)
    if data.get("kind") is None:
        raise ValidationError("请选择事项类型（kind）。", "kind")
    kind = Kind.parse(data["kind"], "kind", "事项类型")
    channel = Channel.parse(data.get("channel", "walk_in"), "channel", "来源渠道")
    category: str | None = None
    if data.get("category"):
        category = parse_category(data["category"], data_dir)
    elif kind is Kind.DISPUTE:
        raise ValidationError("矛盾纠纷必须选择纠纷类别（category）。", "category")
    people = data.get("people_involved", 1)
    if isinstance(people, bool) or not isinstance(people, int) or not 1 <= people <= 100_000:
        raise ValidationError("涉及人数应为1到100000之间的整数。", "people_involved")
    amount: Decimal | None = None
    if data.get("amount") not in (None, ""):
        try:
            amount = Decimal(str(data["amount"]))
        except InvalidOperation:
            raise ValidationError(f"涉及金额“{data['amount']}”不是数字。", "amount") from None
        if not amount.is_finite() or amount < 0 or amount > Decimal("1e12"):
            raise ValidationError("涉及金额应为不小于0的数字（单位：元）。", "amount")
        amount = amount.quantize(Decimal("0.01"))
    risk = Risk.parse(data.get("risk", "green"), "risk", "风险等级")
    risk_reason = _text(data, "risk_reason", "风险等级理由", 500)
    if risk is not Risk.GREEN and not risk_reason:
        raise ValidationError("设为红色或黄色预警时请写明理由（risk_reason）。", "risk_reason")
    raw_parties = data.get("parties", [])
    if not isinstance(raw_parties, list):
        raise ValidationError("当事人（parties）应为列表。", "parties")
    if len(raw_parties) > MAX_PARTIES:
        raise ValidationError(f"当事人最多{MAX_PARTIES}个。", "parties")
    parties = tuple(parse_party(p, data_dir, i) for i, p in enumerate(raw_parties))
    if kind is Kind.DISPUTE and not parties:
        raise ValidationError("矛盾纠纷至少要登记一个当事人。", "parties")
    latitude = _coordinate(data, "latitude", "纬度", -90, 90)
    longitude = _coordinate(data, "longitude", "经度", -180, 180)
    if (latitude is None) != (longitude is None):
        raise ValidationError("经度和纬度要同时填写或同时不填。", "latitude")
    return CaseDraft(
        title=title, kind=kind, channel=channel, category=category,
        facts=_text(data, "facts", "事实经过", MAX_TEXT), claims=_text(data, "claims", "诉求", MAX_TEXT),
        occurred_at=parse_date(data.get("occurred_at"), "occurred_at", "发生日期"),
        address=_text(data, "address", "发生地点", 200), latitude=latitude, longitude=longitude,
        village=_text(data, "village", "村（社区）", 60) or None,
        grid_code=_text(data, "grid_code", "网格编码", 40) or None,
        people_involved=people, amount=amount, risk=risk, risk_reason=risk_reason, parties=parties,
    )  # fmt: skip


def format_case_number(center_code: str, year: int, station: int, sequence: int) -> str:
    """330481101-2026-01-00012: center, year, station (device) number, sequence per station and year.

    The station number is unique within a center (assigned at set-up / enrolment), so numbers made
    offline on two machines of the same center never collide after sync.
    """
    return f"{center_code}-{year}-{station:02d}-{sequence:05d}"
