"""The exam tables: DMV offices (车管所) and their exam sites, exam plans and their sessions, the
bookings made for them and the exam results. Imported at the bottom of kiosk.db.models, which
re-exports them (callers name kiosk.db.models.Booking, ExamSession...)."""
from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy import text as sql
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base


class Office(Base):
    """车管所 (DMV office)."""

    __tablename__ = "offices"
    id: Mapped[int] = mapped_column(primary_key=True)
    city: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(60))
    address: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(30))
    __table_args__ = (UniqueConstraint("city", "name"),)


class ExamSite(Base):
    __tablename__ = "exam_sites"
    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    address: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(30))
    office: Mapped[Office] = relationship()


class ExamPlan(Base):
    __tablename__ = "exam_plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    subject: Mapped[int]
    exam_date: Mapped[date] = mapped_column(index=True)
    booking_opens_at: Mapped[datetime]
    publish_on: Mapped[date] = mapped_column(index=True)  # booking closes, allocation runs
    allocated_at: Mapped[datetime | None]
    sessions: Mapped[list[ExamSession]] = relationship(back_populates="plan")


class ExamSession(Base):
    __tablename__ = "exam_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("exam_plans.id"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("exam_sites.id"))
    exam_date: Mapped[date]
    start_time: Mapped[time]
    subject: Mapped[int]
    classes: Mapped[str] = mapped_column(String(40))  # e.g. "C1C2"
    seats: Mapped[int]
    priority_quota: Mapped[int] = mapped_column(default=0)
    applicants: Mapped[int] = mapped_column(default=0)  # normal applications so far
    priority_taken: Mapped[int] = mapped_column(default=0)
    placed: Mapped[int] = mapped_column(default=0)  # seats filled (priority + allocated)
    plan: Mapped[ExamPlan] = relationship(back_populates="sessions")
    site: Mapped[ExamSite] = relationship()
    __table_args__ = (
        CheckConstraint("placed >= 0 AND placed <= seats", name="placed_within_seats"),
        CheckConstraint("priority_taken >= 0 AND priority_taken <= priority_quota", name="priority_within_quota"),
        CheckConstraint("priority_quota <= seats", name="quota_within_seats"),
        Index("ix_exam_sessions_query", "subject", "exam_date", "site_id"),
    )


class Booking(Base):
    __tablename__ = "bookings"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    permit_id: Mapped[int] = mapped_column(ForeignKey("learner_permits.id"))
    application_id: Mapped[int | None] = mapped_column(ForeignKey("applications.id"))
    subject: Mapped[int]
    licence_class: Mapped[str] = mapped_column(String(4))
    priority: Mapped[bool] = mapped_column(default=False)
    mode: Mapped[str] = mapped_column(String(10))  # self / system
    choices: Mapped[list] = mapped_column(default=list)  # session ids in order (self mode)
    range_from: Mapped[date | None]
    range_to: Mapped[date | None]
    site_id: Mapped[int | None] = mapped_column(ForeignKey("exam_sites.id"))
    ranking_time: Mapped[datetime]
    city: Mapped[str | None] = mapped_column(String(20))  # the permit's city when booked (None: any)
    status: Mapped[str] = mapped_column(String(12))  # pending/placed/unplaced/cancelled/done
    session_id: Mapped[int | None] = mapped_column(ForeignKey("exam_sessions.id"))
    unplaced_reason: Mapped[str | None] = mapped_column(String(200))
    fee_paid_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    cancelled_at: Mapped[datetime | None]
    # On SQLite (migration 0015) the status index holds only the pending bookings (the ones looked up
    # by status alone; every other lookup also names the account or the session) and the session
    # index only the bookings with a session: publication day moves 100,000s of bookings from
    # pending to placed/unplaced and from no session to one, and each entry neither index keeps is
    # one less B-tree delete or insert (that UPDATE: 0.57 -> 0.41 s at 100,000). PostgreSQL keeps
    # whole indexes: its generic plans do not prove a partial index's condition from a bound value.
    __table_args__ = (
        Index("ix_bookings_status", "status", sqlite_where=sql("status = 'pending'")),
        Index("ix_bookings_session_id", "session_id", sqlite_where=sql("session_id IS NOT NULL")),
    )


class ExamResult(Base):
    __tablename__ = "exam_results"
    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("bookings.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    subject: Mapped[int]
    taken_at: Mapped[datetime]
    score: Mapped[int | None]
    passed: Mapped[bool]
    no_show: Mapped[bool] = mapped_column(default=False)
