"""申请新车临时号牌 (seed 002, section 十五): the rules of a 临时行驶车号牌 for a new vehicle.

《机动车登记规定》 (公安部令第164号), Art. 52-54: a new vehicle not yet registered may get a
临时行驶车号牌 to be driven (to the place of registration, for its inspection and the like); each
one is valid at most 30 days when used at the place of purchase or registration, a vehicle gets
at most 3 of them, and the validity may not run beyond its 交强险 (RULES.md: "临时号牌: <=30 days,
at most 3 issues, never beyond 交强险"). The 12123 online flow issues an electronic temporary
plate at once after the owner gives the vehicle's 车辆识别代号 (VIN, from the 机动车整车出厂合格证
and the 购车发票) and picks the first day and the number of days.

Choices made here (not in the regulation): the first day is today or up to START_AHEAD_DAYS
ahead; a new plate starts only after the vehicle's last one has run out (two valid temporary
plates at once would let one vehicle drive under two numbers)."""
from __future__ import annotations

from datetime import date, timedelta

from .errors import DomainError
from .typed import compact

MAX_DAYS = 30  # 公安部令第164号 Art. 53: at most 30 days (购买地/注册登记地)
MAX_ISSUES = 3  # Art. 54: at most 3 times per vehicle
START_AHEAD_DAYS = 7  # the first day: today .. 7 days ahead
VIN_LEN = 17

# ISO 3779 / GB 16735 (车辆识别代号): the value of each letter (I, O and Q are never used), the
# weight of each position; position 9 is the check digit: the weighted sum mod 11 (10 is X).
_LETTER_VALUES = {**dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
                  **dict(zip("STUVWXYZ", range(2, 10)))}
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
VIN_CHARS = frozenset("0123456789") | frozenset(_LETTER_VALUES)


def vin_check_char(vin: str) -> str:
    """The check digit (position 9) the 17 characters of ``vin`` call for (its own 9th is ignored)."""
    total = sum((int(c) if c.isdigit() else _LETTER_VALUES[c]) * w for c, w in zip(vin, _WEIGHTS))
    return "X" if total % 11 == 10 else str(total % 11)


def with_check_char(first8: str, last8: str) -> str:
    """A VIN made of its first 8 and last 8 characters with the right check digit between them."""
    return first8 + vin_check_char(first8 + "0" + last8) + last8


def clean_vin(raw: str, field: str = "vin") -> str:
    """The VIN typed (spaces and full-width forms folded, letters upper-cased), or why it is not one."""
    vin = compact(raw).upper()
    if not vin:
        raise DomainError("请输入车辆识别代号（见机动车整车出厂合格证）", field)
    if len(vin) != VIN_LEN:
        raise DomainError(f"车辆识别代号应为{VIN_LEN}位（现为{len(vin)}位）", field)
    wrong = sorted({c for c in vin if c not in VIN_CHARS})
    if wrong:
        raise DomainError(f"车辆识别代号只含数字和字母（不含I、O、Q），请检查：{''.join(wrong)}", field)
    if vin[8] != vin_check_char(vin):
        raise DomainError("车辆识别代号校验位（第9位）不符，请对照合格证核对", field)
    return vin


def clean_days(raw: str, field: str = "days") -> int:
    text = compact(raw)
    if not text.isdigit():
        raise DomainError(f"请输入有效天数（1-{MAX_DAYS}天）", field)
    days = int(text)
    if not 1 <= days <= MAX_DAYS:
        raise DomainError(f"有效天数为1-{MAX_DAYS}天", field)
    return days


def start_refusal(start: date, today: date, last_valid_to: date | None) -> str:
    """Why the validity cannot start on ``start`` ('' when it can)."""
    if start < today:
        return "起始日期不能早于今天"
    if start > today + timedelta(days=START_AHEAD_DAYS):
        return f"起始日期最晚为{today + timedelta(days=START_AHEAD_DAYS):%Y-%m-%d}（{START_AHEAD_DAYS}天内）"
    if last_valid_to is not None and start <= last_valid_to:
        return f"该车上一副临时号牌有效期至{last_valid_to:%Y-%m-%d}，起始日期须在其后"
    return ""


def valid_to(start: date, days: int) -> date:
    """The last day of a plate valid ``days`` days from ``start`` (both days counted)."""
    return start + timedelta(days=days - 1)


def end_refusal(start: date, days: int, insurance_due: date) -> str:
    """Never beyond the 交强险 (Art. 53): '' when the last day is within it."""
    if valid_to(start, days) > insurance_due:
        most = (insurance_due - start).days + 1
        return (f"有效期不能超过交强险有效期（{insurance_due:%Y-%m-%d}），"
                + (f"从该日起最多{most}天" if most >= 1 else "请先续保交强险"))
    return ""


def first_start(today: date, last_valid_to: date | None) -> date:
    """The earliest first day of a new plate: today, or the day after the last plate runs out."""
    return max(today, last_valid_to + timedelta(days=1)) if last_valid_to else today


def example_start(today: date, last_valid_tos: list[date | None]) -> date:
    """A first day start_refusal accepts ``today`` for each of the vehicles whose last plates ran to
    ``last_valid_tos`` (None: none issued), shown as the field's example: the latest of their
    first_start (today when none has a plate running). Each vehicle still open to a plate
    (vehicle_refusals) has its first_start within START_AHEAD_DAYS."""
    return max([first_start(today, last) for last in last_valid_tos], default=today)


def vehicle_refusals(issued: int, insurance_due: date, today: date, last_valid_to: date | None = None) -> list[str]:
    """Why a vehicle cannot have another temporary plate now, whatever is typed."""
    found = []
    if issued >= MAX_ISSUES:
        found.append(f"该车已核发{issued}次临时号牌，每辆车最多核发{MAX_ISSUES}次，请办理注册登记")
    elif last_valid_to is not None and first_start(today, last_valid_to) > today + timedelta(days=START_AHEAD_DAYS):
        found.append(f"该车临时号牌有效期至{last_valid_to:%Y-%m-%d}，"
                     f"可于{last_valid_to - timedelta(days=START_AHEAD_DAYS - 1):%Y-%m-%d}起申请下一副")
    if insurance_due < today:
        found.append(f"交强险已于{insurance_due:%Y-%m-%d}到期，请先续保")
    return found


# Temporary plate numbers (decided here, GA 36 not at hand): the province's abbreviation and the
# issuing DMV's letter, then 4 digits or letters (I and O left out, as on plates): 渝A3K7Q.
# Six characters, so never the number of a registered vehicle (7, new energy 8).
PLATE_SERIAL_CHARS = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
PLATE_SERIAL_LEN = 4
