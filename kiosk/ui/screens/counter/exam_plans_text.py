"""考试计划与安排's lines of text: what a save adds when the list will not show the session, the hint
under the list (with the 逾期 days), and what an allocation run did."""
from __future__ import annotations

from datetime import date

from ....domain.typed import parse_date
from ....services import exam_admin
from ....services.allocation_preview import listed_days, nothing_to_allocate
from ....services.allocation_service import AllocationReport
from .dashboard import APPLIED_HINT


def outside(day: date, queried: tuple[str, str] | None) -> str:
    """What the saved line adds when the list (of the dates last queried) will not show the session."""
    first, last = (parse_date(d) for d in queried) if queried else (None, None)
    if first is None or last is None or first <= day <= last:  # nothing listed yet: nothing to miss
        return ""
    return "（不在上方列出的日期内：修改场次日期后点击【查询场次】可在列表中查看）"


def changed(loaded: exam_admin.Shown | None, row: exam_admin.SessionRow) -> str:
    """What the saved line adds for an edit: each field changed, old and new (优先预约名额由4改为1:
    tester, a change of the quota alone was not said, so the clerk had to check the list), or that
    nothing changed, in the audit entry's words (exam_admin.edit_text). "" for a new session."""
    if loaded is None:
        return ""
    return f"；{exam_admin.edit_text(dict(loaded), dict(exam_admin.shown(row)))}"


def hint(rows) -> str:  # type: ignore[no-untyped-def]
    """What the counts mean; and, when a listed plan's publication day has gone by unallocated
    (状态 逾期, one short word so the table keeps its columns at 120), what to do about it."""
    overdue = sorted({r.publish_on for r in rows if r.state == exam_admin.OVERDUE})
    if not overdue:
        return APPLIED_HINT
    days = listed_days(overdue)
    which = "依次填写这些公布日期" if len(overdue) > 1 else "填写该公布日期"
    return (f"{APPLIED_HINT}\n状态为逾期的场次已过预约结果公布日（{days}）仍未安排考试，"
            f"请在下方{which}并点击【安排考试并公布结果】。")


def allocation_text(report: AllocationReport) -> str:
    """What a run did. Only those placed or not placed are told (转入后续计划 stay 受理中, untold)."""
    if report.plans == 0:
        return f"{nothing_to_allocate(report.date, bool(report.sessions))}。"
    priority = sum(c.priority for c in report.sessions)  # placed when they booked, not by this run
    also = f"另有优先预约 {priority} 人（预约时已安排考试）。" if priority else ""
    text = (f"{report.date:%Y-%m-%d}：安排计划 {report.plans} 个，预约成功 {report.placed} 人，"
            f"未安排 {report.unplaced} 人，转入后续计划 {report.deferred} 人。{also}")
    told = report.placed + report.unplaced
    if told:
        return text + f"预约成功和未安排的 {told} 人已通过网办进度、短信和消息收到结果通知。"
    return text + "本次没有预约成功或未安排的申请，未发送任何通知；这些计划已停止预约。"
