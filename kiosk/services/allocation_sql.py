"""The write side of publication-day allocation, as set-based SQL run inside the database.

The pure allocation (kiosk.domain.allocation) decides in Python; its result is loaded with one
executemany into a temporary table ``alloc_result`` (booking, session or NULL, note key), next
to a small ``alloc_note`` table: one row per session with new places (with their number) and one
per (reason, subject), a few thousand rows. Each of those has its text stored once in
``notices`` (for the inbox, the SMS and 网办进度, titled with its subject, with its status),
formatted in Python so dates and times look the same on every database. Everything else is a
handful of statements the database runs over all rows at once: UPDATE ... FROM for bookings,
sessions and applications, and one INSERT ... SELECT for the messages: one row per applicant, the
inbox message, which is also the 网办进度 timeline entry (its notice has the status) and keeps the
phone its SMS went to (kiosk.services.messaging and applications show it as all three), with
only the notice and the serial number that goes inside its text. Plain SQL that SQLite (>= 3.35:
UPDATE ... FROM, RETURNING) and PostgreSQL both run.

Everything happens in the caller's transaction, so a failure anywhere leaves nothing behind
(the temporary tables and the notices too: their CREATE and INSERT are rolled back with the rest).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import Connection, func, insert, select

from ..db.models import Notice
from ..domain.allocation import SessionSlot
from ..domain.errors import sentence
from ..domain.exam import SUBJECT_NAMES
from . import bulk
from .booking import STATUS_PLACED, STATUS_UNPLACED, placed_text
from .messaging import SMS_SIGN, exam_booking

RESULT, NOTE = "alloc_result", "alloc_note"


def inbox_title(subject: int, status: str) -> str:
    """科目二考试预约（预约成功）, （未安排）: a citizen booked for two subjects tells them apart in the
    list, and sees the result without opening it, as the booking's other messages say theirs."""
    return exam_booking(SUBJECT_NAMES[subject], status)


def placed_note(day: str, start: str, site: str, address: str) -> str:
    return f"{placed_text(day, start, site, address)}。"


def unplaced_note(reason: str) -> str:
    return f"未安排考试：{reason}。可重新预约其他考试场次。"


def body_prefix(subject: int) -> str:
    """Inbox text = prefix + serial number + '）' + note (the SMS adds the signature)."""
    return f"您的{SUBJECT_NAMES[subject]}考试预约（业务流水号"


def body_tail(note: str) -> str:
    """A note is a sentence, with its 。 (网办进度 shows it alone); one stored before it had its own got
    the 。 here."""
    return f"）{sentence(note)}"


def message_text(subject: int, serial: str, note: str) -> str:
    """The inbox text of an allocation result for one application (the SMS adds the signature)."""
    return Notice.compose(body_prefix(subject), serial, body_tail(note))


def _notices(conn: Connection, notes: list[tuple[int, str, str]]) -> list[int]:
    """Store each (subject, note, status) as a notice (titled with the subject); their ids, in the
    same order. The SMS is the same text after SMS_SIGN, so it needs no notice of its own."""
    rows = [{"title": inbox_title(subject, status), "head": body_prefix(subject), "tail": body_tail(note), "note": note,
             "status": status} for subject, note, status in notes]
    if not rows:
        return []
    if conn.dialect.name == "sqlite":
        # Ids given here: SQLite has no way to batch RETURNING in parameter order, so SQLAlchemy would
        # send the notices one row at a time (2,000 statements for 2,000 sessions). The caller's
        # write transaction (BEGIN IMMEDIATE) keeps other writers out until it commits.
        first = (conn.execute(select(func.max(Notice.id))).scalar() or 0) + 1
        ids = list(range(first, first + len(rows)))
        conn.execute(insert(Notice), [{"id": i, **row} for i, row in zip(ids, rows)])
        return ids
    return list(conn.scalars(insert(Notice).returning(Notice.id, sort_by_parameter_order=True), rows))


