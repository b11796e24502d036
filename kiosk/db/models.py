"""Typed SQLAlchemy 2.x models. Nothing here is SQLite-only: the same models run on PostgreSQL.

People, licences and vehicles, applications and messages, terminals, staff and the audit log are
here; the exam tables are in models_exams (re-exported below), the later tables in the modules
imported at the bottom."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, false
from sqlalchemy import text as sql
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base

# A terminal's name (kiosk --terminal-id, KIOSK_TERMINAL_ID, default kiosk-<hostname>): a host name
# alone may be 64 characters, a hall's naming scheme longer (kiosk-dmv-yuzhong-hall-...). Checked
# at start-up (kiosk.services.terminals.check_terminal_id), so a longer one is refused there.
TERMINAL_ID_MAX = 100
# audit_log.role: the roles of a staff member, comma-separated (every role together is 38 characters).
ROLES_MAX = 100


class Account(Base):
    """A person or unit known to the DMV; a 12123 user once ``registered_at`` is set."""

    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), default="personal")
    id_number: Mapped[str] = mapped_column(String(18), unique=True)  # ID no. or credit code
    name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(11))  # the phone bound to the 12123 account
    address: Mapped[str] = mapped_column(String(200), default="")
    # A person known to the DMV (licence, vehicle) may not have registered with 12123 yet.
    registered_at: Mapped[datetime | None]
    registered_via: Mapped[str | None] = mapped_column(String(20))  # face/online/counter/demo
    agent_id_number: Mapped[str | None] = mapped_column(String(18))  # unit accounts
    authorisation_ref: Mapped[str | None] = mapped_column(String(100))
    id_photo: Mapped[str | None] = mapped_column(String(200))  # stored ID-card photo (asset name)
    created_at: Mapped[datetime]
    __table_args__ = (
        CheckConstraint("kind IN ('personal', 'unit')", name="kind"),
        # One phone per registered account (sign-in codes go there): the database decides a race
        # between two kiosks or counters binding the same number (kiosk.services.auth.bind_phone).
        Index("uq_accounts_registered_phone", "phone", unique=True,
              sqlite_where=sql("registered_at IS NOT NULL"), postgresql_where=sql("registered_at IS NOT NULL")),
    )


class DrivingLicence(Base):
    __tablename__ = "driving_licences"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), unique=True)
    archive_no: Mapped[str] = mapped_column(String(12), unique=True)
    classes: Mapped[str] = mapped_column(String(40))  # e.g. "C1E"
    status: Mapped[str] = mapped_column(String(20), default="A")  # status codes, e.g. "HI"
    first_issued_on: Mapped[date]
    valid_from: Mapped[date]
    valid_to: Mapped[date]
    issuing_authority: Mapped[str] = mapped_column(String(100))
    points: Mapped[int] = mapped_column(default=0)  # as last recorded: read through kiosk.services.licence_points
    # The day the points were last recorded or changed: their 记分周期 (migration 0018; None before it).
    points_recorded_on: Mapped[date | None]
    phone: Mapped[str] = mapped_column(String(11))  # reserved contact on the licence record
    address: Mapped[str] = mapped_column(String(200), default="")
    photo: Mapped[str | None] = mapped_column(Text)  # an asset name, or a path under the data folder (any length)
    photo_source: Mapped[str | None] = mapped_column(String(20))  # id_card/upload/camera
    photo_changed_at: Mapped[datetime | None]
    account: Mapped[Account] = relationship()
    __table_args__ = (CheckConstraint("points >= 0", name="points"),)


class LearnerPermit(Base):
    """学习驾驶证明: issued after 科目一 is passed; its acceptance time drives ranking."""

    __tablename__ = "learner_permits"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    licence_class: Mapped[str] = mapped_column(String(4))
    accepted_at: Mapped[datetime]  # first application accepted
    issued_on: Mapped[date | None]  # None until 科目一 is passed
    valid_to: Mapped[date | None]
    holds_car_licence: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    city: Mapped[str | None] = mapped_column(String(20))  # of the 发证机关: its exam sites only (None: any)


class Vehicle(Base):
    __tablename__ = "vehicles"
    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    plate: Mapped[str] = mapped_column(String(10), unique=True)
    vehicle_type: Mapped[str] = mapped_column(String(40))
    brand: Mapped[str] = mapped_column(String(60), default="")
    inspection_due: Mapped[date]
    insurance_due: Mapped[date]
    phone: Mapped[str] = mapped_column(String(11))
    address: Mapped[str] = mapped_column(String(200), default="")
    # 初次登记日期: None for a vehicle recorded before the kiosk kept it (migration 0010), until known.
    registered_on: Mapped[date | None]
    # 使用性质: 非营运 (a private car; what rows from before migration 0010 got) or 营运.
    use_nature: Mapped[str] = mapped_column(String(10), default="非营运", server_default="非营运")
    vin: Mapped[str | None] = mapped_column(String(17), unique=True, index=True)  # 车辆识别代号 (migration 0013)
    # How and when the car came to its owner (migration 0019): 过户 (转移登记 in the city) or 转入 (from
    # another city), and the day; None when no transfer is on record (registered new to its owner).
    transfer_in_on: Mapped[date | None]
    transfer_in_kind: Mapped[str | None] = mapped_column(String(10))


class Violation(Base):
    """A traffic violation (交通违法) recorded against a vehicle: unhandled until ``handled_at``."""

    __tablename__ = "violations"
    id: Mapped[int] = mapped_column(primary_key=True)
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"), index=True)
    occurred_at: Mapped[datetime]
    place: Mapped[str] = mapped_column(String(100))
    behaviour: Mapped[str] = mapped_column(String(100))  # 违法行为
    points: Mapped[int] = mapped_column(default=0)
    fine: Mapped[int] = mapped_column(default=0)  # yuan
    handled_at: Mapped[datetime | None]
    __table_args__ = (CheckConstraint("points >= 0 AND fine >= 0", name="points_and_fine"),)


class Application(Base):
    """网办: one online application with a business serial number (业务流水号)."""

    __tablename__ = "applications"
    id: Mapped[int] = mapped_column(primary_key=True)
    serial_no: Mapped[str] = mapped_column(String(24), unique=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(20))
    payload: Mapped[dict] = mapped_column(default=dict)
    terminal_id: Mapped[str] = mapped_column(String(TERMINAL_ID_MAX))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    events: Mapped[list[ApplicationEvent]] = relationship(
        back_populates="application", order_by="ApplicationEvent.id"
    )


class ApplicationEvent(Base):
    __tablename__ = "application_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(String(400), default="")
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notices.id"))  # then the note is the notice's
    application: Mapped[Application] = relationship(back_populates="events")
    notice: Mapped[Notice | None] = relationship(lazy="joined")

    @property
    def text(self) -> str:
        return self.note if self.notice is None else self.notice.note


class Message(Base):
    """The SMS outbox (channel 'sms') and the app inbox (channel 'inbox').

    Only an SMS has a phone. An inbox message with one went out as an SMS to it as well, with
    SMS_SIGN before the same text (publication-day allocation writes one row for both;
    kiosk.services.messaging.outbox shows it as the SMS). An inbox message whose notice has a
    status is also its application's 网办进度 entry (Notice.status): it is never deleted.

    Indexed only by what is looked up (inbox: account_id, outbox: phone); every index is paid for
    per applicant on publication day (migration 0003 dropped the unused created_at one)."""

    __tablename__ = "messages"
    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(10))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    phone: Mapped[str | None] = mapped_column(String(11), index=True)
    title: Mapped[str] = mapped_column(String(100), default="")
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    read_at: Mapped[datetime | None]
    notice_id: Mapped[int | None] = mapped_column(ForeignKey("notices.id"))  # then title and body are the notice's
    ref: Mapped[str | None] = mapped_column(String(24))  # with a notice: the part of the body that is this row's
    notice: Mapped[Notice | None] = relationship(lazy="joined")
    __table_args__ = (CheckConstraint("channel IN ('sms', 'inbox')", name="channel"),)

    @property
    def heading(self) -> str:
        return self.title if self.notice is None else self.notice.title

    @property
    def text(self) -> str:
        return self.body if self.notice is None else Notice.compose(self.notice.head, self.ref or "", self.notice.tail)


class Notice(Base):
    """A text many rows share, stored once: publication day tells 100,000s of applicants their
    result with one notice per session and per reason, and each inbox message, SMS and 网办进度
    entry keeps only a reference (a message: its own ``ref``, the serial number, goes between
    ``head`` and ``tail``; a timeline entry: ``note``). Only ever inserted."""

    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100), default="")
    head: Mapped[str] = mapped_column(String(200), default="")
    tail: Mapped[str] = mapped_column(String(400), default="")
    note: Mapped[str] = mapped_column(String(400), default="")
    # An allocation result's (预约成功 / 未安排): each inbox message that refers to it is also the
    # 网办进度 entry of the application its ``ref`` names (kiosk.services.applications). None: a
    # text that only its messages and timeline entries show (from before migration 0014).
    status: Mapped[str | None] = mapped_column(String(20))

    @staticmethod
    def compose(head: str, ref: str, tail: str) -> str:
        """A message's text: its own part (the serial number) inside the notice's."""
        return head + ref + tail


class SmsCode(Base):
    """A one-time code: only its hash is stored."""

    __tablename__ = "sms_codes"
    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(11))
    purpose: Mapped[str] = mapped_column(String(40))
    code_hash: Mapped[str] = mapped_column(String(128))
    sent_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    used_at: Mapped[datetime | None]
    __table_args__ = (Index("ix_sms_codes_lookup", "phone", "purpose", "sent_at"),)


class Terminal(Base):
    __tablename__ = "terminals"
    id: Mapped[str] = mapped_column(String(TERMINAL_ID_MAX), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # kiosk / counter
    first_seen_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    notices_seen: Mapped[list] = mapped_column(default=list)  # notice keys read on this terminal


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    staff_no: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    roles: Mapped[list] = mapped_column(default=list)
    password_hash: Mapped[str] = mapped_column(String(200))
    pin_hash: Mapped[str] = mapped_column(String(200))
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    active: Mapped[bool] = mapped_column(default=True)
    # The password was set by an admin (新建账户, 重置密码): the clerk sets their own at the next
    # sign-in before the workbench (migration 0017: accounts from before keep signing in as they did).
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())


class AuditEntry(Base):
    """Append-only: the app never updates or deletes a row (guarded in kiosk.db.session)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(40))  # 'citizen:<id>' / 'staff:<no>' / 'system'
    role: Mapped[str] = mapped_column(String(ROLES_MAX), default="")  # e.g. 'admin,counter,review,exam_admin'
    terminal_id: Mapped[str] = mapped_column(String(TERMINAL_ID_MAX))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    detail: Mapped[str] = mapped_column(String(400), default="")


from . import models_elicence  # noqa: E402,F401  (issue 4 tables: e-licences, photo submissions)
from . import models_newcars  # noqa: E402,F401  (new vehicles, temporary plates: migration 0011)
from . import models_transfer  # noqa: E402,F401  (转籍 invoices, 非本人 vehicles: migration 0013)
# The exam tables (offices, exam sites, plans, sessions, bookings, results): importers name them
# kiosk.db.models.<Name>, so they are re-exported; __all__ lists them, as pyflakes counts that a use.
from .models_exams import Booking, ExamPlan, ExamResult, ExamSession, ExamSite, Office  # noqa: E402

__all__ = ["Booking", "ExamPlan", "ExamResult", "ExamSession", "ExamSite", "Office"]
