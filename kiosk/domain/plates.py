"""Plate numbers (GA 36-2018): which form a typed plate has, or the one thing wrong with it.

- 普通号牌: 7 characters: the province's abbreviation, the issuing office's letter and 5 serial
  characters (letters without I and O, or digits): 渝A12345, 渝B5K821.
- 小型新能源汽车号牌: 8: province, office, D or F (纯电动 D, 非纯电动 F), a serial character and
  4 digits: 渝AD12345, 渝AFA1234.
- 大型新能源汽车号牌: 8: province, office, 5 digits, D or F: 渝A12345D.
A message names the fault (the 3rd character, the last 4, the length), not the whole rule.
"""
from __future__ import annotations

import re

from .errors import DomainError
from .typed import compact

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
SERIAL = "[A-HJ-NP-Z0-9]"
_ORDINARY = re.compile(rf"[{PROVINCES}][A-HJ-NP-Z]{SERIAL}{{5}}")
NEV_SMALL = re.compile(rf"[{PROVINCES}][A-HJ-NP-Z][DF]{SERIAL}\d{{4}}")
NEV_LARGE = re.compile(rf"[{PROVINCES}][A-HJ-NP-Z]\d{{5}}[DF]")
_SERIAL_CHAR = re.compile(SERIAL)

ORDINARY_LEN = "普通号牌为7位（省份简称、发牌机关代号和5位序号），您输入了{n}位"
NO_I_O = "号牌号码不使用字母I和O"
SMALL_NEV_THIRD = "小型新能源汽车号牌第3位应为D或F（纯电动D，非纯电动F）"
SMALL_NEV_FOURTH = "小型新能源汽车号牌第4位应为字母或数字"
SMALL_NEV_DIGITS = "小型新能源汽车号牌最后4位应为数字"
LARGE_NEV_DIGITS = "大型新能源汽车号牌第3至7位应为数字"
ORDINARY_SERIAL = "普通号牌第3至7位（序号）应为字母或数字"
EIGHT_NOT_NEV = "8位号牌为新能源号牌：小型第3位为D或F，大型最后1位为D或F（普通号牌为7位）"
LENGTH = "号牌号码应为7位（普通号牌）或8位（新能源号牌），您输入了{n}位"


def plate_start(raw: str, field: str = "plate") -> str:
    """The typed plate, upper case, once its start is right (a province, then the office's letter)
    and it has no I or O; else why not."""
    text = compact(raw).upper()
    if not text:
        raise DomainError("请输入号牌号码", field)
    if text[0] not in PROVINCES:
        raise DomainError("号牌号码应以省份简称开头，如渝、苏", field)
    if len(text) > 1 and not "A" <= text[1] <= "Z":  # 渝1A2345: 7 characters, so not "7位" (tester)
        raise DomainError(f"号牌号码第2位应为发牌机关代号（字母），如{text[0]}A", field)
    if "I" in text[1:] or "O" in text[1:]:
        raise DomainError(NO_I_O, field)
    return text


def is_nev(text: str) -> bool:
    return bool(NEV_SMALL.fullmatch(text) or NEV_LARGE.fullmatch(text))


def ordinary_fault(text: str) -> str:
    """What keeps a plate begun right (plate_start) from being an ordinary one, or ""."""
    if len(text) != 7:
        return ORDINARY_LEN.format(n=len(text))
    return "" if _ORDINARY.fullmatch(text) else ORDINARY_SERIAL


def small_nev_fault(text: str) -> str:
    """What keeps an 8-character plate begun right from being a small new-energy one, or ""."""
    if text[2] not in "DF":
        return SMALL_NEV_THIRD
    if not _SERIAL_CHAR.fullmatch(text[3]):
        return SMALL_NEV_FOURTH
    return "" if text[4:].isascii() and text[4:].isdigit() else SMALL_NEV_DIGITS


def _nev_fault(text: str) -> str:
    """An 8-character plate that is no new-energy plate: the fault of the form it was meant as."""
    if text[2] in "DF":
        return small_nev_fault(text)
    if text[7] in "DF":
        return LARGE_NEV_DIGITS
    if _ORDINARY.fullmatch(text[:7]):  # 渝A123456: an ordinary plate and one more
        return ORDINARY_LEN.format(n=8)
    return EIGHT_NOT_NEV


def normalize_plate(raw: str, field: str = "plate") -> str:
    """An ordinary or new-energy plate, upper case without spaces, or the one thing wrong with it."""
    text = plate_start(raw, field)
    if len(text) == 7:
        fault = ordinary_fault(text)
    elif len(text) == 8:
        fault = "" if is_nev(text) else _nev_fault(text)
    else:
        fault = LENGTH.format(n=len(text))
    if fault:
        raise DomainError(fault, field)
    return text
