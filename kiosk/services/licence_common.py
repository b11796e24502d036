"""What the licence services (补换领, 延期) share: the citizen's licence, an application of the
same kind still open, the 发证机关 of a city."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Account, DrivingLicence
from ..domain.errors import DomainError, StillPending
from ..domain.licence_renewal import closed_refusal
from ..domain.titles import of_title
from . import applications

def own_licence(session: Session, account: Account, *, lock: bool = False) -> DrivingLicence:
    """The citizen's licence, when it is one an online licence service can concern; with ``lock``
    read FOR UPDATE (PostgreSQL: a second submission waits; SQLite's write transaction is exclusive)."""
    query = select(DrivingLicence).where(DrivingLicence.account_id == account.id)
    lic = session.scalar(query.with_for_update() if lock else query)
    if lic is None:
        raise DomainError("您名下没有机动车驾驶证，无法办理此业务")
    refusal = closed_refusal(lic.status)
    if refusal:
        raise DomainError(refusal)
    return lic


def refuse_if_open(session: Session, account: Account, kind: str, title: str) -> None:
    """One application of a kind at a time: the DMV is still making the last card (StillPending:
    the screen offers 查看网办进度 on it)."""
    serial = next((a.serial_no for a in applications.waiting(session, account.id, kind)), None)
    if serial:
        raise StillPending(f"您已有一笔{of_title(title)}正在办理（业务流水号{serial}），办结后方可再次申请。"
                          "可在【网办进度】中查询办理情况", serial)


def authority_for(city: str) -> str:
    """The 发证机关 a licence moved to ``city`` shows (the demo licences' wording)."""
    return "重庆市公安局交通管理局" if city == "重庆" else f"{city}市公安局交通警察支队"
