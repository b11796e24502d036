"""驾驶人审验教育 (L162 审验; seed 002 section 六): who takes it, which ways, which sessions.

Who: a holder of a 大型客车、重型牵引挂车、城市公交车、中型客车、大型货车 licence (A1 A2 A3 B1 B2)
with points in the cycle under review (reviewed_cycle: in the 30 days after a cycle with points
ends, that cycle; else the current one); the review is due within 30 days after the cycle ends, and
the education may be taken during the cycle. Below 9 points 现场教育 or 网络教育; 9 to 11 points
现场教育 only. Not decided from data (the database holds no such facts): school-bus drivers (现场
only) and drivers of other classes responsible for a fatal accident (they must take it, 现场 only):
the screen sends them to the counter.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .dates import format_date, format_day_and_weekday
from .points import (FULL_SCORE, LARGE_CLASSES, DriverFacts, FullScoreApplied, cycle_of, points_now, status_problem,
                     at_full_score, study_lapsed)
from .workdays import WorkCalendar, is_working_day

SERVICE = "驾驶人审验教育"
ON_SITE, ONLINE = "现场教育", "网络教育"
ON_SITE_FROM = 9  # points from which only 现场教育 may be chosen
REVIEW_DAYS_AFTER_CYCLE = 30
FINISH_BY_WAY = {ON_SITE: "已完成现场教育", ONLINE: "已完成网络学习"}
ONE_AT_A_TIME = "完成教育并办结后才能再次申请"


@dataclass(frozen=True)
class EducationSession:
    office: str
    day: date
    start: str  # "09:00"
    end: str

    @property
    def key(self) -> str:
        return f"{self.day.isoformat()} {self.start}-{self.end} {self.office}"

    @property
    def label(self) -> str:
        return f"{format_day_and_weekday(self.day)} {self.start}-{self.end} {self.office}"


def session_of(key: str) -> EducationSession:
    """The session an ``EducationSession.key`` names (as an application keeps it)."""
    day, hours, office = key.split(" ", 2)
    start, end = hours.split("-")
    return EducationSession(office, date.fromisoformat(day), start, end)


def takes_review(classes: tuple[str, ...]) -> bool:
    """Whether a holder of ``classes`` must take the 审验 (L162 Art 70): A1 A2 A3 B1 B2."""
    return bool(set(classes) & set(LARGE_CLASSES))


OVERDUE_REVIEW = "S"  # 逾期未审验
OVERDUE_TEXT = ("您的驾驶证逾期未审验，请携带身份证明和驾驶证到车管所窗口办理驾驶证审验；"
                "因故不能按期审验的，可申请延期驾驶证审验")


def refusal(facts: DriverFacts, done_this_cycle: bool, pending: bool,
            cycle: ReviewedCycle | None = None, full_score: FullScoreApplied | None = None) -> str | None:
    """Why ``facts``' driver has no 审验教育 to apply for; None if they have. ``cycle``: the one whose
    审验 is in question (reviewed_cycle; None: the current one, with ``facts.points``), its points
    decide. A licence already 逾期未审验 owes an earlier 审验 whatever the cycle holds: without points
    it is sent to the counter (as 延期审验 lets it put that 审验 off), not told 免予审验. ``full_score``:
    the driver's 满分学习考试 application still open, named at 12 points."""
    problem = status_problem(facts.status, SERVICE)
    if problem:
        return problem
    if facts.points >= FULL_SCORE or "B" in facts.status:
        return at_full_score(f"{facts.points_label}已满12分，", full_score)
    if not takes_review(facts.classes):
        return ("您的准驾车型不含大型客车、重型牵引挂车、城市公交车、中型客车、大型货车，"
                "无需参加审验教育。持其他准驾车型驾驶证发生交通事故造成人员死亡承担同等以上责任的，"
                "请到车管所窗口办理审验教育")
    if cycle is not None and cycle.overdue and not done_this_cycle:
        return (f"{cycle.name}已记{cycle.points}分，审验截止日期{format_date(cycle.due)}已过，未完成审验。"
                "请携带身份证明和驾驶证到车管所窗口办理驾驶证审验")
    if (cycle.points if cycle else facts.points) <= 0:
        if OVERDUE_REVIEW in facts.status:
            return OVERDUE_TEXT
        return "本记分周期没有记分记录，免予本记分周期审验，无需参加审验教育"
    if done_this_cycle:
        return f"{cycle.name if cycle else '本记分周期'}的审验教育已完成，无需再次申请"
    if pending:
        return f"您已有一项审验教育申请正在受理中，{ONE_AT_A_TIME}"
    return None


def ways(points: int) -> tuple[str, ...]:
    """9 points or more: 现场教育 only."""
    return (ON_SITE,) if points >= ON_SITE_FROM else (ON_SITE, ONLINE)


def review_due(first_issued_on: date, today: date) -> date:
    """The last day of the review for the current cycle: 30 days after the cycle ends."""
    _, next_start = cycle_of(first_issued_on, today)
    return next_start - timedelta(days=1) + timedelta(days=REVIEW_DAYS_AFTER_CYCLE)


@dataclass(frozen=True)
class ReviewedCycle:
    """The 记分周期 whose 审验 is in question on a day, with its points and its 审验's last day."""
    start: date
    end: date  # its last day
    points: int
    due: date  # 30 days after ``end``
    ended: bool  # an ended cycle, in the 30 days of its 审验 (or after them: ``overdue``)
    overdue: bool = False  # an ended cycle with points whose 30 days are over: its 审验 was due
    late_until: date | None = None  # overdue: the first day of the next cycle (a 审验 done late counts till then)

    @property
    def name(self) -> str:
        """本记分周期, or the ended one with its dates (上一记分周期（2026-10-24至2027-10-23）)."""
        return f"上一记分周期（{self.start:%Y-%m-%d}至{self.end:%Y-%m-%d}）" if self.ended else "本记分周期"

    @property
    def education_span(self) -> tuple[date, date]:
        """The days (first, first day after) in which a finished 审验教育 counts for this 审验: the cycle,
        and for an ended one the days of its 审验 too."""
        if self.overdue and self.late_until is not None:  # done late, at a counter: it counts too
            return self.start, self.late_until
        return self.start, (self.due if self.ended else self.end) + timedelta(days=1)


