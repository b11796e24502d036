"""Publication-day allocation (预约结果公布日安排考试, seeds 000 and 001).

Applicants are served one by one in rank order (``rank`` ascending, then ``booking_id``):
- 'self' (自主选择场次): the first of their chosen sessions, in their order, that still has
  a free seat and matches their subject and licence class;
- 'system' (服从系统安排): the earliest session (date, start time, session id) of their
  subject and class inside their date range (inclusive; None = open) at their site
  (None = any site of their city, or any site at all when no city is known) that still has
  a free seat.
Anyone not placed gets a Chinese reason. No session ever gets more than its free seats. A
person is never placed on a day they already have an exam (``busy``: days taken before the run;
places given in the run are added), so two subjects never meet on one day. Nobody is placed in
a session whose exam has begun (``SessionSlot.started``: a run made late).

``SessionSlot.seats`` is the number of normal seats still free when allocation runs
(priority quota and seats already taken excluded by the caller); the caller also passes
only sessions of the plan being published. Pure and fast: system mode uses one index per
(subject, class) and per (subject, class, site), sorted by time, with bisect for the range
start and a skip-pointer array (union-find with path compression) that jumps over full
sessions, so each applicant costs about O(log n).
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, time
from operator import attrgetter
from typing import Any, Mapping, NamedTuple, Sequence

REASON_CHOICES_FULL = "所选场次名额已满"
REASON_CHOICES_UNFIT = "所选场次与预约科目或准驾车型不符"
REASON_NO_SESSION = "预约时间段内无可安排的考试场次"
REASON_SAME_DAY = "所选场次当天已安排您的其他科目考试（同一天只安排一个科目的考试）"
REASON_CHOICES_PAST = "所选场次考试时间已过"

MODES = ("self", "system")


@dataclass(frozen=True, slots=True)
class SessionSlot:
    id: int
    day: date
    start: time
    site_id: int
    subject: int
    classes: tuple[str, ...]
    seats: int  # free normal seats
    city: str | None = None  # of the site's DMV office
    started: bool = False  # its exam has begun (an allocation run late): nobody is placed in it


class Applicant(NamedTuple):
    """Immutable like a frozen dataclass, but built 4-5x faster (a frozen dataclass sets each field
    through object.__setattr__): publication day builds one per pending application, 1,000,000s."""

    booking_id: int
    rank: Any  # a ranking.rank_key(...) tuple, or anything totally ordered
    mode: str  # 'self' | 'system'
    subject: int
    licence_class: str
    choices: tuple[int, ...] = ()  # session ids in the citizen's order ('self')
    date_from: date | None = None  # 'system', inclusive
    date_to: date | None = None  # 'system', inclusive
    site_id: int | None = None  # 'system': only this exam site
    city: str | None = None  # 'system' without a site: only sites of this city (None: any)
    person: Any = None  # the account: one exam a day per person (None: not tracked)


@dataclass(slots=True)
class AllocationResult:
    placements: dict[int, int] = field(default_factory=dict)  # booking_id -> session_id
    unplaced: dict[int, str] = field(default_factory=dict)  # booking_id -> reason
    placed_counts: dict[int, int] = field(default_factory=dict)  # session_id -> placed now (every session)


class _Index:
    """Sessions of one (subject, class[, site]) sorted by time, with full-session skipping."""

    __slots__ = ("ids", "days", "skip")

    def __init__(self, slots: list[SessionSlot]) -> None:
        slots.sort(key=lambda s: (s.day, s.start, s.id))
        self.ids = [s.id for s in slots]
        self.days = [s.day for s in slots]
        self.skip = list(range(len(slots) + 1))  # skip[i] == i: not known to be full

    def first_free(self, start: int, free: dict[int, int]) -> int:
        """Smallest position >= start whose session has a free seat (len(ids) if none)."""
        ids, skip, n = self.ids, self.skip, len(self.ids)
        i = start
        path = []
        while i < n and free[ids[i]] <= 0:
            path.append(i)
            j = skip[i]
            i = j if j > i else i + 1
        for p in path:  # full sessions stay full: compress the path
            skip[p] = i
        return i


def _build_indexes(sessions: Mapping[int, SessionSlot]) -> dict[tuple, _Index]:
    groups: dict[tuple, list[SessionSlot]] = {}
    for s in sessions.values():
        if s.started:
            continue
        for cls in set(s.classes):
            for key in index_keys(s.subject, cls, s.site_id, s.city):
                groups.setdefault(key, []).append(s)
    return {key: _Index(slots) for key, slots in groups.items()}


def index_keys(subject: int, cls: str, site_id: int, city: str | None) -> tuple[tuple, ...]:
    """The 'system' indexes a session of that class belongs to: all sites, its site, its city."""
    keys = ((subject, cls, None), (subject, cls, site_id))
    return keys if city is None else (*keys, (subject, cls, None, city))


def system_key(a: Applicant) -> tuple:
    """The session index a 'system' applicant draws from: the site's, else the city's, else all."""
    if a.site_id is not None or a.city is None:
        return (a.subject, a.licence_class, a.site_id)
    return (a.subject, a.licence_class, None, a.city)


def allocate(applicants: Sequence[Applicant], sessions: Mapping[int, SessionSlot],
             busy: Mapping[Any, set[date]] | None = None) -> AllocationResult:
    """Place ``applicants`` into ``sessions`` (keyed by session id) by rank; ``busy``: person ->
    days on which they already have an exam."""
    for sid, s in sessions.items():
        if sid != s.id:
            raise ValueError(f"session key {sid} does not match SessionSlot.id {s.id}")
    if len(set(map(attrgetter("booking_id"), applicants))) != len(applicants):
        raise ValueError("a booking appears twice among the applicants")
    free = {sid: max(0, s.seats) for sid, s in sessions.items()}
    taken: dict[Any, set[date]] = {k: set(v) for k, v in (busy or {}).items()}
    applications = Counter(map(attrgetter("person"), applicants))
    again = {person for person, n in applications.items() if n > 1 and person is not None}  # two applications here
    indexes = _build_indexes(sessions)
    result = AllocationResult()
    placements, unplaced = result.placements, result.unplaced
    session_of, index_of = sessions.get, indexes.get
    no_days: set[date] = set()

    # One sort by (rank, booking_id). The caller may give ranks already in order (the service
    # gives each applicant its position in the database's ranking order): then the sort only
    # checks that order, n - 1 comparisons, instead of n log n comparisons of scattered objects.
    order = sorted(applicants, key=attrgetter("rank", "booking_id"))
    for a in order:
        bid = a.booking_id
        days = taken.get(a.person, no_days)
        if a.mode == "self":
            fitting = same_day = past = False
            for sid in a.choices:
                s = session_of(sid)
                if s is None or s.subject != a.subject or a.licence_class not in s.classes:
                    continue
                if s.started:
                    past = True
                    continue
                if s.day in days:
                    same_day = True
                    continue
                fitting = True
                if free[sid] > 0:
                    free[sid] -= 1
                    placements[bid] = sid
                    break
            else:
                unplaced[bid] = (REASON_CHOICES_FULL if fitting else REASON_SAME_DAY if same_day
                                 else REASON_CHOICES_PAST if past else REASON_CHOICES_UNFIT)
                continue
        elif a.mode == "system":
            idx = index_of(system_key(a))
            if idx is None:
                unplaced[bid] = REASON_NO_SESSION
                continue
            i = idx.first_free(0 if a.date_from is None else bisect_left(idx.days, a.date_from), free)
            while i < len(idx.ids) and idx.days[i] in days:
                i = idx.first_free(i + 1, free)
            if i < len(idx.ids) and (a.date_to is None or idx.days[i] <= a.date_to):
                sid = idx.ids[i]
                free[sid] -= 1
                placements[bid] = sid
            else:
                unplaced[bid] = REASON_NO_SESSION
                continue
        else:
            raise ValueError(f"unknown booking mode {a.mode!r}")
        if a.person in again:  # only someone with another application in this run needs the day kept
            taken.setdefault(a.person, set()).add(sessions[placements[bid]].day)

    result.placed_counts = {sid: max(0, s.seats) - free[sid] for sid, s in sessions.items()}
    return result