def load(conn: Connection, slots: Mapping[int, SessionSlot], sites: Mapping[int, tuple[str, str]],
         placements: Mapping[int, int], unplaced: Mapping[int, tuple[str, int]],
         owners: Mapping[int, tuple[int | None, int]]) -> None:
    """Create and fill the temporary tables. ``unplaced``: booking id -> (reason, subject);
    ``owners``: booking id -> (application id, account id) of every applicant, decided or not."""
    drop(conn)
    conn.exec_driver_sql(f"CREATE TEMPORARY TABLE {NOTE} (id INTEGER PRIMARY KEY, status VARCHAR(20) NOT NULL, "
                         "reason VARCHAR(200), places INTEGER NOT NULL, notice INTEGER NOT NULL)")
    conn.exec_driver_sql(f"CREATE TEMPORARY TABLE {RESULT} (booking_id INTEGER PRIMARY KEY, session_id INTEGER, "
                         "note_id INTEGER NOT NULL, application_id INTEGER, account_id INTEGER NOT NULL)")
    notes, texts = [], []
    places = Counter(placements.values())
    for sid in sorted(places):  # note id = session id (> 0), with its number of new places
        slot = slots[sid]
        name, address = sites.get(slot.site_id, ("", ""))
        notes.append((sid, STATUS_PLACED, None, places[sid]))
        texts.append((slot.subject, placed_note(f"{slot.day:%Y-%m-%d}", f"{slot.start:%H:%M}", name, address),
                      STATUS_PLACED))
    keys: dict[tuple[str, int], int] = {}
    for key in sorted(set(unplaced.values())):  # note id < 0: one per (reason, subject)
        keys[key] = -1 - len(keys)
        notes.append((keys[key], STATUS_UNPLACED, key[0], 0))
        texts.append((key[1], unplaced_note(key[0]), STATUS_UNPLACED))
    bulk.insert_rows(conn, NOTE, ("id", "status", "reason", "places", "notice"),
                     [(*n, notice) for n, notice in zip(notes, _notices(conn, texts))])
    note_of = {b: keys[k] for b, k in unplaced.items()}
    note_of.update(placements)
    rows = [(b, placements.get(b), note_of[b], app, acc) for b, (app, acc) in owners.items() if b in note_of]
    rows.sort()  # booking-id order: the primary key's, so the temporary table is filled in key order
    bulk.insert_rows(conn, RESULT, ("booking_id", "session_id", "note_id", "application_id", "account_id"), rows)
    if conn.dialect.name == "sqlite":  # without statistics it would walk every booking, not just these rows
        conn.exec_driver_sql(f"ANALYZE {RESULT}")


def write_bookings(conn: Connection) -> None:
    """Bookings -> placed (with the session) / unplaced (with the reason); sessions' placed counts.

    ``placed`` only grows by the number of new places (counted once per session in ``load``,
    from the same placements as the bookings' rows: no GROUP BY over 100,000s of rows), so the
    CHECK (placed <= seats) refuses the whole transaction should anything ever try to overfill
    a session."""
    conn.exec_driver_sql(
        "UPDATE bookings SET status = CASE WHEN r.session_id IS NULL THEN 'unplaced' ELSE 'placed' END, "
        "session_id = COALESCE(r.session_id, bookings.session_id), "
        "unplaced_reason = COALESCE(n.reason, bookings.unplaced_reason) "
        f"FROM {RESULT} r JOIN {NOTE} n ON n.id = r.note_id WHERE bookings.id = r.booking_id")
    conn.exec_driver_sql(f"UPDATE exam_sessions SET placed = placed + n.places FROM {NOTE} n "
                         "WHERE exam_sessions.id = n.id AND n.places > 0")


_FROM = f"FROM {RESULT} r JOIN {NOTE} n ON n.id = r.note_id "
_REF = "COALESCE(NULLIF(a.serial_no, ''), CAST(r.booking_id AS VARCHAR(20)))"  # goes inside the notice's text
_MSG_FROM = (f"{_FROM}LEFT JOIN applications a ON a.id = r.application_id "
             "LEFT JOIN accounts c ON c.id = r.account_id ")


def publish(conn: Connection, now: datetime, sms_outbox: bool) -> list[tuple[int, str, str]]:
    """网办进度 (status + timeline entry), inbox message and SMS for every decided application.

    One message row per applicant. It is the inbox message; its notice's status makes it the
    application's 网办进度 entry too (kiosk.services.applications reads it there); with the outbox
    SMS gateway it is the SMS as well: it keeps the phone the SMS went to (an account without a
    phone gets none), and the outbox shows it with SMS_SIGN before the same text
    (kiosk.services.messaging). Otherwise the (account id, phone, text) of each SMS is returned
    for the caller to send."""
    at = bulk.when(conn, now)
    bulk.run(conn, f"UPDATE applications SET status = n.status, updated_at = ? {_FROM}"
             "WHERE applications.id = r.application_id", (at,))
    phone = "NULLIF(c.phone, '')" if sms_outbox else "NULL"
    bulk.run(conn, "INSERT INTO messages (channel, account_id, phone, title, body, created_at, notice_id, ref) "
             f"SELECT 'inbox', r.account_id, {phone}, '', '', ?, n.notice, {_REF} {_MSG_FROM}"
             "ORDER BY r.booking_id", (at,))
    if sms_outbox:
        return []
    texts = (f"SELECT r.account_id, c.phone, t.head, {_REF}, t.tail {_MSG_FROM}JOIN notices t ON t.id = n.notice "
             "WHERE c.phone IS NOT NULL AND c.phone <> '' ORDER BY r.booking_id")
    return [(acc, phone, SMS_SIGN + Notice.compose(head, ref, tail))
            for acc, phone, head, ref, tail in bulk.fetch(conn, texts)]


def drop(conn: Connection) -> None:
    for table in (RESULT, NOTE):
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
