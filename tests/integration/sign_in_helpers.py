"""Helpers of the sign-in and registration service tests (test_sign_in_accounts, _codes, _registration)."""
from __future__ import annotations

from collections.abc import Callable

from kiosk.services import messaging
from kiosk.services.env import Env

LastCode = Callable[[Env, str], str]


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def _sms_count(env: Env, phone: str) -> int:
    return len(messaging.outbox(env, phone, limit=1000))
