"""Identity and format rules (RULES.md "Identity and formats")."""
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
    mask_id,
    mask_name,
    mask_phone,
    normalize_archive_no,
    normalize_credit_code,
    normalize_id_number,
    normalize_person_or_unit_id,
    normalize_phone,
    normalize_text,
    sex_of,
    uscc_check_char,
)
from kiosk.domain.plates import normalize_plate

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