def reviewed_cycle(points: int, recorded_on: date | None, first_issued_on: date, today: date,
                   status: str) -> ReviewedCycle:
    """The cycle whose 审验 ``today`` is about (L162 Art 70: the 审验 of a cycle with points is held
    within 30 days after it ends, for that cycle's points). In those 30 days the ended cycle, when it
    had points (``points`` recorded on ``recorded_on``, in it or before: points_now on its last day);
    else the current cycle (its education may be taken while it runs). Points recorded after the
    ended cycle (or on a day not known) say nothing of it: the current cycle decides, as before."""
    start, next_start = cycle_of(first_issued_on, today)
    now = ReviewedCycle(start, next_start - timedelta(days=1),
                        points_now(points, recorded_on, first_issued_on, today, status),
                        review_due(first_issued_on, today), False)
    last_end = start - timedelta(days=1)
    if start <= first_issued_on or recorded_on is None or recorded_on > last_end:
        return now
    last_start = cycle_of(first_issued_on, last_end)[0]
    last_due = review_due(first_issued_on, last_end)
    last_points = points_now(points, recorded_on, first_issued_on, last_end, status)
    if last_points <= 0:
        return now
    # After its 30 days the ended cycle is still the one in question, as overdue: its 审验 was due
    # (tester: the day after the deadline said 免予本记分周期审验 to a driver who had missed it). Until
    # the current cycle ends; the record then says 逾期未审验 (S) or the points were written anew.
    return ReviewedCycle(last_start, last_end, last_points, last_due, True, today > last_due,
                         next_start if today > last_due else None)


def ended_review_note(cycle: ReviewedCycle, classes: tuple[str, ...], status: str, done: bool) -> str:
    """What 驾驶证信息 says of an ended cycle's 审验 still to be done ('' when none): in its 30 days the
    day it is due by, after them that it is overdue (tester: on the first day of the window the page
    showed only 本记分周期累积记分：0分). Only for the classes that take it; a licence 逾期未审验 on
    record (S) is told what to do first already."""
    if not cycle.ended or done or not takes_review(classes) or OVERDUE_REVIEW in status:
        return ""
    if cycle.overdue:
        return f"{cycle.name}已记{cycle.points}分，审验截止日期{format_date(cycle.due)}已过，请到车管所窗口办理驾驶证审验"
    return f"{cycle.name}已记{cycle.points}分，须在{format_date(cycle.due)}前完成审验（驾驶人审验教育）"


def sessions(schedule: dict[str, list[dict]], today: date, days_ahead: int,
             cal: WorkCalendar) -> list[EducationSession]:
    """The sessions of the next ``days_ahead`` days (from tomorrow) by a weekly schedule:
    office -> [{"weekdays": [1..7, Monday = 1], "start": "09:00", "end": "12:00"}], by day then office.
    Only working days by ``cal`` have sessions: none on a public holiday (中秋, 国庆, 元旦 ...)."""
    found: list[EducationSession] = []
    for offset in range(1, days_ahead + 1):
        day = today + timedelta(days=offset)
        if not is_working_day(day, cal):
            continue
        for office, slots in schedule.items():
            for slot in slots:
                if day.isoweekday() in slot["weekdays"]:
                    found.append(EducationSession(office, day, slot["start"], slot["end"]))
    return found


ONLINE_LEAST = timedelta(hours=3)  # 网络教育: at least 3 hours of study (>= 1 hour a day) ...
ONLINE_MOST = timedelta(days=3)  # ... within at most 3 days (RULES.md), counted from the application


def finish_problem(way: str, how: str, session_day: date | None, today: date,
                   applied_at: datetime | None = None, now: datetime | None = None,
                   session_ends: datetime | None = None) -> str | None:
    """The counter finishes an application by its way; 现场教育 not before its session has ended
    (its day, then ``session_ends`` on it), 网络教育 not before its 3 hours of study could have been
    done (``applied_at`` + 3 hours), nor after its 3 days (then it is turned back, as 学法减分's
    网上学习 is)."""
    expected = FINISH_BY_WAY.get(way)
    if expected is None:
        return "申请中的教育方式无法识别"
    if how != expected:
        return f"该申请选择的是{way}，办结方式应为：{expected}"
    if way == ON_SITE and session_ends is not None and now is not None and now < session_ends:
        return f"现场教育场次于{session_ends:%Y-%m-%d %H:%M}结束，结束后才能办结"
    if way == ON_SITE and session_day is not None and today < session_day:  # its end not known: its day
        return f"现场教育场次为{format_date(session_day)}，场次结束后才能办结"  # was 尚未到期 (tester: unclear)
    if way == ONLINE and applied_at is not None and now is not None and now < applied_at + ONLINE_LEAST:
        return (f"网络教育须累计学习不少于3小时，申请时间为{applied_at:%Y-%m-%d %H:%M}，"
                f"最早可于{applied_at + ONLINE_LEAST:%Y-%m-%d %H:%M}办结")
    if way == ONLINE and applied_at is not None and now is not None:
        return study_lapsed(ONLINE, ONLINE_MOST, applied_at, now)
    return None
