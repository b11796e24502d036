"""Small pieces of the exam-booking services: the fee table, bulk value helpers, the
mapping to the domain's facts, and what a citizen reads (no ambiguous-width characters)."""
from __future__ import annotations

import dataclasses
import json
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest

from kiosk.config import ASSETS, PROJECT_ROOT
from kiosk.db.models import Booking, LearnerPermit
from kiosk.domain.errors import DomainError
from kiosk.services import bulk, fees
from kiosk.services.booking import booking_fact, check_range, parse_day, permit_end_text, permit_facts

READ_BY_CITIZENS = [
    *sorted((PROJECT_ROOT / "kiosk" / "ui" / "screens" / "booking").glob("*.py")),
    *[PROJECT_ROOT / "kiosk" / "services" / f"{m}.py" for m in (
        "booking", "booking_query", "booking_submit", "booking_records", "cancellation", "allocation_service",
        "fees", "certificates", "exam_results", "booking_cancelled")],
    ASSETS / "notices" / "exam_booking.txt", ASSETS / "notices" / "exam_priority.txt",
]


@pytest.mark.parametrize("path", READ_BY_CITIZENS, ids=lambda p: p.name)
def test_no_east_asian_ambiguous_characters(path: Path):
    bad = {c for c in path.read_text(encoding="utf-8") if unicodedata.east_asian_width(c) == "A"}
    assert not bad, f"{path.name}: {sorted(bad)}"


def test_fees_come_from_the_configuration_file(tmp_path):
    table = {"subjects": {"2": {"default": 120, "B2": 260}}}
    path = tmp_path / "fees.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    assert fees.fee_for(2, "C1", path) == 120 and fees.fee_for(2, "B2", path) == 260
    with pytest.raises(DomainError, match="未配置科目三"):
        fees.fee_for(3, "C1", path)
    shipped = json.loads(fees.FEES_FILE.read_text(encoding="utf-8"))["subjects"]
    assert set(shipped) == {"1", "2", "3", "4"} and all("default" in v for v in shipped.values())


def test_demo_gateway_receipts_are_distinct_per_order():
    gw = fees.DemoPaymentGateway()
    at = datetime(2026, 12, 2, 10, 0)
    a, b = gw.charge("A1", 150, "x", at), gw.charge("A2", 150, "x", at)
    assert a.transaction_no != b.transaction_no and a.transaction_no.startswith("DEMO20261202100000")


@pytest.mark.parametrize(("stored", "ids"), [("[]", ()), ("[3, 14]", (3, 14)), ("[7]", (7,)), ([5, 6], (5, 6)),
                                             (None, ()), ('[ 1 ,2 ]', (1, 2))])
def test_as_ids(stored, ids):
    assert bulk.as_ids(stored) == ids


@pytest.mark.parametrize("values", [
    ["[]", "[3, 14]", "[7]", "[ 1 ,2 ]"],  # all JSON text (SQLite): one json.loads for the batch
    ["[3, 14]", None, [5, 6]],  # some decoded by the driver or missing: one by one
    ["[03]", "[4]"],  # not JSON, though as_ids reads it: one by one
    [],
])
def test_ids_lists_reads_each_value_as_as_ids_does(values):
    assert [tuple(v) for v in bulk.ids_lists(values)] == [bulk.as_ids(v) for v in values]


def test_ids_lists_never_splits_one_value_into_two_rows():
    with pytest.raises(ValueError):
        bulk.as_ids("[1], [2]")
    with pytest.raises(ValueError):  # as as_ids: not read as two applicants' choices
        bulk.ids_lists(["[1], [2]", "[4]"])


@pytest.mark.parametrize("count", [0, 1, 332, 333, 334, 1000])
def test_insert_rows_writes_every_row_in_order_whatever_the_batching(count):
    from sqlalchemy import create_engine

    per = bulk.MAX_PARAMETERS // 3  # rows per INSERT with three columns: 333
    assert per == 333
    rows = [(i, None if i % 3 else f"r{i}", -i) for i in range(count)]
    with create_engine("sqlite://").begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (n INTEGER PRIMARY KEY AUTOINCREMENT, a INTEGER, b TEXT, c INTEGER)")
        bulk.insert_rows(conn, "t", ("a", "b", "c"), rows)
        assert conn.exec_driver_sql("SELECT a, b, c FROM t ORDER BY n").all() == rows


