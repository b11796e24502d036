"""Exam booking: what the citizen saw of each chosen session (its day, start time and site, as listed
at 查询 and shown on 确认并提交), checked again at 下一步 and 预约.

A counter may change a session's 开考时间, day or site while nobody has applied for it yet; a citizen
who chose it meanwhile would be booked for a time never shown. The request carries what was shown
(``BookingRequest.confirmed``) and is refused when the session is no longer that, naming old and new:
所选场次（12月8日 08:30 沙坪坝土主考场）的考试时间已改为12月8日 09:00，可重新选择该场次（已按变更后的信息列出）或其他场次 (the kiosk has
queried again: the session is in the list at its new time; it said 请重新查询后选择其他场次, tester).
A request without it (the CLI, tests, the bench) is not checked: booked as before.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import bindparam, select

from ..db.driver import Driver, Prepared, Tx
from ..db.models import ExamSession, ExamSite
from ..domain.dates import format_month_day
from .booking_create import SessionsGone


@dataclass(frozen=True)
class ShownSession:
    """A chosen session as the citizen saw it."""

    id: int
    exam_date: date
    start_time: time
    site_id: int
    site_name: str

    @property
    def label(self) -> str:
        return f"{format_month_day(self.exam_date)} {self.start_time:%H:%M} {self.site_name}"


Now = tuple[date, time, int, str]  # a session as it stands: day, start time, site id, site name


def changed(shown: Sequence[ShownSession], now: Mapping[int, Now]) -> SessionsGone | None:
    """The refusal when a session in ``shown`` stands otherwise in ``now`` (by id; one not in
    ``now`` is not checked here), else None."""
    said: list[str] = []
    ids: list[int] = []
    for x in shown:
        if x.id not in now:
            continue
        day, start, site_id, site_name = now[x.id]
        what = []
        if (day, start) != (x.exam_date, x.start_time):
            what.append(f"考试时间已改为{format_month_day(day)} {start:%H:%M}")
        if site_id != x.site_id:
            what.append(f"考场已改为{site_name}")
        if what:
            said.append(f"所选场次（{x.label}）的{'，'.join(what)}")
            ids.append(x.id)
    if not said:
        return None
    return SessionsGone("；".join(said) + "，可重新选择该场次（已按变更后的信息列出）或其他场次", changed=tuple(ids))  # it is in the list queried again


_NOW = Prepared(select(ExamSession.exam_date, ExamSession.start_time, ExamSession.site_id, ExamSite.name)
                .join(ExamSite, ExamSite.id == ExamSession.site_id).where(ExamSession.id == bindparam("sid")))


def still_as_shown(s: Tx, shown: Sequence[ShownSession]) -> None:
    """In the booking transaction, after the chosen sessions were counted (their rows now locked on
    PostgreSQL): raise the refusal when one changed since the request was validated."""
    if not shown:
        return
    d = Driver(s)
    now = {x.id: tuple(row) for x in shown if (row := d.first(_NOW, sid=x.id)) is not None}
    if (refused := changed(shown, now)) is not None:  # type: ignore[arg-type]
        raise refused
