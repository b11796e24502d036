"""Counters of wrong tries on PostgreSQL, with several kiosk processes trying at the same moment:
a staff member's wrong passwords and PINs (10 in a row lock the account), a citizen's wrong SMS
codes (5 kill the code), and a right code used once. Each try reads the count, checks, and writes
the count back; without a row lock two processes read the same count and one try was lost (six
wrong passwords at once counted as one, so the lock-out never came).

The processes are spawned (each its own engine and connections, as separate kiosks) and start
their try together at a barrier. The check itself (argon2 for a password, HMAC for a code) is
made to take 0.3 s, as on a loaded machine, so every process has read the row before the first
one writes: without the lock the lost update happens every time, not by chance."""
from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.db.models import SmsCode, Staff
from kiosk.domain.errors import CodeRefused, DomainError
from kiosk.services import auth, codes, staff
from kiosk.services.env import Env
from tests.conftest import NOW, last_sms_code

pytestmark = pytest.mark.postgres
KIOSKS = 6
SLOW_CHECK = 0.3


def _slow(check: Callable) -> Callable:
    def slowly(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(SLOW_CHECK)
        return check(*args, **kwargs)

    slowly.slow = True  # type: ignore[attr-defined]
    return slowly


def _one_kiosk(what: str, url: str, data_dir: str, barrier, number: int, args: tuple) -> str:  # type: ignore[no-untyped-def]
    """In a process of its own: one try on a kiosk of its own; its answer ("ok" or the message)."""
    from kiosk.config import Settings
    from kiosk.domain.errors import DomainError
    from kiosk.services import codes
    from kiosk.services.env import make_env

    for module, name in ((staff, "_verify"), (codes, "matches")):
        if not getattr(getattr(module, name), "slow", False):
            setattr(module, name, _slow(getattr(module, name)))
    env = make_env(Settings(db_url=url, now=NOW, terminal_id=f"kiosk-{number}", data_dir=Path(data_dir)))
    try:
        call = {"password": staff.sign_in, "code": auth.finish_sign_in,
                "pin": lambda env, no, pin: staff.check_pin(env, no, pin, "unlock", staff_no_typed=False)}[what]
        barrier.wait(60)
        try:
            call(env, *args)
        except DomainError as exc:
            return exc.message
        return "ok"
    finally:
        env.db.dispose()


AtOnce = Callable[..., list[str]]


@pytest.fixture(scope="module")
def at_once() -> Iterator[AtOnce]:
    """at_once(env, what, args, n): ``n`` kiosk processes try ``what`` with ``args`` together."""
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager, ProcessPoolExecutor(KIOSKS, mp_context=ctx) as pool:
        def run(env: Env, what: str, args: tuple, n: int = KIOSKS) -> list[str]:
            barrier = manager.Barrier(n)
            futures = [pool.submit(_one_kiosk, what, env.settings.db_url, str(env.settings.data_dir), barrier, i, args)
                       for i in range(n)]
            return sorted(f.result(timeout=180) for f in futures)

        yield run


def _staff(env: Env, staff_no: str) -> Staff:
    with env.db.read() as s:
        return s.scalars(select(Staff).where(Staff.staff_no == staff_no)).one()


def test_wrong_passwords_at_once_on_several_terminals_each_count(pg_env: Env, at_once: AtOnce) -> None:
    env = pg_env
    answers = at_once(env, "password", ("J1002", "wrong-password-1"))
    assert answers == [staff.WRONG_PASSWORD] * KIOSKS
    assert _staff(env, "J1002").failed_logins == KIOSKS
    # four more at once: the 10th wrong try locks the account, those after it are told so
    answers = at_once(env, "password", ("J1002", "wrong-password-2"))
    row = _staff(env, "J1002")
    assert row.locked_until is not None and row.failed_logins == 0
    assert answers.count(f"连续输错{staff.MAX_FAILURES}次，账户锁定{staff.LOCK_MINUTES}分钟") == 1
    assert sum(a.startswith("连续输错次数过多，账户已锁定至") for a in answers) == 2
    assert answers.count(staff.WRONG_PASSWORD) == 3
    with pytest.raises(DomainError, match="已锁定"):  # the right password too, until the lock ends
        staff.sign_in(env, "J1002", "kiosk-1002")


def test_wrong_pins_at_once_on_the_lock_screens_each_count(pg_env: Env, at_once: AtOnce) -> None:
    env = pg_env
    answers = at_once(env, "pin", ("J1001", "999999"))
    assert _staff(env, "J1001").failed_logins == KIOSKS
    left = sorted(staff.MAX_FAILURES - n for n in range(1, KIOSKS + 1))
    assert answers == sorted(f"PIN码错误，再错{n}次将锁定{staff.LOCK_MINUTES}分钟" for n in left)


def _code_row(env: Env, phone: str) -> SmsCode:
    with env.db.read() as s:
        return s.scalars(select(SmsCode).where(SmsCode.phone == phone, SmsCode.purpose == "login")
                         .order_by(SmsCode.id.desc())).first()


def test_wrong_sms_codes_at_once_each_count_and_the_code_dies_after_five(pg_env: Env, at_once: AtOnce,
                                                                         people) -> None:  # type: ignore[no-untyped-def]
    env, p = pg_env, people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    right = last_sms_code(env, p.phone)
    wrong = f"{(int(right) + 1) % 10**6:06d}"
    answers = at_once(env, "code", (p.id_number, wrong))
    assert _code_row(env, p.phone).attempts == env.settings.code_max_attempts == 5
    assert answers.count(codes.DEAD) == 2  # the 5th wrong try, and the 6th
    assert sorted(a for a in answers if "还可尝试" in a) == [f"验证码错误，还可尝试{n}次" for n in (1, 2, 3, 4)]
    with pytest.raises(CodeRefused, match="已失效"):  # dead: the right one no longer works
        auth.finish_sign_in(env, p.id_number, right)


def test_one_code_signs_in_once_when_two_kiosks_use_it_at_once(pg_env: Env, at_once: AtOnce, people) -> None:  # type: ignore[no-untyped-def]
    env, p = pg_env, people["driver_normal"]
    auth.start_sign_in(env, p.id_number)
    answers = at_once(env, "code", (p.id_number, last_sms_code(env, p.phone)), 2)
    assert answers == ["ok", "验证码已使用，请重新获取"]  # the other kiosk did ask for it: no 请先点击
    assert _code_row(env, p.phone).used_at is not None
