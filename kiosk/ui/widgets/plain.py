"""Text on screen exactly as stored: never read as Textual markup.

Textual reads square brackets in a Static, a Label, a button label, a DataTable cell or a
notification as markup: a citizen's address typed as 「渝中区[/b]路1号」 stopped the kiosk with a
MarkupError, and 「[red]」 would have coloured the rest. Names, addresses, reasons, imported result
lines and audit details are typed by people, so every kiosk screen builds its text widgets from
here: ``Plain`` (a Static without markup) and ``PlainTable`` (a DataTable whose string cells are
plain text); an option or radio-button label built from stored data goes through ``plain`` (a
Label or a Button only ever shows a caption written in the code). Lines in bold or colour are
Rich ``Text`` with styles (``Text.assemble``), so nothing on screen is parsed as markup, and
``KioskApp.notify`` turns markup off as well. tests/ui/test_plain_text.py keeps screens to this.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import events
from textual.coordinate import Coordinate
from textual.render import measure
from textual.message import Message
from textual.widgets import DataTable, Static

from ..cjk_wrap import clauses


def plain(value: Any) -> Any:
    """A string as a Rich ``Text`` (shown as it is); anything else unchanged."""
    return Text(value) if isinstance(value, str) else value


class Plain(Static):
    """A Static that shows its text as it is (``markup=False``)."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        super().__init__(content, **kwargs)


class StatusLine(Plain):
    """What a counter page's last action did (取消, 办结, 账户已停用...): a line of its own docked under
    the page, always in view, until ``say("")``. A notification over the page's bottom right hid
    the rows the action had just changed, and went after 5 seconds."""

    DEFAULT_CSS = """
    StatusLine { dock: bottom; height: auto; padding: 0 2; display: none;
                 background: $panel; color: $text-success; text-style: bold; }
    """

    class Placed(Message):
        """The line was laid out under the page, shown or grown: the page above it is now shorter,
        and the screen may keep what has the focus in view (its last rows are gone)."""

    def say(self, text: str) -> None:
        """``text`` on the line ("": the line goes)."""
        self.update(text)
        self.display = bool(text)

    def on_show(self) -> None:  # after the layout that placed it: the page's new size is known
        self.post_message(self.Placed())

    def on_resize(self) -> None:
        if self.display:
            self.post_message(self.Placed())


class ClauseLine(Plain):
    """A line whose clauses are kept whole where it wraps (``cjk_wrap.clauses``) at the width it has,
    and again as that width changes: 业务中心's greeting (「...请选择要办」 / 「理的业务：」 at 80x24),
    工作人员账户's 所选账户 (「...正常）（当前」 / 「登录）」). ``say`` gives it a new text."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(text, **kwargs)
        self._text = text
        self._shown = text

    def say(self, text: str) -> None:
        self._text = text
        self._fit()

    def on_resize(self, _event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        text = clauses(self._text, self.content_size.width)
        if text != self._shown:
            self._shown = text
            self.update(text)
            self.refitted()

    def refitted(self) -> None:
        """It takes a line more or fewer now, maybe: for a screen that lays out around it."""


class ErrorLine(Plain):
    """The line kept for a message (under a field or a choice, at the bottom of a form): it takes no
    row while it has nothing to say. Empty, it cost a row under every field, and a form at 80x24
    its fit; a message makes room for itself where it is, right under what it is about."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        super().__init__(content, **kwargs)
        self.display = bool(str(content).strip())

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        super().update(content, layout=layout)
        self.display = bool(str(content).strip())


class ShownLine(Plain):
    """A message line that ``show`` brings whole into view: after the next refresh, and again when
    its wrapped height is known (that came later: at 120x40 the second line of a counter message,
    ...最早可于2026-12-03 10:00办结, was left below the screen, tester)."""

    _bring = False

    def update(self, content: Any = "", *, layout: bool = True) -> None:
        self._bring = False  # a message set otherwise (or taken away) is not scrolled to
        super().update(content, layout=layout)

    def show(self, text: str) -> None:
        self.update(text)
        self._bring = bool(text)
        self.call_after_refresh(self._into_view)

    def on_resize(self, event: events.Resize) -> None:
        if self._bring:
            self._bring = False
            self.scroll_visible(animate=False)

    def _into_view(self) -> None:
        if self._bring:
            self.scroll_visible(animate=False)


