"""The roles a staff account may hold, as the counter and `kiosk staff` name them (kept apart from
kiosk.services.staff so that `kiosk staff add --help` lists them without loading the database layer)."""
from __future__ import annotations

ROLE_NAMES = {
    "counter": "窗口民警/辅警",
    "review": "审核",
    "exam_admin": "考试管理",
    "verify": "核验",
    "admin": "管理员",
}
