"""The rules of 申请新车临时号牌 (kiosk.domain.temp_plate), with their boundaries."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.errors import DomainError
from kiosk.domain.temp_plate import (MAX_DAYS, MAX_ISSUES, clean_days, clean_vin, end_refusal, first_start,
                                     start_refusal, valid_to, vehicle_refusals, vin_check_char, with_check_char)

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("vin, check", [("1M8GDM9AXKP042788", "X"), ("11111111111111111", "1"),
                                        ("LSVAU2184T2184356", "4")])
def test_the_check_digit_of_iso_3779(vin: str, check: str) -> None:
    assert vin_check_char(vin) == check


def test_a_vin_typed_loosely_is_read() -> None:
    assert clean_vin(" ｌｓｖａｕ2184t2184356 ") == "LSVAU2184T2184356"  # full-width, lower case, spaces
    assert clean_vin(with_check_char("LFV2A21K", "J3000004"))[8] == vin_check_char("LFV2A21K0J3000004")


@pytest.mark.parametrize("raw, message", [
    ("", "请输入车辆识别代号（见机动车整车出厂合格证）"),
    ("LSVAU2184T218435", "车辆识别代号应为17位（现为16位）"),
    ("LSVAU2184T21843567", "车辆识别代号应为17位（现为18位）"),
    ("LSVAU2184T21843O6", "车辆识别代号只含数字和字母（不含I、O、Q），请检查：O"),
    ("LSVAU2185T2184356", "车辆识别代号校验位（第9位）不符，请对照合格证核对"),
])
def test_a_wrong_vin_is_told_next_to_its_field(raw: str, message: str) -> None:
    with pytest.raises(DomainError) as exc:
        clean_vin(raw)
    assert (exc.value.field, exc.value.message) == ("vin", message)


def test_days_from_1_to_30() -> None:
    assert clean_days("1") == 1 and clean_days("３０") == MAX_DAYS == 30
    for raw, message in (("0", "有效天数为1-30天"), ("31", "有效天数为1-30天"), ("", "请输入有效天数（1-30天）"),
                         ("-3", "请输入有效天数（1-30天）")):
        with pytest.raises(DomainError) as exc:
            clean_days(raw)
        assert (exc.value.field, exc.value.message) == ("days", message)


def test_the_first_day_from_today_to_7_days_ahead_after_the_last_plate() -> None:
    assert start_refusal(TODAY, TODAY, None) == "" and start_refusal(date(2026, 12, 8), TODAY, None) == ""
    assert start_refusal(date(2026, 11, 30), TODAY, None) == "起始日期不能早于今天"
    assert start_refusal(date(2026, 12, 9), TODAY, None) == "起始日期最晚为2026-12-08（7天内）"
    assert start_refusal(date(2026, 12, 5), TODAY, date(2026, 12, 5)) == (
        "该车上一副临时号牌有效期至2026-12-05，起始日期须在其后")
    assert start_refusal(date(2026, 12, 6), TODAY, date(2026, 12, 5)) == ""


def test_never_beyond_the_insurance() -> None:
    assert valid_to(TODAY, 30) == date(2026, 12, 30) and valid_to(TODAY, 1) == TODAY
    assert end_refusal(TODAY, 30, date(2026, 12, 30)) == ""
    assert end_refusal(TODAY, 30, date(2026, 12, 29)) == "有效期不能超过交强险有效期（2026-12-29），从该日起最多29天"
    assert end_refusal(date(2026, 12, 5), 1, date(2026, 12, 4)).endswith("请先续保交强险")


def test_at_most_three_plates_and_valid_insurance() -> None:
    assert vehicle_refusals(MAX_ISSUES - 1, TODAY, TODAY) == []  # 交强险 ends today: still today
    assert vehicle_refusals(3, TODAY, TODAY) == ["该车已核发3次临时号牌，每辆车最多核发3次，请办理注册登记"]
    assert vehicle_refusals(0, date(2026, 11, 30), TODAY) == ["交强险已于2026-11-30到期，请先续保"]


def test_the_next_plate_may_be_asked_for_a_week_before_the_last_one_runs_out() -> None:
    assert first_start(TODAY, None) == TODAY and first_start(TODAY, date(2026, 11, 20)) == TODAY
    assert first_start(TODAY, date(2026, 12, 7)) == date(2026, 12, 8)  # the 7th day ahead: still open
    assert vehicle_refusals(1, date(2027, 1, 1), TODAY, date(2026, 12, 7)) == []
    assert vehicle_refusals(1, date(2027, 1, 1), TODAY, date(2026, 12, 8)) == [
        "该车临时号牌有效期至2026-12-08，可于2026-12-02起申请下一副"]
