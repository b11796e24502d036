"""记分周期 and the facts about a driver that 学习教育业务 rules read (RULES.md; L162, L163).

Plain values only: the services read them from the database (kiosk.services.education_facts).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .dates import anniversary
from .licence import STATUS_NAMES

FULL_SCORE = 12
TAKE_FULL_SCORE = "须参加满分教育，请在【学习教育业务】中申请【满分学习考试】"  # the kiosk's menu entry for it
# 大型客车、重型牵引挂车、城市公交车、中型客车、大型货车 (L162: 审验 after each cycle with points).
LARGE_CLASSES = ("A1", "A2", "A3", "B1", "B2")
# The licence is no longer in force: nothing to study or review for.
NOT_IN_FORCE = "CEFG"  # 转出, 撤销, 吊销, 注销
HELD = "DKU"  # 暂扣, 扣押, 扣留


@dataclass(frozen=True)
class DriverFacts:
    classes: tuple[str, ...]
    status: str  # status codes, e.g. "A" or "HI"
    points: int  # in the current cycle
    first_issued_on: date
    overdue_plates: tuple[str, ...] = ()  # own vehicles past their inspection date
    carried: bool = False  # ``points`` come from an ended cycle (points_carried)

    @property
    def points_label(self) -> str:
        return points_label(self.carried)


@dataclass(frozen=True)
class FullScoreApplied:
    """The driver's 满分学习考试 application still open (its 业务流水号 and 办理状态): 学法减分 and
    审验教育 then name it instead of telling them to apply for it again (tester)."""
    serial_no: str
    status: str  # 受理中


def take_full_score(applied: FullScoreApplied | None = None) -> str:
    """What a driver at 12 points is told to do: apply for 满分学习考试 (TAKE_FULL_SCORE), or, once
    applied for, that it is, and what follows it (seed 002 section 五: study, exam, 复核)."""
    if applied is None:
        return TAKE_FULL_SCORE
    return (f"须参加满分教育。您已申请【满分学习考试】（业务流水号{applied.serial_no}，{applied.status}），"
            "无需再次申请。请完成现场、网络和自主学习后预约考试，考试合格后到窗口复核")


class AtFullScore(str):
    """A refusal at 12 points, ending in take_full_score's words. ``applied``: the open 满分学习考试
    application it names (None: not applied for yet), so a service offers 查看网办进度 on it
    without reading the text."""
    applied: FullScoreApplied | None = None


def at_full_score(opening: str, applied: FullScoreApplied | None) -> AtFullScore:
    """``opening`` (e.g. 本记分周期累积记分已满12分，) followed by take_full_score(applied)."""
    refusal = AtFullScore(opening + take_full_score(applied))
    refusal.applied = applied
    return refusal


def cycle_of(first_issued_on: date, today: date) -> tuple[date, date]:
    """The 12-month 记分周期 ``today`` falls in: (first day, first day of the next cycle).
    Cycles run from the first licence date (L163 第三条: 记分周期为十二个月，满分为12分，从机动车驾驶证
    初次领取之日起连续计算)."""
    n = today.year - first_issued_on.year
    if anniversary(first_issued_on, n) > today:
        n -= 1
    return anniversary(first_issued_on, n), anniversary(first_issued_on, n + 1)


# 违法未处理: the driver has traffic violations not handled or fines not paid; the points then
# carry over into the next cycle (L163 Art 15), until they are handled.
CARRY_OVER = "H"


def points_now(points: int, recorded_on: date | None, first_issued_on: date, today: date, status: str) -> int:
    """The 累积记分 of the 记分周期 ``today`` falls in, from the ``points`` a licence holds and the
    day they were last recorded or changed (``recorded_on``).

    《道路交通安全违法行为记分管理办法》（公安部令第163号）第十五条: 机动车驾驶人在一个记分周期
    期限届满，累积记分未满12分的，该记分周期内的记分予以清除；累积记分虽未满12分，但有罚款逾期
    未缴纳的，该记分周期内尚未缴纳罚款的交通违法行为记分分值转入下一记分周期. (Quoted as the
    order reads; the reference search found only the same rule in its predecessor,
    《机动车驾驶证申领和使用规定》第六十九条: 机动车驾驶人在一个记分周期内记分未达到12分，所处罚款
    已经缴纳的，记分予以清除；记分虽未达到12分，但尚有罚款未缴纳的，记分转入下一记分周期.)

    So points recorded in an earlier cycle count now only when they reached 12 (满分: cleared by the
    满分学习考试 and its 复核, kiosk.domain.full_score, not by the cycle's end) or while the licence says
    违法未处理 (``status`` has H: carried over until handled). The licence holds one number, not a
    record per violation: all of it is carried, not only the unpaid violations' share, and the
    carried points drop when H is taken off (unless a service wrote them into the new cycle before,
    as 学法减分 does). ``recorded_on`` None (a licence from before the kiosk kept the day): not known,
    counted as this cycle's, as before."""
    if recorded_on is None or points <= 0:
        return points
    if cycle_of(first_issued_on, recorded_on)[0] >= cycle_of(first_issued_on, today)[0]:
        return points  # this cycle's (or a later one's, should the clock have been set back)
    if points >= FULL_SCORE or CARRY_OVER in status:
        return points
    return 0


def points_carried(points: int, recorded_on: date | None, first_issued_on: date, today: date, status: str) -> bool:
    """Whether the points counted ``today`` (points_now) were recorded in an ended 记分周期 and carried
    into this one (12 or more, or 违法未处理)."""
    return (recorded_on is not None and points_now(points, recorded_on, first_issued_on, today, status) > 0
            and cycle_of(first_issued_on, recorded_on)[0] < cycle_of(first_issued_on, today)[0])


def points_label(carried: bool) -> str:
    """How every screen names the points counted today: 本记分周期累积记分, or, when they are carried
    from an ended cycle (points_carried: 徐明's 12 in the next cycle), 累积记分（含上一记分周期转入）."""
    return "累积记分（含上一记分周期转入）" if carried else "本记分周期累积记分"


def probation_ends(first_issued_on: date) -> date:
    """实习期: the 12 months after the licence was first issued (L162); the day it is over
    (the first day out of it: first issued 2026-10-24, over on 2027-10-24)."""
    return anniversary(first_issued_on, 1)


def probation_last_day(first_issued_on: date) -> date:
    """The last day of the 实习期 (first issued 2026-10-24: 2027-10-23)."""
    return probation_ends(first_issued_on) - timedelta(days=1)


def status_problem(status: str, service: str) -> str | None:
    """A licence not in force (吊销, 注销 ...) cannot use ``service``."""
    for code in status:
        if code in NOT_IN_FORCE:
            return f"您的驾驶证状态为{STATUS_NAMES[code]}，不能办理{service}"
    return None


def study_lapsed(study: str, most: timedelta, applied_at: datetime, now: datetime) -> str | None:
    """Why the counter can no longer finish, at ``now``, a ``study`` (学法减分's 网上学习, 审验教育's
    网络教育) that must be done within ``most`` (whole days) of its application; None while it can. The
    application is then turned back (退办) and the citizen may apply again."""
    last = applied_at + most
    if now <= last:
        return None
    return (f"{study}须在申请后{most.days}日内完成，申请时间为{applied_at:%Y-%m-%d %H:%M}，"
            f"已于{last:%Y-%m-%d %H:%M}超过期限，不能办结。请退办，本人可重新申请")
