"""Line breaking for Chinese text (中文断行): fill each line, and keep punctuation where it belongs.

Textual wraps text the way Rich does, at spaces: a Chinese sentence has none, so it is one long
"word". If it fits on the next line, the current line is left short (「预约成功：2026-11-24 08:30」
and then 「渝中考场（重庆市...」 below); otherwise it is cut wherever the width runs out, also
before a closing bracket or a comma, so lines began with 「）」 or 「，」.

Here a line may break between any two Chinese characters, as Chinese typesetting does, except:
- never before closing punctuation (）。，、：；？！」』】》 and their ASCII forms) (行首禁则);
- never after opening punctuation (（「『【《 and their ASCII forms) (行尾禁则);
- never inside a run of Latin letters or digits (C1, 2026-11-24), nor between a date and its time
  (2026-11-24 08:30), so a date is always read with its hour;
- never inside a date written in Chinese (2026年12月12日, 12月13日): not 「2026年12」 / 「月12日」;
- never inside a name in 【】 (a button or a menu entry: 【放大二维码】, not 「【放大二维」 / 「码】」);
- never inside a weekday (周二, 星期二) nor between it and the date before it or the time after it
  (12月8日 周二 09:00, 12月8日（周二）), nor between a number and its unit (30分钟, 3小时, 5天, 12分);
- never inside a word with its number (验证码326387, 业务流水号2612030000000001, 预约编号13: 80 columns put 「验证」 /
  「码326387」 on the phone bar), also with a space between them (the counter's 所选预约 read 「...业务流水号」 /
  「2612030000000013」 at 80x24; 有效期至 2036-10-24 and 延期至2028-01-01 in its summary: 「有效期至」 / 「2036-10-24」
  at 100x30, 「（延期至」 / 「2028-01-01）」 at 80x24), nor between a short label and the number after its colon
  (本记分周期累积记分：0分, not 「本记分周期累积记分：」 / 「0分」 on the counter); such a piece wider than
  the line breaks as without this rule (验证码 / 326387), never cut inside the number;
- never inside a plate (渝A8D2Q7, 粤ZA123港, 沪A1234领, 使014578; the provinces are kiosk.domain.plates'):
  为群众办理's 办结 read 「...通知内容：渝」 / 「A8D2Q7已转出...」 and the SMS bar 「...机动车渝」 / 「B5K821的备案。」
  at 80x24;
- never inside 格式, the word of every format message (请按 2026-12-15 的格式输入考试日期 read 「...的格」 /
  「式输入考试日期」 under 考试计划与安排's 考试日期 at 100x30), nor inside a staff role's name of four
  characters or more (窗口民警/辅警, 考试管理: 审计日志 read 「...窗口民」 / 「警/辅警」 at 80x24), nor inside the
  words of the sign-in and registration texts that were cut: 重置 (登录's 「...窗口重」 / 「置绑定手机号。」 beside
  its scrollbar at 100x30), 身份证 and 身份证明 (注册's 「...（仅限二代身」 / 「份证持有人）。」), 车管所, 点击 and 疑问;
- no last line with a single character and its punctuation (「迟到者不得入」 / 「场。」): the line before
  gives it its last piece (「迟到者不得」 / 「入场。」), so that line is one piece short of full.
A unit still too wide for a whole line is cut by cells, as before.

``clauses`` breaks a text between its clauses so that a short one is not cut across two lines: a
clause that would be cut where the line runs out starts the next line whole when it fits there (the
业务中心's greeting at 80x24 read 「...请选择要办」 / 「理的业务：」; 选择场次's date messages
「...请缩」 / 「短时间段」 and 「...日期（年-」 / 「月-日）」).

``divide_line`` has the contract of Rich's (codepoint offsets to break at); ``apply`` makes
Textual's Content and Rich's Text (tables' cells) use it. Only for the pinned Textual version,
as kiosk.ui.cjk_compositor.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator

import textual
import rich.text
import textual.content
from rich._wrap import divide_line as _rich_divide_line
from rich.cells import cell_len, chop_cells

from ..domain.plates import PROVINCES
from ..domain.roles import ROLE_NAMES

PINNED = "8.2.8"
log = logging.getLogger("kiosk.ui")

# Curly quotes and the ellipses are written as escapes: they are East-Asian ambiguous width, kept out of
# the source as out of the screens (they are here only to be recognised in text).
NO_LINE_START = set("）〕］｝〉》」』】〙〗〟\u2019\u201d、。，．・：；？！\u2026\u2025～%)]}.,:;?!")
NO_LINE_END = set("（〔［｛〈《「『【〘〖〝\u2018\u201c([{")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}( )\d{1,2}:\d{2}")
_CN_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日")
_NAMED = re.compile(r"【[^【】\n]{1,16}】")  # a longer bracketed text is not a name and wraps as usual
# A weekday, with the date before it and the time after it when there are (12月8日 周二 09:00,
# 12月8日（周二）): 「12月8日 周」 / 「二 09:00」 was read in 网办进度 at 80x24.
_WEEKDAY = re.compile(r"(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2})?[ ]*[（(]?"
                      r"(?:周|星期)[一二三四五六日天][）)]?(?:[ ]*\d{1,2}:\d{2})?")
# A number with its unit (30分钟, 3小时, 5天, 12分): 「学满30分」 / 「钟」 was read at 80x24. Longest first.
_WITH_UNIT = re.compile(r"\d+(?:\.\d+)?(?:个工作日|工作日|个月|分钟|小时|个字|天|分|秒|日|年|月|周|元|人|次|位|个|岁|名|项|条|行|张|辆)")
# A word that names the number right after it, or after a colon or one space (a lexicon: a Chinese word has
# no mark where it starts), and a label of at most 10 characters (and a bracket) that starts after a space or
# a mark, with its number after the colon. Each match ends on the number's first character, which the
# number's own run goes on from.
_NAMED_NUMBER = re.compile(r"(?:验证码|(?:原?支付|业务)?流水号|(?:档案|预约)编号|车辆识别代号|电话|(?:有效|延)期至)[：: ]?[0-9A-Za-z]")
_LABELLED = re.compile(r"(?<![\u4e00-\u9fff）])[\u4e00-\u9fff]{1,10}(?:（[^（）\n]{1,10}）)?[：:][0-9]")
# A plate (GA 36): its province and the letters and digits after it, with 港, 澳 or 领 (粤ZA123港, 沪A1234领), 学, 警
# or 挂 at its end, and 使 with its 6 digits: 为群众办理's 办结 read 「...通知内容：渝」 / 「A8D2Q7已转出...」 at 80x24.
_PLATE = re.compile(rf"[{PROVINCES}][A-Z][0-9A-Z]{{4,6}}[港澳领学警挂]?|使[0-9]{{6}}")
# A word of the messages a line must not cut: 格式, in every date field's format message (请按 2026-12-15 的
# 格式输入考试日期: 「...的格」 / 「式输入考试日期」 under 考试计划与安排's 考试日期 at 100x30); 重置, 身份证(明),
# 车管所, 点击 and 疑问, cut at 100x30 on 登录 and 注册 (「...窗口重」 / 「置绑定手机号。」, 「...二代身」 / 「份证持有人）。」,
# 「...后点」 / 「击【完成注册】」, 「...到车」 / 「管所窗口面签注册。」, 「...如有疑」 / 「问，请携带...」); and a staff
# role's name of four characters or more (审计日志's line under the list read 「角色：管理员、窗口民」 / 「警/辅警、...」
# at 80x24; the shorter ones, 审核, 核验 and 管理员, wrap as before).
_WORDS = re.compile("|".join([r"格式|重置|身份证明?|车管所|点击|疑问",
                              *(re.escape(n) for n in ROLE_NAMES.values() if len(n) >= 4)]))
CLAUSE = re.compile(r"(?<=[，；。])|(?=（)")  # where ``clauses`` may break a line


def _wide(ch: str) -> bool:
    return cell_len(ch) == 2


def units(text: str, words: bool = True) -> Iterator[tuple[int, str]]:
    """(start offset, unit): the pieces a line may break between, each with its trailing spaces.
    ``words`` False: a word or a label is not kept with its number (for a piece wider than the line)."""
    glued = {m.start(1) for m in _DATE_TIME.finditer(text)}  # the space between a date and its time
    inside = {i for m in _CN_DATE.finditer(text) for i in range(m.start() + 1, m.end())}  # 年12月12日
    inside |= {i for m in _NAMED.finditer(text) for i in range(m.start() + 1, m.end())}  # 【放大二维码】
    inside |= {i for m in _WEEKDAY.finditer(text) for i in range(m.start() + 1, m.end())}  # 12月8日 周二 09:00
    inside |= {i for m in _WITH_UNIT.finditer(text) for i in range(m.start() + 1, m.end())}  # 30分钟
    inside |= {i for m in _PLATE.finditer(text) for i in range(m.start() + 1, m.end())}  # 渝A8D2Q7, 粤ZA123港
    inside |= {i for m in _WORDS.finditer(text) for i in range(m.start() + 1, m.end())}  # 格式, 重置
    if words:  # 验证码326387, 本记分周期累积记分：0分
        inside |= {i for rx in (_NAMED_NUMBER, _LABELLED) for m in rx.finditer(text)
                   for i in range(m.start() + 1, m.end())}
    start, i, n = 0, 0, len(text)
    while i < n:
        ch = text[i]
        if i > start:
            prev = text[i - 1]
            if ch.isspace() or i - 1 in glued or i in inside or ch in NO_LINE_START or prev in NO_LINE_END:
                i += 1  # stays in this unit
                continue
            if not prev.isspace() and not _wide(prev) and not _wide(ch):
                i += 1  # a Latin word or a number goes on
                continue
            yield start, text[start:i]
            start = i
        i += 1
    if start < n:
        yield start, text[start:]


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Offsets (codepoints) at which to break ``text`` into lines of at most ``width`` cells."""
    if width <= 0:
        return _rich_divide_line(text, width, fold)
    breaks: list[int] = []
    used = 0
    for start, unit in _pieces(text, width):
        length = cell_len(unit.rstrip())
        if used and used + length > width:
            breaks.append(start)
            used = 0
        if length > width:
            if not fold:  # cropped by the caller
                used = cell_len(unit)
                continue
            pieces = chop_cells(unit, width)
            for piece in pieces[:-1]:
                start += len(piece)
                breaks.append(start)
            used = cell_len(pieces[-1])
            continue
        used += cell_len(unit)
    breaks = [b for b in breaks if b > 0]
    if breaks and _widow(text[breaks[-1]:]):
        _take_one_down(text, width, breaks)
    return breaks


