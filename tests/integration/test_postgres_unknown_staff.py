"""PostgreSQL: an unknown staff number's wrong tries, counted from the audit log, lock it at the
10th as a real account's do, tries at the same moment on several terminals included (each is
counted after the one before it: a transaction-level advisory lock on the number)."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError
from kiosk.services import staff, staff_exit
from kiosk.services.env import Env
from tests.integration.test_postgres_counters import KIOSKS, AtOnce, at_once  # noqa: F401  (fixture)

LOCKED = f"连续输错{staff.MAX_FAILURES}次，账户锁定{staff.LOCK_MINUTES}分钟"


def test_wrong_passwords_for_an_unknown_number_at_once_lock_as_for_a_real_one(pg_env: Env, at_once: AtOnce) -> None:
    env = pg_env
    for number in ("J1002", "Z9999"):
        first = at_once(env, "password", (number, "wrong-password-1"))
        assert first == [staff.WRONG_PASSWORD] * KIOSKS
        answers = at_once(env, "password", (number, "wrong-password-2"))
        assert answers.count(LOCKED) == 1, number
        assert sum(a.startswith("连续输错次数过多，账户已锁定至") for a in answers) == 2, number
    with pytest.raises(DomainError, match="已锁定至"):
        staff.sign_in(env, "Z9999", "wrong")


def test_the_citizen_kiosks_f12_pauses_on_postgresql_too(pg_env: Env) -> None:
    replies = []
    for _ in range(staff.MAX_FAILURES):
        with pytest.raises(DomainError) as err:
            staff_exit.exit_kiosk(pg_env, "Z9999", "999999")
        replies.append(err.value.message)
    assert replies[-2:] == ["工号或PIN码错误", staff_exit.KIOSK_EXIT_PAUSED]
