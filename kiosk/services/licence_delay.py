"""延期换领驾驶证 / 延期提交身体证明 / 延期驾驶证审验 (seed 002 sections 十八-二十): three menu
entries, one service each, on the generic flow. The rules decide a delay at once (已办结): the
licence gets its status (N 延期换证, P 延期体检, T 延期审验) and the application's payload keeps
the date the delay runs to (``until``). A status whose day has not come (domain.licence_delay.
starts_on: 延期换证 after the expiry, 延期审验 after the 审验's last day) waits: the payload keeps
that day (``from``; 延期换证 also the ``valid_to`` it was granted for) and settle sets the status
then (at the holder's sign-in, a clerk's lookup, an online 电子驾驶证核验 or the card's opening), as it
turns a run-out delay overdue."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Account, Application, DrivingLicence
from ..domain.errors import DomainError, FormProblems
from ..domain.ids import age_on, meaningful_chars, normalize_text
from ..domain.licence import STATUS_NAMES, parse_classes, status_text
from ..domain.licence_delay import (KINDS, LAPSES_TO, NO_DRIVING, OVERDUE_REVIEW, REASONS, UNDER_WAY, DelayKind,
                                    begun_status, delayed_to_text, done_refusal, example_until, lapsed_status, latest_until,
                                    refusal, running_delays, starts_on, under_way_refusal, until_refusal,
                                    with_status)
from ..domain.typed import DATE_LEN, required_date
from . import applications, audit, licence_common as common
from .applications import FINISHED, FieldSpec, Outcome, Prepared
from .date_examples import SHAPE, format_message, with_examples
from .education_facts import finished_in_cycle
from .env import Env
from .licence_points import reviewed_of

OTHER = REASONS[-1]
DETAIL_MIN = 4  # letters, digits or CJK characters: punctuation says nothing
FIELDS = [
    FieldSpec("reason", "延期原因", "choice"),
    FieldSpec("detail", "具体说明（选择其他正当理由时必填）", placeholder="例如 长期在外地驻场施工", max_len=60,
              required=False),
    FieldSpec("until", "延期至", placeholder=SHAPE, max_len=DATE_LEN),  # prepare: an example it accepts
]


class LicenceDelay:
    code_purpose = "licence_delay"

    def __init__(self, spec: DelayKind) -> None:
        self.spec = spec
        self.kind, self.title = spec.kind, spec.title

    def prepare(self, session: Session, env: Env, account: Account) -> Prepared:
        lic = common.own_licence(session, account)
        today = env.clock.now().date()
        delays = delays_of(session, lic)
        self._refuse_granted(lic, delays, today)
        self._refuse_under_way(session, account, lic, today)
        cycle = reviewed_of(lic, today)  # in the 30 days after a cycle with points ends, that cycle
        if why := refusal(self.spec, today, lic.valid_to, parse_classes(lic.classes),
                          age_on(account.id_number, today), points=cycle.points, status=lic.status):
            raise DomainError(why)
        latest = latest_until(today, lic.valid_to, self.spec)
        # 延期审验 of a driver not yet overdue: the delay must reach past the 审验 in question (an overdue
        # one's 审验 was due already: any date from tomorrow puts it off)
        due = (cycle.due if self.spec.status == "T" and OVERDUE_REVIEW not in lic.status and not cycle.overdue
               else None)  # an overdue 审验 (逾期未审验 on record, or a cycle's deadline passed) from tomorrow
        intro = (f"因服兵役、出国（境）等原因不能按期{self.spec.what}的，可以申请延期，延期最长不超过3年，"
                 f"在驾驶证有效期内或有效期满后一年内申请。\n注意：{NO_DRIVING}，延期期满后请及时{self.spec.what}。\n"
                 f"当前驾驶证：{lic.classes}  有效期至{valid_to_text(lic, delays, today)}  状态：{status_text(lic.status)}\n"
                 + (f"延期截止日期须晚于有效期满日期{lic.valid_to:%Y-%m-%d}，" if self.spec.status == "N" else "")
                 + (f"延期截止日期须晚于{cycle.name}的审验截止日期{due:%Y-%m-%d}，" if due else "")
                 + f"延期截止日期最晚可选{latest:%Y-%m-%d}。")
        context: dict[str, object] = {"today": today, "valid_to": lic.valid_to, "licence_id": lic.id,
                                      "review_due": due, "cycle_name": cycle.name}
        # an example this form accepts (tester)
        fields = with_examples(FIELDS, context, {"until": example_until(today, lic.valid_to, self.spec, due)})
        return Prepared(intro, fields, {}, {"reason": [(r, r) for r in REASONS]}, context)

    def _refuse_under_way(self, session: Session, account: Account, lic: DrivingLicence, today: date) -> None:
        """Not while what the delay puts off is being done (domain.licence_delay.UNDER_WAY), nor
        once it is done for the 审验 in question (a finished 审验教育 of the cycle reviewed_of names).
        ``lic``: the caller's, read already."""
        what = UNDER_WAY.get(self.spec.status)
        if what is None:
            return
        doing = [a for a in applications.waiting(session, account.id, what.kind)
                 if what.sub_kind is None or a.payload.get("kind") == what.sub_kind]
        refusal = under_way_refusal(self.spec, doing[0].serial_no if doing else None)
        if refusal:
            raise DomainError(refusal)
        if self.spec.status == "T" and OVERDUE_REVIEW not in lic.status:  # an overdue 审验 is an earlier cycle's
            cycle = reviewed_of(lic, today)
            done = finished_in_cycle(session, account.id, what.kind, cycle.education_span)
            refusal = done_refusal(self.spec, done.serial_no if done else None,
                                   done.updated_at.date() if done else None, cycle.name)
            if refusal:
                raise DomainError(refusal)

    def _refuse_granted(self, lic: DrivingLicence, delays: Delays, today: date) -> None:
        """Not twice: the licence is in the delay's status, or the delay is granted and its status
        waits for its day (pending). ``delays``: delays_of the licence."""
        until = delays.granted.get(self.spec.status)
        until_text = delayed_to_text(until) if until else ""
        if self.spec.status in lic.status:
            raise DomainError(f"您的驾驶证已在{STATUS_NAMES[self.spec.status]}期间{until_text}，无需重复申请。")
        begins = delays.pending.get(self.spec.status)
        if begins is not None and until is not None and today <= until:
            raise DomainError(f"您已获准{self.title}{until_text}，自{begins:%Y-%m-%d}起{NO_DRIVING}，无需重复申请。")

    def validate(self, form: dict[str, str], prepared: Prepared) -> dict[str, str]:
        """Every field checked, each problem next to its field (all told at once)."""
        problems = FormProblems()
        reason = form.get("reason", "")
        if reason not in REASONS:
            problems.add("请选择延期原因", "reason")
        # Required (and checked) only for 其他正当理由; with another reason it is an optional note,
        # kept as typed (the label says so: a citizen's few extra words are not refused).
        detail = problems.check(normalize_text, form.get("detail", ""), field="detail", label="具体说明",
                                max_len=60, required=reason == OTHER)
        if detail is not None and reason == OTHER and meaningful_chars(detail) < DETAIL_MIN:
            problems.add(f"请具体说明延期原因（至少{DETAIL_MIN}个汉字、字母或数字，标点符号不计）", "detail")
        today, valid_to = prepared.context["today"], prepared.context["valid_to"]
        assert isinstance(today, date) and isinstance(valid_to, date)
        until = problems.check(required_date, form.get("until", ""), "until", "延期截止日期",
                               format_message(prepared, "until", "延期截止日期"))
        due = prepared.context.get("review_due")
        if until is not None and (refusal := until_refusal(until, today, valid_to, self.spec,
                                                           due if isinstance(due, date) else None,
                                                           str(prepared.context.get("cycle_name", "本记分周期")))):
            problems.add(refusal, "until")
        problems.raise_found()
        assert detail is not None and until is not None
        clean = {"reason": reason, "detail": detail, "until": until.isoformat()}
        begins = starts_on(self.spec, today, valid_to, due if isinstance(due, date) else None)
        if begins > today:  # the status waits for its day (settle): kept with the validity it was granted for
            clean |= {"from": begins.isoformat(), "valid_to": valid_to.isoformat()}
        return clean

    def phone_to_confirm(self, clean: dict[str, str], prepared: Prepared) -> str | None:
        return None  # the citizen is signed in

    def summary(self, clean: dict[str, str], prepared: Prepared) -> list[tuple[str, str]]:
        rows = [("业务类型", self.title), ("延期原因", clean["reason"])]
        if clean["detail"]:
            rows.append(("具体说明", clean["detail"]))
        rows.append(("延期至", clean["until"]))
        if "from" in clean:  # the licence stays as it is until then
            rows.append(("生效日期", f"{clean['from']}（此前驾驶证状态不变）"))
        return rows + [("注意", NO_DRIVING)]

    def apply(self, session: Session, env: Env, account: Account, clean: dict[str, str],
              prepared: Prepared) -> Outcome:
        lic = common.own_licence(session, account, lock=True)  # the write transaction: check again
        assert lic.id == prepared.context["licence_id"]
        today = env.clock.now().date()
        self._refuse_granted(lic, delays_of(session, lic), today)  # granted meanwhile, at another kiosk
        self._refuse_under_way(session, account, lic, today)  # applied for meanwhile, at another kiosk or the counter
        begins = date.fromisoformat(clean["from"]) if "from" in clean else today
        if begins <= today:
            lic.status = with_status(lic.status, self.spec.status)
            note = f"已准予{self.title}，延期至{clean['until']}。{NO_DRIVING}。"  # two sentences: each ends with 。
        else:  # 刘洋, valid to 2036: his licence stays 正常 until it runs out
            note = (f"已准予{self.title}，延期至{clean['until']}，自{clean['from']}起生效，此前驾驶证状态不变。"
                    f"{NO_DRIVING}。")
        return Outcome(FINISHED, note, f"{FINISHED}：{note}")


