"""A wizard's column: its step bar above the scrolling page, and the 下方还有内容 line under it.
(考试预约 has its bar over this column and the number pad both, so that it is as wide on every step:
kiosk.ui.screens.booking.wizard.)

The step bar was the page's first line and scrolled away with it: at 100x30, on 确认并提交 (a
service form's 变更驾驶证联系方式 with its SMS code, 考试预约's code before 预约) the page scrolled
to bring the code field and its buttons into view and 1.填写信息 > 2.确认并提交 > 3.办理结果 went
off the top, so a citizen no longer saw which step they were on. Outside the page it stays on
screen while the rest scrolls. It takes its row for good, so the column has no blank rows (as at
80x24): the bar right under the title bar, the page right under the bar, no padding at the page's
foot (kiosk.tcss); at 120x40 a long 查询 still shows 切换至优先预约 over the list.

The 下方还有内容 line (kiosk.ui.widgets.more_below), when the screen has one, comes under the page
in the same column: aligned with the page, which is centred wider than 120 columns (docked at the
screen's bottom it began at column 2 at 160x50), and beside the number pad rather than under it."""
from __future__ import annotations

from textual.containers import Vertical


class PageColumn(Vertical):
    DEFAULT_CSS = """
    PageColumn { width: 1fr; height: 1fr; }
    """
