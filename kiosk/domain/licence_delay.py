"""延期换证 / 延期提交身体证明 / 延期审验 (seed 002 sections 十八-二十; RULES.md; L162):
a reason is required; applied for within the licence's validity or up to a year after it ended;
at most 3 years of delay; no driving during the delay. Granting sets a status code, from the day
what is put off falls due (starts_on): a 延期换证 granted years before the expiry leaves the licence
正常 until then. A delay puts off something the driver cannot do in time: while an application
doing that very thing is being handled (a 期满换证, a 审验教育), there is nothing to put off
(under_way_refusal)."""
from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import anniversary
from .review_education import takes_review
from .titles import of_title

MAX_YEARS = 3
AFTER_EXPIRY_YEARS = 1
NO_DRIVING = "延期期间不得驾驶机动车"
REASONS = ("服兵役", "出国（境）", "因病（伤）住院治疗", "其他正当理由")
# 身体条件证明 every year: holders of 大中型客货车 classes (A1 A2 A3 B1 B2), 无轨电车 (N) or 有轨电车 (P),
# and drivers aged 70 or over (L162 Art 75).
MEDICAL_CLASSES = ("A1", "A2", "A3", "B1", "B2", "N", "P")
MEDICAL_AGE = 70


@dataclass(frozen=True)
class DelayKind:
    kind: str
    title: str  # as the seed's menu says it
    status: str  # the licence status code while delayed
    what: str  # what is put off, in a sentence


KINDS = (
    DelayKind("licence_delay_renewal", "延期换领驾驶证", "N", "换领驾驶证"),
    DelayKind("licence_delay_medical", "延期提交身体证明", "P", "提交身体条件证明"),
    DelayKind("licence_delay_review", "延期驾驶证审验", "T", "参加驾驶证审验"),
)


@dataclass(frozen=True)
class UnderWay:
    """An application that does what a delay puts off: of ``kind`` (and of ``sub_kind`` in its
    payload's "kind", when given), named ``name`` to the citizen; ``delay`` names the delay."""

    kind: str
    sub_kind: str | None
    name: str
    delay: str
    hint: str = ""  # what to do if the delay is needed all the same


# Status code of the delay -> the application that makes it pointless while it is 受理中.
# 延期审验: the 审验教育 is the driver's part of the 审验 (seed 002 section 六, review_education);
# one applied for and not yet finished means the driver is taking the 审验, not putting it off.
UNDER_WAY = {
    "N": UnderWay("licence_replace", "renew", "期满换证", "延期换证"),
    "T": UnderWay("review_education", None, "驾驶人审验教育", "延期审验",
                  "如因故不能按期参加审验教育，请到车管所窗口撤回该申请后再申请延期。"),
}


def under_way_refusal(kind: DelayKind, serial_no: str | None) -> str | None:
    """Why ``kind`` is refused while the application ``serial_no`` (the UNDER_WAY one of its
    kind, 受理中; None when there is none) is being handled."""
    what = UNDER_WAY.get(kind.status)
    if what is None or serial_no is None:
        return None
    return f"您的{of_title(what.name)}（业务流水号{serial_no}）正在办理，无需{what.delay}。{what.hint}"


def done_refusal(kind: DelayKind, serial_no: str | None, finished_on: date | None,
                 cycle: str = "本记分周期") -> str | None:
    """Why 延期审验 is refused once the 审验教育 of the 记分周期 under review (named ``cycle``: the
    application ``serial_no``, finished on ``finished_on``; None when there is none) is finished: the
    审验 it would put off is done (tester: a delay with 延期期间不得驾驶机动车 was granted after it)."""
    what = UNDER_WAY.get(kind.status)
    if kind.status != "T" or what is None or serial_no is None or finished_on is None:
        return None
    return f"{cycle}的{what.name}已完成（业务流水号{serial_no}，{finished_on:%Y-%m-%d}办结），无需{what.delay}。"


def window_refusal(today: date, valid_to: date) -> str | None:
    """A delay is applied for within the validity or up to a year after the expiry date.
    (The refusals here are said before the form, alone: each a whole sentence, ending with 。)"""
    last = anniversary(valid_to, AFTER_EXPIRY_YEARS)
    if today > last:
        return (f"驾驶证有效期至{valid_to:%Y-%m-%d}，有效期满一年后（{last:%Y-%m-%d}以后）不能申请延期，"
                "请到车管所窗口办理。")
    return None


