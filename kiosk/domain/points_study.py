"""学法减分 (L163 Art 25-27; seed 002 section 四): who may reduce points by study, and how much.

Checked here from the data the kiosk holds: points above 0 and below 12, at most 6 points reduced
per cycle, two or more full scores (满分教育 records) in this or the last cycle, probation period,
overdue review, licence held, own vehicle past inspection, licence not in force, unhandled
violations or accidents (Art 25: points are reduced once violations are handled). Not checked (the
database holds no such facts; see README): hit-and-run / drunk driving / forged plates or licences /
buying and selling points in the last three cycles.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from .dates import format_date
from .points import (FULL_SCORE, HELD, DriverFacts, FullScoreApplied, probation_ends, probation_last_day, status_problem,
                     at_full_score, study_lapsed)
from .licence import STATUS_NAMES

SERVICE = "学法减分"
CYCLE_LIMIT = 6  # points that study may reduce in one cycle (Art 25)
WAYS = ("网上学习", "公益网点")
# How the counter finishes an application of each way, once the study is done.
FINISH_BY_WAY = {"网上学习": "学习考试合格", "公益网点": "公益活动公示期满"}
# The least time between the application and its finish: 网上学习 is 30 minutes of study (then the
# exam); 公益网点 is the activity and then a 2-day publicity (seed 002 section 四).
LEAST_TIME = {"网上学习": timedelta(minutes=30), "公益网点": timedelta(days=2)}
WHY_WAIT = {"网上学习": "网上学习须累计学满30分钟并考试合格", "公益网点": "公益活动结果须公示2天无异议"}
# The most: the 30 minutes of 网上学习 are studied within 3 days of the application (RULES.md, L163).
MOST_TIME = {"网上学习": timedelta(days=3)}
UNHANDLED = "HI"  # 违法未处理, 事故未处理
FULL_SCORES_LIMIT = 2  # 满分教育 records in this or in the last cycle that exclude the driver (Art 26)
# One application at a time: the next once this one is done the way it was made (公示 is only the
# 公益网点's; tester: 网上学习 was told 完成学习考试或公示并办结后).
ONE_AT_A_TIME = {"网上学习": "学习考试合格并办结后才能再次申请", "公益网点": "公示期满并办结后才能再次申请"}


def one_at_a_time(way: str) -> str:
    """When an application made by ``way`` lets the next one be made."""
    return ONE_AT_A_TIME.get(way, "该申请办结后才能再次申请")


def refusal(facts: DriverFacts, today: date, reduced: int, pending: str | None = None, *,
            full_scores: tuple[int, int], full_score: FullScoreApplied | None = None) -> str | None:
    """Why ``facts``' driver may not apply (or, at the counter, have a point reduced) today; None if
    they may. ``reduced``: points already reduced by study this cycle; ``pending``: the way
    (网上学习 or 公益网点) of an application of theirs still 受理中, None when there is none;
    ``full_scores``: 满分教育 records (each a full score) in this cycle and in the last one;
    ``full_score``: their 满分学习考试 application still open, named at 12 points."""
    problem = status_problem(facts.status, SERVICE)
    if problem:
        return problem
    for code in facts.status:
        if code in HELD:
            return f"驾驶证处于{STATUS_NAMES[code]}期间，不能申请学法减分"
    if "S" in facts.status:
        return "驾驶证逾期未审验，不能申请学法减分。请先办理驾驶证审验"
    for code in facts.status:
        if code in UNHANDLED:
            return f"驾驶证有{STATUS_NAMES[code]}记录，请处理完毕后再申请学法减分"
    if facts.points >= FULL_SCORE or "B" in facts.status:
        return at_full_score(f"{facts.points_label}已满12分，不能申请学法减分。", full_score)
    if facts.points <= 0:
        return "本记分周期没有记分记录，无需申请学法减分"  # as 审验教育 and 延期审验 say it (tester)
    for cycle, times in zip(("本记分周期", "上一个记分周期"), full_scores):
        if times >= FULL_SCORES_LIMIT:
            return f"{cycle}内有{times}次满分教育记录，不能申请学法减分"
    if today < probation_ends(facts.first_issued_on):
        # The 实习期 is the first 记分周期: it ends with it, and with it the points (below 12, no 违法未处理:
        # both refused above) are cleared. No 起可申请: that day there is nothing left to reduce (tester).
        return (f"驾驶证在实习期内（至{format_date(probation_last_day(facts.first_issued_on))}），不能申请学法减分；"
                "实习期与本记分周期同日届满，届满时本记分周期的记分予以清除")
    if facts.overdue_plates:
        plates = "、".join(facts.overdue_plates)
        return f"您名下的机动车{plates}超过检验有效期未检验，不能申请学法减分。请先办理机动车检验"
    if reduced >= CYCLE_LIMIT:
        return f"本记分周期已通过学法减分扣减{reduced}分，已达每个记分周期{CYCLE_LIMIT}分的上限"
    if pending is not None:
        return f"您已有一项学法减分申请（{pending}）正在受理中，{one_at_a_time(pending)}"
    return None


def finish_way_problem(way: str, how: str) -> str | None:
    """The counter finishes an application by the way it was made."""
    expected = FINISH_BY_WAY.get(way)
    if expected is None:
        return "申请中的学习方式无法识别"
    if how != expected:
        return f"该申请选择的是{way}，办结方式应为：{expected}"
    return None


def earliest_finish(way: str, applied_at: datetime) -> datetime:
    """The earliest moment the counter may finish an application of ``way`` made at ``applied_at``."""
    return applied_at + LEAST_TIME[way]


def too_early(way: str, applied_at: datetime, now: datetime) -> str | None:
    """Why the study cannot be done yet at ``now`` (the counter may not finish it); None when it may be."""
    if way not in LEAST_TIME:
        return None
    earliest = earliest_finish(way, applied_at)
    if now >= earliest:
        return None
    return (f"{WHY_WAIT[way]}，申请时间为{applied_at:%Y-%m-%d %H:%M}，"
            f"最早可于{earliest:%Y-%m-%d %H:%M}办结")


def too_late(way: str, applied_at: datetime, now: datetime) -> str | None:
    """Why the counter can no longer finish it at ``now``: 网上学习 not done within its 3 days. The
    application is then turned back (退办) and the citizen may apply again."""
    if way not in MOST_TIME:
        return None
    return study_lapsed(way, MOST_TIME[way], applied_at, now)
