"""ID numbers (GB 11643): check digit, length, birth date, region, sex and age (RULES.md)."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kiosk.domain.errors import DomainError
from kiosk.domain.ids import (
    age_on,
    birth_date,
    id_check_char,
    normalize_id_number,
    normalize_person_or_unit_id,
    sex_of,
)


# GB 11643 ----------------------------------------------------------------------------------

VALID_IDS = ["320124198808240056", "110108196711301862", "11010519491231002X"]


@pytest.mark.parametrize("number", VALID_IDS)
def test_valid_id_numbers_are_accepted_unchanged(number: str) -> None:
    assert normalize_id_number(number) == number


def test_lower_case_x_is_accepted_and_upper_cased() -> None:
    assert normalize_id_number("11010519491231002x") == "11010519491231002X"


def test_surrounding_and_inner_spaces_are_ignored() -> None:
    assert normalize_id_number(" 320124 19880824 0056 ") == "320124198808240056"


def test_check_digit_is_iso_7064_mod_11_2() -> None:
    assert id_check_char("32012419880824005") == "6"
    assert id_check_char("11010819671130186") == "2"
    assert id_check_char("11010519491231002") == "X"


def test_wrong_check_digit_is_rejected_with_a_message_about_it() -> None:
    with pytest.raises(DomainError) as err:
        normalize_id_number("110108196711301866")
    assert "校验位" in err.value.message
    assert err.value.field == "id_number"


@pytest.mark.parametrize("raw, words", [
    ("", "请输入"),
    ("   ", "请输入"),
    ("32012419880824005", "18位"),
    ("3201241988082400561", "18位"),
    ("3201241988082400", "您输入了16位"),
])
def test_wrong_length_is_rejected(raw: str, words: str) -> None:
    with pytest.raises(DomainError) as err:
        normalize_id_number(raw)
    assert words in err.value.message


@pytest.mark.parametrize("birth", ["19990230", "19991301", "19990001", "19990431", "20230229"])
def test_impossible_birth_date_is_rejected(birth: str) -> None:
    first17 = f"320124{birth}005"
    with pytest.raises(DomainError) as err:
        normalize_id_number(first17 + id_check_char(first17))
    assert "出生日期" in err.value.message


def test_leap_day_birth_is_accepted() -> None:
    first17 = "32012420000229005"
    assert normalize_id_number(first17 + id_check_char(first17)).startswith("32012420000229")


def test_birth_year_before_1900_is_rejected() -> None:
    first17 = "32012418991231005"
    with pytest.raises(DomainError) as err:
        normalize_id_number(first17 + id_check_char(first17))
    assert "出生年份" in err.value.message


def _with_check(first17: str) -> str:
    return first17 + id_check_char(first17)


def test_a_birth_date_after_today_is_rejected_naming_the_digits() -> None:
    """110108203001010019 has a right check digit but its holder is born on 2030-01-01."""
    today = date(2026, 12, 3)
    with pytest.raises(DomainError) as err:
        normalize_id_number("110108203001010019", today=today)
    assert err.value.message == "身份证号码中的出生日期晚于今天，请核对第7至14位"
    assert err.value.field == "id_number"
    with pytest.raises(DomainError, match="晚于今天"):
        normalize_id_number(_with_check("32012420261204005"), today=today)  # tomorrow
    born_today = _with_check("32012420261203005")
    assert normalize_id_number(born_today, today=today) == born_today  # a new-born's number


def test_the_future_check_reaches_the_person_or_unit_reading() -> None:
    with pytest.raises(DomainError, match="晚于今天"):
        normalize_person_or_unit_id("110108203001010019", today=date(2026, 12, 3))


@pytest.mark.parametrize("head", ["00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66",
                                  "70", "72", "80", "83", "90", "99"])
def test_a_province_code_that_does_not_exist_is_rejected(head: str) -> None:
    number = _with_check(f"{head}010819900101001")
    with pytest.raises(DomainError) as err:
        normalize_id_number(number)
    assert err.value.message == "身份证号码中的省份代码不存在，请核对第1至2位"
    assert err.value.field == "id_number"


def test_region_000000_is_rejected() -> None:
    with pytest.raises(DomainError, match="省份代码不存在"):
        normalize_id_number("000000199001010018", today=date(2026, 12, 3))
    with pytest.raises(DomainError, match="省份代码不存在"):
        normalize_person_or_unit_id("000000199001010018", today=date(2026, 12, 3))


PROVINCES_GB2260 = ([*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55),
                     *range(61, 66), 71, 81, 82])


@pytest.mark.parametrize("head", PROVINCES_GB2260)
def test_every_province_code_is_accepted(head: int) -> None:
    number = _with_check(f"{head}010819900101001")
    assert normalize_id_number(number, today=date(2026, 12, 3)) == number


@pytest.mark.parametrize("raw", ["32012A198808240056", "ABCDEFGHIJKLMNOPQR", "٣٢٠١٢٤١٩٨٨٠٨٢٤٠٠٥٦"])
def test_letters_and_non_ascii_digits_in_the_first_17_are_rejected(raw: str) -> None:
    """Full-width digits (３２０…) are read as digits (tests/unit/test_typed.py); other scripts' are not."""
    with pytest.raises(DomainError) as err:
        normalize_id_number(raw)
    assert "前17位" in err.value.message


@pytest.mark.parametrize("last", ["A", "Y", "-", "٥"])
def test_last_char_other_than_digit_or_x_is_rejected(last: str) -> None:
    with pytest.raises(DomainError) as err:
        normalize_id_number("32012419880824005" + last)
    assert "最后一位" in err.value.message


def test_birth_date_sex_and_age_come_from_the_number() -> None:
    assert birth_date("320124198808240056") == date(1988, 8, 24)
    assert sex_of("320124198808240056") == "男"  # sequence 005: odd
    assert sex_of("110108196711301862") == "女"  # sequence 186: even
    assert age_on("320124198808240056", date(2026, 8, 23)) == 37
    assert age_on("320124198808240056", date(2026, 8, 24)) == 38


@st.composite
def first17(draw: st.DrawFn) -> str:
    region = draw(st.sampled_from(PROVINCES_GB2260)) * 10000 + draw(st.integers(0, 9999))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
    seq = draw(st.integers(0, 999))
    return f"{region:06d}{born:%Y%m%d}{seq:03d}"


@given(first17())
def test_any_17_digits_with_a_real_date_and_the_computed_check_are_accepted(head: str) -> None:
    number = head + id_check_char(head)
    assert normalize_id_number(number) == number
    assert normalize_id_number(number.lower()) == number


@given(first17(), st.one_of(st.sampled_from("0123456789Xx"), st.characters()))
def test_any_other_check_char_is_rejected(head: str, other: str) -> None:
    assume(other.upper() != id_check_char(head))
    with pytest.raises(DomainError):
        normalize_id_number(head + other)


@given(st.text())
def test_arbitrary_text_raises_only_domain_errors(raw: str) -> None:
    try:
        result = normalize_id_number(raw)
    except DomainError as err:
        assert err.message
    else:
        assert len(result) == 18 and result[:17].isdigit() and result[17] == id_check_char(result[:17])


@given(st.text(alphabet="0123456789Xx \t", min_size=0, max_size=24))
def test_digit_like_text_raises_only_domain_errors(raw: str) -> None:
    try:
        normalize_id_number(raw)
    except DomainError:
        pass
