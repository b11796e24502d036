"""Step 选择场次: where the focus goes and what is brought into view. A refused 下一步 is said where the
citizen looks, next to the control that puts it right (``refuse``); Enter on 预约模式, and a 查询 that
finds sessions, move the focus on to what comes next (``after_mode``); a resize fits the table
again (``refit``), and the cursor keeps it in view. A part of SessionStep
(kiosk.ui.screens.booking.session_step), which holds the rows, the query shown and the mode."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.containers import ScrollableContainer
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, RadioSet, Static

from ....domain.errors import DomainError
from ....services import booking_query as bq
from ...widgets.choice import ChoiceEntered

# Where a refused 下一步 is said (DomainError.field): "sessions" (or None) above the table, with the
# focus on the table; "query" under 查询, with the focus on it; "range" under 查询 too, with the
# focus on 开始日期 (the search found nothing: other dates are what helps).
ABOVE_TABLE, UNDER_QUERY = ("sessions", None), ("query", "range")
TABLE_ROWS = 12  # the table's height in kiosk.tcss (DataTable max-height), its header included
TABLE_MIN = 6  # the least it is shrunk to, to show the ranking with it: its header and 5 sessions


class SessionFocus:
    """The focus and the view of SessionStep (mixed into it: the same widget)."""

    rows: list[bq.SessionRow]
    queried: tuple[date, date, int | None] | None
    mode: str  # SessionStep.mode: "self", "system" or "priority"
    _typed: Callable[[], tuple[date, date, int | None] | None]  # SessionStep._typed: the range and site typed
    _hint: Callable[[], None]  # SessionStep._hint: the line over the table said anew

    def refuse(self, exc: DomainError) -> bool:
        """下一步 refused for something on this step that is no date field: said where the citizen
        looks and puts it right (see ABOVE_TABLE, UNDER_QUERY), brought into view with the control
        that does it, which gets the focus. It was said in the wizard's line under the buttons, below
        the screen's edge at 80x24 and at 120x40, and 下一步 seemed to do nothing. False: a message
        for a date field (the screen puts it under the field)."""
        table = self.query_one("#sessions", DataTable)
        first_date = self.query_one("#input-date_from", Input)
        if exc.field in ABOVE_TABLE:
            line = self.query_one("#sessions-alert", Static)
            target: Widget = table if table.row_count and table.can_focus else first_date
        elif exc.field in UNDER_QUERY:
            line = self.query_one("#query-error", Static)
            target = self.query_one("#query", Button) if exc.field == "query" else first_date
        else:
            return False
        line.update(exc.message)
        self._hint()  # 请先...【查询】 said under 查询 goes from the line over the table
        target.focus(scroll_visible=False)
        self.call_after_refresh(self._in_view, line, target)
        return True

    def none_in_view(self) -> None:
        """A 查询 that found nothing: the line over the empty table that says so (所选时间段内没有...，
        请更改时间段或考场后重新查询。) wholly in view. At 100x30 its second row was under the page's
        edge, cut at 请更改时间段或考; the focus stays on 查询."""
        if self.is_attached:
            self.query_one("#sessions-hint").scroll_visible(animate=False, immediate=True)

    def _in_view(self, line: Widget, target: Widget) -> None:
        """The message in view with what it concerns: above the table, the line at the top of the
        page and as much of the table under it as fits; under 查询, the button and the line."""
        if not self.is_attached:
            return
        if line.id == "sessions-alert":
            line.scroll_visible(animate=False, top=True, immediate=True)
            return
        self.query_one("#query", Button).scroll_visible(animate=False, immediate=True)
        if target.id == "input-date_from":
            target.scroll_visible(animate=False, immediate=True)
        line.scroll_visible(animate=False, immediate=True)

    def on_choice_entered(self, event: ChoiceEntered) -> None:
        """Enter on 预约模式 (a mode is always chosen): on to what comes next, as Enter on the subjects
        goes on (it only chose before, and the focus stayed: Enter seemed to do nothing)."""
        if event.control.id == "mode":
            event.stop()
            self.call_after_refresh(self._mode_entered)  # after the Changed it may have caused

    def _mode_entered(self) -> None:
        mode = self.query_one("#mode", RadioSet)
        if self.is_attached and self.screen.focused is mode:
            self.after_mode().focus()

    def after_mode(self) -> Widget:
        """What to do once the mode is chosen: 查询 when the dates and site shown have not been queried;
        开始日期 when the query found nothing (other dates help); else choosing sessions in the table
        (自主选择场次) or 下一步 (服从系统安排: nothing to choose)."""
        if self.queried is None or self._typed() != self.queried:
            return self.query_one("#query", Button)
        if not self.rows:
            return self.query_one("#input-date_from", Input)
        if self.mode == "system":
            return self.query_one("#next-sessions", Button)
        return self.query_one("#sessions", DataTable)

    def focus_found(self, page: Widget) -> None:
        """A 查询 found sessions: the focus on what comes next (``after_mode``). On the table, the page
        (``page``, the scrolling one) moves no further than to show it with what is above it
        (``_table_in_view``; a focus centres it: the ranking and 切换至优先预约 went out of sight)."""
        target = self.after_mode()
        if not isinstance(target, DataTable):
            target.focus()
            # back from 确认并提交 the page was just scrolled home and laid out anew: the focus's own
            # scroll came before that layout, and left 下一步 (服从系统安排) focused below the edge
            self.call_after_refresh(self._target_in_view, target)
            return
        target.focus(scroll_visible=False)
        self.call_after_refresh(self._table_in_view, page)

    @staticmethod
    def _target_in_view(target: Widget) -> None:
        if target.is_attached and target.has_focus:
            target.scroll_visible(animate=False, immediate=True)

    def _table_in_view(self, page: Widget) -> None:
        """The whole table in view, so its cursor never goes below the fold, and with it what is said
        over it (``_fit_table``). The ranking was out of view at 100x32 and 120x40."""
        if not self.is_attached:
            return
        top = self._fit_table(page)
        if top is not None:
            self.call_after_refresh(self._from_top, page, top)
        else:
            self.call_after_refresh(self._hint_and_table, page)

    def _fit_table(self, page: Widget) -> Widget | None:
        """The table made as tall as the rows left under the highest of what is said over it that fits
        with it: 切换至优先预约 (it must not go out of sight), the ranking and its rule (none for 优先预约),
        the line 共N个场次... (at most kiosk.tcss's, at least TABLE_MIN); that one is returned, for the
        page to show from. On a screen too small even for that, the table keeps kiosk.tcss's height
        and None is returned: the page shows it with the line above it."""
        table = self.query_one("#sessions", DataTable)
        padded = self.styles.padding.bottom  # room left under the buttons by the last fit
        self.styles.clear_rule("padding")
        link, ranking = self.query_one("#priority-row"), self.query_one("#ranking")
        tops = [w for w in (link, ranking) if w.display and w.virtual_region.height]
        for top in [*tops, self.query_one("#sessions-hint")]:
            room = page.scrollable_content_region.height - (table.virtual_region.y - top.virtual_region.y)
            if room >= TABLE_MIN:
                self._fill(page, table, min(TABLE_ROWS, room), room, padded)
                return top
        table.styles.max_height = None  # kiosk.tcss's
        return None

    def _fill(self, page: Widget, table: DataTable, height: int, room: int, padded: int) -> None:
        """The table ``height`` rows tall, or taller, up to ``room``, when the page would end before it
        could scroll ``top`` to its edge: the rows above ``top`` stayed in view, at 100x30 the bottom
        edge of 预约模式 alone (one border line under the step bar, tester). The table takes them while it has
        sessions to show in them; what it cannot take is left under the buttons, so that the page
        starts at ``top`` and no field is cut at its edge."""
        below = page.virtual_size.height - padded - table.virtual_region_with_margin.bottom  # the buttons...
        fill = room - below  # the height that ends the page at the view's bottom edge
        whole = table.outer_size.height + max(0, table.virtual_size.height - table.scrollable_content_region.height)
        table.styles.max_height = max(height, min(fill, whole))
        if fill > whole:
            self.styles.padding = (0, 0, fill - whole, 0)

    def refit(self, page: Widget) -> None:
        """The terminal was resized: the table sized again for the new height, as a 查询 there sizes it
        (a height measured at 120x40 stayed at 80x24, where the page went back to its top with the
        table below the edge, its cursor out of sight: Enter chose a session never seen, tester).
        With the focus on the table, the page shows it again as after a 查询; else the focus stays
        where it is and so does the page."""
        if not self.is_attached:
            return
        table = self.query_one("#sessions", DataTable)
        if not table.row_count or not table.display:
            return
        if table.has_focus:
            self._table_in_view(page)
        else:
            self._fit_table(page)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The cursor moved: with the table focused, the whole table is brought into the page's view
        (the table scrolls its rows, not the page: on a table scrolled out of view with the wheel,
        the arrow keys moved the cursor out of sight). Not on a screen lower than the table: shown
        from its top, its cursor row could go out of sight."""
        if event.data_table.id == "sessions" and event.data_table.has_focus:
            self.call_after_refresh(self._table_shown, event.data_table)

    @staticmethod
    def _table_shown(table: DataTable) -> None:
        page = next((w for w in table.ancestors if isinstance(w, ScrollableContainer)), None)
        if not table.is_attached or not table.has_focus or page is None:
            return
        view, shown = page.scrollable_content_region, table.region  # empty when none of it is on the screen
        if table.outer_size.height <= view.height and not (shown.height and view.contains_region(shown)):
            table.scroll_visible(animate=False, immediate=True)

    def _from_top(self, page: Widget, top: Widget) -> None:
        if self.is_attached:
            page.scroll_to_widget(top, animate=False, top=True, immediate=True)

    def _hint_and_table(self, page: Widget) -> None:
        if not self.is_attached:
            return
        wanted = self.query_one("#sessions-hint").region.union(self.query_one("#sessions").region)
        page.scroll_to_region(wanted.translate(page.scroll_offset - page.scrollable_content_region.offset),
                              animate=False, immediate=True)
