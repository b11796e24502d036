"""Placed applications leave the 已申请人数 of their sessions in plans published later.

A normal application counts among the applicants (``ExamSession.applicants``) of every session
it may be placed in, in the plans open when it was submitted (booking_create.take_seats): its
chosen sessions (自主选择), or every fitting session in its range (服从系统安排). When an
allocation places it, it stops waiting for the sessions of plans published later, so their
counts drop by one each, as they do when a pending application is cancelled
(cancellation.release_applicants). Without this, 选择场次 went on counting people who already had
their exam.

Set-based, for 100,000s of placed applicants: the sessions of later plans are read once, and the
placed 服从系统安排 applicants of each session group are counted in one sweep (_count_group), not
one by one, however many later plans are open.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from itertools import chain

from sqlalchemy import Connection

from ..domain.allocation import Applicant, SessionSlot, index_keys, system_key
from ..domain.licence import parse_classes
from . import bulk

_LATER = "JOIN exam_plans p ON p.id = s.plan_id WHERE p.allocated_at IS NULL AND p.publish_on > ?"
_SITE = "JOIN exam_sites t ON t.id = s.site_id JOIN offices o ON o.id = t.office_id "


def release_placed(conn: Connection, day: date, placed: Iterable[Applicant], here: Mapping[int, SessionSlot]) -> int:
    """Lower the applicant counts of later plans' sessions for the ``placed`` applicants of the
    allocation of ``day`` (``here``: that allocation's sessions). Returns the number of
    (application, session) counts released."""
    if bulk.fetch(conn, f"SELECT 1 FROM exam_sessions s {_LATER} LIMIT 1", (bulk.day(conn, day),)) == []:
        return 0  # no later plan to release from (one query, not a pass over 100,000s of applicants)
    placed = list(placed)
    picks = Counter(c for c in chain.from_iterable(a.choices for a in placed if a.mode == "self") if c not in here)
    systems = [a for a in placed if a.mode != "self"]
    counts = _later_choices(conn, day, picks)
    counts.update(_later_fitting(conn, day, systems))
    bulk.run_many(conn, "UPDATE exam_sessions SET applicants = CASE WHEN applicants > ? THEN applicants - ? ELSE 0 END "
                        "WHERE id = ?", [(n, n, sid) for sid, n in sorted(counts.items())])
    return sum(counts.values())


def _later_choices(conn: Connection, day: date, picks: Counter[int]) -> Counter[int]:
    """自主选择: the chosen sessions that belong to plans still to be allocated after ``day``."""
    found: Counter[int] = Counter()
    ids = sorted(picks)
    for chunk in bulk.chunks(ids):
        sql = f"SELECT s.id FROM exam_sessions s {_LATER} AND s.id IN ({bulk.placeholders(len(chunk))})"
        for (sid,) in bulk.fetch(conn, sql, (bulk.day(conn, day), *chunk)):
            found[sid] = picks[sid]
    return found


def _later_fitting(conn: Connection, day: date, systems: list[Applicant]) -> Counter[int]:
    """服从系统安排: later sessions of each applicant's group (subject, class, site or city) in its
    range, of plans that were open when it was submitted (opened by then, publishing after it)."""
    found: Counter[int] = Counter()
    systems = [a for a in systems if a.date_from and a.date_to]  # submitted ranges always have both
    if not systems:
        return found
    first, last = min(a.date_from for a in systems), max(a.date_to for a in systems)  # type: ignore[type-var]
    groups: dict[tuple, dict[tuple, list[tuple[date, int]]]] = defaultdict(lambda: defaultdict(list))
    # Only plans already open before this publication day can have counted these applications.
    sql = ("SELECT s.id, s.exam_date, s.subject, s.classes, s.site_id, o.city, p.booking_opens_at, p.publish_on "
           f"FROM exam_sessions s {_SITE}{_LATER} AND p.booking_opens_at < ? AND s.exam_date BETWEEN ? AND ?")
    params = (bulk.day(conn, day), bulk.when(conn, datetime.combine(day, time.min)), bulk.day(conn, first),
              bulk.day(conn, last))
    for sid, d, subject, classes, site, city, opens, publish in bulk.fetch(conn, sql, params):
        plan = (bulk.as_datetime(opens), datetime.combine(bulk.as_date(publish), time.min))  # type: ignore[arg-type]
        for cls in set(parse_classes(classes)):
            for key in index_keys(subject, cls, site, city):
                groups[key][plan].append((bulk.as_date(d), sid))  # type: ignore[arg-type]
    if not groups:
        return found
    by_key: dict[tuple, list[Applicant]] = defaultdict(list)
    for a in systems:
        if system_key(a) in groups:
            by_key[system_key(a)].append(a)
    created = _created(conn, [a.booking_id for group in by_key.values() for a in group])
    for key, group in by_key.items():
        _count_group(group, created, groups[key], found)
    return found


def _count_group(group: list[Applicant], created: Mapping[int, datetime],
                 plans: Mapping[tuple[datetime, datetime], list[tuple[date, int]]], found: Counter[int]) -> None:
    """For each plan window [opens, closes) and each of its sessions (day, id): how many of ``group``
    were created inside the window with a range covering that day, added to ``found``.

    One sweep over the applicants in creation order, each range added to a Fenwick tree over days
    (range add, point query); a window's count is the count at ``closes`` less the count at
    ``opens``. O((applicants + sessions) log days), however many plans are open."""
    group.sort(key=lambda a: created[a.booking_id])
    first = min(a.date_from for a in group)  # type: ignore[type-var]
    size = max((a.date_to - first).days for a in group) + 2  # type: ignore[operator]
    tree = [0] * (size + 1)

    def add(i: int, v: int) -> None:
        i += 1
        while i <= size:
            tree[i] += v
            i += i & -i

    def covering(day: date) -> int:  # ranges added so far that contain ``day``
        i = min((day - first).days, size - 1) + 1
        if i <= 0:
            return 0
        total = 0
        while i > 0:
            total += tree[i]
            i -= i & -i
        return total

    marks = sorted([(opens, -1, sessions) for (opens, _c), sessions in plans.items()]
                   + [(closes, 1, sessions) for (_o, closes), sessions in plans.items()], key=lambda m: m[0])
    k, counts = 0, Counter()  # type: ignore[var-annotated]
    for at, sign, sessions in marks:
        while k < len(group) and created[group[k].booking_id] < at:
            a = group[k]
            add((a.date_from - first).days, 1)  # type: ignore[operator]
            add((a.date_to - first).days + 1, -1)  # type: ignore[operator]
            k += 1
        for day, sid in sessions:
            counts[sid] += sign * covering(day)
    found.update({sid: n for sid, n in counts.items() if n > 0})


def _created(conn: Connection, booking_ids: list[int]) -> dict[int, datetime]:
    out: dict[int, datetime] = {}
    for chunk in bulk.chunks(sorted(booking_ids)):
        sql = f"SELECT id, created_at FROM bookings WHERE id IN ({bulk.placeholders(len(chunk))})"
        out.update((i, bulk.as_datetime(c)) for i, c in bulk.fetch(conn, sql, tuple(chunk)))
    return out
