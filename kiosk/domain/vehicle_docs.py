"""Rules of the vehicle document services (补换领行驶证, 补换领机动车号牌, 补领检验合格标志):
the choices a citizen has, how a choice is checked, and when an inspection mark is refused."""
from __future__ import annotations

from datetime import date

from .errors import DomainError
from .ids import meaningful_chars, normalize_text
from .titles import of_title

LICENCE_WORKING_DAYS = 1  # 行驶证 made within 1 working day
PLATE_WORKING_DAYS = 15  # plates made within 15 working days, with the same number
# 检验合格标志 (补领, or a 免检车's 申领): 车辆管理所 issue it the day they accept the application (当日);
# told as the 行驶证, within 1 working day, so the citizen reads a 制作时限 as for the other documents.
MARK_WORKING_DAYS = 1
REASON_MIN = 2  # letters, digits or CJK characters a reason note needs
REASONS = ("遗失", "损毁", "其他")
OTHER = "其他"
PLATE_SETS = ("前后号牌", "前号牌", "后号牌")
MAIL, COUNTER = "邮寄", "窗口领取"
DELIVERIES = (MAIL, COUNTER)
MAILED, COLLECTED = "已邮寄", "已在窗口领取"  # how a clerk finishes a document application
FINISHED_BY = {MAIL: MAILED, COUNTER: COLLECTED}
# The two services making a vehicle's 检验合格标志 (免检车申领检验标志, 补领检验合格标志): one open
# application per vehicle for the mark, whichever of them it was made in.
EXEMPT_MARK, MARK_REISSUE = "exempt_inspection_mark", "inspection_mark_reissue"
INSPECTION_MARK_KINDS = (EXEMPT_MARK, MARK_REISSUE)
LICENCE_REISSUE, PLATE_REISSUE = "vehicle_licence_reissue", "plate_reissue"
# The services making a document that carries the plate number (号牌, 行驶证, 检验合格标志): 在用车选号
# chooses no number while one of them is 受理中, and none of them is made for a car whose new number,
# chosen by 在用车选号, is not on it yet (kiosk.services.owned_vehicles.held_back).
NUMBERED_KINDS = (PLATE_REISSUE, LICENCE_REISSUE, *INSPECTION_MARK_KINDS)
# The registration area of a plate prefix (the DMV offices of its city issue its documents).
PLATE_AREAS = {"渝": "重庆", "苏G": "连云港"}


def area_of_plate(plate: str) -> str | None:
    for prefix in sorted(PLATE_AREAS, key=len, reverse=True):
        if plate.startswith(prefix):
            return PLATE_AREAS[prefix]
    return None


def clean_choice(value: str, options: tuple[str, ...], field: str, label: str) -> str:
    if value not in options:
        raise DomainError(f"请选择{label}", field)
    return value


def clean_reason(reason: str, note: str) -> dict[str, str]:
    """遗失 / 损毁, or 其他 with a few words of what happened."""
    reason = clean_choice(reason, REASONS, "reason", "申请原因")
    if reason != OTHER:
        return {"reason": reason}
    text = normalize_text(note, field="reason_note", label="具体原因", max_len=50)
    if meaningful_chars(text) < REASON_MIN:
        raise DomainError(f"请写明具体原因（至少{REASON_MIN}个汉字、字母或数字，标点和空格不计）", "reason_note")
    return {"reason": reason, "reason_note": text}


def open_refusal(plate: str, title: str, serial_no: str, document: str = "", open_title: str = "") -> str:
    """A vehicle's application for ``title`` refused while one for the same document is still open
    (受理中, ``serial_no``): of the same service, or of another one making the same ``document``
    (``open_title``: 免检车申领检验标志 and 补领检验合格标志 both make the 检验合格标志)."""
    if not open_title or open_title == title:
        return (f"{plate}已有一笔{of_title(title)}正在办理（业务流水号{serial_no}），办结后方可再次申请。"
                "可在【网办进度】中查询办理情况。")
    return (f"{plate}已有一笔{of_title(open_title)}正在办理（业务流水号{serial_no}），制作的同为{document}，"
            f"办结后方可申请{title}。可在【网办进度】中查询办理情况。")


def check_finish(delivery: str, how: str) -> None:
    """A document chosen to be mailed is finished as mailed, one to collect as collected."""
    expected = FINISHED_BY.get(delivery)
    if how != expected:
        raise DomainError(f"该申请的领取方式为{delivery}，请选择【{expected}】")


def inspection_mark_refusals(today: date, inspection_due: date, insurance_due: date,
                             unhandled_violations: int) -> list[str]:
    """Why an inspection mark (检验合格标志) cannot be reissued today; empty when it can."""
    reasons = []
    if inspection_due < today:
        reasons.append(f"该车检验有效期已于{inspection_due:%Y-%m-%d}届满，请先办理机动车检验")
    if insurance_due < today:
        reasons.append(f"该车交强险已于{insurance_due:%Y-%m-%d}到期，请先续保交强险")
    if unhandled_violations > 0:
        reasons.append(f"该车有{unhandled_violations}起交通违法未处理，请先处理")
    return reasons


EXPIRED = "已过期"


def due_text(due: date, today: date) -> str:
    """A validity date as 我的机动车 shows it: flagged when it is past (an overdue inspection, an
    expired 交强险), so it does not look like a valid one: 2026-11-23（已过期）."""
    return f"{due:%Y-%m-%d}（{EXPIRED}）" if due < today else f"{due:%Y-%m-%d}"
