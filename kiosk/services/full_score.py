"""满分学习考试 (驾驶人满分教育; seed 002 section 五) as an online service.

Its own screen (FullScoreScreen, not the generic flow) walks the seed's steps: 选择教育城市和教育方式 (the
city: the licence's issuing city or a city where a violation of the driver's own vehicles
happened; the 现场 and 网络 days; 自主学习 the rest), 确认现场教育场次 (one session a 现场 day, from the
weekly schedule in assets/config/full_score_education.json), 信息确认, then 提交满分申请 through
``applications.submit``. The study, the 科目一 exam and its fee happen afterwards; the application
stays 受理中 until the counter's 复核 (考试合格，已复核) clears the points and the 超分 status.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import ASSETS
from ..db.models import Account, Application, Vehicle, Violation
from ..domain import full_score as rules
from ..domain.dates import format_date_time, format_month_day
from ..domain.errors import DomainError, FormProblems, StillPending
from ..domain.licence import city_of_authority, status_text
from ..domain.points import FullScoreApplied
from ..domain.review_education import EducationSession, session_of, sessions
from . import applications
from .applications import FINISHED, WAITING, FieldSpec, Outcome, Prepared
from .education_facts import Driver, count, driver, finished_in_cycle, in_app
from .env import Env
from .licence_points import record_points
from .offices import cities_of, listed
from .workdays import work_calendar

KIND = "full_score"
SCHEDULE_FILE = ASSETS / "config" / "full_score_education.json"
WHERE_ONLINE = in_app("满分学习考试")  # the seed: 交管12123 App >【学习教育业务】>【满分学习考试】
HOME, VIOLATION = "驾驶证核发地", "交通违法行为发生地"
AFTER_STUDY = ("完成现场、网络和自主学习后提交满分学习，再预约考试并缴纳考试费参加考试；考试合格后到窗口复核，"
               "领取满分学习反馈通知书，携带居民身份证到驾驶证扣留地领取驾驶证")
ONE_AT_A_TIME = "完成满分学习考试并办结后才能再次申请"


@dataclass(frozen=True)
class City:
    name: str
    basis: str  # why it may be chosen: 驾驶证核发地, 交通违法行为发生地 (or both)
    sessions: tuple[EducationSession, ...]

    @property
    def label(self) -> str:
        return f"{self.name}（{self.basis}）"


def _schedule() -> tuple[dict[str, list[dict]], int]:
    data = json.loads(SCHEDULE_FILE.read_text(encoding="utf-8"))
    return data["offices"], int(data["days_ahead"])


def _violation_cities(session: Session, account_id: int, known: list[str]) -> list[str]:
    """The cities where violations of the driver's own vehicles happened (the table keeps the place
    of each violation, not where it was handled)."""
    places = session.scalars(select(Violation.place).join(Vehicle, Vehicle.id == Violation.vehicle_id)
                             .where(Vehicle.owner_id == account_id).order_by(Violation.occurred_at))
    return list(dict.fromkeys(c for place in places for c in known if c in place))


def cities(session: Session, env: Env, account_id: int, authority: str) -> tuple[list[City], list[str]]:
    """The cities the driver may study in, with their sessions; and those left out for having none."""
    offices = {o.name: o for o in listed(session)}
    known = cities_of(offices.values())
    home = city_of_authority(authority, known)
    bases: dict[str, list[str]] = {}
    if home:
        bases[home] = [HOME]
    for city in _violation_cities(session, account_id, known):
        bases.setdefault(city, []).append(VIOLATION)
    schedule, days_ahead = _schedule()
    found = sessions({k: v for k, v in schedule.items() if k in offices}, env.clock.now().date(), days_ahead,
                     work_calendar())
    result, none = [], []
    for city, basis in bases.items():
        of_city = tuple(s for s in found if offices[s.office].city == city)
        if of_city:
            result.append(City(city, "、".join(basis), of_city))
        else:
            none.append(city)
    return result, none


def addresses(session: Session) -> dict[str, str]:
    return {o.name: o.address for o in listed(session)}


def _intro(points: int, label: str, p: rules.DayPlan, none: list[str]) -> str:
    large = "（持大型客车、重型牵引挂车、城市公交车、中型客车、大型货车驾驶证）" if p.large else ""
    times = f"本记分周期第{p.full_scores}次累积记分满12分，" if p.full_scores > 1 else ""
    text = (f"您{label}{points}分，{times}须参加满分教育{large}：教育共{p.total}天，其中现场教育和网络教育"
            f"合计不少于{p.min_taught}天（现场教育不少于{p.min_on_site}天），其余为自主学习。\n"
            "可以选择驾驶证核发地或交通违法行为发生地、处理地参加满分教育。请选择教育城市，确认现场教育天数和网络教育天数。")
    if none:
        text += f"\n{'、'.join(none)}近期没有可预约的现场教育场次，暂不能选择。"
    return text


def finished(session: Session, account_id: int, period: tuple[date, date]) -> int:
    """满分教育 the counter finished (复核) within ``period`` (its first day, the day after its last):
    one for each time the points reached 12, which the licence no longer shows (复核 clears the points
    and takes 超分 off its status)."""
    return count(session, account_id, KIND, FINISHED, period)


def applied(session: Session, account_id: int) -> FullScoreApplied | None:
    """The account's 满分学习考试 application still open, if any (学法减分 and 审验教育 name it)."""
    pending = applications.waiting(session, account_id, KIND)
    return FullScoreApplied(pending[0].serial_no, pending[0].status) if pending else None


