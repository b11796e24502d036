"""Publication-day allocation (预约结果公布日安排考试): ``run(env, day)``.

On ``day`` booking closes for every plan whose ``publish_on`` is that day; pending normal
applications are placed by ranking (kiosk.domain.allocation.allocate) into the free seats of
those plans' sessions (seats - placed: priority seats already taken stay taken, unused priority
quota is released). Results go to 网办进度 (预约成功 / 未安排 with the reason), the inbox and SMS.

- Atomic: one write transaction; any error leaves nothing changed.
- One run at a time per day: the day's plans are locked (PostgreSQL) or the database is (SQLite).
- Placed applications stop counting in 已申请人数 of later plans' sessions (allocation_release).
- Idempotent: plans with ``allocated_at`` set are skipped, so a second run changes nothing.
- Never over seats: the pure allocation never exceeds free seats; the CHECK (placed <= seats)
  guards the database as well.
- An application whose choices or range also reach plans published later is not refused when
  this day's sessions are full: it stays pending and takes part in those later allocations.
- Fast: a few bulk SELECTs, the pure allocation, then set-based SQL inside the database
  (kiosk.services.allocation_sql): one executemany into a temporary table, then UPDATE ... FROM
  and INSERT ... SELECT over all rows at once. Three rows per applicant are written: its booking,
  its application's status and one message (the inbox message, which is also the SMS and the
  网办进度 entry). Measure with bench/booking_bench.py.
"""
from __future__ import annotations

import gc
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..db.models import ExamPlan, ExamSession, ExamSite, Office
from ..domain.allocation import Applicant, SessionSlot, allocate, index_keys, system_key
from ..domain.errors import DomainError
from ..domain.exam import SUBJECT_NAMES
from ..domain.licence import parse_classes
from . import allocation_release, allocation_sql, audit, bulk
from .env import Env
from .gateways import OutboxSmsGateway

_S = ExamSession.__table__


@dataclass(frozen=True)
class SessionCount:
    id: int
    seats: int
    placed: int  # everyone with a seat: this allocation's and earlier ones', and priority bookings
    priority: int = 0  # of ``placed``: priority bookings (placed when booked, not by an allocation)
    day: date | None = None  # the session as staff know it (kiosk allocate names it so)
    start: time | None = None
    subject: int = 0
    site: str = ""

    def label(self) -> str:
        """2026-12-05 08:30 渝北考场 科目二 (only the id is known: empty)."""
        if self.day is None or self.start is None:
            return ""
        return f"{self.day:%Y-%m-%d} {self.start:%H:%M} {self.site} {SUBJECT_NAMES.get(self.subject, '')}".rstrip()


@dataclass
class AllocationReport:
    date: date
    placed: int = 0
    unplaced: int = 0
    deferred: int = 0  # still pending for plans published later
    plans: int = 0  # plans allocated by this run
    sessions: list[SessionCount] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"date": self.date.isoformat(), "placed": self.placed, "unplaced": self.unplaced,
                "sessions": [{"id": c.id, "seats": c.seats, "placed": c.placed} for c in self.sessions]}


def audit_text(r: AllocationReport) -> str:
    return (f"{r.date:%Y-%m-%d} 计划{r.plans}个，预约成功{r.placed}人，未安排{r.unplaced}人，"
            f"转入后续计划{r.deferred}人")


def refuse_ahead(day: date, today: date) -> None:
    """A publication day still to come is not allocated ahead. One message for the counter's field and
    the CLI, with a space after the date as in 2026-12-03 没有待安排的考试计划 (it read 2030-01-01还未到)."""
    if day > today:
        raise DomainError(f"{day:%Y-%m-%d} 还未到预约结果公布日，不能提前安排考试")


def run(env: Env, day: date, *, actor: str = "system", role: str = "") -> AllocationReport:
    """Allocate the plans publishing on ``day``; one audit entry by ``actor`` (the CLI: system;
    the counter: the staff member and role), in the same transaction."""
    now = env.clock.now()
    refuse_ahead(day, now.date())
    report = AllocationReport(day)
    with env.db.write() as s:
        # FOR UPDATE: on PostgreSQL a second run of the same day (another counter) waits here until this
        # one commits, and then finds the plans allocated. SQLite needs no lock: BEGIN IMMEDIATE already
        # lets only one writer in (and the clause compiles to nothing there).
        plan_ids = list(s.scalars(select(ExamPlan.id).where(ExamPlan.publish_on == day, ExamPlan.allocated_at.is_(None))
                                  .order_by(ExamPlan.id).with_for_update()))
        if plan_ids:
            with _big_cache(s), _no_cycle_collection():
                _allocate(s, env, now, day, plan_ids, report)
            audit.record(s, env, actor=actor, role=role, action="exam_allocate", detail=audit_text(report))
        q = (select(ExamSession.id, ExamSession.seats, ExamSession.placed, ExamSession.priority_taken,
                    ExamSession.exam_date, ExamSession.start_time, ExamSession.subject, ExamSite.name)
             .join(ExamPlan).join(ExamSite, ExamSite.id == ExamSession.site_id)
             .where(ExamPlan.publish_on == day).order_by(ExamSession.id))
        report.sessions = [SessionCount(*r) for r in s.execute(q)]
    return report


