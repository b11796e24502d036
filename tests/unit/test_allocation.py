"""Publication-day allocation (kiosk.domain.allocation)."""
from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.allocation import (
    REASON_CHOICES_FULL,
    REASON_CHOICES_UNFIT,
    REASON_NO_SESSION,
    REASON_SAME_DAY,
    Applicant,
    SessionSlot,
    allocate,
)

D0 = date(2025, 3, 10)


def slot(sid, day=0, hour=8, site=1, subject=2, classes=("C1", "C2"), seats=1):
    return SessionSlot(sid, D0 + timedelta(days=day), time(hour), site, subject, classes, seats)


def by_id(*slots):
    return {s.id: s for s in slots}


def me(bid, rank, *choices, subject=2, cls="C1"):
    return Applicant(bid, rank, "self", subject, cls, tuple(choices))


def sysm(bid, rank, frm=None, to=None, site=None, subject=2, cls="C1"):
    d = lambda k: None if k is None else D0 + timedelta(days=k)  # noqa: E731
    return Applicant(bid, rank, "system", subject, cls, (), d(frm), d(to), site)


def test_self_mode_first_choice_with_a_seat_by_rank():
    sessions = by_id(slot(1, seats=1), slot(2, day=1, seats=1))
    apps = [me(30, 3, 1, 2), me(10, 1, 1, 2), me(20, 2, 1, 2)]
    r = allocate(apps, sessions)
    assert r.placements == {10: 1, 20: 2}
    assert r.unplaced == {30: REASON_CHOICES_FULL}
    assert r.placed_counts == {1: 1, 2: 1}


def test_rank_ties_go_to_the_smaller_booking_id():
    r = allocate([me(8, 5, 1), me(7, 5, 1)], by_id(slot(1)))
    assert r.placements == {7: 1} and 8 in r.unplaced


def test_self_mode_skips_sessions_of_another_subject_or_class():
    sessions = by_id(slot(1, subject=3), slot(2, classes=("B2",)), slot(3, seats=0))
    r = allocate([me(1, 1, 1, 2), me(2, 2, 1, 2, 3), me(3, 3, 99)], sessions)
    assert r.placements == {}
    assert r.unplaced == {1: REASON_CHOICES_UNFIT, 2: REASON_CHOICES_FULL, 3: REASON_CHOICES_UNFIT}


def test_system_mode_takes_earliest_fitting_session_in_range():
    sessions = by_id(slot(1, day=0, hour=14), slot(2, day=0, hour=8), slot(3, day=2), slot(4, day=5),
                     slot(5, day=1, subject=3), slot(6, day=1, classes=("B2",)))
    apps = [sysm(1, 1), sysm(2, 2), sysm(3, 3, frm=2, to=4), sysm(4, 4, frm=2, to=4), sysm(5, 5, frm=5, to=5)]
    r = allocate(apps, sessions)
    assert r.placements == {1: 2, 2: 1, 3: 3, 5: 4}
    assert r.unplaced == {4: REASON_NO_SESSION}


def test_system_mode_site_filter_and_full_sessions():
    sessions = by_id(slot(1, site=1, seats=2), slot(2, day=1, site=2, seats=1), slot(3, day=3, site=1, seats=0),
                     slot(4, day=4, site=1, seats=1))
    apps = [sysm(i, i, site=1) for i in range(1, 5)] + [sysm(9, 9, site=2), sysm(10, 10, site=7)]
    r = allocate(apps, sessions)
    assert r.placements == {1: 1, 2: 1, 3: 4, 9: 2}
    assert r.unplaced == {4: REASON_NO_SESSION, 10: REASON_NO_SESSION}
    assert r.placed_counts == {1: 2, 2: 1, 3: 0, 4: 1}


def test_mixed_modes_share_seats():
    r = allocate([sysm(1, 1), me(2, 2, 1)], by_id(slot(1), slot(2, day=3)))
    assert r.placements == {1: 1} and r.unplaced == {2: REASON_CHOICES_FULL}


