"""Code tables kept as data in ``resources/data`` (counties may extend them) and the fixed enums of the CLI contract."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from govdesk.domain.errors import ValidationError


class LabelledEnum(str, enum.Enum):
    """A string enum whose members carry a Chinese label for the UI and documents."""

    label: str

    def __new__(cls, value: str, label: str) -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def parse(cls, raw: object, field: str, what: str) -> LabelledEnum:
        for member in cls:
            if raw == member.value or raw == member.label:
                return member
        allowed = "、".join(f"{m.value}（{m.label}）" for m in cls)
        raise ValidationError(f"{what}“{raw}”不认识，可选：{allowed}。", field)


class Kind(LabelledEnum):
    DISPUTE = ("dispute", "矛盾纠纷")
    COMPLAINT = ("complaint", "投诉")
    SUGGESTION = ("suggestion", "建议")
    HELP = ("help", "求助")
    CONSULTATION = ("consultation", "法律咨询")
    GRID_EVENT = ("grid_event", "网格事件")


class Channel(LabelledEnum):
    WALK_IN = ("walk_in", "当事人申请")
    INITIATIVE = ("initiative", "主动调解")
    GRID_OFFICER = ("grid_officer", "网格员上报")
    HOTLINE_12345 = ("hotline_12345", "12345热线转办")
    REFERRAL = ("referral", "部门移送")
    ONLINE = ("online", "扫码/网上反映")


class PartyRole(LabelledEnum):
    APPLICANT = ("applicant", "申请人")
    RESPONDENT = ("respondent", "被申请人")
    THIRD_PARTY = ("third_party", "第三人")


class Risk(LabelledEnum):
    GREEN = ("green", "绿")
    YELLOW = ("yellow", "黄")
    RED = ("red", "红")


class Status(LabelledEnum):
    """Case statuses. The lifecycle issue adds the transitions between them."""

    REGISTERED = ("registered", "已登记")
    ACCEPTED = ("accepted", "已受理")
    REFUSED = ("refused", "不予受理")
    MEDIATING = ("mediating", "调解中")
    AGREED = ("agreed", "达成协议")
    FAILED = ("failed", "调解终止")
    REFERRED = ("referred", "已交办")
    HANDLED = ("handled", "已办理")
    FED_BACK = ("fed_back", "已反馈")
    CLOSED = ("closed", "已办结")
    ARCHIVED = ("archived", "已归档")
    WITHDRAWN = ("withdrawn", "已撤回")

    @property
    def is_open(self) -> bool:
        return self not in _FINAL


_FINAL = {Status.REFUSED, Status.CLOSED, Status.ARCHIVED, Status.WITHDRAWN}
OPEN_STATUSES: tuple[Status, ...] = tuple(s for s in Status if s.is_open)


@dataclass(frozen=True)
class Category:
    name: str
    code: str


@dataclass(frozen=True)
class EthnicGroup:
    code: str
    name: str


def _load(path: Path) -> dict[str, object]:
    with path.open(encoding="utf-8") as fh:
        data: dict[str, object] = json.load(fh)
    return data


@cache
def categories(data_dir: Path) -> tuple[Category, ...]:
    raw = _load(data_dir / "categories.json")["categories"]
    assert isinstance(raw, list)
    return tuple(Category(name=c["name"], code=c["code"]) for c in raw)


@cache
def ethnic_groups(data_dir: Path) -> tuple[EthnicGroup, ...]:
    raw = _load(data_dir / "ethnic_groups.json")["ethnic_groups"]
    assert isinstance(raw, list)
    return tuple(EthnicGroup(code=e["code"], name=e["name"]) for e in raw)


def parse_category(raw: object, data_dir: Path) -> str:
    names = [c.name for c in categories(data_dir)]
    if raw in names:
        return str(raw)
    raise ValidationError(f"纠纷类别“{raw}”不认识，可选：{'、'.join(names)}。", "category")


def parse_ethnicity(raw: object, data_dir: Path) -> str:
    names = [e.name for e in ethnic_groups(data_dir)]
    if raw in names:
        return str(raw)
    if isinstance(raw, str) and raw + "族" in names:
        return raw + "族"
    raise ValidationError(f"民族“{raw}”不在56个民族名称中，请核对（例如：汉族、回族）。", "ethnicity")
