"""A plate number as a citizen gives it at a kiosk with no Chinese input method: the province's
abbreviation chosen from a list (渝), the rest typed (A12345), as the 交管12123 app asks for it.

- ``join_plate``: the two as one plate (渝 + a12345 -> 渝A12345). A rest that starts with a
  character that is not a letter or digit is the whole plate, typed where an input method exists
  or pasted (渝A12345, 粤ZA123港): it is taken as typed and checked as before, whatever is chosen.
- ``split_plate``: a whole plate back into the two (a value filled in, a plate pasted whole).
- ``home_province``: the abbreviation the list starts on, the kiosk's own province: the one most
  of its DMV offices are in, read from their addresses (重庆市渝中区... -> 渝); "" when none says.
- ``next_by_initial``: the abbreviation a Latin letter typed on the open list goes to, the next one
  in the list whose pinyin starts with it (from 渝, y: 豫, 云, 粤, 渝 again), as no list of Chinese
  characters can be searched by typing them there.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .plates import PROVINCES
from .typed import compact

# Each abbreviation's province as an address starts with it (without 省, 市 or 自治区).
PROVINCE_NAMES = {
    "京": "北京", "津": "天津", "沪": "上海", "渝": "重庆", "冀": "河北", "豫": "河南", "云": "云南", "辽": "辽宁",
    "黑": "黑龙江", "湘": "湖南", "皖": "安徽", "鲁": "山东", "新": "新疆", "苏": "江苏", "浙": "浙江", "赣": "江西",
    "鄂": "湖北", "桂": "广西", "甘": "甘肃", "晋": "山西", "蒙": "内蒙古", "陕": "陕西", "吉": "吉林", "闽": "福建",
    "贵": "贵州", "粤": "广东", "青": "青海", "藏": "西藏", "川": "四川", "宁": "宁夏", "琼": "海南",
}

# Each abbreviation's pinyin (without tones): its initial is the letter that finds it in the list.
PROVINCE_PINYIN = {
    "京": "jing", "津": "jin", "沪": "hu", "渝": "yu", "冀": "ji", "豫": "yu", "云": "yun", "辽": "liao",
    "黑": "hei", "湘": "xiang", "皖": "wan", "鲁": "lu", "新": "xin", "苏": "su", "浙": "zhe", "赣": "gan",
    "鄂": "e", "桂": "gui", "甘": "gan", "晋": "jin", "蒙": "meng", "陕": "shan", "吉": "ji", "闽": "min",
    "贵": "gui", "粤": "yue", "青": "qing", "藏": "zang", "川": "chuan", "宁": "ning", "琼": "qiong",
}


def initial(province: str) -> str:
    """The upper-case initial of an abbreviation's pinyin (粤 -> Y), or "" for anything else."""
    return PROVINCE_PINYIN.get(province, "")[:1].upper()


def next_by_initial(current: str, letter: str) -> str:
    """The first abbreviation after ``current`` in PROVINCES (round to the start, ``current`` itself
    last) whose pinyin starts with ``letter`` (either case); from the first when ``current`` is none;
    "" when none does (a, i, o...)."""
    start = PROVINCES.index(current) + 1 if current and current in PROVINCES else 0
    order = PROVINCES[start:] + PROVINCES[:start]
    return next((p for p in order if initial(p) == letter.upper()), "") if len(letter) == 1 else ""


def join_plate(province: str, rest: str) -> str:
    """The plate of ``province`` (an abbreviation chosen, or "") and ``rest`` (what was typed after
    it), upper case without spaces; "" when nothing was typed (请输入号牌号码, not a plate of one
    character). A rest typed in full (渝A12345) is the plate, the province chosen left aside."""
    text = compact(rest).upper()
    if not text or not text[0].isascii():
        return text
    return f"{province}{text}"


def split_plate(plate: str, default: str) -> tuple[str, str]:
    """(province, rest) of ``plate``: its first character when it is an abbreviation, else ``default``
    with the whole of it as the rest."""
    text = compact(plate).upper()
    if text and text[0] in PROVINCES:
        return text[0], text[1:]
    return default, text


def province_of(address: str) -> str:
    """The abbreviation of the province ``address`` is in (重庆市渝中区... -> 渝), or ""."""
    text = address.strip()
    return next((short for short, name in PROVINCE_NAMES.items() if text.startswith(name)), "")


def home_province(addresses: Iterable[str]) -> str:
    """The province most of ``addresses`` are in (the first of them on a tie), or "" when none is known."""
    found = Counter(p for p in map(province_of, addresses) if p)
    return found.most_common(1)[0][0] if found else ""
