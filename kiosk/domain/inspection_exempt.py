"""免检车申领检验标志 (seed 002, section 九): which vehicle may apply online for its 检验合格标志
without an on-site inspection, and when.

The rule is that of the 2022 reform of vehicle inspection (公安部、国家市场监督管理总局《关于深化
机动车检验制度改革优化车检服务工作的意见》, in force from 2022-10-01): a 非营运小微型载客汽车
(面包车除外) is exempt from on-site inspection (免予上线检验) for 10 years from its first
registration, except in the 6th and the 10th year ("私家车10年内只需上线检验2次"). Its inspection
falls due every two years: in the 2nd, the 4th and the 8th year of registration its owner applies
for the 检验标志 online without an inspection (免检), provided its 交强险 is valid and its traffic
violations are handled (RULES.md: "inspection mark needs valid 交强险 and handled violations"); in
the 6th and the 10th year it is inspected at an inspection station (上线检验). After the 10th year
it is inspected at an inspection station every year. Any other vehicle (营运, a truck, a 面包车 ...)
is inspected at a station.

The mark is applied for within the three months before the inspection expires (《机动车登记规定》，
公安部令第164号: 机动车所有人可以在机动车检验有效期满前三个月内向登记地车辆管理所申请检验合格标志; 令第124号
第四十九条 said the same): from the day three months before 检验有效期至, counted as calendar months
(民法典第二百零二条: with no such day in that month, its last day: due 2027-05-31, from 2027-02-28).

Left out: the reform also refuses a vehicle that had an accident with casualties (发生过造成人员
伤亡的交通事故); the kiosk keeps no accident records, so that condition is not checked here.

Year n of registration runs from the (n-1)th anniversary of the first registration to the day
before the nth (registered 2021-03-15: the 6th year is 2026-03-15 to 2027-03-14); a 2月29日
registration has its anniversaries on 3月1日 in common years. The inspection of the nth year is due
on the nth anniversary (registered 2021-03-15: the 4th year's on 2025-03-15), so the three months
before it fall in the nth year; a mark makes it due on the (n+2)th.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .dates import add_months, anniversary

NON_OPERATING = "非营运"  # 使用性质 of a private car; 营运 vehicles are always inspected at a station
USE_NATURES = (NON_OPERATING, "营运")
# 小型、微型载客汽车 (面包车 are not among them: 小型面包车 and 微型面包车 are inspected at a station).
SMALL_PASSENGER = frozenset({"小型轿车", "微型轿车", "小型普通客车", "微型普通客车", "小型越野客车",
                             "微型越野客车", "小型新能源汽车"})
MARK_YEARS = (2, 4, 8)  # the years of registration in which the mark is applied for online (免检)
EXEMPT_YEARS = 10
INSPECT_YEARS = (6, EXEMPT_YEARS)  # the years within the 10 inspected at a station (上线检验)
WINDOW_MONTHS = 3  # applied for within the 3 months before the inspection expires
GO_INSPECT = "请到机动车检验机构进行安全技术检验"


@dataclass(frozen=True)
class Vehicle:
    """What the rule needs to know of a vehicle."""

    vehicle_type: str
    use_nature: str
    registered_on: date | None  # 初次登记日期 (None: not on record)
    inspection_due: date
    insurance_due: date
    unhandled_violations: int = 0


def year_of_registration(registered_on: date, today: date) -> int:
    """1 in the first year after the first registration, 6 from its 5th anniversary, and so on."""
    years = today.year - registered_on.year
    return years + 1 if anniversary(registered_on, years) <= today else years


def window_year(registered_on: date, inspection_due: date, today: date) -> int:
    """The year of registration whose mark ``today`` is for: its own year of registration, except on
    the day the inspection is due (检验有效期至, its last valid day: the nth anniversary, where the
    (n+1)th year begins), which still belongs to the nth year's window."""
    return year_of_registration(registered_on, today - timedelta(days=1) if today == inspection_due else today)