def _pieces(text: str, width: int) -> Iterator[tuple[int, str]]:
    """``units``, but a word kept with its number that is wider than ``width`` comes in the pieces it
    has without that rule, so that it is not cut by cells inside the number."""
    for start, unit in units(text):
        if cell_len(unit.rstrip()) > width:
            yield from ((start + offset, piece) for offset, piece in units(unit, words=False))
        else:
            yield start, unit


def clauses(text: str, width: int) -> str:
    """``text`` with a line break between two clauses (after 「，」 「；」 「。」, before 「（」) where the
    next clause would otherwise be cut across two lines of ``width`` cells: each line holds as many
    whole clauses as fit (「查询时间段不能超过3个月，」 / 「请缩短时间段」; 「...请选择要办」 / 「理的业务：」
    is not read). A clause wider than a line wraps as usual, from where the line before it ends.
    The last line is never one character alone (「好。」): the clause before it goes down with it
    when both fit a line, or no break is put there and the wrapping gives it its last piece.
    ``width`` 0 or less (not laid out yet), or the text fits: as it is."""
    if width <= 0 or cell_len(text.rstrip()) <= width:
        return text
    lines: list[list[str]] = [[]]  # the clauses of each line
    for clause in (c for c in CLAUSE.split(text) if c):
        used = cell_len(_last_row("".join(lines[-1]), width))
        length = cell_len(clause.rstrip())
        if used and used + length > width and length <= width:
            lines.append([])
        lines[-1].append(clause)
    last = "".join(lines[-1])
    if len(lines) > 1 and _widow(last):
        if len(lines[-2]) > 1 and cell_len((lines[-2][-1] + last).rstrip()) <= width:
            lines[-1].insert(0, lines[-2].pop())
        else:
            widow = lines.pop()
            lines[-1].extend(widow)
    return "\n".join("".join(line).rstrip(" ") for line in lines)