DELAYS = [LicenceDelay(spec) for spec in KINDS]


def settle(session: Session, env: Env, account_id: int) -> None:
    """The account's licence with every granted delay whose day has come in its status (begun_status)
    and every delay that has run out turned into its overdue status (lapsed_status); audited when it
    changes. There is no scheduler: this runs in the write transaction of a citizen's sign-in, a
    clerk's lookup, an online 电子驾驶证核验 and the citizen's opening of the card, before anyone looks
    at the record."""
    lic = session.scalar(select(DrivingLicence).where(DrivingLicence.account_id == account_id))
    if lic is None:
        return
    today = env.clock.now().date()
    delays = delays_of(session, lic)  # one read: a delay that begins now is also checked for a lapse
    if delays.pending:
        status = begun_status(lic.status, delays.pending, today)
        if status != lic.status:
            audit.record(session, env, actor="system", action="licence_delay_began", account_id=account_id,
                         detail=f"驾驶证状态由{status_text(lic.status)}转为{status_text(status)}")
            lic.status = status
    if not any(code in lic.status for code in LAPSES_TO):
        return
    status = lapsed_status(lic.status, delays.granted, today)
    if status != lic.status:
        audit.record(session, env, actor="system", action="licence_delay_lapsed", account_id=account_id,
                     detail=f"驾驶证状态由{status_text(lic.status)}转为{status_text(status)}")
        lic.status = status


