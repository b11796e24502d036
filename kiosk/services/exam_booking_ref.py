"""Naming an exam booking to staff: by its application's 业务流水号, the number screens, SMS and 网办进度
show; its 预约编号 (the internal id) only for a booking without an application, as the 审计日志 names it.
Used by 录入考试成绩's audit entry and by kiosk exam-result (--booking, and what it prints)."""
from __future__ import annotations

from sqlalchemy import select

from ..db.models import Application, Booking
from ..domain.errors import DomainError, NotFound
from ..domain.typed import half_width
from .env import Env

SERIAL_LEN = 16  # 业务流水号: yymmdd and the application's id in 10 digits (applications.serial_for)
ID_WORD = "预约编号"


def booking_name(serial_no: str | None, booking_id: int) -> str:
    """The booking as the clerk knows it: ``serial_no`` (its application's 业务流水号) when it has one,
    else 预约编号 and its id."""
    return serial_no if serial_no else f"{ID_WORD}{booking_id}"


REF_FORM = f"须为{SERIAL_LEN}位业务流水号（无业务流水号的预约为其预约编号）"


def parse_ref(ref: str) -> str | None:
    """``ref`` as a booking reference (digits; full-width digits, spaces and a leading 预约编号 allowed),
    or None when it is none: not digits, or longer than a 业务流水号."""
    text = "".join(half_width(ref).split()).removeprefix(ID_WORD)
    return text if text.isdigit() and len(text) <= SERIAL_LEN else None


def booking_of(env: Env, ref: str) -> int:
    """The id of the booking ``ref`` names: a 业务流水号 (16 digits) or a 预约编号 (a shorter number: an
    id never reaches 16 digits, so the two cannot be taken for each other). NotFound when there is no
    such booking."""
    text = parse_ref(ref)
    if text is None:
        raise DomainError(f"{REF_FORM}，收到 {ref!r}", "booking")
    with env.db.read() as s:
        if len(text) == SERIAL_LEN:
            app = s.scalar(select(Application).where(Application.serial_no == text))
            if app is None:
                raise NotFound(f"未找到业务流水号为{text}的业务")
            bid = s.scalar(select(Booking.id).where(Booking.application_id == app.id)
                           .order_by(Booking.id.desc()).limit(1))
            if bid is None:
                raise NotFound(f"业务流水号{text}是{app.title}，不是考试预约")
            return bid
        if s.get(Booking, int(text)) is None:
            raise NotFound(f"未找到预约编号为{int(text)}的考试预约（业务流水号为{SERIAL_LEN}位数字）")
        return int(text)