def _may_apply(session: Session, account_id: int, today: date, *, lock: bool = False) -> Driver:
    """The driver's facts when they may apply now (at the form, and again inside the write, locked);
    else why not, or the application of theirs still open (StillPending: 查看网办进度)."""
    d = driver(session, account_id, today, lock=lock)
    done = finished_in_cycle(session, account_id, KIND, d.cycle)
    reason = rules.refusal(d.facts, (done.serial_no, done.updated_at.date()) if done else None)
    if reason:
        raise DomainError(reason)
    pending = applications.waiting(session, account_id, KIND)
    if pending:
        raise _still_pending(pending[0])
    return d


def _still_pending(app: Application) -> StillPending:
    p = app.payload
    chosen = [session_of(k) for k in str(p.get("sessions", "")).split(",") if k]
    where = "；".join(s.label for s in chosen)
    online = f"网络教育{p.get('online_days')}天、" if str(p.get("online_days", "0")) != "0" else ""
    return StillPending(
        f"您已有一项满分学习考试申请正在受理中（业务流水号{app.serial_no}，教育城市{p.get('city', '')}，"
        f"申请时间{format_date_time(app.created_at)}）。现场教育场次：{where}。{online}"
        f"自主学习{p.get('self_study_days', '')}天请{WHERE_ONLINE}完成。{AFTER_STUDY}。{ONE_AT_A_TIME}。", app.serial_no)


