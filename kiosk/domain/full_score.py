"""满分学习考试 (驾驶人满分教育; seed 002 section 五; L163 Art 18-22): who takes it, how many days.

A driver whose points reached 12 in the 记分周期 (licence status B, 超分) studies for 7 days, or 30
for a 大型客车、重型牵引挂车、城市公交车、中型客车、大型货车 licence (A1 A2 A3 B1 B2); each further
full score in the same cycle adds 7 (30) days. Of those days, 现场教育 and 网络教育 together make at
least 5 (10) and at most all of them, 现场教育 at least 2 (5); the rest is 自主学习 (0 when 现场 and
网络 make all the days: L163 and RULES set only the least of the taught days). The citizen types the
现场 and 网络 days; 自主学习 follows from them and is not typed (the seed: 自主学习天数不可更改). Each 现场教育 day is one session, never two on the same day.
Then the 科目一 exam (booked and paid as usual), the counter's 复核, and the licence handed back.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .dates import format_date
from .errors import DomainError, FieldErrors
from .points import FULL_SCORE, LARGE_CLASSES, DriverFacts, status_problem
from .review_education import EducationSession
from .typed import compact

SERVICE = "满分学习考试"
FULL = "B"  # 超分
ON_SITE_FIELD, ONLINE_FIELD, SESSIONS_FIELD = "on_site_days", "online_days", "sessions"
MAX_DIGITS = 3


@dataclass(frozen=True)
class DayPlan:
    """The days of one 满分教育: ``total`` = 现场 + 网络 (typed by the citizen, together at least
    ``min_taught``) + 自主学习 (the rest)."""

    full_scores: int  # full scores in the cycle this education is for (1 the first time)
    large: bool  # A1 A2 A3 B1 B2
    total: int
    min_taught: int
    min_on_site: int

    def self_study(self, on_site: int, online: int) -> int:
        return self.total - on_site - online

    @property
    def base(self) -> int:
        return self.total // self.full_scores

    def default_split(self) -> tuple[int, int]:
        """(现场, 网络) the form opens with: the least 现场教育, online up to the least taught days."""
        return self.min_on_site, self.min_taught - self.min_on_site


def is_large(classes: tuple[str, ...]) -> bool:
    return bool(set(classes) & set(LARGE_CLASSES))


def full_scores(points: int, finished_this_cycle: int) -> int:
    """How many times the points reached 12 in the cycle: the 满分教育 already finished in it (the
    points were cleared each time) and the current count (24 points: twice)."""
    return finished_this_cycle + max(1, points // FULL_SCORE)


def plan(classes: tuple[str, ...], times: int) -> DayPlan:
    large = is_large(classes)
    base, taught, on_site = (30, 10, 5) if large else (7, 5, 2)
    total = base * max(1, times)
    return DayPlan(max(1, times), large, total, taught, on_site)


def refusal(facts: DriverFacts, finished: tuple[str, date] | None = None) -> str | None:
    """Why ``facts``' driver cannot apply for 满分教育; None when they can. ``finished``: the
    serial number and 复核 day of this cycle's latest 满分教育 finished, if any (its 复核 cleared the
    points: 累积记分0分，未满12分 was said to a driver who had just reached 12 and finished, tester)."""
    problem = status_problem(facts.status, SERVICE)
    if problem:
        return problem
    if facts.points >= FULL_SCORE or FULL in facts.status:
        return None
    if finished is not None:
        return (f"本记分周期的满分教育已完成（业务流水号{finished[0]}，{format_date(finished[1])}复核办结），无需再次申请。"
                f"本记分周期再次累积记分满{FULL_SCORE}分的，须再次参加满分教育")
    return (f"您{facts.points_label}{facts.points}分，未满{FULL_SCORE}分。满分学习考试仅适用于"
            f"一个记分周期内累积记分达到{FULL_SCORE}分的驾驶人，您无需参加满分教育")


def _days(text: str, field: str, label: str) -> int:
    text = compact(text)  # ５ from a Chinese input method is 5
    if not text:
        raise DomainError(f"请填写{label}", field)
    if not text.isdigit() or not text.isascii():
        raise DomainError(f"{label}请填写整数（如2）", field)
    return int(text)


def split(on_site_text: str, online_text: str, p: DayPlan) -> tuple[int, int]:
    """The (现场, 网络) days typed, checked against ``p``; every problem next to its field."""
    problems: list[tuple[str | None, str]] = []
    values: dict[str, int] = {}
    on_site_typed = compact(on_site_text)
    if not compact(online_text) and on_site_typed.isdigit() and on_site_typed.isascii() \
            and int(on_site_typed) >= p.min_taught:
        online_text = "0"  # 现场 alone makes the days: 网络 left empty is none (tester: 请填写网络教育天数)
    for field, label, text in ((ON_SITE_FIELD, "现场教育天数", on_site_text), (ONLINE_FIELD, "网络教育天数", online_text)):
        try:
            values[field] = _days(text, field, label)
        except DomainError as exc:
            problems.append((field, exc.message))
    on_site, online = values.get(ON_SITE_FIELD), values.get(ONLINE_FIELD)
    if on_site is not None and on_site < p.min_on_site:
        problems.append((ON_SITE_FIELD, f"现场教育天数不得少于{p.min_on_site}天"))
    # a wrong sum is said with a 不得少于 at once, not only after that is fixed (tester); more taught
    # days than the least are allowed, up to all of them (tester: 3 + 3 was refused as not 5)
    taught = on_site + online if on_site is not None and online is not None else None
    if taught is not None and not p.min_taught <= taught <= p.total:
        limit = f"不得少于{p.min_taught}天" if taught < p.min_taught else f"不得超过{p.total}天"
        problems.append((ONLINE_FIELD, f"现场教育和网络教育天数合计{limit}（现在为{taught}天）："
                                       f"教育共{p.total}天，其余为自主学习"))
    if problems:
        raise FieldErrors(problems) if len(problems) > 1 else DomainError(problems[0][1], problems[0][0])
    assert on_site is not None and online is not None
    return on_site, online


def split_problem(on_site_text: str, online_text: str, p: DayPlan, field: str) -> str:
    """What ``split`` says under ``field`` for these days ('' when nothing): a message about the sum
    is recomputed as the other field changes."""
    try:
        split(on_site_text, online_text, p)
    except FieldErrors as exc:
        return next((message for name, message in exc.problems if name == field), "")
    except DomainError as exc:
        return exc.message if exc.field == field else ""
    return ""


def self_study_note(p: DayPlan, on_site_text: str, online_text: str) -> str:
    """The line under the day fields: the 自主学习 days the typed split leaves, or how they follow."""
    how = f"教育共{p.total}天减去现场教育和网络教育天数，不可单独填写"
    try:
        on_site, online = split(on_site_text, online_text, p)
    except DomainError:
        return f"自主学习天数：{how}"
    return f"自主学习天数：{p.self_study(on_site, online)}天（{how}）"


def too_many(on_site_days: int, chosen: int) -> str:
    """More 现场教育 sessions chosen than 现场 days (the days lowered after choosing): said here and by
    the session list as it is chosen, each then saying how to un-choose."""
    return f"现场教育天数为{on_site_days}天，最多只能选择{on_site_days}个场次（已选{chosen}个）"


def sessions_problem(chosen: list[EducationSession], on_site_days: int) -> str | None:
    """The 现场教育 sessions must be as many as the 现场教育 days, one a day."""
    if len(chosen) < on_site_days:
        return f"现场教育天数为{on_site_days}天，请选择{on_site_days}个现场教育场次（已选{len(chosen)}个）"
    if len(chosen) > on_site_days:
        return f"{too_many(on_site_days, len(chosen))}，请取消多选的场次"
    days: dict[date, int] = {}
    for s in chosen:
        days[s.day] = days.get(s.day, 0) + 1
    twice = sorted(d for d, n in days.items() if n > 1)
    if twice:
        return f"同一天只能参加一个现场教育场次：{format_date(twice[0])}选择了{days[twice[0]]}个场次，请改选其他日期"
    return None


FINISH = "考试合格，已复核"


def finish_problem(last_session: date | None, today: date, applied_on: date | None = None,
                   total_days: int = 0) -> str | None:
    """The counter's 复核 comes after the education (its last 现场教育 day, and all its
    ``total_days`` counted from the day it was applied for, ``applied_on``) and the exam."""
    if last_session is not None and today <= last_session:
        return f"最后一个现场教育场次为{format_date(last_session)}，现场教育完成并考试合格后才能复核办结"
    if applied_on is not None and total_days and today < applied_on + timedelta(days=total_days):
        return (f"满分教育共{total_days}天（{format_date(applied_on)}申请），"
                f"最早可于{format_date(applied_on + timedelta(days=total_days))}复核办结")
    return None


def cleared_status(status: str) -> str:
    """The licence status once the 满分教育 is passed: 超分 taken away (正常 when nothing is left)."""
    rest = status.replace(FULL, "").replace("A", "")
    return rest or "A"
