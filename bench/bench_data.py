"""Synthetic data for bench/booking_bench.py, written with bulk Core inserts (setup is not timed)."""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert

from kiosk.db.models import (Account, Application, Booking, ExamPlan, ExamResult, ExamSession, ExamSite,
                             LearnerPermit, Office)
from kiosk.domain.exam import permit_valid_to
from kiosk.services.demo_people import make_id

CHUNK = 50_000


def _bulk(conn, model, rows: list[dict]) -> None:  # type: ignore[no-untyped-def]
    for i in range(0, len(rows), CHUNK):
        conn.execute(insert(model.__table__), rows[i:i + CHUNK])


def sites(env, count: int) -> list[int]:  # type: ignore[no-untyped-def]
    with env.db.write() as s:
        conn = s.connection()
        _bulk(conn, Office, [{"id": i, "city": "重庆", "name": f"车管所{i}", "address": f"重庆市第{i}路1号",
                              "phone": "023-60000000"} for i in range(1, count + 1)])
        _bulk(conn, ExamSite, [{"id": i, "office_id": i, "name": f"考场{i}", "address": f"重庆市第{i}路1号",
                                "phone": "023-60000000"} for i in range(1, count + 1)])
    return list(range(1, count + 1))


def plans(env, site_ids: list[int], first_day: date, days: int, subjects: tuple[int, ...], *, publish_on=None,
          opens_at: datetime, seats: int = 40, quota: int = 4, times=(time(8, 30), time(13, 30))) -> list[dict]:
    """One plan per site, subject and day; a session per start time. Returns the session rows."""
    plan_rows, session_rows = [], []
    pid = sid = 0
    for d in range(days):
        day = first_day + timedelta(days=d)
        for site in site_ids:
            for subject in subjects:
                pid += 1
                plan_rows.append({"id": pid, "office_id": site, "subject": subject, "exam_date": day,
                                  "booking_opens_at": opens_at, "publish_on": publish_on or day - timedelta(days=2)})
                for t in times:
                    sid += 1
                    session_rows.append({"id": sid, "plan_id": pid, "site_id": site, "exam_date": day,
                                         "start_time": t, "subject": subject, "classes": "C1C2C5", "seats": seats,
                                         "priority_quota": quota})
    with env.db.write() as s:
        _bulk(s.connection(), ExamPlan, plan_rows)
        _bulk(s.connection(), ExamSession, session_rows)
    return session_rows


def learners(env, count: int, now: datetime, *, first_id: int = 1, permit_left_days: int | None = None,  # type: ignore[no-untyped-def]
             phone_base: int = 13000000000) -> list[int]:
    """Registered C1 learners with 科目一 passed; account id == permit id == i."""
    issued = (now - timedelta(days=200)).date()
    valid_to = permit_valid_to(issued) if permit_left_days is None else now.date() + timedelta(days=permit_left_days)
    ids = list(range(first_id, first_id + count))
    rng = random.Random(first_id)
    accounts, permits, done, results = [], [], [], []
    for i in ids:
        accounts.append({"id": i, "kind": "personal", "id_number": _id_number(i), "name": f"学员{i}",
                         "phone": str(phone_base + i), "address": "", "registered_at": now, "created_at": now})
        accepted = datetime.combine(issued, time(9)) - timedelta(days=30, minutes=rng.randrange(500_000))
        permits.append({"id": i, "account_id": i, "licence_class": "C1", "accepted_at": accepted,
                        "issued_on": issued, "valid_to": valid_to, "city": "重庆"})  # the sites' city
        done.append({"id": i, "account_id": i, "permit_id": i, "subject": 1, "licence_class": "C1", "mode": "self",
                     "choices": [], "ranking_time": accepted, "status": "done", "created_at": accepted})
        results.append({"booking_id": i, "account_id": i, "subject": 1, "taken_at": datetime.combine(issued, time(9)),
                        "score": 95, "passed": True})
    with env.db.write() as s:
        conn = s.connection()
        for model, rows in ((Account, accounts), (LearnerPermit, permits), (Booking, done), (ExamResult, results)):
            _bulk(conn, model, rows)
    return ids


def _id_number(i: int) -> str:
    """A distinct valid ID number per i (birth date spread over 1960-2005, sequence = i % 1000)."""
    birth = date(1960, 1, 1) + timedelta(days=(i // 1000) % 16_000)
    return make_id("500103", f"{birth:%Y%m%d}", i % 1000)


def applications(env, account_ids: list[int], sessions: list[dict], now: datetime, seed: int = 7,  # type: ignore[no-untyped-def]
                 first_booking: int = 10_000_000) -> int:
    """One pending normal application per account: 80 % choose 1-3 sessions, 20 % a system range,
    each submitted before the publication day ``now`` (allocation takes no application made on it)."""
    rng = random.Random(seed)
    by_subject: dict[int, list[dict]] = {}
    for row in sessions:
        by_subject.setdefault(row["subject"], []).append(row)
    days = sorted({r["exam_date"] for r in sessions})
    apps, bookings = [], []
    for n, acc in enumerate(account_ids):
        bid = first_booking + n
        subject = rng.choice(list(by_subject))
        if rng.random() < 0.8:
            picks = rng.sample(by_subject[subject], rng.randint(1, 3))
            mode, choices = "self", [p["id"] for p in picks]
            lo, hi, site = min(p["exam_date"] for p in picks), max(p["exam_date"] for p in picks), None
        else:
            start = rng.randrange(len(days))
            lo, hi = days[start], days[min(len(days) - 1, start + rng.randint(2, 6))]
            mode, choices, site = "system", [], rng.choice([None, rng.choice(sessions)["site_id"]])
        # submitted while the plans were open: before the publication day (``now``), in the 18 days before
        made = now - timedelta(days=1, minutes=rng.randrange(18 * 24 * 60))
        apps.append({"id": bid, "serial_no": f"B{bid:015d}", "account_id": acc, "kind": "exam_booking",
                     "title": "考试预约", "status": "受理中", "payload": {"booking_id": bid}, "terminal_id": "bench",
                     "created_at": made, "updated_at": made})
        bookings.append({"id": bid, "account_id": acc, "permit_id": acc, "application_id": bid, "subject": subject,
                         "licence_class": "C1", "mode": mode, "choices": choices, "range_from": lo, "range_to": hi,
                         "site_id": site, "ranking_time": now - timedelta(minutes=rng.randrange(1_000_000)),
                         "status": "pending", "created_at": made, "city": "重庆"})
    with env.db.write() as s:
        _bulk(s.connection(), Application, apps)
        _bulk(s.connection(), Booking, bookings)
    return len(bookings)
