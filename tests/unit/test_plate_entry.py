"""A plate given as a province chosen and the rest typed (a kiosk has no Chinese input method:
tester, 渝 could not be typed): joined into the plate, a plate typed whole kept as it was, the
province the list opens on read from the offices' addresses, and 港/澳 given by the kind."""
from __future__ import annotations

import pytest

from kiosk.domain import other_vehicle as ov
from kiosk.domain.errors import DomainError
from kiosk.domain.plate_entry import (PROVINCE_NAMES, PROVINCE_PINYIN, home_province, join_plate, next_by_initial,
                                       province_of, split_plate)
from kiosk.domain.plates import PROVINCES, normalize_plate


@pytest.mark.parametrize("province, rest, plate", [
    ("渝", "A12345", "渝A12345"),
    ("苏", "g 8k2b6", "苏G8K2B6"),  # upper case, without spaces
    ("渝", "ＡＤ１２３４５", "渝AD12345"),  # full-width letters and digits as ASCII
    ("渝", "渝B5K821", "渝B5K821"),  # typed whole (an input method, a paste): as typed
    ("渝", "苏G8K2B6", "苏G8K2B6"),  # the province typed wins over the one chosen
    ("粤", "ZA123港", "粤ZA123港"),
    ("渝", "粵A12345", "粵A12345"),  # no abbreviation: checked as typed (应以省份简称开头)
    ("", "A12345", "A12345"),  # none chosen
    ("渝", "", ""),  # nothing typed: 请输入号牌号码, not a plate of one character
    ("渝", "   ", ""),
])
def test_joined(province: str, rest: str, plate: str) -> None:
    assert join_plate(province, rest) == plate


def test_joined_plates_check_as_typed_whole() -> None:
    assert normalize_plate(join_plate("渝", "ad12345")) == "渝AD12345"
    with pytest.raises(DomainError) as bad:
        normalize_plate(join_plate("渝", ""))
    assert bad.value.message == "请输入号牌号码"
    with pytest.raises(DomainError) as bad:
        normalize_plate(join_plate("渝", "粵A12345"))
    assert bad.value.message == "号牌号码应以省份简称开头，如渝、苏"


@pytest.mark.parametrize("plate, parts", [
    ("渝A12345", ("渝", "A12345")),
    ("粤zA123港", ("粤", "ZA123港")),
    ("A12345", ("渝", "A12345")),
    ("", ("渝", "")),
])
def test_split(plate: str, parts: tuple[str, str]) -> None:
    assert split_plate(plate, "渝") == parts
    assert join_plate(*split_plate(plate, "渝")) == (join_plate("渝", plate) if plate else "")


def test_every_abbreviation_has_its_province() -> None:
    assert set(PROVINCE_NAMES) == set(PROVINCES) and len(PROVINCES) == 31


def test_home_province_is_where_most_offices_are() -> None:
    assert province_of("重庆市渝中区经纬大道555号") == "渝"
    assert province_of("江苏省连云港市海州区郁州南路") == "苏"
    assert province_of("内蒙古自治区呼和浩特市") == "蒙" and province_of("陕西省西安市") == "陕"
    assert province_of("山西省太原市") == "晋" and province_of("广西壮族自治区南宁市") == "桂"
    assert province_of("某地") == ""
    assert home_province(["江苏省连云港市", "重庆市渝中区", "重庆市江北区"]) == "渝"
    assert home_province(["江苏省连云港市", "重庆市渝中区"]) == "苏"  # a tie: the first
    assert home_province(["某地"]) == "" and home_province([]) == ""


def test_cross_border_plate_takes_its_suffix_from_the_kind() -> None:
    assert ov.clean_plate(join_plate("粤", "za123"), ov.HONG_KONG) == "粤ZA123港"
    assert ov.clean_plate(join_plate("粤", "ZA123"), ov.MACAU) == "粤ZA123澳"
    assert ov.clean_plate("粤ZA123澳", ov.MACAU) == "粤ZA123澳"  # typed whole, as before
    with pytest.raises(DomainError) as bad:
        ov.clean_plate(join_plate("渝", "ZA123"), ov.HONG_KONG)  # 渝 left chosen
    assert bad.value.message == "香港入出境车号牌以粤Z开头，请选择省份简称粤"
    with pytest.raises(DomainError) as bad:
        ov.clean_plate(join_plate("粤", "ZA123"), ov.SMALL)  # not a 7-character ordinary plate
    assert bad.value.message == "普通号牌为7位（省份简称、发牌机关代号和5位序号），您输入了6位"


def test_every_abbreviation_has_its_pinyin() -> None:
    assert list(PROVINCE_PINYIN) == list(PROVINCES)
    assert all(p.isascii() and p.isalpha() and p.islower() for p in PROVINCE_PINYIN.values())


@pytest.mark.parametrize("current, letter, found", [
    ("渝", "y", "豫"), ("豫", "y", "云"), ("云", "Y", "粤"), ("粤", "y", "渝"),  # round, in the list's order
    ("渝", "j", "冀"), ("琼", "j", "京"),  # after the last: from the first
    ("", "g", "赣"), ("京", "e", "鄂"), ("鄂", "e", "鄂"),  # none chosen; the only one stays
    ("渝", "a", ""), ("渝", "v", ""), ("渝", "1", ""), ("渝", "", ""),
])
def test_next_by_initial(current: str, letter: str, found: str) -> None:
    assert next_by_initial(current, letter) == found