def due_refusal(kind: DelayKind, classes: tuple[str, ...], age: int, *,
                points: int, status: str) -> str | None:
    """Whether the driver has what ``kind`` puts off: 换证 every driver has, at any time of the
    validity (L162 Art 75, RULES.md: one leaving now for years of 服兵役 is not in the hall when
    期满换证 opens; the status waits for the expiry: starts_on), 身体证明 only for MEDICAL_CLASSES
    or from 70, 审验 only for the classes that take it (review_education.takes_review), and not for
    a cycle without points (``points`` in the current 记分周期), which is 免予审验 (L162 Art 70),
    unless the licence is already 逾期未审验 (``status`` has S): that 审验 is owed whatever this
    cycle holds."""
    if kind.status == "P":
        if not set(classes) & set(MEDICAL_CLASSES) and age < MEDICAL_AGE:
            # N and P are trolleybus and tram, not 大中型客货车: named apart (tester)
            return ("您的准驾车型不含大中型客货车（A1、A2、A3、B1、B2）、无轨电车（N）或有轨电车（P），且未满70周岁，"
                    "无需每年提交身体条件证明，无需申请延期。")
    elif kind.status == "T" and not takes_review(classes):
        return ("您的准驾车型不含大型客车、重型牵引挂车、城市公交车、中型客车、大型货车，"
                "无需参加驾驶证审验，无需申请延期。")
    elif kind.status == "T" and points <= 0 and OVERDUE_REVIEW not in status:
        return "本记分周期没有记分记录，免予本记分周期审验，无需申请延期审验。"
    return None


OVERDUE_REVIEW = "S"  # 逾期未审验


def refusal(kind: DelayKind, today: date, valid_to: date, classes: tuple[str, ...], age: int, *,
            points: int, status: str) -> str | None:
    """Why ``kind`` cannot be applied for now, first things first: a driver who never has to do
    what ``kind`` puts off (class, and age for the 身体证明) is told so before anything about the
    dates, however long the licence has expired: sending him to a counter for a delay he needs at
    no time would be wrong. Then the one-year window after the expiry."""
    return (due_refusal(kind, classes, age, points=points, status=status)
            or window_refusal(today, valid_to))


def latest_until(today: date, valid_to: date, kind: DelayKind) -> date:
    """The last day a delay may reach: 3 years after the expiry date for 延期换证 (the renewal
    is what is put off), 3 years after today for the other two."""
    start = valid_to if kind.status == "N" else today
    return anniversary(start, MAX_YEARS)


def example_until(today: date, valid_to: date, kind: DelayKind, review_due: date | None = None) -> date | None:
    """A 延期至 the form accepts (until_refusal), shown as the field's example: a year after the day
    the delay must pass (today, the expiry for 延期换证, the 审验's last day ``review_due``), at most the
    latest allowed (latest_until). A fixed 2028-06-30 was refused for 刘洋, valid to 2036 (tester:
    an elderly user copies the example). None when no day is accepted."""
    after = max(today, valid_to if kind.status == "N" else today, review_due or today)
    example = min(anniversary(after, 1), latest_until(today, valid_to, kind))
    return example if example > after else None


def starts_on(kind: DelayKind, today: date, valid_to: date, review_due: date | None = None) -> date:
    """The first day a delay granted ``today`` holds, and the licence shows its status: the day what
    it puts off falls due. 延期换证: the day after the expiry date (刘洋, valid to 2036, granted one in
    2026 was shown 延期换证 by 电子驾驶证核验 ten years early: tester); 延期审验: the day after the
    审验's last day ``review_due`` (None: overdue already). Today when that day has come. 延期体检:
    today (the kiosk keeps no date the 身体条件证明 falls due)."""
    due = valid_to if kind.status == "N" else review_due if kind.status == "T" else None
    return max(today, due + timedelta(days=1)) if due is not None else today


