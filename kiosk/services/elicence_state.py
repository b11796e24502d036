"""驾驶证电子版: a citizen's licence and e-licence as a service reads them, and the e-licence's
state now: an issued one whose licence changed since (准驾车型, 有效期, 发证机关) needs applying
again. For kiosk.services.elicence (applying, the photo) and the card and its verification."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Account, DrivingLicence
from ..db.models_elicence import ElectronicLicence
from ..domain.elicence import reapply_reasons
from ..domain.errors import NotFound


def load(s: Session, account_id: int, *, lock: bool = False
         ) -> tuple[Account, DrivingLicence | None, ElectronicLicence | None]:
    """The account, its licence and e-licence. ``lock`` (to apply, or to change the photo): the
    account row first, FOR UPDATE (PostgreSQL; SQLite's write transaction is exclusive already), so
    a second kiosk doing the same for this citizen waits, then reads what the first one did and
    gets its message (您已申领电子驾驶证，无需重复申领), not a unique-constraint error or a
    second application."""
    account = s.get(Account, account_id, with_for_update=True) if lock else s.get(Account, account_id)
    if account is None or account.registered_at is None:
        raise NotFound("账户不存在或未注册")
    lic = s.scalar(select(DrivingLicence).where(DrivingLicence.account_id == account_id))
    el = s.scalar(select(ElectronicLicence).where(ElectronicLicence.account_id == account_id))
    return account, lic, el


def refresh_staleness(el: ElectronicLicence | None, lic: DrivingLicence | None) -> list[str]:
    """An issued e-licence whose class, validity or authority changed becomes needs_reapply."""
    if el is None or lic is None or el.state != "issued":
        return []
    reasons = reapply_reasons(el, lic)
    if reasons:
        el.state, el.reapply_reason = "needs_reapply", "、".join(reasons)
    return reasons


REAPPLY_HINT = "请重新申领电子驾驶证"


def stale_after_change(s: Session, lic: DrivingLicence) -> bool:
    """After the licence ``lic`` changed (a renewal's validity, a transfer's 发证机关: the counter
    finishing a 补换领): whether its holder has an issued e-licence that now needs applying again
    (marked so at once), or one marked so earlier and not yet applied for again."""
    el = s.scalar(select(ElectronicLicence).where(ElectronicLicence.account_id == lic.account_id))
    refresh_staleness(el, lic)
    return el is not None and el.state == "needs_reapply"


def state_now(el: ElectronicLicence | None, lic: DrivingLicence | None) -> str | None:
    """The e-licence's state as refresh_staleness would leave it, without writing it (for a read):
    an issued one whose licence changed since is needs_reapply."""
    if el is None:
        return None
    if el.state == "issued" and lic is not None and reapply_reasons(el, lic):
        return "needs_reapply"
    return el.state


ID_CARD_PHOTO, LICENCE_PHOTO = "系统留存的二代身份证相片", "当前电子驾驶证照片"


def reuses_licence_photo(lic: DrivingLicence, el: ElectronicLicence | None) -> bool:
    """Whether applying again takes the current e-licence's photo (an issued one that needs applying
    again), whatever the ID card's: stored_photo."""
    return el is not None and el.state == "needs_reapply" and bool(lic.photo)


def stored_photo(account: Account, lic: DrivingLicence, el: ElectronicLicence | None) -> str | None:
    """The photo on record to apply with: the licence's own when re-applying, else the ID card's."""
    return lic.photo if reuses_licence_photo(lic, el) else account.id_photo


def new_photo_hint(lic: DrivingLicence, el: ElectronicLicence | None) -> str:
    """The e-licence page's line under the question (是否继续申领？) and its 申领, over the second
    choice, 拍照或相册选择: the photo 申领 takes (``stored_photo``: the ID card's, or the current
    e-licence's when applying again), that it can be changed once the e-licence is generated (seed
    002: 电子驾驶证生成后，可以自愿选择是否更换照片), and how to apply with a new one now."""
    if reuses_licence_photo(lic, el):
        return f"申领将使用{LICENCE_PHOTO}；如需使用新照片申领，请按【拍照或相册选择】。"
    return (f"申领将使用{ID_CARD_PHOTO}，电子驾驶证生成后，可以自愿选择是否更换照片；"
            "如需现在使用新照片申领，请按【拍照或相册选择】。")