class FullScoreStudy:
    kind = KIND
    title = rules.SERVICE
    code_purpose = KIND
    finish_choices = (rules.FINISH,)

    def prepare(self, session: Session, env: Env, account: Account) -> Prepared:
        today = env.clock.now().date()
        d = _may_apply(session, account.id, today)
        p = rules.plan(d.facts.classes, rules.full_scores(d.facts.points, finished(session, account.id, d.cycle)))
        found, none = cities(session, env, account.id, d.licence.issuing_authority)
        if not found:
            raise DomainError("近期没有可预约的满分教育现场教育场次，请稍后再试或到车管所窗口咨询")
        on_site, online = p.default_split()
        fields = [FieldSpec("city", "教育城市", "choice"),
                  FieldSpec(rules.ON_SITE_FIELD, "现场教育天数", max_len=rules.MAX_DIGITS),
                  FieldSpec(rules.ONLINE_FIELD, "网络教育天数", max_len=rules.MAX_DIGITS),
                  FieldSpec(rules.SESSIONS_FIELD, "现场教育场次", max_len=2000)]
        initial = {"city": found[0].name, rules.ON_SITE_FIELD: str(on_site), rules.ONLINE_FIELD: str(online)}
        return Prepared(_intro(d.facts.points, d.facts.points_label, p, none), fields, initial,
                        {"city": [(c.label, c.name) for c in found]},
                        {"plan": p, "cities": {c.name: c for c in found}, "addresses": addresses(session)})

    def first_step(self, form: dict[str, str], prepared: Prepared) -> tuple[City, int, int]:
        """Step 选择教育城市和教育方式: the city and the (现场, 网络) days, each problem next to its field."""
        problems = FormProblems()
        found = prepared.context["cities"]
        assert isinstance(found, dict)
        city = found.get(form.get("city", ""))
        if city is None:
            problems.add("请选择教育城市", "city")
        days = problems.check(rules.split, form.get(rules.ON_SITE_FIELD, ""), form.get(rules.ONLINE_FIELD, ""),
                              self.day_plan(prepared))
        problems.raise_found()
        assert city is not None and days is not None
        return city, days[0], days[1]

    def day_plan(self, prepared: Prepared) -> rules.DayPlan:
        p = prepared.context["plan"]
        assert isinstance(p, rules.DayPlan)
        return p

    def chosen(self, form: dict[str, str], city: City) -> list[EducationSession]:
        """The sessions the form names, each one of ``city``'s (a session no longer offered is refused)."""
        offered = {s.key: s for s in city.sessions}
        keys = [k for k in form.get(rules.SESSIONS_FIELD, "").split(",") if k]
        if any(k not in offered for k in keys):
            raise DomainError("所选的现场教育场次已不可预约，请重新选择", rules.SESSIONS_FIELD)
        return sorted((offered[k] for k in keys), key=lambda s: (s.day, s.start, s.office))

    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]:
        city, on_site, online = self.first_step(form, prepared)
        chosen = self.chosen(form, city)
        problem = rules.sessions_problem(chosen, on_site)
        if problem:
            raise DomainError(problem, rules.SESSIONS_FIELD)
        p = self.day_plan(prepared)
        return {"city": city.name, "city_basis": city.basis, "total_days": str(p.total),
                rules.ON_SITE_FIELD: str(on_site), rules.ONLINE_FIELD: str(online),
                "self_study_days": str(p.self_study(on_site, online)), rules.SESSIONS_FIELD: ",".join(s.key for s in chosen),
                "last_session": chosen[-1].day.isoformat() if chosen else ""}

    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None:
        return None

    def places(self, clean: dict[str, str], prepared: Prepared) -> tuple[list[EducationSession], str]:
        """The sessions chosen, and where they are (each office once, with its address)."""
        where = prepared.context["addresses"]
        assert isinstance(where, dict)
        chosen = [session_of(k) for k in clean[rules.SESSIONS_FIELD].split(",") if k]
        return chosen, "；".join(f"{o}（{where.get(o, '')}）" for o in dict.fromkeys(s.office for s in chosen))

    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]:
        rows = [("教育城市", f"{clean['city']}（{clean['city_basis']}）"), ("教育总天数", f"{clean['total_days']}天"),
                ("现场教育天数", f"{clean[rules.ON_SITE_FIELD]}天"), ("网络教育天数", f"{clean[rules.ONLINE_FIELD]}天"),
                ("自主学习天数", f"{clean['self_study_days']}天")]
        chosen, places = self.places(clean, prepared)
        return rows + [(f"现场教育场次{i}", s.label) for i, s in enumerate(chosen, 1)] + [("现场教育地点", places)]

    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome:
        today = env.clock.now().date()  # checked again inside the write: another kiosk may have applied
        _may_apply(session, account.id, today, lock=True)
        first = session_of(clean[rules.SESSIONS_FIELD].split(",")[0])
        online = f"网络教育{clean[rules.ONLINE_FIELD]}天、" if clean[rules.ONLINE_FIELD] != "0" else ""
        sms = (f"已受理（{clean['city']}，共{clean['total_days']}天）。请于{format_month_day(first.day)} {first.start}"
               f"到{first.office}参加第一个现场教育场次（共{clean[rules.ON_SITE_FIELD]}个，见网办进度）；"
               f"{online}自主学习{clean['self_study_days']}天请{WHERE_ONLINE}完成。")
        chosen, places = self.places(clean, prepared)
        note = ("申请已受理。现场教育场次：" + "；".join(s.label for s in chosen) + f"，地点：{places}。"
                + f"{online}自主学习{clean['self_study_days']}天请{WHERE_ONLINE}完成。" + AFTER_STUDY + "。")
        return Outcome(WAITING, note, sms)

    @staticmethod
    def finish_problem(payload: dict, applied_at: datetime, now: datetime, how: str) -> str | None:
        """Why the counter may not 复核 it at ``now``: the education not over yet (its last 现场教育
        day, its days since the application); said before 办结 offers 考试合格，已复核 (tester)."""
        last = payload.get("last_session")
        total = str(payload.get("total_days", ""))
        return rules.finish_problem(date.fromisoformat(last) if last else None, now.date(), applied_at.date(),
                                    int(total) if total.isdigit() else 0)

    def finish(self, session: Session, env: Env, app: Application, how: str) -> str:
        """窗口复核 after the exam was passed: the points cleared, 超分 taken off the licence."""
        today = env.clock.now().date()
        problem = self.finish_problem(app.payload, app.created_at, env.clock.now(), how)
        if problem:
            raise DomainError(problem, "how")
        d = driver(session, app.account_id, today, lock=True)
        record_points(d.licence, 0, today)
        d.licence.status = rules.cleared_status(d.licence.status)
        return (f"满分学习考试合格，已复核，记分已清除，驾驶证状态：{status_text(d.licence.status)}。"
                "请领取满分学习反馈通知书，携带居民身份证到驾驶证扣留地领取驾驶证")
