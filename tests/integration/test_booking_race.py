"""Several kiosks (processes) race for the last priority seat of a session: exactly one wins."""
from __future__ import annotations

import multiprocessing as mp

from sqlalchemy import select, update

from kiosk.config import Settings
from kiosk.db.models import Booking, ExamSession
from kiosk.domain.errors import Conflict
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import account_id, add_learners, sessions
from tests.conftest import last_sms_code

RACERS = 6


def _race(settings: Settings, account: int, session_id: int, code: str, start, results) -> None:  # type: ignore[no-untyped-def]
    from kiosk.services import booking_submit
    from kiosk.services.env import make_env

    env = make_env(settings)
    try:
        start.wait(timeout=60)
        booking_submit.submit(env, account, BookingRequest(2, "priority", (session_id,)), code)
        results.put((account, "won"))
    except Conflict as exc:
        results.put((account, exc.message))
    except Exception as exc:  # noqa: BLE001 - reported to the test
        results.put((account, f"error: {exc!r}"))
    finally:
        env.db.dispose()


def test_exactly_one_kiosk_gets_the_last_priority_seat(env):
    from kiosk.services import booking_submit

    learners = add_learners(env, RACERS, permit_left_days=100)
    target = sessions(env, learners[0], 2, "2026-12-04", "2026-12-04", priority=True)[0]
    with env.db.write() as s:  # one priority seat left
        s.execute(update(ExamSession).where(ExamSession.id == target.id)
                  .values(priority_taken=ExamSession.priority_quota - 1, placed=ExamSession.priority_quota - 1))
    jobs = []
    for p in learners:
        aid = account_id(env, p)
        booking_submit.send_code(env, aid)
        jobs.append((aid, last_sms_code(env, p.phone)))
    ctx = mp.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_race, args=(env.settings, aid, target.id, code, start, results)) for aid, code in jobs]
    for proc in procs:
        proc.start()
    start.set()
    outcome = dict(results.get(timeout=120) for _ in procs)
    for proc in procs:
        proc.join(timeout=60)
    winners = [a for a, r in outcome.items() if r == "won"]
    assert len(winners) == 1, outcome
    assert all("已被约满" in r for a, r in outcome.items() if a not in winners), outcome
    with env.db.read() as s:
        session = s.get(ExamSession, target.id)
        assert session.priority_taken == session.priority_quota and session.placed == session.priority_quota
        booked = s.scalars(select(Booking.account_id).where(Booking.priority.is_(True))).all()
    assert booked == winners