def test_as_datetime_and_date_accept_driver_strings_and_objects():
    assert bulk.as_datetime("2026-12-01 09:00:00.000000") == datetime(2026, 12, 1, 9)
    assert bulk.as_date("2026-12-04") == date(2026, 12, 4) and bulk.as_date(None) is None
    assert bulk.placeholders(3) == "?, ?, ?"


def test_permit_before_subject_one_counts_from_acceptance():
    p = permit_facts(LearnerPermit(licence_class="C1", accepted_at=datetime(2026, 11, 19, 10), issued_on=None,
                                   valid_to=None, holds_car_licence=False))
    assert p.issued_on == date(2026, 11, 19) and p.valid_to == date(2029, 11, 18) and not p.issued


def test_permit_facts_cut_a_stored_end_at_the_age_limit():
    row = LearnerPermit(licence_class="B2", accepted_at=datetime(2026, 6, 1, 10), issued_on=date(2026, 9, 1),
                        valid_to=date(2029, 8, 31), holds_car_licence=False)
    p = permit_facts(row, date(1962, 12, 20))
    assert (p.valid_to, p.age_limited, p.issued) == (date(2026, 12, 19), True, True)
    assert permit_end_text(p) == "2026年12月19日（不超过申请年龄上限63周岁）"
    assert permit_facts(row).valid_to == date(2029, 8, 31) and permit_facts(row, date(1990, 1, 1)).age_limited is False


def test_a_cancelled_application_counts_for_the_ranking_rule():
    b = Booking(subject=2, status="cancelled", priority=False, created_at=datetime(2026, 12, 1, 9),
                cancelled_at=datetime(2026, 12, 1, 11), range_from=date(2026, 12, 4))
    fact = booking_fact(b, None)
    assert fact.status == "cancelled" and fact.exam_at == datetime(2026, 12, 4)
    pending = booking_fact(Booking(subject=2, status="pending", priority=False, created_at=datetime(2026, 12, 1)), None)
    assert pending.status == "active" and pending.exam_at is None


def test_range_and_day_checks():
    assert parse_day(" 2026-12-05 ", "date_from") == date(2026, 12, 5)
    with pytest.raises(DomainError) as err:
        parse_day("12/05", "date_to")
    assert err.value.field == "date_to"
    today = date(2026, 11, 30)
    with pytest.raises(DomainError, match="3个月"):
        check_range(date(2026, 12, 1), date(2027, 6, 1), today)
    with pytest.raises(DomainError, match="开始日期"):
        check_range(None, date(2026, 12, 1), today)
    assert check_range(date(2026, 12, 1), date(2026, 12, 1), today) == (date(2026, 12, 1), date(2026, 12, 1))


def test_a_range_may_not_start_before_tomorrow_and_an_empty_date_is_asked_for():
    """Tester: 服从系统安排 from 2026-11-01 on 2026-12-03 was accepted and the summary showed past days;
    an empty date field got the format hint."""
    for start in (date(2026, 11, 1), date(2026, 12, 3)):
        with pytest.raises(DomainError) as err:
            check_range(start, date(2026, 12, 20), date(2026, 12, 3))
        assert (err.value.field, err.value.message) == ("date_from", "开始日期最早为2026年12月4日")
    for field, said in (("date_from", "请输入开始日期"), ("date_to", "请输入结束日期")):
        with pytest.raises(DomainError) as err:
            parse_day("  ", field)
        assert (err.value.field, err.value.message) == (field, said)


def test_booking_time_says_pending_only_while_waiting_for_allocation():
    from kiosk.services.booking_records import BookingView

    base = BookingView(1, "2611210000000001", "考试预约", 1, "C1", "pending", False, "自主选择场次", None, "", "", "",
                       None, "", datetime(2026, 11, 1, 9, 0))
    assert base.when == "待安排"
    assert dataclasses.replace(base, status="done").when == "-"  # a past exam recorded without a session
    assert dataclasses.replace(base, status="unplaced").when == "-"
    placed = dataclasses.replace(base, status="placed", exam_at=datetime(2026, 12, 3, 8, 30))
    assert placed.when == "2026-12-03 08:30"
