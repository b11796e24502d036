"""The working-day calendar of China (工作日) that services share, loaded once from
assets/config/holidays_cn.json (rules in kiosk/domain/workdays.py)."""
from __future__ import annotations

from functools import lru_cache

from ..config import ASSETS
from ..domain.workdays import WorkCalendar, parse_calendar

HOLIDAYS_FILE = ASSETS / "config" / "holidays_cn.json"


@lru_cache(maxsize=1)
def work_calendar() -> WorkCalendar:
    return parse_calendar(HOLIDAYS_FILE.read_text(encoding="utf-8"))