@dataclass(frozen=True)
class Delays:
    """The account's latest granted delays, read once (delays_of) for all that a sign-in, a form or a
    card says of them."""
    granted: dict[str, date]  # status code -> the date its latest granted delay runs to
    pending: dict[str, date]  # status code -> the day it begins, for a granted one not begun (see delays_of)


def delays_of(session: Session, lic: DrivingLicence) -> Delays:
    """The licence holder's latest granted delay of each kind (one read of the applications) as
    ``granted``, and as ``pending`` each whose status waits for its day (payload ``from``) and has not
    begun: not in the status; a 延期换证 only for the validity it was granted for (a 期满换证 since
    leaves nothing to put off), a 延期审验 only while no 驾驶人审验教育 has been finished since it was
    granted (the 审验 was taken)."""
    latest = _latest(session, lic.account_id)
    granted = {code: date.fromisoformat(app.payload["until"]) for code, app in latest.items()}
    return Delays(granted, _pending(session, lic, latest))


def _latest(session: Session, account_id: int) -> dict[str, Application]:
    """Status code -> the account's latest granted delay of that kind."""
    kinds = {spec.kind: spec.status for spec in KINDS}
    found: dict[str, Application] = {}
    for app in session.scalars(select(Application).where(
            Application.account_id == account_id, Application.kind.in_(kinds), Application.status == FINISHED)
            .order_by(Application.id.desc())):
        payload = app.payload if isinstance(app.payload, dict) else {}
        if payload.get("until") and kinds[app.kind] not in found:
            found[kinds[app.kind]] = app
    return found


def _pending(session: Session, lic: DrivingLicence, latest: dict[str, Application]) -> dict[str, date]:
    found: dict[str, date] = {}
    for code, app in latest.items():
        begins = app.payload.get("from")
        if not begins or code in lic.status or LAPSES_TO[code] in lic.status:
            continue
        begins = date.fromisoformat(begins)
        if code == KINDS[0].status and app.payload.get("valid_to") != (lic.valid_to and lic.valid_to.isoformat()):
            continue
        if code == KINDS[2].status and finished_in_cycle(session, lic.account_id, UNDER_WAY[code].kind,
                                                         (app.created_at.date(), begins + timedelta(days=1))):
            continue
        found[code] = begins
    return found


def status_today(lic: DrivingLicence, delays: Delays, today: date) -> str:
    """The licence's status with each granted delay whose day has come, as settle will write it (a
    reader in a read transaction, after midnight, before the next sign-in). ``delays``: delays_of
    the licence."""
    return begun_status(lic.status, delays.pending, today)


def valid_to_text(lic: DrivingLicence, delays: Delays, today: date) -> str:
    """The licence's 有效期至 as a citizen's service says it over its form (驾驶证补换领, the 延期
    services): with a 延期换证 granted (running, or waiting for the expiry), the date it was granted to,
    as the e-licence card says it (2027-02-01（延期至2028-06-30）); the bare date alone read as a
    licence run out (tester). ``delays``: delays_of the licence."""
    delayed = running_delays(lic.status, delays.granted, today, delays.pending).get(KINDS[0].status)
    return f"{lic.valid_to:%Y-%m-%d}" + (delayed_to_text(delayed) if delayed else "")


def status_delayed_text(status: str, running: dict[str, date]) -> str:
    """The licence's 状态 as the e-licence card says it: 延期体检 and 延期审验 each followed by the day it
    was granted to while it runs (延期体检（延期至2028-01-01）); 延期换证's day goes with 有效期至
    (valid_to_text). Only a status the licence shows. ``running``: running_delays of the licence."""
    renewal = KINDS[0].status
    return status_text(status, {c: delayed_to_text(until) for c, until in running.items() if c != renewal and c in status})
