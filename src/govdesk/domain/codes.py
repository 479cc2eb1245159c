"""Code tables kept as data in ``resources/data`` (counties may extend them) and the fixed enums of the CLI contract."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Self

from govdesk.domain.errors import ValidationError


class LabelledEnum(enum.StrEnum):
    """A string enum whose members carry a Chinese label for the UI and documents (see ``_LABELS``)."""

    @property
    def label(self) -> str:
        return _LABELS[self]

    @classmethod
    def parse(cls, raw: object, field: str, what: str) -> Self:
        for member in cls:
            if raw == member.value or raw == member.label:
                return member
        allowed = "、".join(f"{m.value}（{m.label}）" for m in cls)
        raise ValidationError(f"{what}“{raw}”不认识，可选：{allowed}。", field)


class Kind(LabelledEnum):
    DISPUTE = "dispute"
    COMPLAINT = "complaint"
    SUGGESTION = "suggestion"
    HELP = "help"
    CONSULTATION = "consultation"
    GRID_EVENT = "grid_event"


class Channel(LabelledEnum):
    WALK_IN = "walk_in"
    INITIATIVE = "initiative"
    GRID_OFFICER = "grid_officer"
    HOTLINE_12345 = "hotline_12345"
    REFERRAL = "referral"
    ONLINE = "online"


class PartyRole(LabelledEnum):
    APPLICANT = "applicant"
    RESPONDENT = "respondent"
    THIRD_PARTY = "third_party"


class Risk(LabelledEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


class Status(LabelledEnum):
    """Case statuses. The lifecycle issue adds the transitions between them."""

    REGISTERED = "registered"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    MEDIATING = "mediating"
    AGREED = "agreed"
    FAILED = "failed"
    ASSIGNED = "assigned"
    REFERRED = "referred"
    HANDLED = "handled"
    FED_BACK = "fed_back"
    CLOSED = "closed"
    ARCHIVED = "archived"
    WITHDRAWN = "withdrawn"

    @property
    def is_open(self) -> bool:
        return self not in _FINAL


_LABELS: dict[LabelledEnum, str] = {
    Kind.DISPUTE: "矛盾纠纷", Kind.COMPLAINT: "投诉", Kind.SUGGESTION: "建议", Kind.HELP: "求助",
    Kind.CONSULTATION: "法律咨询", Kind.GRID_EVENT: "网格事件",
    Channel.WALK_IN: "当事人申请", Channel.INITIATIVE: "主动调解", Channel.GRID_OFFICER: "网格员上报",
    Channel.HOTLINE_12345: "12345热线转办", Channel.REFERRAL: "部门移送", Channel.ONLINE: "扫码/网上反映",
    PartyRole.APPLICANT: "申请人", PartyRole.RESPONDENT: "被申请人", PartyRole.THIRD_PARTY: "第三人",
    Risk.GREEN: "绿", Risk.YELLOW: "黄", Risk.RED: "红",
    Status.REGISTERED: "已登记", Status.ACCEPTED: "已受理", Status.REFUSED: "不予受理", Status.MEDIATING: "调解中",
    Status.AGREED: "达成协议", Status.FAILED: "调解终止", Status.ASSIGNED: "已分派", Status.REFERRED: "已交办", Status.HANDLED: "已办理",
    Status.FED_BACK: "已反馈", Status.CLOSED: "已办结", Status.ARCHIVED: "已归档", Status.WITHDRAWN: "已撤回",
}  # fmt: skip

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
