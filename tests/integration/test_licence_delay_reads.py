"""A sign-in reads the account's granted delays once (licence_delay.delays_of): settle needs both
what waits for its day (pending) and what has run out (granted), and each used to read the
applications table again for the same rows (review). On SQLite with the demo data."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import event

from kiosk.services import applications, auth
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from tests.conftest import last_sms_code
from tests.integration.licence_helpers import DELAY_RENEWAL, account_id, licence


def _applications_selects(env: Env, p: Person) -> int:
    """SELECTs on the applications table while ``p`` finishes a sign-in."""
    auth.start_sign_in(env, p.id_number)
    code = last_sms_code(env, p.phone)
    seen: list[str] = []

    def keep(conn, cursor, statement, params, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and "FROM applications" in statement:
            seen.append(statement)

    event.listen(env.db.engine, "before_cursor_execute", keep)
    try:
        auth.finish_sign_in(env, p.id_number, code)
    finally:
        event.remove(env.db.engine, "before_cursor_execute", keep)
    return len(seen)


def test_a_sign_in_reads_the_granted_delays_once(env: Env, people: dict[str, Person]) -> None:
    p = people["renew_soon"]
    aid = account_id(env, p)
    begins = licence(env, p).valid_to + timedelta(days=1)
    applications.submit(env, DELAY_RENEWAL, aid, {"reason": "出国（境）", "detail": "", "until": "2028-06-30"})
    env.clock.advance(days=(begins - env.clock.now().date()).days)
    assert _applications_selects(env, p) == 1  # the day it begins: 延期换证 set, and checked for a lapse
    assert licence(env, p).status == "N"
    env.clock.advance(days=(date(2028, 7, 1) - env.clock.now().date()).days)
    assert _applications_selects(env, p) == 1  # run out: 逾期未换证, from the same read
    assert licence(env, p).status == "M"
