"""Identity and format rules: GB 11643 ID numbers, GB 32100 credit codes, phones (plates: plates.py).
Free text (normalize_text, clean_address...) is in free_text, re-exported here."""
from __future__ import annotations

import re
from datetime import date

from .errors import DomainError
# Free text is kept in free_text; callers and tests import these from here too, hence __all__
# (pyflakes counts a name listed there as used).
from .free_text import clean_address, is_han, meaningful_chars, normalize_text, staff_reason
from .typed import compact

__all__ = ["clean_address", "is_han", "meaningful_chars", "normalize_text", "staff_reason"]

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


# The first two digits of the region code (GB/T 2260): the provinces, autonomous regions and
# municipalities, 台湾 (71), 香港 (81) and 澳门 (82). A number starting otherwise (000000...) is no
# one's ID number.
PROVINCE_CODES = frozenset({*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55),
                            *range(61, 66), 71, 81, 82})


def normalize_id_number(raw: str, field: str = "id_number", *, today: date | None = None) -> str:
    """Return the canonical 18-char ID number or raise with a message naming what is wrong.

    ``today`` (the injected clock's date) refuses a birth date after it; every service passes it.
    Only a caller that merely tells an ID number from a credit code may leave it out."""
    text = compact(raw).upper()
    if not text:
        raise DomainError("请输入身份证号码", field)
    if len(text) != 18:
        raise DomainError(f"身份证号码应为18位，您输入了{len(text)}位", field)
    if not text[:17].isdigit() or not text[:17].isascii():
        raise DomainError("身份证号码前17位必须是数字", field)
    if not (text[17].isdigit() or text[17] == "X") or not text[17].isascii():
        raise DomainError("身份证号码最后一位应为数字或X", field)
    if int(text[:2]) not in PROVINCE_CODES:
        raise DomainError("身份证号码中的省份代码不存在，请核对第1至2位", field)
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise DomainError("身份证号码中的出生日期不存在，请核对第7至14位", field) from None
    if born.year < 1900:
        raise DomainError("身份证号码中的出生年份不正确", field)
    if today is not None and born > today:
        raise DomainError("身份证号码中的出生日期晚于今天，请核对第7至14位", field)
    if id_check_char(text[:17]) != text[17]:
        raise DomainError("身份证号码校验位不正确，请核对最后一位", field)
    return text


def birth_date(id_number: str) -> date:
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


def sex_of(id_number: str) -> str:
    return "男" if int(id_number[16]) % 2 else "女"


def age_on(id_number: str, today: date) -> int:
    b = birth_date(id_number)
    return today.year - b.year - ((today.month, today.day) < (b.month, b.day))


_PHONE = re.compile(r"1[3-9]\d{9}")


# 11 digits: every phone field is a field of digits, where spaces and hyphens typed or pasted
# (139 2300-0109: phone_typed) are dropped before the limit counts (by the field itself); at 13 a 12th and 13th digit went in
# and only the check said 您输入了13位, where the ID number and the code stop at their length.
PHONE_INPUT_LEN = 11


# What people write between a phone number's groups (138 0000-1111): spaces and hyphens, the
# full-width － of an input method (half_width makes it -) and the dashes a pasted text may have.
PHONE_SEPARATORS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")


def phone_typed(raw: str) -> str:
    """A phone number as typed or pasted, without its separators and with full-width digits as
    ASCII: １３８ 0000-1111 is 13800001111. The phone fields keep only this as it comes, so the
    11-digit limit counts digits only (the - took the place of the last digit, tester)."""
    return "".join(ch for ch in compact(raw) if ch not in PHONE_SEPARATORS)


def normalize_phone(raw: str, field: str = "phone") -> str:
    """An 11-digit mainland mobile number (1, then 3-9, then 9 digits), written in groups or not
    (phone_typed); the message names what is wrong."""
    text = phone_typed(raw)
    if not text:
        raise DomainError("请输入手机号码", field)
    if not (text.isascii() and text.isdigit()):
        raise DomainError("手机号码只能包含数字", field)
    if len(text) != 11:
        raise DomainError(f"手机号码应为11位数字，您输入了{len(text)}位", field)
    if not _PHONE.fullmatch(text):
        raise DomainError("手机号码应以13至19开头，请检查前两位", field)
    return text


def mask_id(id_number: str) -> str:
    """3201**********0056: keep the first 4 and the last 4."""
    if len(id_number) < 8:
        return "*" * len(id_number)
    return id_number[:4] + "*" * (len(id_number) - 8) + id_number[-4:]


def mask_phone(phone: str) -> str:
    """138****5678."""
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_name(name: str) -> str:
    if len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)


