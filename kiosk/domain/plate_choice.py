"""新车选号 and 在用车选号 (seed 002, sections 十二 and 十三): the plate number rules.

RULES.md: "新车选号: random choice from a shown set or a self-composed number by the plate rule.
在用车选号: keep the old number within 2 years if used >=1 year." The kinds (号牌种类) the seed
names: 小型汽车, 小型新能源汽车, 大型新能源汽车.

Plate numbers (GA 36-2018, as RULES.md gives it): the province's abbreviation and the issuing DMV's
letter (渝A), then the serial: 小型汽车 5 characters from digits and letters without I and O;
小型新能源汽车 6: D (纯电动) or F (非纯电动) first, a letter or digit, then 4 digits; 大型新能源汽车 6:
5 digits, then D or F.

Choices made here where GA 36 was not at hand to check: a self-composed 小型汽车 serial has at most
2 letters (MAX_OWN_LETTERS, the common 自编自选 rule); the random set draws numbers of the same
shapes (小型汽车 with 0-2 letters); the new-energy letter follows the car's fuel: 纯电动 D, every
other new-energy fuel (插电式混合动力, 燃料电池...) F.

Keeping the old number (保留原号牌): the car was registered to the owner at least KEEP_USED_YEARS
(1) year before the day of its 过户 or 转入, and the application is made within KEEP_WITHIN_YEARS
(2) years from that day (the 2 years count from the 过户/转入 date, when the old number stopped
being the owner's to use, as a number is reserved for 2 years after a 转移/注销 登记)."""
from __future__ import annotations

import random
from datetime import date

from .dates import anniversary
from .errors import DomainError
from .plates import PROVINCES
from .typed import compact

SMALL, SMALL_NEV, LARGE_NEV = "小型汽车", "小型新能源汽车", "大型新能源汽车"
KINDS = (SMALL, SMALL_NEV, LARGE_NEV)
DIGITS = "0123456789"
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I, no O
SERIAL_CHARS = DIGITS + LETTERS
NEV_LETTERS = "DF"
MAX_OWN_LETTERS = 2
POOL_SIZE = 50
KEEP_USED_YEARS, KEEP_WITHIN_YEARS = 1, 2
RANDOM, OWN, KEEP = "随机选号", "自编自选", "保留原号牌"


def serial_len(kind: str) -> int:
    return 5 if kind == SMALL else 6


def energy_letter(fuel: str) -> str:
    """D for a 纯电动 car, F for any other new-energy one (插电式混合动力, 燃料电池...)."""
    return "D" if fuel == "纯电动" else "F"


def kind_refusal(kind: str) -> str:
    """Why a car of 号牌种类 ``kind`` cannot choose its number online ('' when it can)."""
    if kind in KINDS:
        return ""
    return f"{kind or '该车型'}不能网上选号（网上选号限小型汽车、小型新能源汽车、大型新能源汽车）"


def kind_of_registered(vehicle_type: str, plate: str) -> str:
    """The 号牌种类 of a registered car from its type and its number: 8 characters are new energy
    (D/F after 渝A: small; D/F last: large); 7 are 小型汽车 for a 小型/微型 car or a 轿车, else 大型汽车."""
    serial = plate[2:]
    if len(serial) == 6 and serial[0] in NEV_LETTERS:
        return SMALL_NEV
    if len(serial) == 6 and serial[-1] in NEV_LETTERS:
        return LARGE_NEV
    small = any(w in vehicle_type for w in ("小型", "微型", "轿车"))
    return SMALL if small else "大型汽车"


def letter_of(kind: str, plate: str) -> str:
    """The new-energy letter on a registered new-energy number ('' for 小型汽车)."""
    return "" if kind == SMALL else (plate[2] if kind == SMALL_NEV else plate[-1])


def example(kind: str, letter: str = "", prefix: str = "", taken: frozenset[str] | set[str] = frozenset()) -> str:
    """A serial of ``kind`` that follows the rule (the form's example): 8K2B6 (DA1234, 12345D), or,
    when ``prefix`` with it is ``taken`` (tester: typing the example got 已被使用), the first one free
    with its digits changed, last digit first (8K2B7, 8K2B8 ...). A digit for a digit keeps the rule."""
    base = {SMALL: "8K2B6", SMALL_NEV: f"{letter}A1234"}.get(kind, f"12345{letter}")
    spots = [i for i, c in enumerate(base) if c.isdigit()]
    size = 10 ** len(spots)
    start = int("".join(base[i] for i in spots))
    for step in range(size):  # the base's digits counted up, the last digit fastest, round to 0
        serial = list(base)
        for i, d in zip(spots, f"{(start + step) % size:0{len(spots)}d}"):
            serial[i] = d
        if prefix + "".join(serial) not in taken:
            return "".join(serial)
    return base  # every one of them taken: the rule's example all the same


