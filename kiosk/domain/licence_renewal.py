"""驾驶证补换领 rules (seed 002 section 二; RULES.md; L162): who may apply for which kind, the
期满换证 window, the 身体条件证明's age and the validity period of the new licence."""
from __future__ import annotations

from datetime import date, timedelta

from .dates import anniversary
from .errors import DomainError
from .licence import STATUS_NAMES
from .typed import compact

RENEWAL_DAYS_BEFORE = 90  # 期满换证: within 90 days before the licence expires
OVERDUE_YEARS = 1  # more than a year past its expiry the licence is cancelled (注销): counter only
CERT_MONTHS = 6  # a 身体条件证明 is valid 6 months from the medical examination
CERT_NO_LEN = (6, 30)  # the 身体条件证明's number: 6-30 letters or digits
# A licence with one of these is no licence one can replace, renew or delay online.
CLOSED = "CEFGJL"  # 转出 撤销 吊销 注销 停止使用 锁定
HELD = "DKU"  # 暂扣 扣押 扣留: the card is with the police
FIRST_YEARS, SECOND_YEARS = 6, 10  # then 长期 (None)


def names(status: str, codes: str) -> str:
    return "、".join(STATUS_NAMES[c] for c in codes if c in status)


def closed_refusal(status: str) -> str | None:
    """Why a licence with ``status`` can have no online licence service at all, or None."""
    found = names(status, CLOSED)
    if not found:
        return None
    return f"您的驾驶证状态为{found}，不能办理此业务，请联系驾驶证发证地公安交管部门"


def clean_certificate_no(raw: str, field: str = "cert_no") -> str:
    """The 身体条件证明's number typed (spaces and full-width forms folded, letters upper-cased), or
    why it is not one: a character that is no letter or digit is named, not counted as one (tester:
    2026-12-10 was 应为6-30位字母或数字（您输入了10位）)."""
    number = compact(raw).upper()
    low, high = CERT_NO_LEN
    if not number:
        raise DomainError(f"请输入身体条件证明上的编号（{low}-{high}位字母或数字）", field)
    wrong = "".join(dict.fromkeys(c for c in number if not (c.isascii() and c.isalnum())))
    if wrong:
        raise DomainError(f"身体条件证明编号只能包含字母或数字，请检查：{wrong}", field)
    if not low <= len(number) <= high:  # typed: not 请输入 (tester)
        raise DomainError(f"身体条件证明编号应为{low}-{high}位字母或数字（您输入了{len(number)}位），"
                          "请核对证明上的编号", field)
    return number


def reissue_refusal(status: str, next_step: bool = True) -> str | None:
    """补领 (a lost card) is refused while the licence is 扣押/扣留/暂扣 (RULES.md); the citizen is
    told what to do then (tester: the refusal said nothing of it): apply once the 暂扣 is over (the
    扣押 or 扣留 lifted), or ask at a window. ``next_step`` False: the refusal alone (the counter's)."""
    found = names(status, HELD)
    if not found:
        return None
    refusal = f"驾驶证处于{found}期间，不能申请补领"
    if not next_step:
        return refusal
    ends = "期满" if found == STATUS_NAMES["D"] else "解除"
    return f"{refusal}，{found}{ends}后可申请补领，或到车管所窗口咨询"


def renewal_refusal(today: date, valid_to: date, delayed: bool = False) -> str | None:
    """期满换证 opens 90 days before the expiry date; more than a year after it, only at a counter,
    unless the renewal was delayed (延期换证: the delay, at most 3 years, covers that time)."""
    opens = valid_to - timedelta(days=RENEWAL_DAYS_BEFORE)
    if today < opens:
        return (f"驾驶证有效期至{valid_to:%Y-%m-%d}，有效期满前90日内方可申请期满换证，"
                f"请于{opens:%Y-%m-%d}起申请")
    if not delayed and today > anniversary(valid_to, OVERDUE_YEARS):
        return "驾驶证有效期满已超过一年，不能在线换证，请到车管所窗口办理"
    return None


def overdue_refusal(today: date, valid_to: date, delayed: bool = False) -> str | None:
    """补领 / 换领 / 转入 of a licence more than a year past its expiry: counter only, as 期满换证
    (unless 延期换证 was granted)."""
    if delayed or today <= anniversary(valid_to, OVERDUE_YEARS):
        return None
    return "驾驶证有效期满已超过一年，不能在线补领、换领或转入，请到车管所窗口办理"


def overdue_all_refusal(today: date, valid_to: date, delayed: bool = False) -> str | None:
    """More than a year past the expiry date (no 延期换证): none of 补领, 换领, 期满换证 or 转入 online,
    said before the form (the 延期 services' wording)."""
    last = anniversary(valid_to, OVERDUE_YEARS)
    if delayed or today <= last:
        return None
    return (f"驾驶证有效期至{valid_to:%Y-%m-%d}，有效期满一年后（{last:%Y-%m-%d}以后）不能在线补领、换领、"
            "期满换证或转入，请到车管所窗口办理。")


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier); the month's last day when it has no such day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def certificate_refusal(examined_on: date, today: date) -> str | None:
    """A 身体条件证明 from a medical examination on ``examined_on`` is valid 6 months."""
    if examined_on > today:
        return "体检日期不能晚于今天"
    last_day = add_months(examined_on, CERT_MONTHS)  # counted from the next day: 06-02 -> 12-02 inclusive
    if today > last_day:
        return (f"身体条件证明自体检之日起6个月内有效，该证明有效期至{last_day:%Y-%m-%d}，已过期，"
                "请到医疗机构体检网点重新体检")
    return None


EXAMPLE_DAYS_AGO = 3


def example_examined_on(today: date) -> date:
    """A 体检日期 certificate_refusal accepts ``today``, shown as the field's example: a few days ago."""
    return today - timedelta(days=EXAMPLE_DAYS_AGO)


def years_between(start: date, end: date) -> int:
    """Whole years from ``start`` to ``end`` (a 6-year period ends on the 6th anniversary)."""
    years = end.year - start.year
    return years - 1 if anniversary(start, years) > end else years


def next_validity(valid_from: date, valid_to: date, full_score: bool = False) -> tuple[date, date | None]:
    """The period of the licence a 期满换证 issues (L162 Art 9, 68): the first licence is valid
    6 years, the next 10, then 长期 (None); a holder who had a full score (满分) in the period gets
    one as long as the old one again. It starts on the old expiry date."""
    old = years_between(valid_from, valid_to)
    if full_score:
        years = old
    elif old < SECOND_YEARS:
        years = SECOND_YEARS
    else:
        return valid_to, None
    return valid_to, anniversary(valid_to, years)


def validity_text(valid_to: date | None) -> str:
    return "长期" if valid_to is None else f"{valid_to:%Y-%m-%d}"