def normalize_person_or_unit_id(raw: str, field: str = "id_number", *, today: date | None = None) -> str:
    """A person's ID number (GB 11643) or a unit's unified social credit code (GB 32100).
    Valid as either: accepted (as an ID number when valid as both). Valid as neither: the credit
    code's message only when the input has a credit code's layout and does not read as an ID number
    (credit_code_message_fits), else the ID number's (most users are people).
    ``today`` as for normalize_id_number."""
    try:
        return normalize_id_number(raw, field, today=today)
    except DomainError as id_error:
        try:
            return normalize_credit_code(raw, field)
        except DomainError as code_error:
            raise (code_error if credit_code_message_fits(raw) else id_error) from None


# Telling the two apart by their form. GB 11643: 6-digit region (the province first), 8-digit birth
# date, 3-digit sequence, then a check digit or X. GB 32100: registration authority (1 character, not
# 0), organisation category (1, not 0), the registering office's 6-digit region, the 9-character
# organisation code (GB 11714: 8 characters, then its own check, which is a digit or X), then the
# code's check character.
_ID_LAYOUT = re.compile(r"[0-9]{17}[0-9X]")
_CREDIT_LAYOUT = re.compile(r"[1-9A-Z]{2}[0-9]{6}[0-9A-Z]{8}[0-9X][0-9A-Z]")


def reads_as_id_number(raw: str) -> bool:
    """18 characters whose first 14 are a person's: an existing province and a real birth date (from
    1900 on). Whatever follows (a mistyped sequence or check character), a citizen typed an ID number."""
    text = compact(raw).upper()
    head = text[:14]
    if len(text) != 18 or not (head.isascii() and head.isdigit()) or int(head[:2]) not in PROVINCE_CODES:
        return False
    try:
        return birth_date(text).year >= 1900
    except ValueError:
        return False


def credit_code_message_fits(raw: str) -> bool:
    """Whether a number valid as neither gets the credit code's message: it has the layout of a
    credit code, not that of an ID number (17 digits, then a digit or X), and does not read as one
    (reads_as_id_number). 500105200105051abc is an ID number gone wrong (its 17th character B can be
    no organisation code's check); 91500000MA5U000011 a credit code with a wrong check character."""
    text = compact(raw).upper()
    return bool(_CREDIT_LAYOUT.fullmatch(text)) and not _ID_LAYOUT.fullmatch(text) and not reads_as_id_number(text)


# Unified social credit code (GB 32100-2015)
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check_char(first17: str) -> str:
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS))
    return _USCC_CHARS[(31 - total % 31) % 31]


# GB 32100 第1位 登记管理部门代码 (1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教,
# 8 工会, 9 工商, A 中央军委改革和编制办公室, N 农业, Y 其他) and the 第2位 机构类别代码 each allows.
# Precise for 机构编制 (1 机关, 2 事业单位, 3 群众团体, 9 其他), 民政 (1 社会团体, 2 民办非企业单位,
# 3 基金会, 9 其他) and 工商 (1 企业, 2 个体工商户, 3 农民专业合作社); the others take any category
# some authority uses (1-5, 9), so that no real code is refused for want of a sure list.
_USCC_CATEGORIES = {"1": "1239", "5": "1239", "9": "123", **dict.fromkeys("234678ANY", "123459")}
_USCC_NATIONAL = "100000"  # a unit registered by a central office (国务院部门, 国家市场监督管理总局)


def _credit_code_structure(text: str, field: str) -> None:
    """The code's parts as GB 32100 lays them out: the registration authority (1st), the category it
    registers (2nd), the registering office's region (3rd to 8th: six digits, a province's first, or
    100000 for a central office)."""
    categories = _USCC_CATEGORIES.get(text[0])
    if categories is None:
        raise DomainError("统一社会信用代码第1位（登记管理部门代码）不正确", field)
    if text[1] not in categories:
        raise DomainError("统一社会信用代码第2位（机构类别代码）不正确", field)
    region = text[2:8]
    if region != _USCC_NATIONAL and not (region.isdigit() and int(region[:2]) in PROVINCE_CODES):
        raise DomainError("统一社会信用代码第3至8位（登记管理机关行政区划码）不正确", field)


def normalize_credit_code(raw: str, field: str = "credit_code") -> str:
    text = compact(raw).upper()
    if len(text) != 18:
        raise DomainError(f"统一社会信用代码应为18位，您输入了{len(text)}位", field)
    if any(c not in _USCC_CHARS for c in text):
        raise DomainError("统一社会信用代码含有不允许的字符（不使用I、O、Z、S、V）", field)
    _credit_code_structure(text, field)
    if uscc_check_char(text[:17]) != text[17]:
        raise DomainError("统一社会信用代码校验位不正确", field)
    return text


def normalize_archive_no(raw: str, field: str = "archive_no") -> str:
    text = compact(raw)
    if not (len(text) == 12 and text.isascii() and text.isdigit()):
        raise DomainError("档案编号应为12位数字", field)
    return text
