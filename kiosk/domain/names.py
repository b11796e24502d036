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
    name = normalize_text(raw, field=field, label="姓名", max_len=NAME_MAX)
    if not all(is_han(ch) or ch in INTERPUNCTS for ch in name):
        raise DomainError(NAME_CHARS_ONLY, field)
    name = "".join(INTERPUNCT if ch in INTERPUNCTS else ch for ch in name)
    if name[0] == INTERPUNCT or name[-1] == INTERPUNCT or INTERPUNCT * 2 in name:
        raise DomainError(NAME_DOT_PLACE, field)
    if len(name) < NAME_MIN:
        raise DomainError(NAME_LENGTH, field)
    return name
