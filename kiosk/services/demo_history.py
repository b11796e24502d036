"""Demo exam history: each finished exam booking of a demo learner as a real one ends up.

A real booking that was sat is a 网办 application (业务流水号) placed in a session of a plan
that was published and allocated, paid for, and closed by its result. So each demo one gets a
session of a past plan at an exam site of the learner's city (the seat counted in it), and its
application the timeline a real one gets, with the services' own words: 受理中, 预约成功 (the
time and site), 已缴费 (the demo bank's receipt), then each result. 网办进度 and the counter's
为群众办理 then show when and where the exam was. Each of those steps also left what the service
tells the citizen: an inbox message (already read: it is the past) and, with the outbox as the SMS
gateway, the SMS, at the step's time, in the texts the services write (no SMS goes out through a
real gateway for the past).
"""
from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import (Account, Application, ApplicationEvent, Booking, ExamPlan, ExamResult, ExamSession, ExamSite,
                         LearnerPermit, Message, Office)
from ..domain.exam import SUBJECT_NAMES
from ..domain.ids import mask_name
from ..domain.ranking import ranking_time
from .allocation_sql import inbox_title, message_text, placed_note
from .applications import placeholder_serial, serial_for
from .booking import KIND, MODE_TEXT, STATUS_PAID, STATUS_PENDING, STATUS_PLACED, TITLE, attempt_of, class_label
from .booking_submit import ACCEPTED, booking_message
from .env import Env
from .exam_results import result_message, result_note, result_title
from .fees import FEE_TITLE, DemoPaymentGateway, fee_description, fee_for, fee_message, receipt_of, receipt_text
from .gateways import OutboxSmsGateway
from .messaging import SMS_SIGN, exam_booking

SMALL, LARGE = "C1C2C5", "A1A2A3B1B2"  # the classes of the demo sessions, small and large vehicles
OPENS = ALLOCATED = time(9, 0)  # a plan's booking window opens, its allocation runs
BOOKED = PAID = time(10, 0)  # the learner books (the day after the window opened), pays (once placed)


def _site(s: Session, city: str | None) -> ExamSite:
    """The first exam site of the learner's city (any site when it has none)."""
    q = select(ExamSite).join(Office, Office.id == ExamSite.office_id).order_by(ExamSite.id)
    return s.scalars(q.where(Office.city == city)).first() or s.scalars(q).one()


def _session(s: Session, site: ExamSite, subject: int, cls: str, at: datetime) -> ExamSession:
    """The session at ``site`` starting ``at`` (made with its plan, published and allocated two days
    before the exam, when missing), with one more seat taken."""
    day = at.date()
    plan = s.scalars(select(ExamPlan).where(ExamPlan.office_id == site.office_id, ExamPlan.subject == subject,
                                            ExamPlan.exam_date == day)).first()
    if plan is None:
        publish = day - timedelta(days=2)
        plan = ExamPlan(office_id=site.office_id, subject=subject, exam_date=day,
                        booking_opens_at=datetime.combine(day - timedelta(days=20), OPENS), publish_on=publish,
                        allocated_at=datetime.combine(publish, ALLOCATED))
        s.add(plan)
        s.flush()
    classes = SMALL if cls in SMALL else LARGE
    session = s.scalars(select(ExamSession).where(ExamSession.plan_id == plan.id, ExamSession.site_id == site.id,
                                                  ExamSession.start_time == at.time(),
                                                  ExamSession.classes.contains(cls))).first()
    if session is None:
        session = ExamSession(plan_id=plan.id, site_id=site.id, exam_date=day, start_time=at.time(), subject=subject,
                              classes=classes, seats=30, priority_quota=3, applicants=0, placed=0)
        s.add(session)
    session.applicants += 1
    session.placed += 1
    s.flush()
    return session


def _event(s: Session, app: Application, at: datetime, status: str, note: str) -> None:
    app.status, app.updated_at = status, at
    s.add(ApplicationEvent(application_id=app.id, at=at, status=status, note=note))