def _allocate(s: Session, env: Env, now: datetime, day: date, plan_ids: list[int], report: AllocationReport) -> None:
    report.plans = len(plan_ids)
    classes_of: dict[str, tuple[str, ...]] = {}
    slots: dict[int, SessionSlot] = {}
    for sid, d, t, site, subj, cls, seats, placed, city in s.execute(_with_city(
            select(_S.c.id, _S.c.exam_date, _S.c.start_time, _S.c.site_id, _S.c.subject, _S.c.classes, _S.c.seats,
                   _S.c.placed, Office.city)).where(_S.c.plan_id.in_(plan_ids))):
        tup = classes_of.get(cls) or classes_of.setdefault(cls, parse_classes(cls))
        # A run made late (the clerk forgot the publication day) places nobody in an exam already begun.
        slots[sid] = SessionSlot(sid, d, t, site, subj, tup, seats - placed, city, datetime.combine(d, t) <= now)
    if not slots:
        _close_plans(s, now, plan_ids)
        return
    first, last = min(x.day for x in slots.values()), max(x.day for x in slots.values())
    subjects = sorted({x.subject for x in slots.values()})
    conn = s.connection()
    # Ranking order (kiosk.domain.ranking.rank_key, then the booking id), sorted by the database: each
    # applicant's rank is its position, so allocate() sorts nothing and needs no ranking times.
    # FOR UPDATE (PostgreSQL): a clerk's cancellation in progress is waited for, and then its booking is no
    # longer pending; one that comes later waits for this run and finds the booking decided.
    # A 'self' application's range and city are not used: NULL costs nothing to turn into Python.
    rows = bulk.batches(conn, (
        "SELECT id, account_id, subject, licence_class, mode, choices, " + ", ".join(
            f"CASE WHEN mode = 'self' THEN NULL ELSE {c} END" for c in ("range_from", "range_to", "site_id")) +
        ", application_id, CASE WHEN mode = 'self' THEN NULL ELSE city END "
        f"FROM bookings WHERE status = 'pending' AND priority = ? AND subject IN ({bulk.placeholders(len(subjects))}) "
        f"AND range_from <= ? AND range_to >= ? AND created_at < ? ORDER BY ranking_time, account_id, id"
        f"{bulk.for_update(conn)}"),
        (False, *subjects, bulk.day(conn, last), bulk.day(conn, first), bulk.when(conn, closed_at(day))))
    applicants, owners = _applicants(rows, slots)
    result = allocate(applicants, slots, _busy_days(conn, first, last))
    unplaced_apps = [a for a in applicants if a.booking_id in result.unplaced]
    later = _later(s, day, unplaced_apps)
    unplaced = {a.booking_id: (result.unplaced[a.booking_id], a.subject) for a in unplaced_apps
                if a.booking_id not in later}
    report.placed, report.unplaced, report.deferred = len(result.placements), len(unplaced), len(later)

    sites = {i: (n, a) for i, n, a in s.execute(select(ExamSite.id, ExamSite.name, ExamSite.address))}
    allocation_sql.load(conn, slots, sites, result.placements, unplaced, owners)
    allocation_sql.write_bookings(conn)  # bookings placed/unplaced, sessions' placed += new places
    allocation_release.release_placed(conn, day, (a for a in applicants if a.booking_id in result.placements), slots)
    _close_plans(s, now, plan_ids)
    _publish(s, env, now)
    allocation_sql.drop(conn)


# The sessions of those days first, then their bookings through the session index: SQLite would
# otherwise walk every booking that ever had a session (its index holds no others, migration 0015).
BUSY_SQL = ("SELECT b.account_id, s.exam_date FROM exam_sessions s JOIN bookings b ON b.session_id = s.id "
            "WHERE b.session_id IN (SELECT id FROM exam_sessions WHERE exam_date BETWEEN ? AND ?) AND b.status = 'placed'")


def _busy_days(conn, first: date, last: date) -> dict[int, set[date]]:  # type: ignore[no-untyped-def]
    """Account -> the days in [first, last] on which it already has an exam (a placed booking)."""
    busy: dict[int, set[date]] = {}
    for acc, d in bulk.fetch(conn, BUSY_SQL, (bulk.day(conn, first), bulk.day(conn, last))):
        busy.setdefault(acc, set()).add(bulk.as_date(d))
    return busy


def closed_at(day: date) -> datetime:
    """When the plans publishing on ``day`` stopped taking bookings: that day's first moment. Only
    applications submitted before it take part in their allocation; one submitted later (on the
    publication day itself, or before a late run for an earlier day) never saw those sessions
    offered and waits for the plans that were open when it was made."""
    return datetime.combine(day, time.min)