def rule_text(kind: str, prefix: str, letter: str = "", taken: frozenset[str] | set[str] = frozenset()) -> str:
    """The self-composing rule of ``kind`` as the form says it, with an example not ``taken``."""
    if kind == SMALL:
        text = f"{prefix}之后5位，由数字和字母组成，字母最多{MAX_OWN_LETTERS}个，不使用字母I和O"
    elif kind == SMALL_NEV:
        text = f"{prefix}之后6位：第1位为{letter}，第2位为字母或数字（不用I、O），后4位为数字"
    else:
        text = f"{prefix}之后6位：前5位为数字，第6位为{letter}"
    return f"{text}，例如 {prefix}{example(kind, letter, prefix, taken)}"


def clean_own(raw: str, kind: str, prefix: str, letter: str = "", field: str = "own",
              taken: frozenset[str] | set[str] = frozenset()) -> str:
    """The whole number (prefix included) a citizen composed, or why it breaks the rule. The serial
    may be typed alone or after the prefix; full-width forms and lower case count."""
    text = compact(raw).upper()
    if text.startswith(prefix):
        text = text[len(prefix):]
    if not text:
        raise DomainError(f"请输入自编号牌号码（{prefix}之后{serial_len(kind)}位）", field)
    if text[0] in PROVINCES:  # 渝B8K2B6 or 川A8K2B6: the office's letter (or province) is not this one's
        raise DomainError(f"号牌号码须以{prefix}开头（{prefix}之后{serial_len(kind)}位自编），"
                          f"如{prefix}{example(kind, letter, prefix, taken)}", field)
    if "I" in text or "O" in text:
        raise DomainError("号牌号码不使用字母I和O（易与数字1和0混淆）", field)
    wrong = sorted({c for c in text if c not in SERIAL_CHARS})
    if wrong:
        raise DomainError(f"号牌号码只能使用数字和字母，请检查：{''.join(wrong)}", field)
    want = serial_len(kind)
    if len(text) != want:
        raise DomainError(f"{kind}自编号码为{prefix}之后{want}位（现为{len(text)}位）", field)
    if kind == SMALL:
        letters = sum(c in LETTERS for c in text)
        if letters > MAX_OWN_LETTERS:
            raise DomainError(f"自编号码最多使用{MAX_OWN_LETTERS}个字母（现有{letters}个）", field)
    elif kind == SMALL_NEV:
        if text[0] != letter:
            raise DomainError(f"该车新能源号牌第1位应为{letter}（{_fuel_words(letter)}）", field)
        if not text[2:].isdigit():
            raise DomainError("小型新能源汽车号牌后4位应为数字", field)
    else:
        if text[-1] != letter:
            raise DomainError(f"该车新能源号牌第6位应为{letter}（{_fuel_words(letter)}）", field)
        if not text[:5].isdigit():
            raise DomainError("大型新能源汽车号牌前5位应为数字", field)
    return prefix + text


def _fuel_words(letter: str) -> str:
    return "D表示纯电动汽车" if letter == "D" else "F表示非纯电动汽车"


def random_serial(rng: random.Random, kind: str, letter: str = "") -> str:
    """One serial of ``kind`` drawn with ``rng``."""
    if kind == SMALL:
        count = rng.choices((0, 1, 2), weights=(5, 3, 2))[0]
        spots = set(rng.sample(range(5), count))
        return "".join(rng.choice(LETTERS) if i in spots else rng.choice(DIGITS) for i in range(5))
    digits = "".join(rng.choice(DIGITS) for _ in range(5 if kind == LARGE_NEV else 4))
    if kind == LARGE_NEV:
        return digits + letter
    return letter + rng.choice(SERIAL_CHARS) + digits


def draw_pool(rng: random.Random, kind: str, prefix: str, letter: str, taken: set[str],
              size: int = POOL_SIZE) -> list[str]:
    """``size`` different free numbers drawn at random, in the order of the digits (easier to find)."""
    found: set[str] = set()
    for _ in range(size * 50):
        number = prefix + random_serial(rng, kind, letter)
        if number not in taken:
            found.add(number)
            if len(found) == size:
                break
    return sorted(found)


def keep_refusal(registered_on: date | None, moved_on: date, today: date) -> str:
    """Why the old number cannot be kept ('' when it can): used at least 1 year before the
    过户/转入 day, applied for within 2 years from that day."""
    if registered_on is None:
        return "该车登记日期未记录，不能保留原号牌，请选择新号牌号码"
    if moved_on < anniversary(registered_on, KEEP_USED_YEARS):
        return (f"该车于{registered_on:%Y-%m-%d}登记，至过户（转入）日使用不满{KEEP_USED_YEARS}年，"
                "不能保留原号牌，请选择新号牌号码")
    last = anniversary(moved_on, KEEP_WITHIN_YEARS)
    if today > last:
        return (f"保留原号牌须自过户（转入）之日起{KEEP_WITHIN_YEARS}年内申请（最迟{last:%Y-%m-%d}当天），"
                "已超过期限，请选择新号牌号码")
    return ""

