"""When an e-licence photo may be changed again (RULES.md: after an uploaded or camera photo,
the next change only after 6 months; the stored ID-card photo may be replaced at once)."""
from __future__ import annotations

import calendar
from datetime import date, datetime

LOCK_MONTHS = 6
LOCKING_SOURCES = ("upload", "camera")
# Why a reviewer may refuse a photo (the counter's list, `kiosk review reject --reason 1-6`).
REJECT_REASONS = (
    "照片背景不是白色",
    "照片过度美颜或经过技术处理",
    "眼镜反光或遮挡面部",
    "照片模糊或光线不均匀",
    "着装、发型或姿势不符合要求",
    "非本人近期照片",
)


def add_months(day: date, months: int) -> date:
    """2026-08-31 + 6 months -> 2027-02-28 (the day is clamped to the month's length)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_change_date(source: str | None, changed_at: datetime | None) -> date | None:
    """The first day a new photo may be submitted, or None when it may be changed now
    regardless of today (no photo yet, or the stored ID-card photo)."""
    if source not in LOCKING_SOURCES or changed_at is None:
        return None
    return add_months(changed_at.date(), LOCK_MONTHS)


def may_change(source: str | None, changed_at: datetime | None, today: date) -> bool:
    first = next_change_date(source, changed_at)
    return first is None or today >= first
