"""Free text a citizen or a clerk types: what counts as a Chinese character or as a meaningful one,
a line of text cleaned (control characters, full-width letters and digits, emoji refused), a staff
member's reason and an address. Re-exported by kiosk.domain.ids, where they were."""
from __future__ import annotations

import unicodedata

from .errors import DomainError


def is_han(ch: str) -> bool:
    """A Chinese character (CJK unified or compatibility ideograph, any extension, or 〇)."""
    return ch == "\u3007" or unicodedata.name(ch, "").startswith(("CJK UNIFIED IDEOGRAPH",
                                                                   "CJK COMPATIBILITY IDEOGRAPH"))


def meaningful_chars(text: str) -> int:
    """How many letters, digits and CJK characters ``text`` holds (punctuation, symbols and spaces
    do not count): "。。" has none, "重庆市1号" five."""
    return sum(1 for ch in str(text) if unicodedata.category(ch)[0] in "LN")


# Full-width ASCII letters and digits (Ａ-Ｚ, ａ-ｚ, ０-９: a Chinese input method in full-width mode)
# as ASCII in free text, as NFKC would turn them; full-width punctuation （，：） is meant and stays.
_HALF_ALNUM = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                *range(0xFF41, 0xFF5B))}


def special_char(ch: str) -> bool:
    """An emoji or another symbol no address, reason or name is written with: Unicode category So
    (😀, ★, ©), Sk (a skin tone, ＾), Cs (half of an emoji pair), Me (the keycap of 1️⃣) or a
    variation selector (the emoji form of ☺)."""
    code = ord(ch)
    return (unicodedata.category(ch) in ("So", "Sk", "Cs", "Me")
            or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF)


def normalize_text(raw: str, *, field: str, label: str, max_len: int, required: bool = True,
                   symbols: bool = False) -> str:
    """Free text from a citizen: a line break as a space (the rest of a pasted address is kept),
    control characters dropped, full-width ASCII letters and digits as ASCII (重庆１００号 as 重庆100号),
    trimmed, length limited. Emoji and other symbols (``special_char``) are refused with a message
    for the field ({label}不能包含表情符号等特殊字符): they went into the SMS. ``symbols``: left to the
    caller, whose own rule names what the field may hold (a name: 姓名只能包含汉字)."""
    text = " ".join(str(raw).splitlines())
    if not symbols and any(special_char(ch) for ch in text):
        raise DomainError(f"{label}不能包含表情符号等特殊字符", field)
    text = "".join(ch for ch in text if ch.isprintable()).translate(_HALF_ALNUM).strip()
    if required and not text:
        raise DomainError(f"请输入{label}", field)
    if len(text) > max_len:
        raise DomainError(f"{label}不能超过{max_len}个字", field)
    return text


REASON_MIN = 2  # letters, digits or CJK characters a staff member's reason needs: ".." is no reason


def staff_reason(raw: str, *, field: str, label: str, example: str = "", ask: str = "填写") -> str:
    """A reason a member of staff types (查询事由, 退办理由, 取消事由): at most 100 characters, at
    least REASON_MIN of them letters, digits or CJK characters. Each is refused in the same words,
    the minimum included: 请填写取消事由 gave the example alone, where 退办理由 said 至少2个字 (tester)."""
    text = normalize_text(raw, field=field, label=label, max_len=100, required=False)
    if meaningful_chars(text) < REASON_MIN:
        raise DomainError(f"请{ask}{label}（至少{REASON_MIN}个字{f'，如：{example}' if example else ''}）", field)
    return text


ADDRESS_EXAMPLE = "重庆市渝中区解放碑街道民族路100号"
ADDRESS_MIN = 5  # letters, digits or CJK characters an address needs: punctuation does not make one
ADDRESS_MIN_HANZI = 2  # and Chinese characters: a place name (区, 路, 号...); "12345" is no address
# And one word only a place has: 2026年13月1日 has five characters, three of them Chinese, and is no
# address (tester). 小区, 社区 and 新村 hold 区 and 村; 大道 and 街道 hold 道.
PLACE_WORDS = ("省", "市", "区", "县", "旗", "盟", "州", "镇", "乡", "村", "屯", "路", "街", "道", "巷", "弄",
               "胡同", "号", "楼", "栋", "幢", "座", "单元", "室", "组", "院", "园", "苑", "大厦", "广场")
# 号 is a place word (金龙路1号) and a date's day too: 2026年12月1号 passed (tester). Text made only of
# a date's characters (digits, Chinese numerals, 年 月 日 号; punctuation and spaces not counted) is
# a date, however it is written, and no address: 1号楼 and 金龙路1号 have 楼 and 路 besides.
DATE_CHARS = frozenset("年月日号〇零一二三四五六七八九十")


def _only_a_date(text: str) -> bool:
    kept = [ch for ch in text if unicodedata.category(ch)[0] in "LN"]  # as meaningful_chars counts
    return all(ch.isdigit() or ch in DATE_CHARS for ch in kept)


def clean_address(raw: str, field: str = "address", label: str = "邮寄地址") -> str:
    """An address (邮寄地址 by default, 联系地址 on the contact forms): trimmed text with at least
    ADDRESS_MIN real characters, so "。。。。。" is refused the same way wherever an address is typed;
    at least ADDRESS_MIN_HANZI Chinese characters; and a place word (PLACE_WORDS), not counting a date
    alone (_only_a_date: 2026年12月1号 has 号 and is still no place), refused as the text without one."""
    address = normalize_text(raw, field=field, label=label, max_len=100)
    if meaningful_chars(address) < ADDRESS_MIN:
        raise DomainError(f"{label}过短，请写明省市区街道门牌号（至少{ADDRESS_MIN}个汉字、字母或数字，标点和空格不计）",
                          field)
    if sum(map(is_han, address)) < ADDRESS_MIN_HANZI:
        raise DomainError(f"{label}请写明省市区街道门牌号，如：{ADDRESS_EXAMPLE}", field)
    if not any(word in address for word in PLACE_WORDS) or _only_a_date(address):
        raise DomainError(f"{label}未写明地点（省、市、区、县、镇、街道、路、门牌号等），如：{ADDRESS_EXAMPLE}", field)
    return address