class PlainTable(DataTable):
    """A DataTable whose string cells are shown as they are.

    ``select_on_click``: one tap (click) on a row chooses it, as Enter does. Textual's DataTable
    only moves its cursor on a first click and selects on a second, so on a touch screen a
    citizen's one tap on a session left it unchosen (已选0个) and 下一步 then said to choose one.
    For the lists whose rows are chosen; those that show the highlighted row's details need not.

    Home and End move a row cursor to the first and the last row, as Ctrl+Home and Ctrl+End do:
    Textual's DataTable has them scroll sideways only, so in a list of rows (工作人员账户's) End
    left the cursor where it was.

    A page (a tap on the scrollbar's track, PageDown and PageUp without a row cursor) is as many rows
    as are seen under the header: Textual's page is the whole height, the header's row included, so
    each tap moved 12 rows where 11 were shown and one session in every 12 was never seen (选择场次,
    tester). DataTable's own PageDown with a row cursor already leaves the header out."""

    _filled: tuple = ()  # the rows (and keys) that ``refill`` last put in
    REPEAT_TAP = 0.4  # seconds: a second click on the row just chosen, sooner, is a double-tap's
    _last_tap: tuple[int, float] = (-1, 0.0)  # the row a click last chose, and when (its ``time``)

    def __init__(self, *args: Any, select_on_click: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.select_on_click = select_on_click

    def _on_click(self, event: events.Click) -> None:
        """Textual runs the ``_on_click`` of every class in the MRO, this one first: the cursor is
        put on the cell clicked, so DataTable's own handler, next, sees a click on the highlighted
        row and selects it (calling it from here too would select twice: a session marked and
        unmarked again).

        A second click on the same row within ``REPEAT_TAP`` seconds is a double-tap's: ignored, or
        it chose the session and took it back at once (已选0个, tester). Enter is not a click: each
        Enter still chooses, or takes back."""
        meta = event.style.meta
        if not (self.select_on_click and self.show_cursor and self.cursor_type != "none"):
            return
        if "row" in meta and "column" in meta and meta["row"] >= 0 and meta["column"] >= 0:
            row, now = meta["row"], event.time  # when the app made the click: not later, however busy
            last_row, last_time = self._last_tap
            if row == last_row and now - last_time < self.REPEAT_TAP:
                event.prevent_default()  # DataTable's own handler, next in the MRO, does not run
                return
            self._last_tap = (row, now)
            self.cursor_coordinate = Coordinate(row, meta["column"])

    def action_scroll_home(self) -> None:
        if self.show_cursor and self.cursor_type == "row":
            self.action_scroll_top()
        else:
            super().action_scroll_home()

    def action_scroll_end(self) -> None:
        if self.show_cursor and self.cursor_type == "row":
            self.action_scroll_bottom()
        else:
            super().action_scroll_end()

    def _page_rows(self) -> int:
        """The rows seen under the header (and any fixed rows): what a page moves by."""
        top = self._get_fixed_offset().top
        return max(self.scrollable_content_region.height - top, 1)

    def _page_from(self) -> float:
        """Where a page is counted from: where a scroll under way is going (a second tap while the
        first still slides moves a whole page on from it, not from a row half passed)."""
        if self.app.animator.is_being_animated(self, "scroll_y"):
            return self.scroll_target_y
        return self.scroll_y

    def scroll_page_down(self, **kwargs: Any) -> None:
        self.scroll_to(y=self._page_from() + self._page_rows(), **kwargs)

    def scroll_page_up(self, **kwargs: Any) -> None:
        self.scroll_to(y=self._page_from() - self._page_rows(), **kwargs)

    def refill(self, rows: list[tuple], keys: list[str] | None = None, columns: Sequence[str] | None = None) -> None:
        """Show ``rows`` (with their ``keys``) in place of the rows shown, for a list refreshed by
        itself every few seconds: the cursor stays on its row (by key, else by position) and the
        view where the reader scrolled it; the same rows as before change nothing at all.
        ``columns``: the headers the rows are in, when they may change (kiosk.ui.widgets.fit)."""
        new_columns = columns is not None and list(columns) != [c.label.plain for c in self.ordered_columns]
        if not new_columns and (rows, keys) == self._filled:
            return
        old_key = self._cursor_key()
        cursor, x, y = self.cursor_row, self.scroll_x, self.scroll_y
        self.clear(columns=new_columns)
        if new_columns:
            self.add_columns(*(columns or ()))
            x = 0  # other columns: the old horizontal place means nothing
        for i, row in enumerate(rows):
            self.add_row(*row, key=keys[i] if keys else None)
        self.measure()
        self._filled = (rows, keys)
        if not rows:
            return
        if keys and old_key in keys:
            cursor = keys.index(old_key)
        self.move_cursor(row=min(cursor, len(rows) - 1), scroll=False)
        self.call_after_refresh(self.scroll_to, x, y, animate=False)  # once the page is laid out again

    def clear(self, columns: bool = False) -> "PlainTable":
        """As DataTable's, and the columns kept are as wide as their headers again: Textual only
        widens a column to the rows put in, so the next rows (another citizen's 网办进度) kept the
        widths of the widest ones ever shown (80x24: 更新时间 cut behind a horizontal scrollbar)."""
        self._filled = ()  # what refill put in is gone: the same rows must go in again
        super().clear(columns)
        for column in self.columns.values():
            if column.auto_width:
                column.content_width = measure(self.app.console, column.label, 1)
        return self

    def _cursor_key(self) -> str | None:
        if not self.row_count or not self.is_valid_row_index(self.cursor_row):
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def _update_dimensions(self, new_rows: Any) -> None:
        """Textual (8.2.8, pinned) measures the rows added since the last idle here and widens the
        columns to them, but rows drawn before that stay cached at the old widths (the caches are
        keyed without them): a list read again with the same rows and the focus on it (考试费缴纳
        after paying) showed every cell cut to its header's width until something else changed.
        A new update count draws them again."""
        super()._update_dimensions(new_rows)
        self._update_count += 1
        self.refresh()

    def measure(self) -> None:
        """Measure the rows just put in now: Textual does it when the table is next idle, which can
        come after the next refresh. A line under the list brought into view after that refresh was
        then pushed one row under the page's edge by the list grown late (工作人员账户 after
        创建账户, seen in CI under load). The same steps as DataTable's idle handler."""
        if self._require_update_dimensions:
            self._require_update_dimensions = False
            new_rows = self._new_rows.copy()
            self._new_rows.clear()
            self._update_dimensions(new_rows)

    def add_row(self, *cells: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        return super().add_row(*map(plain, cells), **kwargs)

    def update_cell(self, row_key: Any, column_key: Any, value: Any, **kwargs: Any) -> None:  # type: ignore[override]
        super().update_cell(row_key, column_key, plain(value), **kwargs)

    def update_cell_at(self, coordinate: Any, value: Any, **kwargs: Any) -> None:  # type: ignore[override]
        super().update_cell_at(coordinate, plain(value), **kwargs)
