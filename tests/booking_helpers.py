"""Shared by the exam-booking tests: find a demo account, book through the real services."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kiosk.db.models import Account
from kiosk.services import booking_query, booking_submit
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from tests.conftest import last_sms_code


def account_id(env: Env, person: Person) -> int:
    with env.db.read() as s:
        return s.scalars(select(Account.id).where(Account.id_number == person.id_number)).one()


def sessions(env: Env, person: Person, subject: int, start: str, end: str, site: int | None = None,
             priority: bool = False) -> list[booking_query.SessionRow]:
    return booking_query.query_sessions(env, account_id(env, person), subject, date.fromisoformat(start),
                                        date.fromisoformat(end), site, priority).rows


def book(env: Env, person: Person, req: BookingRequest) -> booking_submit.BookingDone:
    aid = account_id(env, person)
    booking_submit.send_code(env, aid)
    done = booking_submit.submit(env, aid, req, last_sms_code(env, person.phone))
    env.clock.advance(seconds=61)  # the next code may be sent
    return done


def add_learners(env: Env, n: int, *, cls: str = "C1", first_seq: int = 600, issued_days_ago: int = 100,
                 permit_left_days: int | None = None) -> list[Person]:
    """``n`` registered learners with 科目一 passed (so 科目二 may be booked); returns them as Persons.

    ``permit_left_days`` puts the permit's end that many days ahead (priority booking needs < 6 months).
    """
    from datetime import datetime, time, timedelta

    from kiosk.db.models import Booking, ExamResult, LearnerPermit
    from kiosk.domain.exam import permit_valid_to

    now = env.clock.now()
    people = [Person(f"extra{i}", f"学员{i}", "500103", "19960101", first_seq + 2 * i, "test")
              for i in range(n)]
    with env.db.write() as s:
        for i, p in enumerate(people):
            account = Account(id_number=p.id_number, name=p.name, phone=p.phone, registered_at=now,
                              registered_via="demo", created_at=now)
            s.add(account)
            s.flush()
            issued = (now - timedelta(days=issued_days_ago)).date()
            valid_to = permit_valid_to(issued) if permit_left_days is None else now.date() + timedelta(permit_left_days)
            permit = LearnerPermit(account_id=account.id, licence_class=cls, issued_on=issued, valid_to=valid_to,
                                   accepted_at=datetime.combine(issued, time(9)) - timedelta(days=30, minutes=i))
            s.add(permit)
            s.flush()
            taken = datetime.combine(issued, time(9))
            b = Booking(account_id=account.id, permit_id=permit.id, subject=1, licence_class=cls, mode="self",
                        choices=[], ranking_time=taken, status="done", created_at=taken - timedelta(days=5))
            s.add(b)
            s.flush()
            s.add(ExamResult(booking_id=b.id, account_id=account.id, subject=1, taken_at=taken, score=95,
                             passed=True))
    return people


def result_titles(subject: int = 2) -> set[str]:
    """The inbox titles of an allocation result for ``subject``: 科目二考试预约（预约成功） or （未安排）."""
    from kiosk.services.allocation_sql import inbox_title
    from kiosk.services.booking import STATUS_PLACED, STATUS_UNPLACED

    return {inbox_title(subject, STATUS_PLACED), inbox_title(subject, STATUS_UNPLACED)}
