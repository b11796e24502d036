"""记分周期 and the facts about a driver that 学习教育业务 rules read (RULES.md; L162, L163).

Plain values only: the services read them from the database (kiosk.services.education_facts).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .dates import anniversary
from .licence import STATUS_NAMES

FULL_SCORE = 12
# 大型客车、重型牵引挂车、城市公交车、中型客车、大型货车 (L162: 审验 after each cycle with points).
LARGE_CLASSES = ("A1", "A2", "A3", "B1", "B2")
# The licence is no longer in force: nothing to study or review for.
NOT_IN_FORCE = "CEFG"  # 转出, 撤销, 吊销, 注销
HELD = "DKU"  # 暂扣, 扣押, 扣留


@dataclass(frozen=True)
class DriverFacts:
    classes: tuple[str, ...]
    status: str  # status codes, e.g. "A" or "HI"
    points: int  # in the current cycle
    first_issued_on: date
    overdue_plates: tuple[str, ...] = ()  # own vehicles past their inspection date


def cycle_of(first_issued_on: date, today: date) -> tuple[date, date]:
    """The 12-month 记分周期 ``today`` falls in: (first day, first day of the next cycle).
    Cycles run from the first licence date (L163 Art 4)."""
    n = today.year - first_issued_on.year
    if anniversary(first_issued_on, n) > today:
        n -= 1
    return anniversary(first_issued_on, n), anniversary(first_issued_on, n + 1)


def probation_ends(first_issued_on: date) -> date:
    """实习期: the 12 months after the licence was first issued (L162); the day it is over
    (the first day out of it: first issued 2026-10-24, over on 2027-10-24)."""
    return anniversary(first_issued_on, 1)


def probation_last_day(first_issued_on: date) -> date:
    """The last day of the 实习期 (first issued 2026-10-24: 2027-10-23)."""
    return probation_ends(first_issued_on) - timedelta(days=1)


def status_problem(status: str, service: str) -> str | None:
    """A licence not in force (吊销, 注销 ...) cannot use ``service``."""
    for code in status:
        if code in NOT_IN_FORCE:
            return f"您的驾驶证状态为{STATUS_NAMES[code]}，不能办理{service}"
    return None


def study_lapsed(study: str, most: timedelta, applied_at: datetime, now: datetime) -> str | None:
    """Why the counter can no longer finish, at ``now``, a ``study`` (学法减分's 网上学习, 审验教育's
    网络教育) that must be done within ``most`` (whole days) of its application; None while it can. The
    application is then turned back (退办) and the citizen may apply again."""
    last = applied_at + most
    if now <= last:
        return None
    return (f"{study}须在申请后{most.days}日内完成，申请时间为{applied_at:%Y-%m-%d %H:%M}，"
            f"已于{last:%Y-%m-%d %H:%M}超过期限，不能办结。请退办，本人可重新申请")