def test_negative_seats_are_zero():
    r = allocate([sysm(1, 1)], by_id(slot(1, seats=-3)))
    assert r.unplaced == {1: REASON_NO_SESSION} and r.placed_counts == {1: 0}


def test_bad_input_is_rejected():
    with pytest.raises(ValueError):
        allocate([me(1, 1, 1), me(1, 2, 1)], by_id(slot(1)))
    with pytest.raises(ValueError):
        allocate([Applicant(1, 1, "lottery", 2, "C1")], by_id(slot(1)))
    with pytest.raises(ValueError):
        allocate([], {5: slot(1)})


# ---- properties against a slow, obviously correct reference ----

def _fits(a, s):
    return s.subject == a.subject and a.licence_class in s.classes


def _in_range(a, s):
    return ((a.date_from is None or s.day >= a.date_from) and (a.date_to is None or s.day <= a.date_to)
            and (a.site_id is None or s.site_id == a.site_id))


def _wanted(a, sessions):
    """Sessions the applicant would accept, best first."""
    if a.mode == "self":
        return [sessions[c] for c in a.choices if c in sessions and _fits(a, sessions[c])]
    fitting = [s for s in sessions.values() if _fits(a, s) and _in_range(a, s)]
    return sorted(fitting, key=lambda s: (s.day, s.start, s.id))


def reference(apps, sessions):
    free = {sid: max(0, s.seats) for sid, s in sessions.items()}
    placed = {}
    for a in sorted(apps, key=lambda a: (a.rank, a.booking_id)):
        for s in _wanted(a, sessions):
            if free[s.id] > 0:
                free[s.id] -= 1
                placed[a.booking_id] = s.id
                break
    return placed


CLS = ("C1", "C2", "B2")


@st.composite
def sessions_st(draw):
    out = {}
    for sid in range(1, draw(st.integers(0, 12)) + 1):
        classes = tuple(draw(st.lists(st.sampled_from(CLS), min_size=1, max_size=3)))
        out[sid] = slot(sid, draw(st.integers(0, 6)), draw(st.sampled_from((8, 14))), draw(st.integers(1, 3)),
                        draw(st.sampled_from((2, 3))), classes, draw(st.integers(-1, 3)))
    return out


@st.composite
def scenario(draw):
    sessions = draw(sessions_st())
    n = draw(st.integers(0, 25))
    apps = []
    for bid in range(1, n + 1):
        rank, subject, cls = draw(st.integers(0, 8)), draw(st.sampled_from((2, 3))), draw(st.sampled_from(CLS))
        if draw(st.booleans()):
            choices = draw(st.lists(st.integers(1, 14), max_size=4, unique=True))
            apps.append(Applicant(bid, rank, "self", subject, cls, tuple(choices)))
        else:
            lo = draw(st.one_of(st.none(), st.integers(0, 6)))
            hi = draw(st.one_of(st.none(), st.integers(0, 6)))
            site = draw(st.one_of(st.none(), st.integers(1, 3)))
            dd = lambda k: None if k is None else D0 + timedelta(days=k)  # noqa: E731
            apps.append(Applicant(bid, rank, "system", subject, cls, (), dd(lo), dd(hi), site))
    draw(st.randoms()).shuffle(apps)
    return apps, sessions


@settings(max_examples=150)
@given(scenario())
def test_allocation_invariants(case):
    apps, sessions = case
    r = allocate(apps, sessions)
    ids = {a.booking_id for a in apps}
    # every applicant exactly once
    assert set(r.placements) | set(r.unplaced) == ids
    assert not set(r.placements) & set(r.unplaced)
    # never beyond the free seats, counts agree with placements
    assert set(r.placed_counts) == set(sessions)
    for sid, s in sessions.items():
        n = sum(1 for v in r.placements.values() if v == sid)
        assert r.placed_counts[sid] == n <= max(0, s.seats)
    # every placement is one the applicant asked for
    by_bid = {a.booking_id: a for a in apps}
    for bid, sid in r.placements.items():
        assert sessions[sid] in _wanted(by_bid[bid], sessions)
    # same result as the slow reference
    assert r.placements == reference(apps, sessions)