def _last_row(line: str, width: int) -> str:
    """The last row ``line`` takes when wrapped at ``width`` cells."""
    breaks = divide_line(line, width) if line else []
    return line[breaks[-1]:] if breaks else line


def _widow(last: str) -> bool:
    """A last line of one character, with or without its closing punctuation (「场。」, 「2。」)."""
    core = last.strip().rstrip("".join(NO_LINE_START))
    return bool(last.strip()) and len(core) <= 1


def _take_one_down(text: str, width: int, breaks: list[int]) -> None:
    """Break the line before the last one piece earlier, when it has a piece to give and the last
    line still fits with it."""
    start = breaks[-2] if len(breaks) > 1 else 0
    pieces = list(units(text[start:breaks[-1]]))
    if len(pieces) < 2:
        return
    moved = start + pieces[-1][0]
    if cell_len(text[moved:].rstrip()) <= width:
        breaks[-1] = moved


def apply() -> bool:
    """Make Textual's and Rich's text wrapping use ``divide_line``; False (and a log line) on another
    Textual version."""
    if textual.__version__ != PINNED:
        log.warning("Textual %s is not %s: Chinese line breaking not applied", textual.__version__, PINNED)
        return False
    textual.content.divide_line = divide_line  # type: ignore[attr-defined]
    rich.text.divide_line = divide_line  # type: ignore[attr-defined]
    return True
