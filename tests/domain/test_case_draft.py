import pytest

from govdesk.domain.cases import parse_case_draft
from govdesk.domain.codes import Kind
from govdesk.domain.errors import ValidationError
from govdesk.paths import resource
from tests.conftest import dispute

DATA = resource("data")


def test_the_readme_example_parses() -> None:
    draft = parse_case_draft(dispute(latitude=30.62, longitude=120.56), DATA)
    assert draft.kind is Kind.DISPUTE
    assert draft.parties[0].gender == "男"
    assert draft.parties[0].birth_date is not None


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "事项标题"),
        ({"kind": "fight"}, "事项类型"),
        ({"category": "打架"}, "纠纷类别"),
        ({"channel": "carrier_pigeon"}, "来源渠道"),
        ({"parties": []}, "至少要登记一个当事人"),
        ({"occurred_at": "2026-13-01"}, "不是有效日期"),
        ({"occurred_at": "2999-01-01"}, "不能晚于今天"),
        ({"latitude": 30.6}, "同时填写"),
        ({"risk": "red"}, "写明理由"),
        ({"amount": "-5"}, "涉及金额"),
        ({"people_involved": 0}, "涉及人数"),
        ({"colour": "blue"}, "不认识的字段"),
        ({"facts": "字" * 20_001}, "太长"),
        ({"parties": [{"role": "applicant", "name": "王某", "id_number": "330483199003150014"}]}, "第1个当事人（王某）"),
        ({"parties": [{"role": "applicant", "name": "王某", "id_number": "330483199003150013", "gender": "女"}]}, "性别与身份证号不一致"),
        ({"parties": [{"role": "boss", "name": "王某"}]}, "当事人角色"),
        ({"parties": [{"role": "applicant", "name": "王某", "ethnicity": "火星族"}]}, "民族"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_case_draft(dispute(**overrides), DATA)


def test_names_are_kept_exactly_as_typed() -> None:
    names = ["𠮷田", "王䶮", "买买提·艾力"]
    parties = [{"role": "applicant", "name": n} for n in names]
    draft = parse_case_draft(dispute(parties=parties), DATA)
    assert [p.name for p in draft.parties] == names


def test_chinese_labels_are_accepted_for_codes() -> None:
    draft = parse_case_draft(dispute(kind="矛盾纠纷", channel="主动调解"), DATA)
    assert draft.kind is Kind.DISPUTE
    assert draft.channel.value == "initiative"


def test_non_disputes_need_no_category_or_parties() -> None:
    draft = parse_case_draft({"title": "路灯不亮", "kind": "grid_event", "channel": "grid_officer"}, DATA)
    assert draft.category is None and draft.parties == ()