def mark_year_span(registered_on: date, year: int) -> tuple[date, date]:
    """The first and the last day of the ``year``-th year of registration."""
    return anniversary(registered_on, year - 1), anniversary(registered_on, year) - timedelta(days=1)


def exempt(vehicle_type: str, use_nature: str) -> bool:
    """A 非营运小微型载客汽车 (面包车除外): the kind of vehicle the online mark is for."""
    return use_nature == NON_OPERATING and vehicle_type in SMALL_PASSENGER


def next_due(registered_on: date, year: int) -> date:
    """The inspection due date the mark of the ``year``-th year (2, 4 or 8) gives: two years on, the
    anniversary of the next year its inspection is due (the 4th, the 6th, the 10th)."""
    return anniversary(registered_on, year + 2)


def window_opens(inspection_due: date) -> date:
    """The first day the mark may be applied for: three calendar months before ``inspection_due``."""
    return add_months(inspection_due, -WINDOW_MONTHS)


def refusals(v: Vehicle, today: date) -> list[str]:
    """Why ``v`` may not have its 检验标志 online today, each with what to do instead; [] when it may."""
    if not exempt(v.vehicle_type, v.use_nature):
        kind = "面包车" if "面包车" in v.vehicle_type else f"{v.use_nature}{v.vehicle_type}"
        return [f"该车为{kind}，不属于免检车辆（非营运小微型载客汽车，面包车除外），{GO_INSPECT}"]
    if v.registered_on is None:
        return [f"该车初次登记日期无记录，无法确定是否在免检期内，{GO_INSPECT}"]
    year = window_year(v.registered_on, v.inspection_due, today)
    if year > EXEMPT_YEARS:
        return [f"该车注册登记已超过{EXEMPT_YEARS}年（{v.registered_on:%Y-%m-%d}初次登记），"
                f"不再免予上线检验，{GO_INSPECT}"]
    if year not in MARK_YEARS:
        if v.inspection_due < today:
            return [f"该车检验有效期已于{v.inspection_due:%Y-%m-%d}届满，{GO_INSPECT}"]
        if year in INSPECT_YEARS and v.inspection_due <= anniversary(v.registered_on, year):
            return [f"该车为注册登记第{year}年，免检车第6年、第10年须上线检验，不能申领检验标志，{GO_INSPECT}"]
        coming = next((y for y in sorted(MARK_YEARS + INSPECT_YEARS) if y > year), None)
        if coming is None:  # inspected at a station in its 10th year already
            return [f"该车检验有效期至{v.inspection_due:%Y-%m-%d}，注册登记满{EXEMPT_YEARS}年后每年上线检验，"
                    f"届时{GO_INSPECT}"]
        first, last = mark_year_span(v.registered_on, coming)
        if coming in INSPECT_YEARS:
            return [f"该车为注册登记第{year}年，免检车第6年、第10年须上线检验，不能申领检验标志，"
                    f"请于{first:%Y-%m-%d}至{last:%Y-%m-%d}（第{coming}年）期间到机动车检验机构进行安全技术检验"]
        return [f"该车为注册登记第{year}年，免检车在第2年、第4年、第8年申领检验标志，"
                f"请于{first:%Y-%m-%d}至{last:%Y-%m-%d}（第{coming}年）期间申领"]
    if v.inspection_due >= next_due(v.registered_on, year):
        return [f"该车第{year}年的检验标志已申领，检验有效期至{v.inspection_due:%Y-%m-%d}，无需再次申领"]
    found = []
    opens = window_opens(v.inspection_due)
    if today < opens:
        found.append(f"该车检验有效期至{v.inspection_due:%Y-%m-%d}，免检车在检验有效期满前三个月内申领检验标志，"
                     f"请于{opens:%Y-%m-%d}起申领")
    if v.insurance_due < today:
        found.append(f"该车交强险已于{v.insurance_due:%Y-%m-%d}到期，请先续保交强险")
    if v.unhandled_violations > 0:
        found.append(f"该车有{v.unhandled_violations}起交通违法未处理，请先处理")
    return found
