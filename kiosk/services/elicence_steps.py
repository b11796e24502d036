"""What a citizen does first when the licence's status keeps the e-licence from being applied for.

A deadline missed (RULES.md: an issued one is shown in red) is put right first:

- 逾期未换证: the licence is renewed (期满换证). Whether that can be done at this kiosk, or only at
  a 车管所 window, is what the 驾驶证补换领 page says about 期满换证 for this licence
  (licence_replace.kind_refusal): the same words, not a second copy of the rule.
- 逾期未审验: the licence is verified (驾驶证审验) at a 车管所 window; this kiosk has no online
  审验 (驾驶人审验教育 only applies for the education some drivers take first).
- 逾期未体检: a medical examination, and its certificate (身体条件证明) handed in at a window.

Any other status that refuses the e-licence gets a next step too (``refusal_step``; tester: 吊销,
超分, 暂扣 said only 不能申领 / 暂不能申领, while 补换领 names whom to ask): 超分 takes the 满分学习考试,
暂扣 waits for its end, 扣押/扣留 for their lifting, and 撤销/吊销/注销 (or 其他) are asked about at
the issuing authority. (锁定/停止使用 and 转出 say theirs already: domain.elicence.)

Pure functions of the licence (no session): 驾驶证信息 says ``what_first`` next to 驾驶证状态 as well.
"""
from __future__ import annotations

from datetime import date

from ..domain.elicence import LOCKED_MESSAGE, TRANSFER_MESSAGE, apply_decision
from ..domain.licence_renewal import HELD, names
from . import licence_replace

OVERDUE_RENEWAL = "M"  # 逾期未换证
RENEW_HERE = "到就近医疗机构体检网点体检后，在【驾驶证补换领】中选择【期满换证】"
# code -> (what to do first, what is said once it is done)
LAPSES = {
    "S": ("携带身份证明和驾驶证到车管所窗口办理驾驶证审验", "审验办结后"),  # 逾期未审验
    "R": ("到就近医疗机构体检网点体检，再携带身份证明和身体条件证明到车管所窗口提交", "提交身体条件证明后"),  # 逾期未体检
}


def how_to_renew(today: date, status: str, valid_from: date, valid_to: date) -> str | None:
    """For a licence 逾期未换证, how it is renewed (期满换证); None for any other status."""
    if OVERDUE_RENEWAL not in status:
        return None
    # e.g. 驾驶证有效期满已超过一年，不能在线换证，请到车管所窗口办理. A full score is judged here by 超分
    # alone (no session: one cleared by 满分教育 earlier is not seen); it only decides 长期 or not.
    refusal = licence_replace.kind_refusal("renew", {"today": today, "status": status, "valid_from": valid_from,
                                                     "valid_to": valid_to, "full_score": "B" in status})
    return refusal or RENEW_HERE


def _first(today: date, status: str, valid_from: date, valid_to: date) -> tuple[str, str] | None:
    how = how_to_renew(today, status, valid_from, valid_to)
    if how:
        return f"办理期满换证：{how}", "换证办结后"
    return next((LAPSES[code] for code in LAPSES if code in status), None)


def what_first(today: date, status: str, valid_from: date, valid_to: date) -> str:
    """What a licence 逾期未换证 / 逾期未审验 / 逾期未体检 needs done first, as 驾驶证信息 says it
    after 请 (e.g. 办理期满换证：...); "" for any other status."""
    first = _first(today, status, valid_from, valid_to)
    return first[0] if first else ""


def first_step(today: date, status: str, valid_from: date, valid_to: date) -> str | None:
    """The e-licence page's next step for a licence 逾期未换证 / 逾期未审验 / 逾期未体检; None otherwise."""
    first = _first(today, status, valid_from, valid_to)
    return f"请先{first[0]}，{first[1]}即可申领电子驾驶证。" if first else None


ASK = "如有疑问，请联系驾驶证发证地公安交管部门。"
FULL_SCORE_STEP = "请在【学习教育业务】中申请【满分学习考试】，考试合格并经复核后"


def refusal_step(today: date, status: str, valid_from: date, valid_to: date, has_card: bool = False) -> str | None:
    """The next step said under the e-licence page's refusal for a licence with ``status``, a
    sentence; None when the status may apply, or when its message says the step already (锁定,
    停止使用, 转出). A deadline missed is put right first (first_step); then a licence held by the
    police, then 超分; 撤销/吊销/注销 and anything else: whom to ask. ``has_card``: an issued
    e-licence, shown in red meanwhile, is shown as usual again then, not applied for."""
    decision = apply_decision(status)
    if decision.may_apply or decision.message in (LOCKED_MESSAGE, TRANSFER_MESSAGE):
        return None
    if decision.kind == "shown_red":
        if step := first_step(today, status, valid_from, valid_to):
            return step
        then = "电子驾驶证即恢复正常显示" if has_card else "即可申领电子驾驶证"
        if held := names(status, HELD):
            ends = "期满" if held == "暂扣" else "解除"
            return f"{held}{ends}后{then}。{ASK}"
        if "B" in decision.blocking:
            return f"{FULL_SCORE_STEP}{then}。"
    return ASK
