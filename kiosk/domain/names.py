"""A person's name as the DMV records it (注册, 面签注册): Chinese characters only, with the
interpunct (间隔号) of minority and transliterated names such as 阿依古丽·买买提.

The interpunct is typed as U+00B7 (·, the form on the ID card) or U+30FB (・, what some input
methods give); both are kept as U+00B7 so the name matches the record whichever was typed.
Messages name the interpunct as ・ (U+30FB): U+00B7 has an ambiguous width on a terminal.
"""
from __future__ import annotations

from .errors import DomainError
from .ids import is_han, normalize_text

NAME_MIN, NAME_MAX = 2, 30
INTERPUNCT = "\u00b7"  # ·
INTERPUNCTS = frozenset({"\u00b7", "\u30fb"})  # ·  ・
NAME_CHARS_ONLY = "姓名只能包含汉字（少数民族姓名可含间隔号・）"
NAME_LENGTH = f"姓名应为{NAME_MIN}至{NAME_MAX}个字"
NAME_DOT_PLACE = "间隔号・只能写在两个汉字之间"


def clean_person_name(raw: str, field: str = "name") -> str:
    """``raw`` trimmed, its interpuncts as U+00B7; refused with a message for the field when it
    holds anything but Chinese characters and interpuncts (letters, digits, spaces, emoji), when
    an interpunct starts, ends or doubles, or when it is not NAME_MIN to NAME_MAX characters."""
    name = normalize_text(raw, field=field, label="姓名", max_len=NAME_MAX, symbols=True)
    if not all(is_han(ch) or ch in INTERPUNCTS for ch in name):
        raise DomainError(NAME_CHARS_ONLY, field)
    name = "".join(INTERPUNCT if ch in INTERPUNCTS else ch for ch in name)
    if name[0] == INTERPUNCT or name[-1] == INTERPUNCT or INTERPUNCT * 2 in name:
        raise DomainError(NAME_DOT_PLACE, field)
    if len(name) < NAME_MIN:
        raise DomainError(NAME_LENGTH, field)
    return name


OWNER_EXTRA = frozenset(" （）()&.-")  # besides Chinese characters, letters, digits and interpuncts


def clean_owner_name(raw: str, field: str, label: str, max_len: int) -> str:
    """A vehicle owner's name as typed from the 行驶证: a person's or a unit's (名称, which may hold
    letters, digits and brackets), trimmed, its interpuncts as U+00B7. Refused when it holds any
    other character (@, #, emoji) or no Chinese character or letter at all: it could match no record,
    and 备案非本人机动车 counts each wrong proof (tester: 机动车所有人 @@ cost a try)."""
    name = "".join(INTERPUNCT if ch in INTERPUNCTS else ch
                   for ch in normalize_text(raw, field=field, label=label, max_len=max_len, symbols=True))
    allowed = all(is_han(ch) or (ch.isascii() and ch.isalnum()) or ch in OWNER_EXTRA or ch == INTERPUNCT for ch in name)
    if not allowed or not any(is_han(ch) or (ch.isascii() and ch.isalpha()) for ch in name):
        raise DomainError(f"{label}只能包含汉字、字母和数字，请与行驶证核对", field)
    return name
