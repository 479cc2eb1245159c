import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdesk.domain.errors import ValidationError
from govdesk.domain.identity import (
    mask_id_number,
    mask_phone,
    parse_credit_code,
    parse_division_code,
    parse_phone,
    parse_resident_id,
    resident_id_check_char,
    uscc_check_char,
)


def test_valid_id_gives_birth_date_and_sex() -> None:
    rid = parse_resident_id("330483199003150013")
    assert rid.birth_date == dt.date(1990, 3, 15)
    assert rid.sex == "男"


def test_wrong_check_digit_is_refused_with_the_reason() -> None:
    with pytest.raises(ValidationError, match="校验位") as err:
        parse_resident_id("330483199003150014")
    assert err.value.field == "id_number"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("33048319900315001", "18位"),
        ("3304831990031500AX", "只能由数字"),
        ("330483199002300010", "出生日期"),  # 30 February
        ("330483299003150011", "今天之后"),
    ],
)
def test_bad_ids_are_refused(raw: str, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        parse_resident_id(raw, today=dt.date(2026, 11, 22))


def test_fullwidth_digits_are_normalised_but_other_unicode_digits_refused() -> None:
    assert parse_resident_id("３３０４８３１９９００３１５００１３").number == "330483199003150013"
    arabic_indic = "".join(chr(0x0660 + int(c)) for c in "33048319900315001") + "3"
    with pytest.raises(ValidationError):
        parse_resident_id(arabic_indic)


def test_x_check_character_lower_case_accepted() -> None:
    first17 = "11010519491231002"
    check = resident_id_check_char(first17)
    number = first17 + (check.lower() if check == "X" else check)
    assert parse_resident_id(number).number == first17 + check


@given(st.from_regex(r"[1-6][0-9]{5}(19[5-9][0-9]|200[0-9])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])[0-9]{3}", fullmatch=True))
def test_any_id_with_computed_check_char_validates(first17: str) -> None:
    assert parse_resident_id(first17 + resident_id_check_char(first17)).number.startswith(first17)


def test_credit_code_check() -> None:
    assert parse_credit_code("91350100M000100Y43") == "91350100M000100Y43"
    with pytest.raises(ValidationError, match="校验位"):
        parse_credit_code("91350100M000100Y44")
    with pytest.raises(ValidationError, match="不允许的字符"):
        parse_credit_code("91350100M0001O0Y43")
    first17 = "91330483MA2B3C4D5"
    assert parse_credit_code(first17 + uscc_check_char(first17))


def test_phone_numbers() -> None:
    assert parse_phone("138 0013 8000") == "13800138000"
    assert parse_phone("0573-87654321") == "0573-87654321"
    for bad in ("12800138000", "1380013800", "abc"):
        with pytest.raises(ValidationError, match="电话号码"):
            parse_phone(bad)


def test_masking() -> None:
    assert mask_id_number("330483199003150013") == "3304**********0013"
    assert mask_phone("13912345678") == "139****5678"


def test_division_code() -> None:
    assert parse_division_code("330483101") == "330483101"
    with pytest.raises(ValidationError):
        parse_division_code("3304")
