"""A month to tap a day in: 考试预约's 选择场次 opens it on a tap on 开始日期 or 结束日期, 考试预约结果公布
on a tap on 考试日期 (kiosk.ui.widgets.date_field: a citizen at a touch screen has no keyboard to type
2026-12-05). Titled 选择开始日期 / 选择结束日期 (选择考试日期); the month as a grid of days under
一 二 三 四 五 六 日 (kiosk.domain.month_grid), 上个月 / 下个月 beside its name, the days before the
first bookable day (for 结束日期, before a valid 开始日期 later than it) disabled (grey, no cell;
选择考试日期 has none: results of past days are read too), the field's date highlighted. A tap on a day gives it back as typed (2026-12-05) and
closes; 取消 (or Escape) changes nothing.

Keys: the arrows move a day (Left, Right) or a week (Up, Down) into the next month or the last, never
before the first bookable day; Enter takes the day; PageUp / PageDown turn the month. Only the day
the arrows are on is a Tab stop (Tab: 上个月, 下个月, that day, 取消), not 42 of them. A tap made
in the first moment after it opens is dropped, as for every dialog (kiosk.ui.pointer).

The grid keeps 6 rows for every month, so the dialog keeps its size and place (下个月 tapped twice
stays under the finger); 54 columns by 22 rows at 80x24 (kiosk.tcss: no blank first and last line there)."""
from __future__ import annotations

from datetime import date

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from ...domain.dates import add_months, format_date
from ...domain.month_grid import HEADER, ROWS, month_cells, month_title, moved, shift_month
from ..widgets.button_row import ButtonRowKeys
from ..widgets.plain import Plain
from ..widgets.repeat_button import RepeatButton


class DatePickerDialog(ButtonRowKeys, ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "取消"),  # as 取消, like every dialog's Escape
                Binding("up", "week(-1)", show=False), Binding("down", "week(1)", show=False),
                Binding("pageup", "turn(-1)", show=False), Binding("pagedown", "turn(1)", show=False)]
    DEFAULT_CSS = """
    DatePickerDialog { align: center middle; }
    DatePickerDialog > Vertical { width: 54; height: auto; max-height: 100%; border: thick $primary;
                                  background: $surface; padding: 1 2; }
    DatePickerDialog #picker-title { text-style: bold; }
    DatePickerDialog #month-row { height: auto; margin: 1 0 0 0; }
    DatePickerDialog #month-title { width: 1fr; padding: 1 0 0 0; text-style: bold; content-align: center top; }
    DatePickerDialog #days { grid-size: 7; grid-columns: 6; grid-rows: 1; grid-gutter: 1 1;
                             width: 48; height: auto; margin: 1 0; }
    DatePickerDialog .weekday { width: 100%; text-style: bold; content-align: center middle; }
    """

    def __init__(self, title: str, value: date | None, first: date | None, earliest: str = "最早可选",
                 opens_on: date | None = None) -> None:
        """``value``: the field's date (None when it holds none); ``first``: the earliest day offered
        (the first bookable day, or 开始日期 for 结束日期; None: any day, past ones too, for
        考试预约结果公布); ``earliest``: what the hint calls it (不早于开始日期: one line in the
        dialog's 48 columns); ``opens_on``: the day the month opens on when the field holds none
        (today; else ``first``)."""
        super().__init__()
        self.title_text, self.value, self.earliest = title, value, earliest
        self.bounded = first is not None
        self.first = first if first is not None else date.min
        if value is not None and value >= self.first:
            self.cursor = value  # where the arrows are
        else:
            self.cursor = max(self.first, opens_on) if opens_on is not None else self.first
        self.year, self.month = self.cursor.year, self.cursor.month
        self.cells: list[date | None] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Plain(self.title_text, id="picker-title")
            yield Plain(f"点击日期即可选择，{self.earliest}{format_date(self.first)}" if self.bounded else "点击日期即可选择",
                        classes="hint")
            with Horizontal(id="month-row"):
                yield RepeatButton("上个月", id="prev-month")
                yield Plain("", id="month-title")
                yield RepeatButton("下个月", id="next-month")
            with Grid(id="days"):
                for name in HEADER:
                    yield Plain(name, classes="weekday")
                for i in range(ROWS * 7):
                    yield Button("", id=f"day-{i}", classes="day")
            with Horizontal(classes="buttons"):
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        self._show()
        self._focus_cursor()

    def _show(self) -> None:
        """The month ``year``-``month`` in the grid."""
        self.cells = month_cells(self.year, self.month)
        self.query_one("#month-title", Plain).update(month_title(self.year, self.month))
        self.query_one("#prev-month", Button).disabled = (self.year, self.month) <= (self.first.year, self.first.month)
        for i, day in enumerate(self.cells):
            button = self.query_one(f"#day-{i}", Button)
            button.label = str(day.day) if day else ""
            button.visible = day is not None
            button.disabled = day is None or day < self.first
            button.set_class(day is not None and day == self.value, "-current")
            button.can_focus = day is not None and day == self.cursor

    def _cursor_button(self) -> Button | None:
        if self.cursor in self.cells:
            return self.query_one(f"#day-{self.cells.index(self.cursor)}", Button)
        return None

    def _focus_cursor(self) -> None:
        button = self._cursor_button()
        if button is not None:
            button.focus()

    def _go(self, day: date, focus: bool) -> None:
        """The cursor on ``day``, its month shown; ``focus``: the focus follows it (an arrow key)."""
        self.cursor = day
        self.year, self.month = day.year, day.month
        self._show()
        if focus:
            self._focus_cursor()

    def _on_day(self) -> bool:
        return isinstance(self.focused, Button) and self.focused.has_class("day")

    def action_button_row(self, step: int) -> None:
        """Left/Right: a day on among the days, else along the row of buttons (ButtonRowKeys)."""
        if self._on_day():
            self._go(moved(self.cursor, step, self.first), focus=True)
        else:
            super().action_button_row(step)

    def action_week(self, step: int) -> None:
        """Up/Down: a week on among the days; Down from 上个月 / 下个月 and Up from 取消 into them."""
        focused = self.focused
        if self._on_day():
            self._go(moved(self.cursor, 7 * step, self.first), focus=True)
        elif isinstance(focused, Button) and (focused.id, step) in (("prev-month", 1), ("next-month", 1),
                                                                    ("cancel", -1)):
            self._focus_cursor()
        else:
            raise SkipAction()

    def action_turn(self, step: int) -> None:
        """PageUp/PageDown, 上个月/下个月: the month before or after, the cursor on its same day."""
        year, month = shift_month(self.year, self.month, step)
        if (year, month) < (self.first.year, self.first.month):
            return
        self._go(max(self.first, add_months(self.cursor, (year - self.cursor.year) * 12 + month - self.cursor.month)),
                 focus=self._on_day())
        back = self.query_one("#prev-month", Button)
        if back.disabled and self.focused in (back, None):  # back at the first month: on to 下个月
            self.query_one("#next-month", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        bid = event.button.id or ""
        if bid == "cancel":
            self.dismiss(None)
        elif bid in ("prev-month", "next-month"):
            self.action_turn(-1 if bid == "prev-month" else 1)
        elif bid.startswith("day-"):
            day = self.cells[int(bid.removeprefix("day-"))]
            if day is not None and day >= self.first:  # a disabled day is never pressed: to be sure
                self.dismiss(f"{day:%Y-%m-%d}")
