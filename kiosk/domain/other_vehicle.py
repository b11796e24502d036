"""备案非本人机动车 (seed 002, section 十): 用户可以备案非本人小型汽车及小型新能源汽车、香港入出境车、
澳门入出境车. A driver records a vehicle in another person's name that they drive, so its traffic
violations are shown (and can be handled) on their own account.

Choices made here (the seed is silent):
- The kinds of plate are the seed's four (GA 36 号牌种类 02, 52, 26, 27); any other is refused.
  小型汽车: 7 characters (渝A12345); 小型新能源汽车: 8, the small new-energy form (渝AD12345; the
  large form 渝A12345D is a 大型新能源汽车); 香港/澳门入出境车: 粤Z, 4 characters, 港 or 澳 (粤ZA123港);
  typed without its 港 or 澳 (粤ZA123: a kiosk has no input method for them), the kind chosen gives it.
- The vehicle is proved by the last 6 characters of its 车辆识别代号, or by its owner's name with
  the last 6 characters of the owner's 身份证明号码 (for a unit, its 统一社会信用代码).
- At most MAX_RECORDS vehicles per account; recorded at once (no DMV review), removed by the
  citizen (解除备案) at any time.
"""
from __future__ import annotations

import re

from .errors import DomainError
from .plates import NEV_LARGE, NEV_SMALL, PROVINCES, SERIAL, is_nev, ordinary_fault, plate_start, small_nev_fault
from .temp_plate import VIN_CHARS
from .typed import compact

MAX_RECORDS = 3
SMALL, SMALL_NEV, HONG_KONG, MACAU = "小型汽车", "小型新能源汽车", "香港入出境车", "澳门入出境车"
KINDS = (SMALL, SMALL_NEV, HONG_KONG, MACAU)
BY_VIN, BY_OWNER = "车辆识别代号后6位", "机动车所有人信息"
PROOFS = (BY_VIN, BY_OWNER)
PROOF_LEN = 6
_CROSS_BORDER = re.compile(rf"粤Z{SERIAL}{{4}}([港澳])")
_NO_SUFFIX = re.compile(rf"[{PROVINCES}]Z{SERIAL}{{4}}")  # 粤ZA123 (港 or 澳 by the kind: no input method types it)
_SUFFIX = {HONG_KONG: "港", MACAU: "澳"}


def clean_kind(value: str) -> str:
    if value not in KINDS:
        raise DomainError("请选择号牌种类（小型汽车、小型新能源汽车、香港入出境车、澳门入出境车）", "plate_kind")
    return value


def clean_plate(raw: str, kind: str, field: str = "plate") -> str:
    """The plate typed, in the form its kind has (GA 36-2018), or why not."""
    text = compact(raw).upper()
    if kind in _SUFFIX and _NO_SUFFIX.fullmatch(text):
        if text[0] != "粤":  # 渝 left chosen in the list, ZA123 typed
            raise DomainError(f"{kind}号牌以粤Z开头，请选择省份简称粤", field)
        text += _SUFFIX[kind]
    match = _CROSS_BORDER.fullmatch(text)
    if match is not None and match.group(1) != _SUFFIX.get(kind):  # also for 小型汽车 (tester: it said 7位/8位)
        raise DomainError(f"该号牌为{HONG_KONG if match.group(1) == '港' else MACAU}号牌，请选择对应的号牌种类", field)
    if kind in _SUFFIX:
        if not text:
            raise DomainError("请输入号牌号码", field)
        if match is None:
            raise DomainError(f"{kind}号牌为粤Z、4位字母或数字加{_SUFFIX[kind]}字（{_SUFFIX[kind]}字可不输入），"
                              f"如粤ZA123{_SUFFIX[kind]}", field)
        return text
    plate = plate_start(raw, field)
    if kind == SMALL:
        if len(plate) == 8 and is_nev(plate):
            raise DomainError("小型汽车号牌为7位（新能源汽车号牌请选择小型新能源汽车）", field)
        fault = ordinary_fault(plate)  # 渝A123456 said 普通号牌7位，新能源号牌8位 (tester)
    elif len(plate) != 8:
        fault = "小型新能源汽车号牌为8位，如渝AD12345"
    elif NEV_LARGE.fullmatch(plate):
        fault = "该号牌为大型新能源汽车号牌，只能备案小型新能源汽车"
    else:
        fault = small_nev_fault(plate)  # 渝AA12345: its 3rd character, not its length (tester)
    if fault:
        raise DomainError(fault, field)
    return plate


