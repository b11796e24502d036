"""Electronic driving licence rules as pure functions (RULES.md "Electronic driving licence").

Status table (seed 002, seed 004, RULES.md):

=========  ====================================================  ==========================
kind       codes                                                 effect
=========  ====================================================  ==========================
may_apply  A 正常, H 违法未处理, I 事故未处理, N 延期换证,              may apply; an issued one
           P 延期体检, T 延期审验                                 is shown
shown_red  B 超分, D 暂扣, U 扣留, K 扣押, M 逾期未换证,               cannot apply; an issued
           S 逾期未审验, R 逾期未体检 (*), Z 其他 (*)                 one is shown in red
hidden     E 撤销, F 吊销, G 注销, C 转出 (*)                      cannot apply; an issued
                                                                 one disappears
locked     L 锁定, J 停止使用                                      not shown, fixed message
=========  ====================================================  ==========================

(*) decisions not spelled out in RULES.md:

- R 逾期未体检 is the same kind of lapse as 逾期未换证 / 逾期未审验 (a deadline was missed,
  the licence itself was not withdrawn), so it is ``shown_red``.
- Z 其他: seed 004 says "其他依法不能正常使用状态" cannot apply; nothing says the licence
  was withdrawn, so an issued one stays visible in red.
- C 转出: seed 004 lists 转出 among the statuses that cannot apply. The record is moving to
  another office, so the issuing authority is about to change, which forces a re-application
  anyway (see :func:`needs_reapply`): the old electronic licence is ``hidden`` and the driver
  applies again once the record has been taken in (转入).
- The 延期 statuses N P T are only present on a record while the delay is running (after it
  they turn into M / R / S), so the code alone is enough here.
- Unknown letters fail closed: they are treated as ``locked``.

Several codes may be held at once ("HI", "HD"): the most restrictive kind wins
(locked > hidden > shown_red > may_apply).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from .licence import STATUS_NAMES, parse_classes, status_text

Kind = Literal["may_apply", "shown_red", "hidden", "locked"]
Colour = Literal["green", "red"]

MAY_APPLY_CODES = frozenset("AHINPT")
SHOWN_RED_CODES = frozenset("BDUKMSRZ")
HIDDEN_CODES = frozenset("EFGC")
LOCKED_CODES = frozenset("LJ")

_RANK: dict[Kind, int] = {"may_apply": 0, "shown_red": 1, "hidden": 2, "locked": 3}

LOCKED_MESSAGE = "您的驾驶证状态异常，请联系驾驶证发证地公安交管部门"
MAY_APPLY_MESSAGE = "您的驾驶证状态符合申领电子驾驶证的条件"
TRANSFER_MESSAGE = "您的驾驶证档案已转出，请在转入地办结转入后重新申领电子驾驶证"


@dataclass(frozen=True)
class Decision:
    """What the e-licence screen may do for a licence holding ``codes``.

    ``kind``: may_apply / shown_red / hidden / locked. ``blocking``: the codes that decided it
    (empty for may_apply). ``message``: Chinese text for the citizen.
    """

    kind: Kind
    codes: str
    blocking: str
    message: str
    without_card: str = ""  # the message for someone with no e-licence issued, when it differs

    def message_for(self, has_card: bool) -> str:
        """``message``, less what it says about an issued e-licence (以红色显示 / 不再显示) when
        the citizen has none."""
        return self.message if has_card or not self.without_card else self.without_card

    @property
    def may_apply(self) -> bool:
        return self.kind == "may_apply"

    @property
    def shows_issued(self) -> bool:
        """Whether an already issued e-licence is still displayed."""
        return self.kind in ("may_apply", "shown_red")

    @property
    def colour(self) -> Colour:
        return card_colour(self.codes)


def normalize_codes(status_codes: str | None) -> str:
    """' hi ' -> 'HI'; empty -> 'A'. Order is kept, duplicates dropped."""
    text = "".join(str(status_codes or "").split()).replace(",", "").replace("、", "").upper()
    seen: list[str] = []
    for c in text:
        if c not in seen:
            seen.append(c)
    return "".join(seen) or "A"


def kind_of_code(code: str) -> Kind:
    if code in LOCKED_CODES:
        return "locked"
    if code in HIDDEN_CODES:
        return "hidden"
    if code in SHOWN_RED_CODES:
        return "shown_red"
    if code in MAY_APPLY_CODES:
        return "may_apply"
    return "locked"  # unknown code: fail closed


def apply_decision(status_codes: str | None) -> Decision:
    codes = normalize_codes(status_codes)
    kind: Kind = max((kind_of_code(c) for c in codes), key=_RANK.__getitem__)
    if kind == "may_apply":
        return Decision(kind, codes, "", MAY_APPLY_MESSAGE)
    blocking = "".join(c for c in codes if kind_of_code(c) == kind)
    if kind == "locked":
        return Decision(kind, codes, blocking, LOCKED_MESSAGE)
    known = "".join(c for c in blocking if c in STATUS_NAMES)
    names = status_text(known)
    if kind == "hidden":
        if blocking == "C":
            return Decision(kind, codes, blocking, TRANSFER_MESSAGE)
        refusal = f"您的驾驶证状态为{names}，不能申领电子驾驶证"
        return Decision(kind, codes, blocking, f"{refusal}，已申领的电子驾驶证不再显示", refusal)
    refusal = f"您的驾驶证状态为{names}，暂不能申领电子驾驶证"
    return Decision(kind, codes, blocking, f"{refusal}，已申领的电子驾驶证以红色显示", refusal)


def card_colour(status_codes: str | None) -> Colour:
    """Green only for 'A' (正常); every other status, even 违法未处理 or a 延期, is red.

    RULES.md: "green when normal, red when abnormal"; 正常 is the one normal status. Hidden and
    locked licences are not displayed at all, so their colour ('red') is never used.
    """
    return "green" if normalize_codes(status_codes) == "A" else "red"


# ---------------------------------------------------------------- re-application
def _field(obj: Any, name: str) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


def _classes_key(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, (tuple, list)):
        value = "".join(str(v) for v in value)
    try:
        return parse_classes(str(value))
    except ValueError:
        return "".join(str(value).split()).upper()


def _authority_key(value: Any) -> Any:
    return None if value is None else "".join(str(value).split())


_REAPPLY_CHECKS = (
    ("classes", _classes_key, "准驾车型已变更"),
    ("valid_from", lambda v: v, "驾驶证有效期已变更"),
    ("valid_to", lambda v: v, "驾驶证有效期已变更"),
    ("issuing_authority", _authority_key, "发证机关已变更"),
)


def reapply_reasons(issued_snapshot: Any, current: Any) -> list[str]:
    """Why an issued e-licence is stale: class, validity or issuing authority changed.

    Both arguments are objects or mappings with ``classes``, ``valid_from``, ``valid_to`` and
    ``issuing_authority`` (``LicenceClaims`` fits). Classes compare in canonical order, so
    "EC1" equals "C1E"; whitespace inside the authority name is ignored.
    """
    reasons: list[str] = []
    for name, key, reason in _REAPPLY_CHECKS:
        if key(_field(issued_snapshot, name)) != key(_field(current, name)) and reason not in reasons:
            reasons.append(reason)
    return reasons


def needs_reapply(issued_snapshot: Any, current: Any) -> bool:
    return bool(reapply_reasons(issued_snapshot, current))
