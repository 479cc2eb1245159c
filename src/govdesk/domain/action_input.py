"""Validating the input of lifecycle actions (the JSON of ``govdesk case act`` and the GUI dialogs).

Each reader takes the raw dict and returns plain values, raising ValidationError with a message a user can act
on. Unknown fields are refused so that a typo never silently drops information.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from govdesk.domain.cases import MAX_TEXT
from govdesk.domain.errors import ValidationError
from govdesk.domain.translatable import QT_TRANSLATE_NOOP

CHANNELS = {
    "arbitration": QT_TRANSLATE_NOOP("ActionForm", "仲裁"),
    "administrative": QT_TRANSLATE_NOOP("ActionForm", "行政"),
    "judicial": QT_TRANSLATE_NOOP("ActionForm", "司法（诉讼）"),
}
SATISFACTION = {
    "satisfied": QT_TRANSLATE_NOOP("ActionForm", "满意"),
    "basically": QT_TRANSLATE_NOOP("ActionForm", "基本满意"),
    "unsatisfied": QT_TRANSLATE_NOOP("ActionForm", "不满意"),
}
PERFORMANCE = {
    "pending": QT_TRANSLATE_NOOP("ActionForm", "待履行"),
    "performed": QT_TRANSLATE_NOOP("ActionForm", "已履行"),
    "partly": QT_TRANSLATE_NOOP("ActionForm", "部分履行"),
    "not": QT_TRANSLATE_NOOP("ActionForm", "未履行"),
}
SIGN_METHODS = {
    "paper": QT_TRANSLATE_NOOP("ActionForm", "纸面签名"),
    "fingerprint": QT_TRANSLATE_NOOP("ActionForm", "按指印"),
    "seal": QT_TRANSLATE_NOOP("ActionForm", "盖章"),
    "image": QT_TRANSLATE_NOOP("ActionForm", "电子签名图像"),
}
SIGNERS = {
    "party": QT_TRANSLATE_NOOP("ActionForm", "当事人"),
    "mediator": QT_TRANSLATE_NOOP("ActionForm", "调解员"),
    "recorder": QT_TRANSLATE_NOOP("ActionForm", "记录人"),
}


class Reader:
    """Reads fields from one action's input, remembering which were used to refuse unknown ones."""

    def __init__(self, data: object, action: str) -> None:
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ValidationError(f"“{action}”的内容应为一个 JSON 对象（{{...}}）。")
        self.data: dict[str, Any] = data
        self.used: set[str] = set()

    def done(self) -> None:
        unknown = set(self.data) - self.used
        if unknown:
            raise ValidationError(f"有不认识的字段：{'、'.join(sorted(unknown))}。请对照说明检查拼写。")

    def text(self, key: str, label: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
        self.used.add(key)
        raw = self.data.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                raise ValidationError(f"请填写{label}。", key)
            return ""
        if not isinstance(raw, str):
            raise ValidationError(f"{label}应为文字。", key)
        if "\x00" in raw:
            raise ValidationError(f"{label}中含有不可见的空字符，请删除后再保存。", key)
        if len(raw) > limit:
            raise ValidationError(f"{label}太长：最多{limit}个字。", key)
        return raw.strip()

    def names(self, key: str, label: str, *, required: bool = False) -> list[str]:
        self.used.add(key)
        raw = self.data.get(key, [])
        if isinstance(raw, str):
            raw = [p for p in raw.replace("，", ",").replace("、", ",").split(",")]
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            raise ValidationError(f"{label}应为姓名列表。", key)
        names = [x.strip() for x in raw if x.strip()]
        if required and not names:
            raise ValidationError(f"请至少填写一位{label}。", key)
        if any(len(n) > 60 for n in names):
            raise ValidationError(f"{label}中有姓名过长。", key)
        return names

    def choice(self, key: str, label: str, options: dict[str, str], *, default: str | None = None) -> str:
        self.used.add(key)
        raw = self.data.get(key, default)
        for value, text in options.items():
            if raw in (value, text):
                return value
        allowed = "、".join(f"{v}（{t}）" for v, t in options.items())
        raise ValidationError(f"{label}“{raw}”不认识，可选：{allowed}。", key)

    def date(
        self, key: str, label: str, *, today: dt.date, required: bool = False, future_ok: bool = False
    ) -> dt.date | None:
        self.used.add(key)
        raw = self.data.get(key)
        if raw in (None, ""):
            if required:
                raise ValidationError(f"请填写{label}。", key)
            return None
        try:
            value = dt.date.fromisoformat(str(raw)[:10])
        except ValueError:
            raise ValidationError(f"{label}“{raw}”不是有效日期，请写成 2026-11-20 的形式。", key) from None
        if not future_ok and value > today:
            raise ValidationError(f"{label}不能晚于今天。", key)
        return value

    def when(self, key: str, label: str, *, now: dt.datetime) -> dt.datetime:
        """A local (China) date-time like '2026-11-20 14:30'; defaults to now."""
        self.used.add(key)
        raw = self.data.get(key)
        if raw in (None, ""):
            return now
        try:
            value = dt.datetime.fromisoformat(str(raw).replace("T", " "))
        except ValueError:
            raise ValidationError(f"{label}“{raw}”不是有效时间，请写成 2026-11-20 14:30 的形式。", key) from None
        return value.replace(tzinfo=None)

    def amount(self, key: str, label: str) -> int | None:
        self.used.add(key)
        raw = self.data.get(key)
        if raw in (None, ""):
            return None
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            raise ValidationError(f"{label}“{raw}”不是数字。", key) from None
        if not value.is_finite() or value < 0 or value > Decimal("1e12"):
            raise ValidationError(f"{label}应为不小于0的金额（元）。", key)
        return int((value * 100).quantize(Decimal("1")))

    def integer(
        self, key: str, label: str, *, default: int | None = None, low: int = 0, high: int = 10_000
    ) -> int | None:
        self.used.add(key)
        raw = self.data.get(key, default)
        if raw is None:
            return None
        if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= high:
            raise ValidationError(f"{label}应为{low}到{high}之间的整数。", key)
        return raw

    def flag(self, key: str, *, default: bool = False) -> bool:
        self.used.add(key)
        raw = self.data.get(key, default)
        if not isinstance(raw, bool):
            raise ValidationError(f"{key} 应为 true 或 false。", key)
        return raw

    def items(self, key: str, label: str) -> list[dict[str, Any]]:
        self.used.add(key)
        raw = self.data.get(key, [])
        if not isinstance(raw, list) or not all(isinstance(x, dict) for x in raw):
            raise ValidationError(f"{label}应为列表。", key)
        return raw


@dataclass(frozen=True)
class ObligationInput:
    obligor: str
    obligee: str
    content: str
    amount_cents: int | None
    due_on: dt.date | None
    method: str
    place: str


def read_obligations(reader: Reader, today: dt.date, *, required: bool) -> list[ObligationInput]:
    raw = reader.items("obligations", "协议履行事项（obligations）")
    if required and not raw:
        raise ValidationError(
            "书面协议至少要有一项履行事项：谁、向谁、做什么或付多少、何时、以何种方式履行。", "obligations"
        )
    out = []
    for i, item in enumerate(raw):
        r = Reader(item, "obligations")
        try:
            ob = ObligationInput(
                obligor=r.text("obligor", "义务人", required=True, limit=100),
                obligee=r.text("obligee", "权利人", limit=100),
                content=r.text("content", "履行内容", required=True, limit=2000),
                amount_cents=r.amount("amount", "金额"),
                due_on=r.date("due_on", "履行期限", today=today, future_ok=True),
                method=r.text("method", "履行方式", limit=200),
                place=r.text("place", "履行地点", limit=200),
            )
            r.done()
        except ValidationError as err:
            raise ValidationError(f"第{i + 1}项履行事项：{err}", "obligations") from None
        out.append(ob)
    return out