def clean_proof(raw: str, field: str, label: str) -> str:
    text = compact(raw).upper()
    if len(text) != PROOF_LEN or not (text.isascii() and text.isalnum()):
        raise DomainError(f"请输入{label}（{PROOF_LEN}位字母或数字）", field)
    return text


LOOKS_LIKE = {"I": "1", "O": "0", "Q": "0"}  # the digit a letter no VIN has was likely meant as (I: 1, not 0)


def clean_vin6(raw: str, field: str = "vin6") -> str:
    """The last 6 of a VIN: as clean_proof, and only of the VIN alphabet (no I, O, Q): a tail no VIN
    has would cost one of the PROOF_TRIES for nothing."""
    text = clean_proof(raw, field, BY_VIN)
    if wrong := sorted({c for c in text if c not in VIN_CHARS}):
        raise DomainError(f"车辆识别代号不含字母I、O、Q，请检查：{'、'.join(f'{c}（可能是数字{LOOKS_LIKE[c]}）' for c in wrong)}",
                          field)
    return text


def is_small(vehicle_type: str) -> bool:
    """A small or mini car (小型/微型 in its type: 小型轿车, 小型普通客车, 微型面包车)."""
    return vehicle_type.startswith(("小型", "微型"))


def kind_of(plate: str, vehicle_type: str) -> str | None:
    """The 号牌种类 of a vehicle on record that may be recorded (None: a kind that may not)."""
    if plate.endswith("港") and plate.startswith("粤Z"):
        return HONG_KONG
    if plate.endswith("澳") and plate.startswith("粤Z"):
        return MACAU
    if not is_small(vehicle_type):
        return None
    if len(plate) == 7:
        return SMALL
    return SMALL_NEV if NEV_SMALL.fullmatch(plate) else None


def proof_matches(proof: str, typed: dict[str, str], vin: str | None, owner_name: str, owner_id: str) -> bool:
    """Whether what was typed proves the vehicle: its VIN's last 6, or its owner's name and ID's last 6."""
    if proof == BY_VIN:
        return bool(vin) and vin[-PROOF_LEN:].upper() == typed.get("vin6", "")
    return (typed.get("owner_name", "") == owner_name.strip()
            and owner_id[-PROOF_LEN:].upper() == typed.get("owner_id6", ""))


def limit_refusal(recorded: int) -> str:
    if recorded >= MAX_RECORDS:
        return (f"您已备案{recorded}辆非本人机动车（每个账户最多{MAX_RECORDS}辆），"
                "请先在【我的机动车】中解除不再驾驶的车辆的备案。")  # a sentence: said alone, before the form or at 提交
    return ""


PROOF_TRIES, PROOF_WINDOW_HOURS = 5, 24  # wrong proofs per account: a VIN's or ID's last 6 are guessable


def proof_refusal(wrong: int) -> str:
    """Why no more proofs are compared after ``wrong`` wrong ones within PROOF_WINDOW_HOURS, or ""."""
    if wrong >= PROOF_TRIES:
        return (f"验证信息核对错误次数过多，请{PROOF_WINDOW_HOURS}小时后再试，"
                "或携带身份证明和行驶证到车管所窗口办理。")  # a sentence, at 提交 too (it lacked its 。 there)
    return ""


NO_MATCH = "未查询到与号牌种类、号牌号码和验证信息相符的机动车"


def no_match(wrong_before: int) -> str:
    """The refusal of one more wrong proof: go back and check, with the tries left; after the last
    one, no more (it said 请返回上一步核对（24小时内不能再核对）, both at once: tester)."""
    left = PROOF_TRIES - wrong_before - 1
    if left:
        return f"{NO_MATCH}，请返回上一步核对（还可尝试{left}次）"
    return f"{NO_MATCH}，验证信息已连续核对错误{PROOF_TRIES}次，{PROOF_WINDOW_HOURS}小时内不能再核对"
