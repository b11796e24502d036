"""驾驶人审验教育 (seed 002 section 六) on the generic application flow.

现场教育: choose the city, read 《机动车驾驶人身体情况申报》, choose one day's session (sessions come
from the weekly schedule in assets/config/review_education.json for the offices of the ``offices``
table). 网络教育: the city is the licence's issuing place. Either way the application stays 受理中
until the counter finishes it once the education is done.
"""
from __future__ import annotations

import json
from datetime import date, datetime, time

from sqlalchemy.orm import Session

from ..config import ASSETS
from ..db.models import Account, Application
from ..domain import review_education as rules
from ..domain.dates import format_date, format_date_time
from ..domain.errors import DomainError, FormProblems, StillPending
from ..domain.licence import city_of_authority
from ..domain.points import study_lapsed
from .applications import FINISHED, WAITING, FieldSpec, Outcome, Prepared
from . import applications
from .education_facts import count, driver, in_app, refused
from .env import Env
from .full_score import applied as full_score_applied
from .licence_points import reviewed_of
from .offices import cities_of, listed
from .workdays import work_calendar

KIND = "review_education"
SCHEDULE_FILE = ASSETS / "config" / "review_education.json"
DECLARATION_FILE = ASSETS / "notices" / "driver_health_declaration.txt"
AGREED = "已阅读并同意"
ONLINE_HOURS = "网络教育学时不少于3小时，最多可连续累计3天学时，每天至少1小时；通过审核后视为学习完成"
WHERE_ONLINE = in_app("驾驶人审验")  # the seed: 交管12123 App >【学习教育业务】>【驾驶人审验】


def _declaration() -> str:
    return DECLARATION_FILE.read_text(encoding="utf-8").strip()


def _schedule() -> tuple[dict[str, list[dict]], int]:
    data = json.loads(SCHEDULE_FILE.read_text(encoding="utf-8"))
    return data["offices"], int(data["days_ahead"])


def _intro(cycle: rules.ReviewedCycle, ways: tuple[str, ...]) -> str:
    text = (f"您持有大中型客货车驾驶证，{cycle.name}已记{cycle.points}分，须参加审验教育，"
            f"并在{format_date(cycle.due)}前完成审验。\n9分及9分以上需现场教育；9分以下可选择现场教育或网络教育（{ONLINE_HOURS}）。\n")
    if ways == (rules.ON_SITE,):
        text += f"您的记分已达{rules.ON_SITE_FROM}分，只能选择现场教育。\n"
    return text + ("现场教育：选择教育城市和一天的教育场次，按场次到车管所参加；网络教育：教育城市默认为驾驶证核发地，"
                   f"本机受理后请{WHERE_ONLINE}学习。提交前请阅读并同意《机动车驾驶人身体情况申报》。")


def _after(way: str, session_key: str, address: str, applied_at: datetime) -> str:
    """What the citizen does once the application is taken: where, and by when (网络教育: within 3
    days of the application, as the counter finishes it only then)."""
    if way == rules.ON_SITE:
        chosen = rules.session_of(session_key)
        where = f"{chosen.office}（{address}）" if address else chosen.office
        return f"请于{format_date(chosen.day)} {chosen.start}到{where}参加现场教育，携带居民身份证和驾驶证"
    last = applied_at + rules.ONLINE_MOST
    return f"请在{format_date_time(last)}前{WHERE_ONLINE}，完成网络教育学习（{ONLINE_HOURS}）"


def _still_pending(session: Session, app: Application, now: datetime) -> StillPending:
    """The application still 受理中, named with what to do now (as its 受理 SMS said, read again;
    a 网络教育 past its 3 days can only be turned back at a counter, then applied for again)."""
    way, key = str(app.payload.get("way", "")), str(app.payload.get("session", ""))
    head = (f"您已有一项驾驶人审验教育申请正在受理中（业务流水号{app.serial_no}，{way}，"
            f"申请时间{format_date_time(app.created_at)}）。")
    if way == rules.ONLINE and study_lapsed(way, rules.ONLINE_MOST, app.created_at, now):  # the counter's rule
        last = app.created_at + rules.ONLINE_MOST
        return StillPending(f"{head}网络教育须在申请后{rules.ONLINE_MOST.days}日内完成，已于{format_date_time(last)}"
                            "超过期限，不能办结，请到车管所窗口退办该申请后重新申请。", app.serial_no)
    todo = ""
    if way == rules.ONLINE or (way == rules.ON_SITE and key):
        office = rules.session_of(key).office if way == rules.ON_SITE else ""
        address = next((o.address for o in listed(session) if o.name == office), "")
        todo = _after(way, key, address, app.created_at) + "。"
    return StillPending(f"{head}{todo}{rules.ONE_AT_A_TIME}。", app.serial_no)