@settings(max_examples=150)
@given(scenario())
def test_rank_order_is_respected(case):
    apps, sessions = case
    r = allocate(apps, sessions)
    order = sorted(apps, key=lambda a: (a.rank, a.booking_id))
    position = {a.booking_id: i for i, a in enumerate(order)}
    for a in apps:
        wanted = _wanted(a, sessions)
        got = r.placements.get(a.booking_id)
        better = wanted if got is None else wanted[: [s.id for s in wanted].index(got)]
        for s in better:  # a session the applicant preferred: no later-ranked applicant may hold it
            holders = [b for b, sid in r.placements.items() if sid == s.id]
            assert all(position[b] < position[a.booking_id] for b in holders)
        if got is None and a.mode == "system":  # nothing fitting was left free
            assert all(r.placed_counts[s.id] >= max(0, s.seats) for s in wanted)


def test_system_mode_without_a_site_stays_in_the_applicants_city():
    D = D0
    cq = SessionSlot(1, D, time(8), 1, 2, ("C1",), 1, "重庆")
    lyg = SessionSlot(2, D, time(8), 7, 2, ("C1",), 5, "连云港")
    applicants = [Applicant(i, (i,), "system", 2, "C1", (), D, D, None, "重庆") for i in (1, 2)]
    anywhere = Applicant(3, (3,), "system", 2, "C1", (), D, D)  # no city known: any site, as before
    r = allocate([*applicants, anywhere], {1: cq, 2: lyg})
    assert r.placements == {1: 1, 3: 2}  # the second Chongqing learner is not sent to 连云港
    assert r.unplaced == {2: REASON_NO_SESSION}


def test_one_exam_a_day_per_person():
    """A person's 科目二 and 科目三 never land on one day: not beside an exam held before the run
    (``busy``), nor beside one given earlier in the same run; other days and other people are free."""
    sessions = by_id(slot(1, seats=5), slot(2, day=0, hour=13, subject=3, seats=5),
                     slot(3, day=1, subject=3, seats=5), slot(4, day=2, seats=5))
    k2 = Applicant(1, 1, "self", 2, "C1", (1,), person="p")
    k3 = Applicant(2, 2, "self", 3, "C1", (2, 3), person="p")
    other = Applicant(3, 3, "self", 3, "C1", (2,), person="q")
    r = allocate([k2, k3, other], sessions)
    assert r.placements == {1: 1, 2: 3, 3: 2}
    only_that_day = Applicant(4, 4, "self", 3, "C1", (2,), person="p")
    assert allocate([k2, only_that_day], sessions).unplaced == {4: REASON_SAME_DAY}
    system = Applicant(5, 1, "system", 3, "C1", (), D0, D0 + timedelta(days=5), person="p")
    assert allocate([system], sessions, {"p": {D0}}).placements == {5: 3}
    assert allocate([system], sessions, {"p": {D0, D0 + timedelta(days=1)}}).unplaced == {5: REASON_NO_SESSION}


def test_nobody_is_placed_in_an_exam_already_begun():
    begun = SessionSlot(1, D0, time(8), 1, 2, ("C1",), 5, started=True)
    later = slot(2, day=1)
    r = allocate([me(10, 0, 1), me(11, 1, 1, 2), sysm(12, 2, 0, 1), sysm(13, 3, 0, 0)], by_id(begun, later))
    assert r.placements == {11: 2}
    assert r.unplaced == {10: "所选场次考试时间已过", 12: "预约时间段内无可安排的考试场次",
                          13: "预约时间段内无可安排的考试场次"}
    assert r.placed_counts == {1: 0, 2: 1}
