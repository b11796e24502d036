"""Phone numbers, plates (GA 36-2018), archive numbers, masking and free text (RULES.md)."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import DomainError
from kiosk.domain.ids import (
    mask_id,
    mask_name,
    mask_phone,
    normalize_archive_no,
    normalize_phone,
    normalize_text,
)
from kiosk.domain.plates import normalize_plate


# Phone -------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("13812345678", "13812345678"),
    ("19900000000", "19900000000"),
    (" 138 1234 5678 ", "13812345678"),
    ("１３８１２３４５６７８", "13812345678"),  # typed in full-width mode
    ("１３８ 0000-1111", "13800001111"), ("138－0000－1111", "13800001111"),  # in groups (tester)
])
def test_mobile_numbers_are_accepted(raw: str, expected: str) -> None:
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize("raw, says", [
    ("12812345678", "应以13至19开头"), ("12345678901", "应以13至19开头"), ("23812345678", "应以13至19开头"),
    ("1381234567", "应为11位数字，您输入了10位"), ("138123456789", "您输入了12位"),
    ("1381234567a", "只能包含数字"), ("١٣٨١٢٣٤٥٦٧٨", "只能包含数字"), ("+8613812345678", "只能包含数字"),
])
def test_bad_mobile_numbers_are_rejected_saying_what_is_wrong(raw: str, says: str) -> None:
    """「应为以1开头的11位数字」 for 12345678901 (which is both) told the citizen nothing."""
    with pytest.raises(DomainError) as err:
        normalize_phone(raw)
    assert says in err.value.message


def test_empty_phone_asks_for_one() -> None:
    with pytest.raises(DomainError, match="请输入手机号码"):
        normalize_phone("")


@given(st.text())
def test_phone_arbitrary_text_raises_only_domain_errors(raw: str) -> None:
    try:
        assert len(normalize_phone(raw)) == 11
    except DomainError:
        pass


# Plates (GA 36-2018) -----------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("渝A12345", "渝A12345"),
    ("渝B5K821", "渝B5K821"),
    ("苏g52731", "苏G52731"),  # lower case is upper-cased
    ("京A D1234", "京AD1234"),  # spaces are ignored (len 7 ordinary: D + 4 serial)
    ("渝AD12345", "渝AD12345"),  # new-energy small: D + serial + 4 digits
    ("渝AFA1234", "渝AFA1234"),
    ("渝A12345D", "渝A12345D"),  # new-energy large: 5 digits + D/F
    ("粤B12345F", "粤B12345F"),
])
def test_valid_plates(raw: str, expected: str) -> None:
    assert normalize_plate(raw) == expected


@pytest.mark.parametrize("raw", ["渝AI2345", "渝A1234O", "渝IA2345", "渝AD1I345", "渝OD12345"])
def test_plates_with_i_or_o_are_refused(raw: str) -> None:
    with pytest.raises(DomainError) as err:
        normalize_plate(raw)
    assert "I和O" in err.value.message


@pytest.mark.parametrize("raw, words", [
    ("", "请输入"),
    ("A12345", "省份简称"),
    ("港A12345", "省份简称"),
    ("渝A1234", "号牌号码应为7位（普通号牌）或8位（新能源号牌），您输入了6位"),
    ("渝A123456", "普通号牌为7位（省份简称、发牌机关代号和5位序号），您输入了8位"),  # neither new-energy shape
    ("渝AA12345", "普通号牌为7位（省份简称、发牌机关代号和5位序号），您输入了8位"),
    ("渝A1234D5", "普通号牌为7位（省份简称、发牌机关代号和5位序号），您输入了8位"),
    ("渝1A2345", "号牌号码第2位应为发牌机关代号（字母），如渝A"),  # 7 characters: not 格式不正确 (tester)
    ("粤12345港", "号牌号码第2位应为发牌机关代号（字母），如粤A"),
])
def test_bad_plates(raw: str, words: str) -> None:
    with pytest.raises(DomainError) as err:
        normalize_plate(raw)
    assert words in err.value.message


@given(st.text())
def test_plate_arbitrary_text_raises_only_domain_errors(raw: str) -> None:
    try:
        assert len(normalize_plate(raw)) in (7, 8)
    except DomainError:
        pass


# Archive number ----------------------------------------------------------------------------

def test_archive_number_is_12_digits() -> None:
    assert normalize_archive_no("500100000055") == "500100000055"
    assert normalize_archive_no(" 5001 0000 0055 ") == "500100000055"
    assert normalize_archive_no("５００１　００００　００５５") == "500100000055"


@pytest.mark.parametrize("raw", ["", "50010000005", "5001000000555", "50010000005A", "٥٠٠١٠٠٠٠٠٠٥٥"])
def test_bad_archive_numbers(raw: str) -> None:
    with pytest.raises(DomainError, match="12位数字"):
        normalize_archive_no(raw)


# Masking and free text ---------------------------------------------------------------------

def test_masks() -> None:
    assert mask_id("320124198808240056") == "3201**********0056"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_name("张伟") == "张*"
    assert mask_name("欧阳娜娜") == "欧***"
    assert mask_id("123") == "***"
    assert mask_phone("123") == "***"


def test_normalize_text_strips_control_characters_and_limits_length() -> None:
    assert normalize_text(" 重庆\x00市\x1b[31m渝中区\n ", field="a", label="地址", max_len=20) == "重庆市[31m渝中区"
    with pytest.raises(DomainError, match="地址不能超过5个字"):
        normalize_text("一二三四五六", field="a", label="地址", max_len=5)
    with pytest.raises(DomainError, match="请输入地址"):
        normalize_text("\x00\x07 ", field="a", label="地址", max_len=5)
    assert normalize_text("", field="a", label="地址", max_len=5, required=False) == ""


TESTER_ADDRESS = "重庆市渝中区\t解放碑😀街道\x07民族路１００号\n2楼"  # as pasted into 邮寄地址


def test_an_emoji_in_an_address_is_refused_next_to_the_field() -> None:
    """Tester: the 😀 of a pasted address was kept, and went out in the SMS."""
    from kiosk.domain.ids import clean_address
    with pytest.raises(DomainError) as e:
        clean_address(TESTER_ADDRESS)
    assert (e.value.message, e.value.field) == ("邮寄地址不能包含表情符号等特殊字符", "address")
    with pytest.raises(DomainError, match="^联系地址不能包含表情符号等特殊字符$"):
        clean_address("重庆市渝中区民族路100号★", label="联系地址")


@pytest.mark.parametrize("symbol", ["😀", "★", "©", "\U0001F3FB", "\ud83d", "\ufe0f", "\u20e3", "\U000E0100", "🇨🇳"])
def test_symbols_are_refused_in_free_text(symbol: str) -> None:
    with pytest.raises(DomainError, match="^具体说明不能包含表情符号等特殊字符$"):
        normalize_text(f"住院治疗{symbol}", field="detail", label="具体说明", max_len=60)


def test_free_text_keeps_what_follows_a_line_break_and_folds_full_width_letters_and_digits() -> None:
    """A pasted line break is a space (the rest of the address was dropped); full-width ASCII letters
    and digits become ASCII, as in an ID number; full-width punctuation is meant and stays."""
    from kiosk.domain.ids import clean_address
    typed = TESTER_ADDRESS.replace("😀", "")
    assert clean_address(typed) == "重庆市渝中区解放碑街道民族路100号 2楼"
    assert normalize_text("Ａ栋ｂ座，（１２３）\r\n室\n", field="a", label="地址", max_len=20) == "A栋b座，（123） 室"


def test_names_keep_their_own_rule_for_symbols() -> None:
    from kiosk.domain.names import NAME_CHARS_ONLY, clean_owner_name, clean_person_name
    with pytest.raises(DomainError, match=f"^{NAME_CHARS_ONLY}$"):
        clean_person_name("王😀芳")
    with pytest.raises(DomainError, match="^机动车所有人只能包含汉字、字母和数字"):
        clean_owner_name("王芳😀", "owner", "机动车所有人", 30)
    assert clean_owner_name("ＡＢＣ物流有限公司", "owner", "机动车所有人", 30) == "ABC物流有限公司"