def _told(s: Session, env: Env, account: Account, at: datetime, title: str, body: str) -> None:
    """What messaging.notify wrote at ``at``: the inbox message (read then) and the outbox SMS."""
    s.add(Message(channel="inbox", account_id=account.id, title=title, body=body, created_at=at, read_at=at))
    if account.phone and isinstance(env.sms, OutboxSmsGateway):
        s.add(Message(channel="sms", account_id=account.id, phone=account.phone, body=SMS_SIGN + body, created_at=at))


def finished_booking(s: Session, env: Env, account: Account, permit: LearnerPermit, subject: int, at: datetime,
                     attempts: list[tuple[bool, int]]) -> Booking:
    """A booking of ``subject`` sat at ``at`` (the retake two hours later), booked and paid as on the
    kiosk; ``attempts``: (passed, score) of each exam, the last one closing it."""
    site = _site(s, permit.city)
    session = _session(s, site, subject, permit.licence_class, at)
    plan = s.get(ExamPlan, session.plan_id)
    assert plan is not None and plan.allocated_at is not None
    made = datetime.combine(plan.booking_opens_at.date() + timedelta(days=1), BOOKED)
    where = f"{at:%Y-%m-%d} {at:%H:%M} {site.name}（{site.address}）"
    summary = [("姓名", mask_name(account.name)), ("准驾车型", class_label(permit.licence_class)),
               ("考试科目", SUBJECT_NAMES[subject]), ("预约模式", MODE_TEXT["self"]), ("考试场次", where)]
    history = [attempt_of(r) for r in s.scalars(select(ExamResult).where(ExamResult.account_id == account.id))]
    app = Application(serial_no=placeholder_serial(), account_id=account.id, kind=KIND,
                      title=f"{TITLE}（{SUBJECT_NAMES[subject]}）", status=STATUS_PENDING,
                      payload={"subject": subject, "mode": "self", "summary": [f"{k}：{v}" for k, v in summary]},
                      terminal_id=env.terminal_id, created_at=made, updated_at=made)
    s.add(app)
    s.flush()
    app.serial_no = serial_for(made, app.id)
    booking = Booking(account_id=account.id, permit_id=permit.id, application_id=app.id, subject=subject,
                      licence_class=permit.licence_class, mode="self", choices=[session.id], range_from=at.date(),
                      range_to=at.date(), ranking_time=ranking_time(subject, permit.accepted_at, history, []).at,
                      status="placed", session_id=session.id, created_at=made, city=permit.city)
    s.add(booking)
    s.flush()
    subject_name = SUBJECT_NAMES[subject]
    _event(s, app, made, STATUS_PENDING, ACCEPTED)
    _told(s, env, account, made, exam_booking(subject_name, STATUS_PENDING), booking_message(subject_name, TITLE, app.serial_no, ACCEPTED))
    placed = placed_note(f"{at:%Y-%m-%d}", f"{at:%H:%M}", site.name, site.address)
    _event(s, app, plan.allocated_at, STATUS_PLACED, placed)
    _told(s, env, account, plan.allocated_at, inbox_title(subject, STATUS_PLACED), message_text(subject, app.serial_no, placed))
    paid_at = datetime.combine(plan.allocated_at.date(), PAID)
    description = fee_description(subject)
    amount = fee_for(subject, permit.licence_class)
    receipt = receipt_of(amount, description, DemoPaymentGateway().charge(app.serial_no, amount, description, paid_at))
    booking.fee_paid_at = paid_at
    app.payload = {**app.payload, "fee": receipt}
    _event(s, app, paid_at, STATUS_PAID, receipt_text(receipt))
    _told(s, env, account, paid_at, FEE_TITLE, fee_message(subject_name, app.serial_no, receipt))
    for n, (passed, score) in enumerate(attempts, 1):
        taken = at + timedelta(hours=2 * (n - 1))
        s.add(ExamResult(booking_id=booking.id, account_id=account.id, subject=subject, taken_at=taken, score=score,
                         passed=passed))
        if n == len(attempts):
            booking.status = "done"
        status, note = result_note(s, booking, n, score, False, taken)
        _event(s, app, taken, status, note)
        _told(s, env, account, taken, result_title(status), result_message(note))
    return booking
