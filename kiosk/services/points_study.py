"""学法减分 (seed 002 section 四) on the generic application flow.

The kiosk takes the application (互联网申请信息预核验 > 提交申请 > 受理); the study, the exam or
the public-service activity happen afterwards, so the application stays 受理中 until the counter
finishes it (学习考试合格 / 公益活动公示期满), which re-checks the rules and reduces the points by 1.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from ..db.models import Account, Application
from ..domain import points_study as rules
from ..domain.dates import format_date, format_date_time
from ..domain.errors import DomainError, StillPending
from ..domain.points import cycle_of
from . import applications, audit, messaging
from .applications import FINISHED, TURNED_BACK, WAITING, FieldSpec, Outcome, Prepared
from .education_facts import APP, Driver, count, driver, in_app, refused
from .env import Env
from .full_score import applied as full_score_applied, finished as full_scores_finished
from .licence_points import record_points

KIND = "points_study"
WHERE_ONLINE = in_app("学法减分")  # the seed: 交管12123 App >【学习教育业务】>【学法减分】
STEPS = {
    "网上学习": (
        "网上学习考试流程：\n"
        "1. 网上学习考试申请：互联网申请信息预核验 > 提交申请 > 申请受理成功（在本机办理）\n"
        f"2. 网上学习（在{APP}中）：实人认证比对通过 > 课件学习 > 学习过程人脸比对通过 > 学满30分钟（3日内累计）\n"
        f"3. 网上考试（在{APP}中）：参加考试 > 考试过程人脸比对通过 > 考试成绩合格 > 实人认证比对通过\n"
        "4. 驾驶证减分：提交驾驶证减分申请 > 再次复核符合减分条件 > 驾驶证减1分"),
    "公益网点": (
        "公益网点学习流程：\n"
        "1. 参加考试申请：互联网申请信息预核验 > 提交申请 > 申请受理成功（在本机办理）\n"
        "2. 参加公益活动（到公益网点现场）：签到时人脸比对通过 > 现场签到成功 > 签退时人脸比对通过 > 现场签退成功\n"
        "3. 公益活动结果公示：为期2天活动结果公示 > 公示期内无异议\n"
        "4. 驾驶证减分：提交驾驶证减分申请 > 再次复核符合减分条件 > 驾驶证减1分"),
}


def after(way: str, applied_at: datetime) -> str:
    """What the citizen does once the application is taken: where, and (网上学习) by when."""
    if way == "网上学习":
        last = applied_at + rules.MOST_TIME[way]
        return (f"请在{format_date_time(last)}前{WHERE_ONLINE}，完成网上学习（累计满30分钟）并参加网上考试，"
                "考试合格后驾驶证减1分")
    return (f"请到公益网点参加公益活动（签到、签退均须人脸比对；网点和活动安排可{WHERE_ONLINE}查看），"
            "活动结果公示2天无异议后驾驶证减1分")


LAPSED_NOTE = "网上学习未在申请后3日内完成，本申请已失效，已重新申请学法减分"
LAPSED = "points_study_lapsed"  # the audit log's action for it


def lapsed_line(app: Application) -> str:
    """What the form says of a 网上学习 whose 3 days are over: the new application ends it."""
    most = rules.MOST_TIME["网上学习"]
    return (f"您的学法减分申请（业务流水号{app.serial_no}，网上学习）须在申请后{most.days}日内完成，"
            f"已于{format_date_time(app.created_at + most)}超过期限；提交本次申请后，该申请将退办。\n")


def _turn_back_lapsed(session: Session, env: Env, account: Account, old: Application) -> None:
    """A lapsed 网上学习 ends (已退办) as a clerk's 退办 does: a 网办进度 entry, the audit log, and
    the citizen told by message and SMS, titled with the decision (学法减分（已退办）)."""
    applications.transition(session, env, old, TURNED_BACK, LAPSED_NOTE)
    audit.record(session, env, actor="system", action=LAPSED, account_id=account.id,
                 detail=f"{old.serial_no} 已退办（网上学习超过3日）")
    messaging.notify(session, env, account, applications.decided_title(old.title, TURNED_BACK),
                     f"您的{applications.of_title(old.title)}（业务流水号{old.serial_no}）{TURNED_BACK}：{LAPSED_NOTE}。")


def _open(session: Session, account_id: int, now: datetime) -> tuple[list[Application], list[Application]]:
    """The account's 学法减分 applications still 受理中: those that are live, and the 网上学习 ones
    whose 3 days are over (the counter can no longer finish them; they don't hold up a new one)."""
    live, lapsed = [], []
    for a in applications.waiting(session, account_id, KIND):
        late = rules.too_late(str(a.payload.get("way", "")), a.created_at, now)
        (lapsed if late else live).append(a)
    return live, lapsed


def _full_scores(session: Session, d: Driver) -> tuple[int, int]:
    """The 满分教育 finished in this 记分周期 and in the last one (L163 Art 26: two or more in either
    and no 学法减分); the cycle is the one the counter's 复核 fell in."""
    start, _ = d.cycle
    last = cycle_of(d.facts.first_issued_on, start - timedelta(days=1))
    return (full_scores_finished(session, d.licence.account_id, d.cycle),
            full_scores_finished(session, d.licence.account_id, last))


def _still_pending(app: Application) -> StillPending:
    way = str(app.payload.get("way", ""))
    todo = f"{after(way, app.created_at)}。" if way in rules.WAYS else ""
    return StillPending(f"您已有一项学法减分申请正在受理中（业务流水号{app.serial_no}，{way}，"
                        f"申请时间{format_date_time(app.created_at)}）。{todo}{rules.one_at_a_time(way)}。", app.serial_no)


class PointsStudy:
    kind = KIND
    title = "学法减分"
    code_purpose = KIND
    finish_choices = tuple(rules.FINISH_BY_WAY.values())
    finish_by = ("way", rules.FINISH_BY_WAY)  # the way the citizen chose

    def prepare(self, session: Session, env: Env, account: Account) -> Prepared:
        """互联网申请信息预核验: a driver who may not apply is told why before filling anything in."""
        today = env.clock.now().date()
        d = driver(session, account.id, today)
        reduced = count(session, account.id, KIND, FINISHED, d.cycle)
        live, lapsed = _open(session, account.id, env.clock.now())
        full_score = full_score_applied(session, account.id)
        reason = rules.refusal(d.facts, today, reduced, full_scores=_full_scores(session, d), full_score=full_score)
        if reason:
            raise refused(reason)
        if live:  # the last of the rules: say which one, and what to do now
            raise _still_pending(live[0])
        start, end = d.cycle
        head = (f"信息预核验通过。当前记分：{d.facts.points}分（记分周期{format_date(start)}至"
                f"{format_date(end - timedelta(days=1))}），本周期已学法减分{reduced}分，"
                f"每个记分周期最多减{rules.CYCLE_LIMIT}分，每次减1分。\n"
                f"本机只受理申请。受理后，网上学习和考试请{WHERE_ONLINE}进行；"
                "公益活动到公益网点参加（网点和活动安排也在【学法减分】中查看）。"
                "完成后由车管所再次复核，符合条件的驾驶证减1分。\n") + "".join(map(lapsed_line, lapsed))
        intros = {way: head + "\n" + STEPS[way] for way in rules.WAYS}
        fields = [FieldSpec("way", "请选择学习方式", "choice")]
        return Prepared(head + "\n请选择网上学习或公益网点，选择后显示办理步骤。", fields, {},
                        {"way": [(w, w) for w in rules.WAYS]},
                        {"intros": intros, "points": d.facts.points, "reduced": reduced})

    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]:
        way = form.get("way", "")
        if way not in rules.WAYS:
            raise DomainError("请选择学习方式：网上学习或公益网点", "way")
        return {"way": way}

    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None:
        return None

    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]:
        """The way's steps too, under their own name (网上学习考试流程：, then 1. to 4.): Enter on the
        chosen way moves on to 请核对以下信息 as Enter on any form's last choice does, and the steps
        the form shows on choosing were gone before they were read (tester: Down, Enter)."""
        points = int(str(prepared.context["points"]))
        name, steps = STEPS[clean["way"]].split("\n", 1)
        return [("学习方式", clean["way"]), ("当前记分", f"{points}分"),
                ("本周期已学法减分", f"{prepared.context['reduced']}分"),
                ("减分后记分", f"{points - 1}分（{rules.FINISH_BY_WAY[clean['way']]}后）"),
                (name.removesuffix("："), "\n" + steps)]

    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome:
        today = env.clock.now().date()  # checked again inside the write: another kiosk may have applied
        d = driver(session, account.id, today, lock=True)
        live, lapsed = _open(session, account.id, env.clock.now())
        pending = str(live[0].payload.get("way", "")) if live else None
        reason = rules.refusal(d.facts, today, count(session, account.id, KIND, FINISHED, d.cycle), pending,
                               full_scores=_full_scores(session, d))
        if reason:
            raise DomainError(reason)
        for old in lapsed:  # its 3 days of 网上学习 are over: it ends, and this one takes its place
            _turn_back_lapsed(session, env, account, old)
        todo = after(clean["way"], env.clock.now())
        # Two sentences: the 说明 ends with 。 as the SMS does (it ended ...减1分 without one).
        return Outcome(WAITING, f"申请已受理（{clean['way']}）。{todo}。", f"已受理（{clean['way']}）。{todo}。")

    @staticmethod
    def finish_problem(payload: dict, applied_at: datetime, now: datetime, how: str) -> str | None:
        """Why the counter may not finish it ``how`` at ``now`` (the way asked for, its timing)."""
        way = str(payload.get("way", ""))
        return (rules.finish_way_problem(way, how) or rules.too_early(way, applied_at, now)
                or rules.too_late(way, applied_at, now))

    def finish(self, session: Session, env: Env, app: Application, how: str) -> str:
        """再次复核符合减分条件 > 驾驶证减1分."""
        problem = self.finish_problem(app.payload, app.created_at, env.clock.now(), how)
        if problem:
            raise DomainError(problem, "how")
        today = env.clock.now().date()
        d = driver(session, app.account_id, today, lock=True)
        reason = rules.refusal(d.facts, today, count(session, app.account_id, KIND, FINISHED, d.cycle),
                               full_scores=_full_scores(session, d))
        if reason:
            raise DomainError(f"再次复核不符合减分条件：{reason}。可退办并说明理由")
        record_points(d.licence, d.facts.points - 1, today)  # this cycle's, carried-over ones too
        return f"{how}，驾驶证记分减1分，当前记分{d.licence.points}分"
