"""Sign-in and the counter's lookup take a person's ID number (GB 11643) or a unit's credit code
(GB 32100): a number valid as neither gets the message of the one it was typed as (tester's finding:
500105200105051abc, an ID number gone wrong, was told 统一社会信用代码校验位不正确)."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import DomainError
from kiosk.domain.ids import (
    credit_code_message_fits,
    id_check_char,
    normalize_credit_code,
    normalize_id_number,
    normalize_person_or_unit_id,
    reads_as_id_number,
    uscc_check_char,
)

TODAY = date(2026, 12, 3)


def _message(raw: str) -> str:
    with pytest.raises(DomainError) as err:
        normalize_person_or_unit_id(raw, today=TODAY)
    assert err.value.field == "id_number"
    return err.value.message


@pytest.mark.parametrize(("raw", "message"), [
    ("500105200105051abc", "身份证号码前17位必须是数字"),  # the tester's
    ("500105200105051ABC", "身份证号码前17位必须是数字"),
    ("110105194912310a3c", "身份证号码前17位必须是数字"),  # Beijing, letters after the birth date
    ("500105200105051O63", "身份证号码前17位必须是数字"),  # an O for a 0: no credit code's I/O message
    ("11010519491231002C", "身份证号码最后一位应为数字或X"),  # 17 digits of a person, then a letter
    ("500105200105051762", "身份证号码校验位不正确，请核对最后一位"),
    ("ABCDEFGHJKLMNPQRTU", "身份证号码前17位必须是数字"),  # neither's layout: most users are people
    ("911100001000104330", "身份证号码中的省份代码不存在，请核对第1至2位"),  # 17 digits + a digit: an ID's layout
    ("5001052001", "身份证号码应为18位，您输入了10位"),
])
def test_a_number_typed_as_an_id_number_gets_the_id_number_message(raw: str, message: str) -> None:
    assert _message(raw) == message


@pytest.mark.parametrize(("raw", "message"), [
    ("91500000MA5U000011", "统一社会信用代码校验位不正确"),
    ("91500000ma5u000011", "统一社会信用代码校验位不正确"),
    ("91110000100010433K", "统一社会信用代码校验位不正确"),  # 17 digits, but no person's (province 91)
    ("91500000MI5U000010", "统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）"),
])
def test_a_number_with_a_credit_codes_layout_gets_the_credit_code_message(raw: str, message: str) -> None:
    assert _message(raw) == message
    with pytest.raises(DomainError) as register:  # the message 单位用户注册 gives
        normalize_credit_code(raw, "id_number")
    assert register.value.message == message


def test_valid_numbers_are_accepted_as_before() -> None:
    assert normalize_person_or_unit_id("91500000MA5U000010") == "91500000MA5U000010"
    assert normalize_person_or_unit_id("91110000100010433L") == "91110000100010433L"
    assert normalize_person_or_unit_id("500105200105051763", today=TODAY) == "500105200105051763"
    assert normalize_person_or_unit_id("11010519491231002x", today=TODAY) == "11010519491231002X"


def test_the_layouts_as_read() -> None:
    assert reads_as_id_number("500105200105051abc") and reads_as_id_number("50010520010505 1abc")
    assert not reads_as_id_number("91500000MA5U000011")  # no province 91
    assert not reads_as_id_number("500105200113051abc")  # no 13th month
    assert not reads_as_id_number("500105189912311abc")  # born before 1900
    assert not reads_as_id_number("5001052001050517")  # 16 characters
    assert not credit_code_message_fits("500105200105051abc")
    assert not credit_code_message_fits("5601052001050510BC")  # no province 56, but its 17th (B) is no check
    assert credit_code_message_fits("56010520010505101C")  # the same with a 1 for the B
    assert not credit_code_message_fits("01500000MA5U000010")  # no authority 0


_DIGITS = st.text(alphabet="0123456789", min_size=3, max_size=3)
_TAILS = st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz", min_size=4, max_size=4)


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=TODAY), seq=_DIGITS, tail=_TAILS)
def test_a_persons_region_and_birth_date_never_get_the_credit_code_message(day: date, seq: str, tail: str) -> None:
    """Whatever the last four characters of a citizen's number (the sequence and the check), typed
    wrong it is told as an ID number, never as a credit code; typed right it is accepted."""
    first17 = f"500105{day:%Y%m%d}{seq}"
    right = first17 + id_check_char(first17)
    assert normalize_person_or_unit_id(right, today=TODAY) == right
    typed = f"500105{day:%Y%m%d}{tail}"
    try:
        normalize_person_or_unit_id(typed, today=TODAY)
    except DomainError as err:
        assert "统一社会信用代码" not in err.message and err.message.startswith("身份证号码")


@given(body=st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=8, max_size=8),
       check=st.sampled_from("0123456789X"), wrong=st.sampled_from("0123456789ABCDEFGHJKLMNPQRTUWXY"))
def test_a_companys_code_with_a_wrong_check_gets_the_credit_code_message(body: str, check: str, wrong: str) -> None:
    """A 91 (enterprise) code, its organisation code with a letter in it: a wrong check character is
    told as the credit code's (valid as an ID number it cannot be: no province 91)."""
    first17 = f"91500000{body}{check}"
    typed = first17 + wrong
    if any(c.isalpha() for c in first17) and wrong != uscc_check_char(first17):
        assert _message(typed) == "统一社会信用代码校验位不正确"
    elif wrong == uscc_check_char(first17):
        assert normalize_person_or_unit_id(typed, today=TODAY) == typed


def test_the_id_number_reading_of_a_persons_number_is_unchanged() -> None:
    """Only the choice between the two messages changed: normalize_id_number says what it said."""
    with pytest.raises(DomainError, match="身份证号码前17位必须是数字"):
        normalize_id_number("500105200105051abc")
