"""Demo licences carry a validity period that could be real (kiosk.services.demo._validity)."""
from __future__ import annotations

from datetime import date

from kiosk.services.demo import _validity

TODAY = date(2026, 12, 3)


def test_a_licence_expiring_soon_is_not_valid_from_before_its_first_issue():
    # 梁雪 (the tester's case): first issued 2020-10-24, "valid 2017-02-01 to 2027-02-01"
    first, valid_from, valid_to = _validity(date(2020, 10, 24), TODAY, 60)
    assert valid_to == date(2027, 2, 1) and first <= valid_from == date(2021, 2, 1)


def test_the_period_in_force_today_6_years_then_10():
    assert _validity(date(2023, 10, 24), TODAY, None) == (date(2023, 10, 24), date(2023, 10, 24), date(2029, 10, 24))
    # 马超, 20 years a driver: his licence was shown expired since 2022
    assert _validity(date(2006, 10, 24), TODAY, None) == (date(2006, 10, 24), date(2022, 10, 24), date(2032, 10, 24))
