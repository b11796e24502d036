"""免检车申领检验标志: which vehicle may apply online for its 检验标志, in which years, and from which day
(the three months before its inspection expires)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from kiosk.domain.inspection_exempt import (GO_INSPECT, MARK_YEARS, Vehicle, mark_year_span, next_due, refusals,
                                            window_opens, window_year, year_of_registration)

REGISTERED = date(2021, 3, 15)
LATER = date(2040, 1, 1)


def car(**change) -> Vehicle:  # type: ignore[no-untyped-def]
    """A private small car registered 2021-03-15, its 4th-year inspection due 2025-03-15 (the test
    dates are as if today were then)."""
    values = {"vehicle_type": "小型轿车", "use_nature": "非营运", "registered_on": REGISTERED,
              "inspection_due": date(2025, 3, 15), "insurance_due": LATER, "unhandled_violations": 0, **change}
    return Vehicle(**values)


@pytest.mark.parametrize("today, year", [
    (date(2021, 3, 15), 1), (date(2022, 3, 14), 1), (date(2022, 3, 15), 2),
    (date(2026, 3, 14), 5), (date(2026, 3, 15), 6), (date(2027, 3, 14), 6), (date(2027, 3, 15), 7),
    (date(2030, 3, 15), 10), (date(2031, 3, 14), 10), (date(2031, 3, 15), 11),
])
def test_years_of_registration_turn_on_the_anniversary(today: date, year: int) -> None:
    assert year_of_registration(REGISTERED, today) == year


def test_a_29_february_registration_turns_on_1_march() -> None:
    leap = date(2020, 2, 29)
    assert year_of_registration(leap, date(2025, 2, 28)) == 5
    assert year_of_registration(leap, date(2025, 3, 1)) == 6
    assert mark_year_span(leap, 6) == (date(2025, 3, 1), date(2026, 2, 28))
    assert mark_year_span(leap, 10) == (date(2029, 3, 1), date(2030, 2, 28))


@pytest.mark.parametrize("year", [2, 4, 8])
@pytest.mark.parametrize("first_day", [True, False])
def test_the_2nd_4th_and_8th_year_may_apply_from_three_months_before_the_inspection_expires_to_its_last_day(
        year: int, first_day: bool) -> None:
    due = date(2021 + year, 3, 15)  # the year's anniversary: the 2nd on 2023-03-15
    today = date(2021 + year - 1, 12, 15) if first_day else due - timedelta(days=1)
    assert year_of_registration(REGISTERED, today) == year
    assert refusals(car(inspection_due=due), today) == []


@pytest.mark.parametrize("year", [6, 10])
@pytest.mark.parametrize("first_day", [True, False])
def test_the_6th_and_10th_year_go_to_an_inspection_station(year: int, first_day: bool) -> None:
    due = date(2021 + year, 3, 15)
    today = date(2021 + year - 1, 12, 15) if first_day else due - timedelta(days=1)
    assert refusals(car(inspection_due=due), today) == [
        f"该车为注册登记第{year}年，免检车第6年、第10年须上线检验，不能申领检验标志，{GO_INSPECT}"]


@pytest.mark.parametrize("year", [2, 4, 8])
def test_the_day_the_inspection_is_due_still_belongs_to_its_years_window(year: int) -> None:
    """检验有效期至 is its last valid day; it is the anniversary that begins the next year."""
    due = date(2021 + year, 3, 15)
    assert year_of_registration(REGISTERED, due) == year + 1 and window_year(REGISTERED, due, due) == year
    assert refusals(car(inspection_due=due), due) == []
    [told] = refusals(car(inspection_due=due), due + timedelta(days=1))
    assert told == f"该车检验有效期已于{due:%Y-%m-%d}届满，{GO_INSPECT}"


def test_the_day_a_6th_years_inspection_is_due_still_goes_to_a_station() -> None:
    [told] = refusals(car(inspection_due=date(2027, 3, 15)), date(2027, 3, 15))
    assert told.startswith("该车为注册登记第6年，免检车第6年、第10年须上线检验") and told.endswith(GO_INSPECT)


def test_the_mark_years_are_the_2nd_4th_and_8th() -> None:
    assert MARK_YEARS == (2, 4, 8)
    allowed = [y for y in range(1, 12) if refusals(car(inspection_due=date(2021 + y, 3, 15)), date(2021 + y, 3, 1)) == []]
    assert allowed == [2, 4, 8]


@pytest.mark.parametrize("due, today", [(date(2025, 3, 15), date(2024, 3, 15)), (date(2025, 3, 15), date(2024, 12, 14)),
                                        (date(2029, 3, 15), date(2028, 3, 15))])
def test_earlier_in_the_year_it_is_told_from_which_day(due: date, today: date) -> None:
    opens = f"{due.year - 1}-12-15"
    assert refusals(car(inspection_due=due), today) == [
        f"该车检验有效期至{due:%Y-%m-%d}，免检车在检验有效期满前三个月内申领检验标志，请于{opens}起申领"]


@pytest.mark.parametrize("due, opens", [
    (date(2027, 1, 21), date(2026, 10, 21)),  # across the year
    (date(2027, 5, 31), date(2027, 2, 28)), (date(2028, 5, 31), date(2028, 2, 29)),  # no 31st: the month's last day
    (date(2027, 5, 28), date(2027, 2, 28)), (date(2027, 6, 30), date(2027, 3, 30)), (date(2027, 3, 31), date(2026, 12, 31)),
])
def test_the_window_opens_three_calendar_months_before_the_inspection_expires(due: date, opens: date) -> None:
    assert window_opens(due) == opens
    registered = date(due.year - 4, due.month, due.day)  # its 4th year ends the day before ``due``
    before = refusals(car(registered_on=registered, inspection_due=due), opens - timedelta(days=1))
    assert before == [f"该车检验有效期至{due:%Y-%m-%d}，免检车在检验有效期满前三个月内申领检验标志，"
                      f"请于{opens:%Y-%m-%d}起申领"]
    assert refusals(car(registered_on=registered, inspection_due=due), opens) == []


def test_an_inspection_expired_in_the_4th_year_may_still_apply() -> None:
    assert refusals(car(inspection_due=date(2025, 1, 1)), date(2025, 3, 1)) == []


def test_the_day_before_the_4th_year_is_told_when_to_come() -> None:
    [told] = refusals(car(), date(2024, 3, 14))
    assert told == ("该车为注册登记第3年，免检车在第2年、第4年、第8年申领检验标志，"
                    "请于2024-03-15至2025-03-14（第4年）期间申领")


def test_the_year_before_the_6th_is_told_to_come_to_a_station_in_the_6th() -> None:
    [told] = refusals(car(inspection_due=date(2027, 3, 15)), date(2026, 3, 14))
    assert told == ("该车为注册登记第5年，免检车第6年、第10年须上线检验，不能申领检验标志，"
                    "请于2026-03-15至2027-03-14（第6年）期间到机动车检验机构进行安全技术检验")


def test_after_the_6th_years_inspection_the_8th_is_named() -> None:
    [told] = refusals(car(inspection_due=date(2029, 3, 15)), date(2027, 1, 10))  # inspected in its 6th year
    assert told == ("该车为注册登记第6年，免检车在第2年、第4年、第8年申领检验标志，"
                    "请于2028-03-15至2029-03-14（第8年）期间申领")
    [told] = refusals(car(inspection_due=date(2029, 3, 15)), date(2027, 3, 15))
    assert "注册登记第7年" in told and "请于2028-03-15至2029-03-14（第8年）期间申领" in told


def test_after_the_10th_years_inspection_it_is_inspected_every_year() -> None:
    [told] = refusals(car(inspection_due=date(2032, 3, 15)), date(2031, 1, 10))
    assert told == f"该车检验有效期至2032-03-15，注册登记满10年后每年上线检验，届时{GO_INSPECT}"


def test_a_missed_4th_year_goes_to_an_inspection_station() -> None:
    [told] = refusals(car(), date(2025, 3, 20))  # the 4th year's mark was not applied for: overdue
    assert told == f"该车检验有效期已于2025-03-15届满，{GO_INSPECT}"


def test_after_the_10th_year_it_is_inspected_at_a_station() -> None:
    [told] = refusals(car(inspection_due=date(2032, 3, 15)), date(2031, 3, 15))
    assert "注册登记已超过10年（2021-03-15初次登记）" in told and told.endswith(GO_INSPECT)


@pytest.mark.parametrize("change, words", [
    ({"use_nature": "营运"}, "该车为营运小型轿车，不属于免检车辆"),
    ({"vehicle_type": "小型面包车"}, "该车为面包车，不属于免检车辆"),
    ({"vehicle_type": "重型半挂牵引车"}, "该车为非营运重型半挂牵引车，不属于免检车辆"),
    ({"registered_on": None}, "该车初次登记日期无记录"),
])
def test_other_vehicles_go_to_an_inspection_station(change: dict, words: str) -> None:
    [told] = refusals(car(**change), date(2026, 6, 1))
    assert told.startswith(words) and told.endswith(GO_INSPECT)


def test_insurance_and_violations_are_told_together() -> None:
    told = refusals(car(insurance_due=date(2024, 12, 31), unhandled_violations=2), date(2025, 1, 1))
    assert told == ["该车交强险已于2024-12-31到期，请先续保交强险", "该车有2起交通违法未处理，请先处理"]
    assert refusals(car(insurance_due=date(2025, 1, 1)), date(2025, 1, 1)) == []  # its last valid day


def test_before_the_window_insurance_and_violations_are_told_too() -> None:
    told = refusals(car(insurance_due=date(2024, 5, 31), unhandled_violations=2), date(2024, 6, 1))
    assert told == ["该车检验有效期至2025-03-15，免检车在检验有效期满前三个月内申领检验标志，请于2024-12-15起申领",
                    "该车交强险已于2024-05-31到期，请先续保交强险", "该车有2起交通违法未处理，请先处理"]


def test_a_mark_gives_two_years_and_is_not_given_again_the_same_year() -> None:
    assert [next_due(REGISTERED, y) for y in MARK_YEARS] == [date(2025, 3, 15), date(2027, 3, 15), date(2031, 3, 15)]
    [told] = refusals(car(inspection_due=date(2027, 3, 15)), date(2024, 6, 1))
    assert told == "该车第4年的检验标志已申领，检验有效期至2027-03-15，无需再次申领"
    [told] = refusals(car(inspection_due=date(2025, 3, 15)), date(2022, 6, 1))
    assert told == "该车第2年的检验标志已申领，检验有效期至2025-03-15，无需再次申领"
