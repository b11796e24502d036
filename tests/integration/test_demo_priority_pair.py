"""Two demo learners may priority-book the same session (tester: README promised two kiosks racing for a
session's last priority seat, but 王芳 was the demo's only priority learner, and no screen makes another).
曹宇 is the second: a C1 permit of 重庆 with under 6 months left, as the domain's rule reads it, at the
tests' clock (2026-12-01) and README's (KIOSK_NOW=2026-12-03); `kiosk demo` lists him. With a session's
优先预约名额 lowered to 1, the first of them gets the seat and the other is refused."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from kiosk.db.models import ExamSession
from kiosk.domain.errors import DomainError
from kiosk.domain.ids import normalize_id_number
from kiosk.domain.priority import priority_eligibility
from kiosk.services import bootstrap, booking_query
from kiosk.services.booking import first_bookable_day, load_facts
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.booking_validate import SEAT_TAKEN
from kiosk.services.env import Env, make_env
from tests.booking_helpers import account_id, book, sessions
from tests.conftest import make_settings
from tests.integration.test_cli import run_kiosk

PAIR = ("permit_expiring", "permit_expiring_2")


def _priority_learner(env: Env, person) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """(class, city) of a learner the domain's rule lets priority-book 科目二 and 科目三 today."""
    today = env.clock.now().date()
    aid = account_id(env, person)
    with env.db.read() as s:
        facts = load_facts(s, aid)
    for subject in (2, 3):
        assert priority_eligibility(facts.permit, facts.bookings, subject, today).allowed, (person.name, subject)
    assert (facts.permit.valid_to - today).days < 183
    options = {o.subject: o for o in booking_query.overview(env, aid).subjects}
    assert options[2].priority_allowed and "不足6个月" in options[2].priority_note, options[2]
    return facts.permit.licence_class, facts.permit_row.city


def test_the_second_priority_learner_is_valid(people) -> None:
    p = people["permit_expiring_2"]
    assert p.name == "曹宇" and normalize_id_number(p.id_number, today=date(2026, 12, 3)) == p.id_number
    assert p.id_number == "500106199606122911" and p.phone == "13923000291"
    assert "可优先预约" in p.situation


@pytest.mark.parametrize("now", [None, datetime(2026, 12, 3, 9, 30)])
def test_two_demo_learners_may_priority_book_the_same_session(env, people, tmp_path: Path, now) -> None:
    if now is not None:  # README's clock: the demo loaded for it
        settings = make_settings(tmp_path / "readme")
        settings.now = now
        env = make_env(settings)
        bootstrap.prepare(env)
    try:
        first, second = (people[k] for k in PAIR)
        assert _priority_learner(env, first) == _priority_learner(env, second) == ("C1", "重庆")
        start = first_bookable_day(env.clock.now().date()).isoformat()
        ids = [{r.id for r in sessions(env, p, 2, start, "2026-12-20", priority=True)} for p in (first, second)]
        common = sorted(ids[0] & ids[1])
        assert common, ids
        # the clerk's 优先预约名额 1 on that session: a race for its last priority seat
        with env.db.write() as s:
            s.execute(update(ExamSession).where(ExamSession.id == common[0]).values(priority_quota=1))
        book(env, first, BookingRequest(2, "priority", (common[0],)))
        with pytest.raises(DomainError) as refused:  # the other kiosk, its list read before the seat went
            book(env, second, BookingRequest(2, "priority", (common[0],)))
        assert refused.value.message.startswith(SEAT_TAKEN), refused.value.message
        assert common[0] not in {r.id for r in sessions(env, second, 2, start, "2026-12-20", priority=True)}
    finally:
        if now is not None:
            env.db.dispose()


def test_kiosk_demo_lists_both_priority_learners(tmp_path: Path, people) -> None:
    done = run_kiosk("--db", f"sqlite:///{tmp_path / 'kiosk.db'}", "demo", KIOSK_NOW="2026-12-03T09:30")
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line for line in done.stdout.splitlines() if line.strip()}
    for key in PAIR:
        p = people[key]
        row = rows[p.id_number]
        assert p.name in row and p.phone in row and "可优先预约" in row and p.situation in row, row
