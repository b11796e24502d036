"""Plate messages name the fault (tester: 渝AA12345 as a 小型新能源汽车 plate was told
号牌号码格式不正确：普通号牌7位，新能源号牌8位, though it has 8 characters)."""
from __future__ import annotations

import pytest

from kiosk.domain import other_vehicle as ov
from kiosk.domain.errors import DomainError
from kiosk.domain.plates import normalize_plate


def _message(fn, *args) -> str:
    with pytest.raises(DomainError) as err:
        fn(*args)
    return err.value.message


@pytest.mark.parametrize("plate, kind, message", [
    ("渝AA12345", ov.SMALL_NEV, "小型新能源汽车号牌第3位应为D或F（纯电动D，非纯电动F）"),
    ("渝A123456", ov.SMALL_NEV, "小型新能源汽车号牌第3位应为D或F（纯电动D，非纯电动F）"),
    ("渝AD1234A", ov.SMALL_NEV, "小型新能源汽车号牌最后4位应为数字"),
    ("渝AF12B45", ov.SMALL_NEV, "小型新能源汽车号牌最后4位应为数字"),
    ("渝AD#2345", ov.SMALL_NEV, "小型新能源汽车号牌第4位应为字母或数字"),
    ("渝AD1I345", ov.SMALL_NEV, "号牌号码不使用字母I和O"),
    ("渝A123456", ov.SMALL, "普通号牌为7位（省份简称、发牌机关代号和5位序号），您输入了8位"),
    ("渝AD1A345", ov.SMALL, "普通号牌为7位（省份简称、发牌机关代号和5位序号），您输入了8位"),
    ("渝A1234", ov.SMALL, "普通号牌为7位（省份简称、发牌机关代号和5位序号），您输入了6位"),
    ("渝A12#45", ov.SMALL, "普通号牌第3至7位（序号）应为字母或数字"),
    ("渝AO1234", ov.SMALL, "号牌号码不使用字母I和O"),
    # the precise messages there were
    ("渝AD12345", ov.SMALL, "小型汽车号牌为7位（新能源汽车号牌请选择小型新能源汽车）"),
    ("渝A12345D", ov.SMALL_NEV, "该号牌为大型新能源汽车号牌，只能备案小型新能源汽车"),
    ("渝A12345", ov.SMALL_NEV, "小型新能源汽车号牌为8位，如渝AD12345"),
    ("渝1A2345", ov.SMALL, "号牌号码第2位应为发牌机关代号（字母），如渝A"),
])
def test_plate_of_a_kind_names_its_fault(plate: str, kind: str, message: str) -> None:
    assert _message(ov.clean_plate, plate, kind) == message


def test_plates_of_each_kind_still_pass() -> None:
    assert ov.clean_plate("渝ad 12345", ov.SMALL_NEV) == "渝AD12345"
    assert ov.clean_plate("渝AFA1234", ov.SMALL_NEV) == "渝AFA1234"
    assert ov.clean_plate("渝B5K821", ov.SMALL) == "渝B5K821"


@pytest.mark.parametrize("plate, message", [
    ("渝AD1234A", "小型新能源汽车号牌最后4位应为数字"),
    ("渝AA1234D", "大型新能源汽车号牌第3至7位应为数字"),
    ("渝A123456", "普通号牌为7位（省份简称、发牌机关代号和5位序号），您输入了8位"),
    ("渝AA12345", "普通号牌为7位（省份简称、发牌机关代号和5位序号），您输入了8位"),
    ("渝A12#456", "8位号牌为新能源号牌：小型第3位为D或F，大型最后1位为D或F（普通号牌为7位）"),
    ("渝A12#45", "普通号牌第3至7位（序号）应为字母或数字"),
    ("渝A1234567", "号牌号码应为7位（普通号牌）或8位（新能源号牌），您输入了9位"),
    ("渝AI2345", "号牌号码不使用字母I和O"),
])
def test_any_plate_names_its_fault(plate: str, message: str) -> None:
    assert _message(normalize_plate, plate) == message


def test_cross_border_plate_typed_without_its_suffix() -> None:
    """港 and 澳 cannot be typed at a kiosk (no input method): the kind chosen gives it."""
    assert ov.clean_plate("粤za123", ov.HONG_KONG) == "粤ZA123港"
    assert ov.clean_plate("粤ZA123", ov.MACAU) == "粤ZA123澳"
    assert _message(ov.clean_plate, "渝ZA123", ov.HONG_KONG) == "香港入出境车号牌以粤Z开头，请选择省份简称粤"
