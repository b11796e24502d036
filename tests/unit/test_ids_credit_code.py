"""Unit credit codes (GB 32100), and an ID number or a credit code typed in one field (RULES.md)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import DomainError
from kiosk.domain.ids import normalize_credit_code, uscc_check_char


# GB 32100 credit code ----------------------------------------------------------------------

def test_valid_credit_code() -> None:
    assert normalize_credit_code("91500000MA5U000010") == "91500000MA5U000010"
    assert normalize_credit_code("91500000ma5u000010") == "91500000MA5U000010"
    assert uscc_check_char("91500000MA5U00001") == "0"


@pytest.mark.parametrize("position", range(18))
def test_credit_code_with_one_changed_char_is_rejected(position: int) -> None:
    good = "91500000MA5U000010"
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    for replacement in alphabet:
        if replacement == good[position]:
            continue
        bad = good[:position] + replacement + good[position + 1:]
        with pytest.raises(DomainError):
            normalize_credit_code(bad)


@pytest.mark.parametrize("raw, words", [
    ("", "18位"),
    ("91500000MA5U00001", "18位"),
    ("91500000MI5U000010", "不允许的字符"),
    ("91500000MO5U000010", "不允许的字符"),
    ("91500000MA5U000011", "校验位"),
])
def test_bad_credit_codes(raw: str, words: str) -> None:
    with pytest.raises(DomainError) as err:
        normalize_credit_code(raw)
    assert words in err.value.message


@given(st.text())
def test_credit_code_arbitrary_text_raises_only_domain_errors(raw: str) -> None:
    try:
        normalize_credit_code(raw)
    except DomainError:
        pass


# A person's ID number or a unit's credit code (the counter's lookup, sign-in) --------------------

def test_person_or_unit_id_names_what_is_wrong_with_a_credit_code() -> None:
    """A credit code's layout (not a person's region and birth date): checked as one, with the
    message 单位用户注册 gives (test_ids_person_or_unit: what is told as an ID number)."""
    from kiosk.domain.ids import normalize_person_or_unit_id

    assert normalize_person_or_unit_id("91500000MA5U000010") == "91500000MA5U000010"
    for raw in ("91500000MA5U000011", "91500000ma5u000011", "91500000MI5U000010"):
        with pytest.raises(DomainError) as unit:
            normalize_person_or_unit_id(raw, "id_number")
        with pytest.raises(DomainError) as register:
            normalize_credit_code(raw, "id_number")
        assert (unit.value.message, unit.value.field) == (register.value.message, "id_number")
    with pytest.raises(DomainError, match="身份证号码校验位不正确"):  # 18 digits: an ID number
        normalize_person_or_unit_id("500112198808240557")
    with pytest.raises(DomainError, match="身份证号码应为18位"):
        normalize_person_or_unit_id("5001121988")


def _code_with_check(first17: str) -> str:
    return first17 + uscc_check_char(first17)


@pytest.mark.parametrize("first17, words", [
    ("01500000MA5U00001", "第1位（登记管理部门代码）不正确"),  # no authority 0
    ("B1500000MA5U00001", "第1位（登记管理部门代码）不正确"),
    ("X1500000MA5U00001", "第1位（登记管理部门代码）不正确"),
    ("94500000MA5U00001", "第2位（机构类别代码）不正确"),  # 工商 registers 1, 2, 3 only
    ("9A500000MA5U00001", "第2位（机构类别代码）不正确"),
    ("16500000MA5U00001", "第2位（机构类别代码）不正确"),
    ("91000000MA5U00001", "第3至8位（登记管理机关行政区划码）不正确"),  # no province 00
    ("91990000MA5U00001", "第3至8位（登记管理机关行政区划码）不正确"),
    ("91A00000MA5U00001", "第3至8位（登记管理机关行政区划码）不正确"),  # not six digits
    ("9150000AMA5U00001", "第3至8位（登记管理机关行政区划码）不正确"),
])
def test_credit_code_structure_is_checked(first17: str, words: str) -> None:
    """GB 32100's parts, each with its own message, though the check character is right."""
    with pytest.raises(DomainError) as err:
        normalize_credit_code(_code_with_check(first17), "credit_code")
    assert err.value.message == "统一社会信用代码" + words
    assert err.value.field == "credit_code"


@pytest.mark.parametrize("first17", [
    "91500000MA5U00001", "91110000100010433", "92500103MA5U00001", "93500000MA5U00001",
    "11100000000013127", "12500000MA5U00001", "51500000MA5U00001", "53110000MA5U00001",
    "N2500000MA5U00001", "Y1500000MA5U00001", "A1110000MA5U00001", "31820000MA5U00001",
])
def test_credit_codes_of_each_authority_are_accepted(first17: str) -> None:
    assert normalize_credit_code(_code_with_check(first17)) == _code_with_check(first17)
