"""Licence classes and status codes (RULES.md, L162)."""
from __future__ import annotations

CLASSES = ("A1", "A2", "A3", "B1", "B2", "C1", "C2", "C3", "C4", "C5", "C6", "D", "E", "F", "M", "N", "P")
CLASS_NAMES = {
    "A1": "大型客车", "A2": "重型牵引挂车", "A3": "城市公交车", "B1": "中型客车", "B2": "大型货车",
    "C1": "小型汽车", "C2": "小型自动挡汽车", "C3": "低速载货汽车", "C4": "三轮汽车",
    "C5": "残疾人专用小型自动挡载客汽车", "C6": "轻型牵引挂车", "D": "普通三轮摩托车",
    "E": "普通二轮摩托车", "F": "轻便摩托车", "M": "轮式专用机械车", "N": "无轨电车", "P": "有轨电车",
}
# Classes whose exams may be booked online (seed 000).
ONLINE_BOOKABLE = ("A1", "A2", "A3", "B1", "B2", "C1", "C2", "C5")
# Classes that can only be added to an existing licence (增驾).
ADD_ON_ONLY = ("A1", "A2", "B1", "C6")

STATUS_NAMES = {
    "A": "正常", "B": "超分", "C": "转出", "D": "暂扣", "E": "撤销", "F": "吊销", "G": "注销",
    "H": "违法未处理", "I": "事故未处理", "J": "停止使用", "K": "扣押", "L": "锁定",
    "M": "逾期未换证", "N": "延期换证", "P": "延期体检", "R": "逾期未体检", "S": "逾期未审验",
    "T": "延期审验", "U": "扣留", "Z": "其他",
}


def status_text(codes: str, suffixes: dict[str, str] | None = None) -> str:
    """'HI' -> '违法未处理、事故未处理'; each code's name followed by its text in ``suffixes``, if any
    ('T', {'T': '（延期至2028-03-15）'} -> '延期审验（延期至2028-03-15）')."""
    after = suffixes or {}
    return "、".join(STATUS_NAMES.get(c, c) + after.get(c, "") for c in codes) or STATUS_NAMES["A"]


def parse_classes(text: str) -> tuple[str, ...]:
    """'C1E' or 'C1 E' or 'A2D' -> ('C1', 'E') ... in canonical order."""
    cleaned = text.replace(" ", "").replace(",", "").upper()
    found: list[str] = []
    i = 0
    while i < len(cleaned):
        two = cleaned[i : i + 2]
        if two in CLASSES:
            found.append(two)
            i += 2
        elif cleaned[i] in CLASSES:
            found.append(cleaned[i])
            i += 1
        else:
            raise ValueError(f"unknown licence class in {text!r}")
    return tuple(c for c in CLASSES if c in found)


def city_of_authority(authority: str, cities: list[str]) -> str | None:
    """The city of the 发证机关 (e.g. 重庆市公安局交通管理局 -> 重庆), among ``cities``."""
    return next((c for c in cities if c in authority), None)
