"""The name rule for 注册 and 面签注册 (kiosk/domain/names.py)."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError
from kiosk.domain.names import NAME_CHARS_ONLY, NAME_DOT_PLACE, NAME_LENGTH, clean_person_name, is_han


@pytest.mark.parametrize("raw, clean", [
    ("王芳", "王芳"),
    ("  欧阳娜娜 ", "欧阳娜娜"),
    ("阿依古丽·买买提", "阿依古丽·买买提"),
    ("阿依古丽・买买提", "阿依古丽·买买提"),  # the katakana-style dot is kept as the ID card's ·
    ("爱新觉罗·溥仪", "爱新觉罗·溥仪"),
    ("买买提·艾力·阿不都", "买买提·艾力·阿不都"),
    ("王\U00020000", "王\U00020000"),  # a rare character outside the basic block (Extension B)
    ("李〇", "李〇"),
    ("张" * 30, "张" * 30),
])
def test_chinese_names_with_interpuncts_are_accepted(raw: str, clean: str) -> None:
    assert clean_person_name(raw) == clean


@pytest.mark.parametrize("raw, message", [
    ("王😀芳", NAME_CHARS_ONLY),
    ("张3", NAME_CHARS_ONLY),
    ("Zhang San", NAME_CHARS_ONLY),
    ("王 芳", NAME_CHARS_ONLY),
    ("王芳。", NAME_CHARS_ONLY),
    ("王.芳", NAME_CHARS_ONLY),
    ("王•芳", NAME_CHARS_ONLY),  # a bullet is not the interpunct
    ("ｗａｎｇ", NAME_CHARS_ONLY),
    ("王", NAME_LENGTH),
    ("·王芳", NAME_DOT_PLACE),
    ("王芳·", NAME_DOT_PLACE),
    ("王··芳", NAME_DOT_PLACE),
    ("王・·芳", NAME_DOT_PLACE),
    ("·", NAME_DOT_PLACE),
])
def test_other_names_are_refused_next_to_the_field(raw: str, message: str) -> None:
    with pytest.raises(DomainError) as err:
        clean_person_name(raw, "name")
    assert (err.value.field, err.value.message) == ("name", message)


@pytest.mark.parametrize("raw, words", [("", "请输入姓名"), ("   ", "请输入姓名"), ("张" * 31, "30")])
def test_empty_and_long_names_say_so(raw: str, words: str) -> None:
    with pytest.raises(DomainError) as err:
        clean_person_name(raw)
    assert words in err.value.message


def test_the_message_avoids_the_ambiguous_width_dot() -> None:
    for text in (NAME_CHARS_ONLY, NAME_DOT_PLACE):
        assert "\u00b7" not in text and "\u30fb" in text


def test_is_han() -> None:
    assert all(is_han(ch) for ch in "王芳〇\u3400\U00020000\uf900")
    assert not any(is_han(ch) for ch in "a1·・。😀 ⺀")