class ReviewEducation:
    kind = KIND
    title = "驾驶人审验教育"
    code_purpose = KIND
    finish_choices = tuple(rules.FINISH_BY_WAY.values())
    finish_by = ("way", rules.FINISH_BY_WAY)  # the way the citizen chose

    def prepare(self, session: Session, env: Env, account: Account) -> Prepared:
        today = env.clock.now().date()
        d = driver(session, account.id, today)
        cycle = reviewed_of(d.licence, today)
        full_score = full_score_applied(session, account.id)
        reason = rules.refusal(d.facts, count(session, account.id, KIND, FINISHED, cycle.education_span) > 0,
                               False, cycle, full_score)
        if reason:
            raise refused(reason)
        pending = applications.waiting(session, account.id, KIND)
        if pending:  # the last of the rules: say which application, and what to do now
            raise _still_pending(session, pending[0], env.clock.now())
        ways = rules.ways(cycle.points)
        offices = {o.name: o for o in listed(session)}
        schedule, days_ahead = _schedule()
        by_city: dict[str, list[rules.EducationSession]] = {}
        for s in rules.sessions({k: v for k, v in schedule.items() if k in offices}, today, days_ahead, work_calendar()):
            by_city.setdefault(offices[s.office].city, []).append(s)
        all_cities = sorted(cities_of(offices.values()))
        home = city_of_authority(d.licence.issuing_authority, all_cities) or d.licence.issuing_authority
        cities = sorted(by_city, key=lambda c: (c != home, c))
        on_site = (("way", rules.ON_SITE),)
        fields = [FieldSpec("way", "教育方式", "choice"),
                  FieldSpec("city", "现场教育城市", "choice", show_if=on_site)]
        choices: dict[str, list[tuple[str, str]]] = {"way": [(w, w) for w in ways],
                                                     "city": [(c, c) for c in cities]}
        # seed 002's order: 选择现场教育城市 > 阅读《机动车驾驶人身体情况申报》 > 选择一天教育场次
        fields.append(FieldSpec("declaration", "我已阅读并同意《机动车驾驶人身体情况申报》", "agree",
                                note=_declaration()))
        for i, city in enumerate(cities):
            fields.append(FieldSpec(f"session_{i}", f"{city}的教育场次（选择一天）", "choice",
                                    show_if=(*on_site, ("city", city))))
            choices[f"session_{i}"] = [(s.label, s.key) for s in by_city[city]]
        initial = {"way": ways[0] if len(ways) == 1 else "", "city": cities[0] if cities else ""}
        places = {s.key: (s, offices[s.office].address) for ss in by_city.values() for s in ss}
        return Prepared(_intro(cycle, ways), fields, initial, choices,
                        {"ways": ways, "cities": cities, "home": home, "places": places})

    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]:
        """Every field on view checked, each problem next to its field (all told at once)."""
        problems = FormProblems()
        ways = prepared.context["ways"]
        assert isinstance(ways, tuple)
        way = form.get("way", "")
        if way == rules.ONLINE and way not in ways:
            problems.add(f"记分达到{rules.ON_SITE_FROM}分及以上只能选择现场教育", "way")
        elif way not in ways:
            problems.add("请选择教育方式", "way")
        clean = {"way": way}
        if way == rules.ON_SITE:
            clean.update(self._session(form, prepared, problems))
        else:
            clean["city"] = str(prepared.context["home"])
        if form.get("declaration") != "1":
            problems.add("请阅读《机动车驾驶人身体情况申报》，并勾选【我已阅读并同意】", "declaration")
        problems.raise_found()
        clean["declaration"] = AGREED
        return clean

    def _session(self, form: dict[str, str], prepared: Prepared, problems: FormProblems) -> dict[str, str]:
        """现场教育: the city, then one day's session of that city."""
        cities = prepared.context["cities"]
        assert isinstance(cities, list)
        city = form.get("city", "")
        if city not in cities:
            problems.add("请选择现场教育城市", "city")
            return {}
        field = f"session_{cities.index(city)}"
        key = form.get(field, "")
        if key not in {value for _, value in prepared.choices.get(field, [])}:
            problems.add("请选择一天的教育场次", field)
            return {}
        places = prepared.context["places"]
        assert isinstance(places, dict)
        chosen = places[key][0]
        return {"city": city, "session": key, "session_day": chosen.day.isoformat(), "office": chosen.office}

    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None:
        return None

    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]:
        rows = [("教育方式", clean["way"]), ("教育城市", clean["city"])]
        if clean["way"] == rules.ON_SITE:
            places = prepared.context["places"]
            assert isinstance(places, dict)
            chosen, address = places[clean["session"]]
            rows += [("教育场次", chosen.label), ("地点", address)]
        else:
            rows.append(("学时要求", ONLINE_HOURS))
        return rows + [("《机动车驾驶人身体情况申报》", AGREED)]

    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome:
        today = env.clock.now().date()  # checked again inside the write: another kiosk may have applied
        d = driver(session, account.id, today, lock=True)
        cycle = reviewed_of(d.licence, today)
        reason = rules.refusal(d.facts, count(session, account.id, KIND, FINISHED, cycle.education_span) > 0,
                               count(session, account.id, KIND, WAITING) > 0, cycle)
        if reason:
            raise DomainError(reason)
        address = ""
        if clean["way"] == rules.ON_SITE:
            places = prepared.context["places"]
            assert isinstance(places, dict)
            address = places[clean["session"]][1]
        after = _after(clean["way"], clean.get("session", ""), address, env.clock.now())
        sms = f"已受理（{clean['way']}）。{after}。"  # two sentences: each ends with 。
        return Outcome(WAITING, "申请" + sms, sms)  # the SMS says 您的驾驶人审验教育申请（...）已受理

    @staticmethod
    def finish_problem(payload: dict, applied_at: datetime, now: datetime, how: str) -> str | None:
        """Why the counter may not finish it ``how`` at ``now`` (the way asked for, its timing)."""
        way = str(payload.get("way", ""))
        day = payload.get("session_day")
        key = str(payload.get("session", ""))
        ends = None
        if way == rules.ON_SITE and key:
            chosen = rules.session_of(key)
            ends = datetime.combine(chosen.day, time.fromisoformat(chosen.end))
        return rules.finish_problem(way, how, date.fromisoformat(day) if day else None, now.date(),
                                    applied_at, now, ends)

    def finish(self, session: Session, env: Env, app: Application, how: str) -> str:
        problem = self.finish_problem(app.payload, app.created_at, env.clock.now(), how)
        if problem:
            raise DomainError(problem, "how")
        way = str(app.payload.get("way", ""))
        where = f"，{app.payload.get('office', '')}" if way == rules.ON_SITE else ""
        return f"审验教育已完成（{way}{where}）"
