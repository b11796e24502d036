"""What people type (kiosk.domain.typed): full-width forms and the usual ways of writing a date."""
from __future__ import annotations

from datetime import date, time

import pytest

from kiosk.domain.errors import DomainError
from kiosk.domain.ids import normalize_id_number, normalize_phone
from kiosk.domain.plates import normalize_plate
from kiosk.domain.typed import (compact, date_or_error, half_width, names_no_day, option_refusal, parse_date,
                                parse_time)

FULL = str.maketrans("0123456789-:/ABCX", "０１２３４５６７８９－：／ＡＢＣＸ")


def test_full_width_forms_become_ascii() -> None:
    assert half_width("５００１０７　Ａｂ－：／") == "500107 Ab-:/"
    assert compact(" １３９ ０００　０００４２ ") == "13900000042"
    assert half_width("渝中考场（经纬大道）") == "渝中考场(经纬大道)"  # folded only where callers ask for it


BAD_MONTH = "日期不正确：月份应为1-12"  # a month that is none: it said 没有这一天，月份应为1-12 (tester)


@pytest.mark.parametrize("text", ["2026-12-05", "2026/12/5", "2026.12.05", "20261205", "2026年12月5日",
                                  " 2026 - 12 - 05 ", "2026-12-05".translate(FULL), "２０２６年１２月５日"])
def test_dates_as_people_write_them(text: str) -> None:
    assert parse_date(text) == date(2026, 12, 5)


@pytest.mark.parametrize("text", ["", "2026-02-30", "2026-13-01", "26-12-05", "2026-1205", "2026-12-05x",
                                  "十二月五日", "٢٠٢٦-١٢-٠٥"])
def test_what_is_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_date_or_error_names_the_field() -> None:
    assert date_or_error("2026/12/5", "date_from", "格式") == date(2026, 12, 5)
    with pytest.raises(DomainError) as err:
        date_or_error("12/05", "date_from", "请按 2026-12-05 的格式输入日期")
    assert (err.value.field, err.value.message) == ("date_from", "请按 2026-12-05 的格式输入日期")


@pytest.mark.parametrize(("text", "said"), [
    ("2026-02-30", "2026年2月只有28天"), ("2026-11-31", "2026年11月只有30天"), ("2028-02-30", "2028年2月只有29天"),
    ("２０２６年２月３０日", "2026年2月只有28天"), ("2026-11-00", "2026年11月的日期应为1-30"),
    ("2026-13-45", BAD_MONTH), ("20261345", BAD_MONTH), ("2026-00-10", BAD_MONTH), ("２０２６年１３月１日", BAD_MONTH),
    ("0000-01-01", "日期不正确：请检查年份")])
def test_a_date_written_right_that_names_no_day_says_what_is_wrong(text: str, said: str) -> None:
    """Not 「请按 2026-12-05 的格式输入」 for text already in that form; and not 请检查月份 for a
    month that is fine (2026-11-31 said so: tester), only for one that is none."""
    with pytest.raises(DomainError) as err:
        date_or_error(text, "date_to", "请按 2026-12-05 的格式输入日期")
    assert (err.value.field, err.value.message) == ("date_to", said)


@pytest.mark.parametrize(("text", "wrong"), [("2026-02-30", "2026年2月只有28天"), ("2026-02-30T09:00", "2026年2月只有28天"),
                                             ("2026-13-01 09:00", BAD_MONTH), ("2026年2月30日", "2026年2月只有28天"),
                                             ("2026-02-28T09:00", ""), ("2026-02-28T25:00", ""),
                                             ("tomorrow", ""), ("2026-02-3x", "")])
def test_a_command_line_date_that_names_no_day_is_told_so(text: str, wrong: str) -> None:
    """kiosk allocate --date 2026-02-30 was told the form (须为 2026-12-03 这样的日期) it was written in;
    it is told what is wrong, as the screens say it."""
    assert names_no_day(text) is bool(wrong)
    said = option_refusal("--date", text, "须为 2026-12-03 这样的日期")
    assert said == f"--date {wrong or '须为 2026-12-03 这样的日期'}，收到 {text!r}"


@pytest.mark.parametrize("text, expected", [("08:30", time(8, 30)), ("8:30", time(8, 30)),
                                            ("08:30".translate(FULL), time(8, 30)), ("8点30分", time(8, 30)),
                                            ("13时05", time(13, 5)), ("08:30:15", time(8, 30, 15))])
def test_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["", "24:00", "8:3", "0830", "08:60", "08:30:61", "八点半"])
def test_what_is_not_a_time(text: str) -> None:
    assert parse_time(text) is None


def test_numbers_typed_full_width_pass_the_identity_rules() -> None:
    assert normalize_id_number("11010519491231002x".translate(FULL)) == "11010519491231002X"
    assert normalize_id_number("１１０１０５１９４９１２３１００２ｘ") == "11010519491231002X"
    assert normalize_phone("13900000042".translate(FULL)) == "13900000042"
    assert normalize_plate("渝ＡＢ１２３４") == "渝AB1234"
    with pytest.raises(DomainError, match="前17位必须是数字"):
        normalize_id_number("一一0105194912310020")
