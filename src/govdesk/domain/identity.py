"""Identity numbers and phone numbers: resident ID (GB 11643), unified social credit code (GB 32100), phones.

All patterns are ASCII-only on purpose: Python's ``\\d`` and ``int()`` accept Arabic-Indic and other digits.
Full-width digits (common with Chinese input methods) are normalised to ASCII first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from govdesk.domain.errors import ValidationError

_FULLWIDTH = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９ＡＢＣＤＥＦＧＨＪＫＬＭＮＰＱＲＴＵＷＸＹｘ"}
_FULLWIDTH[ord("ｘ")] = ord("x")

_ID_RE = re.compile(r"[0-9]{17}[0-9X]", re.ASCII)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def normalise_code(raw: str) -> str:
    """Strip blanks, fold full-width digits/letters to ASCII and upper-case."""
    return raw.strip().replace(" ", "").translate(_FULLWIDTH).upper()


def resident_id_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID."""
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


@dataclass(frozen=True)
class ResidentId:
    number: str
    birth_date: dt.date
    sex: str  # "男" / "女"
    region: str

    @property
    def masked(self) -> str:
        return mask_id_number(self.number)


def parse_resident_id(raw: str, *, today: dt.date | None = None) -> ResidentId:
    """Validate an 18-character resident ID number; raise ValidationError saying what is wrong."""
    number = normalise_code(raw)
    if len(number) != 18:
        raise ValidationError(f"身份证号应为18位，现在是{len(number)}位，请核对。", "id_number")
    if not _ID_RE.fullmatch(number):
        raise ValidationError("身份证号只能由数字组成，最后一位可以是X，请核对。", "id_number")
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError(
            f"身份证号中的出生日期{number[6:14]}不存在，请核对。", "id_number"
        ) from None
    today = today or dt.date.today()
    if birth > today:
        raise ValidationError("身份证号中的出生日期在今天之后，请核对。", "id_number")
    if birth.year < 1880:
        raise ValidationError("身份证号中的出生年份不合理，请核对。", "id_number")
    expected = resident_id_check_char(number[:17])
    if number[17] != expected:
        raise ValidationError(
            "身份证号校验位不对（最后一位应为" + expected + "），可能有数字输错，请核对。",
            "id_number",
        )
    sex = "男" if int(number[16]) % 2 == 1 else "女"
    return ResidentId(number=number, birth_date=birth, sex=sex, region=number[:6])


def mask_id_number(number: str) -> str:
    """3304**********0013: keep the first 4 and last 4 characters."""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


_PHONE_MOBILE = re.compile(r"1[3-9][0-9]{9}", re.ASCII)
_PHONE_LANDLINE = re.compile(r"0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?", re.ASCII)


def parse_phone(raw: str) -> str:
    """A mainland mobile (11 digits starting 13–19) or a landline with area code."""
    phone = normalise_code(raw).replace("－", "-")
    if phone.startswith("+86"):
        phone = phone[3:]
    if _PHONE_MOBILE.fullmatch(phone) or _PHONE_LANDLINE.fullmatch(phone):
        return phone
    raise ValidationError(
        "电话号码格式不对：手机号为1开头的11位数字，固定电话请带区号（如0573-12345678）。",
        "phone",
    )


def mask_phone(phone: str) -> str:
    """139****5678."""
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


# GB 32100: 18 characters from this alphabet (no I, O, Z, S, V), weights 3^i mod 31.
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check_char(first17: str) -> str:
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def parse_credit_code(raw: str) -> str:
    """Validate a unified social credit code (统一社会信用代码)."""
    code = normalise_code(raw)
    if len(code) != 18:
        raise ValidationError(f"统一社会信用代码应为18位，现在是{len(code)}位，请核对。", "credit_code")
    bad = [c for c in code if c not in _USCC_ALPHABET]
    if bad:
        raise ValidationError(
            f"统一社会信用代码含有不允许的字符“{bad[0]}”（不使用I、O、Z、S、V），请核对。", "credit_code"
        )
    if code[17] != uscc_check_char(code[:17]):
        raise ValidationError("统一社会信用代码校验位不对，可能有字符输错，请核对。", "credit_code")
    return code


_DIVISION_RE = re.compile(r"[0-9]{9}([0-9]{3})?", re.ASCII)


def parse_division_code(raw: str) -> str:
    """A township's administrative division code: 9 digits (county 6 + township 3) or 12 digits."""
    code = normalise_code(raw)
    if not _DIVISION_RE.fullmatch(code):
        raise ValidationError(
            "中心代码应为乡镇（街道）的9位或12位行政区划代码，只含数字，例如330481101。", "center_code"
        )
    return code