def _with_city(q):  # type: ignore[no-untyped-def]
    """``q`` over exam sessions, joined to their site's DMV office (for ``Office.city``)."""
    return q.join(ExamSite, ExamSite.id == _S.c.site_id).join(Office, Office.id == ExamSite.office_id)


def _applicants(batches: Iterable[list[tuple]], slots: dict[int, SessionSlot]) -> tuple[list[Applicant], dict[int, tuple]]:
    """Applicants from the bookings fetched in ranking order (rank = position), and booking id ->
    (application id, account id). ``batches``: lists of rows, read as one (their choices parsed
    per batch, by bulk.ids_lists).

    A 'self' application none of whose choices is among ``slots`` belongs to another day's plans."""
    applicants, owners = [], {}
    as_day, here = bulk.as_date, slots.keys()
    add, new = applicants.append, tuple.__new__  # an Applicant without its Python-level __new__ (100,000s)
    rank = 0
    for batch in batches:
        for (bid, acc, subj, cls, mode, _, rfrom, rto, site, app_id, city), choices in zip(
                batch, bulk.ids_lists([row[5] for row in batch])):
            if mode == "self":
                if here.isdisjoint(choices):
                    rank += 1
                    continue
                add(new(Applicant, (bid, rank, "self", subj, cls, tuple(choices), None, None, None, None, acc)))
            else:
                add(new(Applicant, (bid, rank, "system", subj, cls, (), as_day(rfrom), as_day(rto), site, city,
                                    acc)))
            owners[bid] = (app_id, acc)
            rank += 1
    return applicants, owners


def _publish(s: Session, env: Env, now: datetime) -> None:
    """网办进度 (status + timeline), inbox and SMS for every decided application, in bulk SQL."""
    outbox = isinstance(env.sms, OutboxSmsGateway)
    for acc, phone, body in allocation_sql.publish(s.connection(), now, outbox):
        env.sms.send(s, phone, body, now, acc)


@contextmanager
def _big_cache(s: Session) -> Iterator[None]:
    """SQLite: a 256 MB page cache while 100,000s of rows are rewritten, then the usual size again.

    It matters at 1,000,000 applicants: the bookings' session_id index then takes entries all over
    its 23 MB, which thrash the 2 MB default (that UPDATE: 5.7 s instead of 8.5-9.3 s). At 100,000
    it makes no difference, and more than 256 MB only moves the writing into the commit."""
    conn = s.connection()
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql("PRAGMA cache_size=-262144")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while 100,000s of tuples are built and kept: each collection
    walks every live one again (at 100,000 applicants that was 0.25 s of the run). These objects
    form no cycles; reference counting frees them. Process-wide, so other threads skip cycle
    collection for these seconds too; it resumes afterwards (unless it was off before)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _close_plans(s: Session, now: datetime, plan_ids: list[int]) -> None:
    s.execute(update(ExamPlan).where(ExamPlan.id.in_(plan_ids)).values(allocated_at=now),
              execution_options={"synchronize_session": False})


def _later(s: Session, day: date, unplaced: list[Applicant]) -> set[int]:
    """Unplaced applicants that still have a candidate session in a plan published after ``day``."""
    if not unplaced:
        return set()
    open_later = select(ExamPlan.id).where(ExamPlan.publish_on > day, ExamPlan.allocated_at.is_(None))
    leftovers = {c for a in unplaced if a.mode == "self" for c in a.choices}
    ids: set[int] = set()
    for i in range(0, len(leftovers), 20_000):
        chunk = list(leftovers)[i:i + 20_000]
        ids.update(s.scalars(select(_S.c.id).where(_S.c.id.in_(chunk), _S.c.plan_id.in_(open_later))))
    deferred = {a.booking_id for a in unplaced if a.mode == "self" and any(c in ids for c in a.choices)}
    systems = [a for a in unplaced if a.mode == "system"]
    if systems:
        until = max((a.date_to for a in systems if a.date_to), default=day)
        index: dict[tuple, list[date]] = {}
        for subj, site, d, cls, city in s.execute(_with_city(
                select(_S.c.subject, _S.c.site_id, _S.c.exam_date, _S.c.classes, Office.city).distinct())
                .where(_S.c.plan_id.in_(open_later), _S.c.exam_date <= until)):
            for c in parse_classes(cls):
                for key in index_keys(subj, c, site, city):
                    index.setdefault(key, []).append(d)
        for dates in index.values():
            dates.sort()
        for a in systems:
            dates = index.get(system_key(a), [])
            i = bisect_left(dates, a.date_from) if a.date_from else 0
            if i < len(dates) and (a.date_to is None or dates[i] <= a.date_to):
                deferred.add(a.booking_id)
    return deferred
