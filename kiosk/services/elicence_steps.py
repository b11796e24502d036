"""What a citizen does first when the licence's status keeps the e-licence from being applied for.

逾期未换证: the licence is renewed first (期满换证). Whether that can be done at this kiosk, or only
at a 车管所 window, is what the 驾驶证补换领 page says about 期满换证 for this licence
(licence_replace.kind_refusal): the same words, not a second copy of the rule. Pure functions of
the licence (no session): 驾驶证信息 may say ``how_to_renew`` next to 驾驶证状态 as well.
"""
from __future__ import annotations

from datetime import date

from . import licence_replace

OVERDUE_RENEWAL = "M"  # 逾期未换证
RENEW_HERE = "到就近医疗机构体检网点体检后，在【驾驶证补换领】中选择【期满换证】"


def how_to_renew(today: date, status: str, valid_from: date, valid_to: date) -> str | None:
    """For a licence 逾期未换证, how it is renewed (期满换证); None for any other status."""
    if OVERDUE_RENEWAL not in status:
        return None
    # e.g. 驾驶证有效期满已超过一年，不能在线换证，请到车管所窗口办理
    refusal = licence_replace.kind_refusal("renew", {"today": today, "status": status, "valid_from": valid_from,
                                                     "valid_to": valid_to})
    return refusal or RENEW_HERE


def renewal_step(today: date, status: str, valid_from: date, valid_to: date) -> str | None:
    """The e-licence page's next step for a licence 逾期未换证; None for any other status."""
    how = how_to_renew(today, status, valid_from, valid_to)
    return f"请先办理期满换证：{how}，换证办结后即可申领电子驾驶证。" if how else None
