"""Chinese wording shared by the documents: dates, amounts in figures and in capitals, clause numerals,
blanks to fill in by hand, and how a party is described."""

from __future__ import annotations

import datetime as dt

from govdesk.documents.data import DocumentObligation, DocumentParty
from govdesk.domain.codes import Channel, PartyRole
from govdesk.domain.identity import mask_id_number

BLANK = "＿＿＿＿＿＿"
SHORT_BLANK = "＿＿＿"
DATE_BLANK = "　　　　年　　月　　日"
CHANNELS = {"arbitration": "仲裁", "administrative": "行政", "judicial": "司法（诉讼）"}
SATISFACTION = {"satisfied": "满意", "basically": "基本满意", "unsatisfied": "不满意"}
PERFORMANCE = {"pending": "待履行", "performed": "已履行", "partly": "部分履行", "not": "未履行"}
_DIGITS = "零一二三四五六七八九"
_UPPER = "零壹贰叁肆伍陆柒捌玖"


def cn_date(day: dt.date | None, blank: str = DATE_BLANK) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else blank


def cn_time(text: str) -> str:
    """'2026-11-20 14:30' (as records keep it) → 2026年11月20日 14时30分."""
    try:
        when = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return text
    return f"{when.year}年{when.month}月{when.day}日 {when.hour}时{when.minute:02d}分"


def cn_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 99 → 九十九 (clause numbers); larger numbers stay in figures."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def money(cents: int) -> str:
    return f"{cents // 100:,}.{cents % 100:02d}元"


def money_upper(cents: int) -> str:
    """Amount in financial capitals: 150000 → 壹仟伍佰元整, 1234567 → 壹万贰仟叁佰肆拾伍元陆角柒分."""
    if cents == 0:
        return "零元整"
    yuan, rest = divmod(abs(cents), 100)
    jiao, fen = divmod(rest, 10)
    out = "负" if cents < 0 else ""
    if yuan:
        out += _upper_integer(yuan) + "元"
    if jiao == 0 and fen == 0:
        return out + "整"
    if jiao:
        out += _UPPER[jiao] + "角"
    elif yuan:
        out += "零"
    if fen:
        out += _UPPER[fen] + "分"
    return out


def _upper_integer(n: int) -> str:
    digits = str(n)
    units, groups = ("", "拾", "佰", "仟"), ("", "万", "亿", "万亿")
    out, zero = "", False
    for i, ch in enumerate(digits):
        pos = len(digits) - 1 - i
        if ch == "0":
            zero = True
        else:
            out += ("零" if zero and out else "") + _UPPER[int(ch)] + units[pos % 4]
            zero = False
        if pos % 4 == 0 and pos and int(digits[max(0, i - 3) : i + 1]):
            out += groups[pos // 4]
    return out


def age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def role_label(role: str) -> str:
    try:
        return PartyRole(role).label
    except ValueError:
        return role


def channel_label(channel: str) -> str:
    try:
        return Channel(channel).label
    except ValueError:
        return channel


def id_shown(party: DocumentParty, full: bool) -> str:
    if not party.id_number:
        return ""
    return party.id_number if full else mask_id_number(party.id_number)


def or_blank(value: str | None, blank: str = BLANK) -> str:
    return value.strip() if value and value.strip() else blank


def describe_party(
    party: DocumentParty, on: dt.date, *, full_id: bool, occupation: bool = True, role: str = ""
) -> str:
    """The party's basic facts as one sentence (协议书、司法确认申请书), blanks where the record is silent."""
    role = role or role_label(party.role)
    if party.is_organisation:
        return (f"{role}：{party.name}，统一社会信用代码：{or_blank(party.credit_code)}，"
                f"住所：{or_blank(party.address)}，法定代表人（负责人）：{or_blank(party.representative)}，"
                f"联系电话：{or_blank(party.phone)}。")  # fmt: skip
    born = f"{cn_date(party.birth_date)}出生（{age_on(party.birth_date, on)}岁）" if party.birth_date else f"出生日期：{BLANK}"
    id_text = id_shown(party, full_id)
    parts = [
        f"{role}：{party.name}", or_blank(party.gender, SHORT_BLANK), or_blank(party.ethnicity, SHORT_BLANK), born,
        f"{party.id_type or '身份证件'}号码：{id_text or BLANK}",
    ]
    if occupation:
        parts.append(f"职业或职务：{SHORT_BLANK}")
    parts += [f"住址：{or_blank(party.address)}", f"联系电话：{or_blank(party.phone)}"]
    return "，".join(parts) + "。"


def missing_facts(party: DocumentParty) -> list[str]:
    """Which of the Art. 29 basic facts the record lacks for this party."""
    if party.is_organisation:
        wanted = {"统一社会信用代码": party.credit_code, "住所": party.address, "法定代表人": party.representative,
                  "联系电话": party.phone}  # fmt: skip
    else:
        wanted = {"性别": party.gender, "民族": party.ethnicity, "出生日期": "x" if party.birth_date else None,
                  "身份证件号码": party.id_number, "住址": party.address, "联系电话": party.phone}  # fmt: skip
    return [k for k, v in wanted.items() if not v]


def names(parties: tuple[DocumentParty, ...]) -> str:
    return "、".join(p.name for p in parties)


def obligation_clause(ob: DocumentObligation) -> str:
    """One agreed term: who, to whom, what (and how much), how, where, by when."""
    when = f"于{cn_date(ob.due_on)}前" if ob.due_on else f"于{BLANK}前"
    where = f"在{ob.place}" if ob.place.strip() else f"在{BLANK}（履行地点）"
    how = f"以{ob.method}方式" if ob.method.strip() else ""
    to = f"向{ob.obligee}" if ob.obligee.strip() else ""
    text = f"{ob.obligor}{when}{where}{how}{to}{ob.content.strip().rstrip('。；;')}"
    if ob.amount_cents is not None:
        text += f"，金额人民币{money(ob.amount_cents)}（大写：人民币{money_upper(ob.amount_cents)}）"
    return text + "。"