def until_refusal(until: date, today: date, valid_to: date, kind: DelayKind,
                  review_due: date | None = None, cycle: str = "本记分周期") -> str | None:
    """``review_due`` (延期审验): the last day of the 审验 in question (of the 记分周期 named ``cycle``);
    a delay ending by then puts off nothing."""
    if until <= today:
        return "延期截止日期须晚于今天"
    if kind.status == "N" and until <= valid_to:
        return f"延期换证的截止日期须晚于驾驶证有效期满日期{valid_to:%Y-%m-%d}"
    if kind.status == "T" and review_due is not None and until <= review_due:
        return f"延期审验的截止日期须晚于{cycle}的审验截止日期{review_due:%Y-%m-%d}"
    latest = latest_until(today, valid_to, kind)
    if until > latest:
        return f"延期最长不超过3年，截止日期最晚为{latest:%Y-%m-%d}"
    return None


def with_status(status: str, code: str) -> str:
    """``status`` with ``code`` added ('A' 正常 gives way to it)."""
    codes = status.replace("A", "")
    return codes if code in codes else codes + code


def without_status(status: str, drop: str) -> str:
    """``status`` without the codes in ``drop``; 'A' 正常 when nothing is left."""
    return "".join(c for c in status if c not in drop) or "A"


# A delay that has run out turns into the overdue status it put off (RULES.md: the 延期 statuses
# hold only inside their period): 延期换证 -> 逾期未换证, 延期体检 -> 逾期未体检, 延期审验 -> 逾期未审验.
LAPSES_TO = {"N": "M", "P": "R", "T": "S"}


def lapsed_status(status: str, delays: dict[str, date], today: date) -> str:
    """``status`` with every delay whose date has passed (``delays``: status code -> the date the
    delay was granted to) replaced by its overdue code; unchanged when none has."""
    for code, overdue in LAPSES_TO.items():
        until = delays.get(code)
        if code in status and until is not None and today > until:
            status = with_status(without_status(status, code), overdue)
    return status


def begun_status(status: str, pending: dict[str, date], today: date) -> str:
    """``status`` with each granted delay whose status was waiting (``pending``: status code -> the
    day it begins, starts_on) and has come added; unchanged when none has."""
    for code, begins in pending.items():
        if today >= begins:
            status = with_status(status, code)
    return status


def delay_notes(status: str, delays: dict[str, date], today: date,
                pending: dict[str, date] | None = None) -> list[str]:
    """What the licence's delays say today, for 我的驾驶证: one line per delay (``delays``: status
    code -> the date the delay was granted to) that the status still shows, running or run out
    (its overdue code then: the status stays so until the renewal, the certificate or the review is done),
    or granted and not begun yet (``pending``: status code -> the day it begins, starts_on)."""
    notes = []
    for spec in KINDS:
        until = delays.get(spec.status)
        if until is None:
            continue
        begins = (pending or {}).get(spec.status)
        if begins is not None and today < begins:
            notes.append(f"{spec.title}至{until:%Y-%m-%d}（自{begins:%Y-%m-%d}起），{NO_DRIVING}")
            continue
        shown = spec.status in status or begins is not None  # begun, or its day come before a sign-in said so
        if shown and today <= until:
            notes.append(f"{spec.title}至{until:%Y-%m-%d}，{NO_DRIVING}")
        elif today > until and (shown or LAPSES_TO[spec.status] in status):
            notes.append(f"{spec.title}已于{until:%Y-%m-%d}到期，请及时{spec.what}")
    return notes


def running_delays(status: str, delays: dict[str, date], today: date,
                   pending: Container[str] = ()) -> dict[str, date]:
    """Status code -> the day each delay the status shows (or ``pending``: granted, its status not
    begun yet: starts_on) and still running (``today`` up to its end) was granted to: the e-licence
    card says each (delayed_to_text): 延期换证 next to 有效期限, which alone read as a licence run out
    (2027-02-01) while it is 延期至2028-06-30; the other two in 状态 (once the status shows them)."""
    return {spec.status: until for spec in KINDS
            if (until := delays.get(spec.status)) is not None and (spec.status in status or spec.status in pending)
            and today <= until}


def delayed_to_text(until: date) -> str:
    """What follows a date a delay puts off (有效期至2027-10-24, 状态：延期审验), in its format:
    （延期至2028-06-30）."""
    return f"（延期至{until:%Y-%m-%d}）"

