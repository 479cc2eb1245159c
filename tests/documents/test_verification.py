"""Numbers, content hashes, the short code and the QR payload."""

from __future__ import annotations

import dataclasses
import datetime as dt

from govdesk.documents.build import build_document
from govdesk.documents.catalog import content_of
from govdesk.documents.verification import (
    DocNumber,
    base32,
    committee_short_name,
    content_digest,
    parse_code,
    parse_doc_number,
    parse_payload,
    payload,
    qr_matrix,
    short_code,
)
from govdesk.documents.wording import money_upper
from tests.documents.samples import agreement, case_file, fonts, issue, pdf_pages

DIGEST = "e58684e581ca6222b10093ec41473e41" * 2


def test_document_numbers_carry_year_committee_station_and_sequence() -> None:
    n = DocNumber(2026, "荷塘", 1, 12)
    assert n.text == "(2026)荷塘人调字第01-012号" and n.key == "2026-01-012"
    assert parse_doc_number("（2026）荷塘人调字第01-012号") == n
    assert DocNumber(2026, "荷塘", 3, 1234).text == "(2026)荷塘人调字第03-1234号"


def test_committee_short_names() -> None:
    assert committee_short_name("荷塘镇人民调解委员会") == "荷塘"
    assert committee_short_name("南漾街道人民调解委员会") == "南漾"
    assert committee_short_name("", "测试镇综治中心") == "测试"
    assert committee_short_name("荷塘镇人民调解委员会（演示）") == "荷塘"


def test_short_code_is_typable_and_lenient() -> None:
    code = short_code(DocNumber(2026, "荷塘", 1, 12), DIGEST)
    assert code.startswith("2026-01-012-") and len(code) == 21
    assert set(code[12:].replace("-", "")) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    parts = parse_code(code.lower().replace("-", " - ").replace("0", "O"))
    assert parts is not None and (parts.year, parts.station, parts.seq) == (2026, 1, 12)
    assert parts.hash_prefix == base32(bytes.fromhex(DIGEST))[:8]
    assert parse_code("2026-01-012") is None and parse_code("随便写的") is None


def test_payload_round_trip_and_it_is_in_the_pdf() -> None:
    number = DocNumber(2026, "荷塘", 1, 12)
    text = payload("330499101", number, DIGEST)
    assert text.isascii() and text == text.upper()  # QR alphanumeric mode
    parts = parse_payload(text)
    assert parts is not None and parts.digest == DIGEST and parts.center_code == "330499101"
    case = case_file()
    iss = issue("agreement", case)
    built = build_document("agreement", case, iss, fonts())
    found = parse_payload(built.pdf)
    assert found is not None and found.digest == iss.verification.digest
    assert iss.verification.code in "".join(pdf_pages(built.pdf))


def test_qr_matrix_has_the_three_finder_patterns() -> None:
    m = qr_matrix(payload("330499101", DocNumber(2026, "荷塘", 1, 12), DIGEST))
    n = len(m)
    assert n == 33  # version 4, level M
    for r, c in ((0, 0), (0, n - 7), (n - 7, 0)):
        assert all(m[r][c + i] and m[r + 6][c + i] and m[r + i][c] and m[r + i][c + 6] for i in range(7))
        assert all(m[r + 2 + i][c + 2 + j] for i in range(3) for j in range(3))


def test_the_hash_covers_what_is_printed_and_only_that() -> None:
    case = case_file()
    before = content_digest("agreement", content_of("agreement", case))
    signed = dataclasses.replace(case.agreement, effective_on=dt.date(2026, 12, 1), confirmation_court="某县人民法院",
                                 obligations=tuple(dataclasses.replace(o, performance="performed")
                                                   for o in case.agreement.obligations))  # type: ignore[union-attr]  # fmt: skip
    assert content_digest("agreement", content_of("agreement", case_file(agreement=signed))) == before
    changed = case_file(agreement=agreement(matters="另一个争议事项"))
    assert content_digest("agreement", content_of("agreement", changed)) != before
    assert content_digest("rights-notice", content_of("rights-notice", changed)) == content_digest(
        "rights-notice", content_of("rights-notice", case))


def test_amounts_in_capitals() -> None:
    assert money_upper(150000) == "壹仟伍佰元整"
    assert money_upper(1234567) == "壹万贰仟叁佰肆拾伍元陆角柒分"
    assert money_upper(100000100) == "壹佰万零壹元整"
    assert money_upper(10000000) == "壹拾万元整"
    assert money_upper(5) == "伍分"
