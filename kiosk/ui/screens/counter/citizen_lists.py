"""为群众办理: the file's two lists, 考试预约 and 网办进度: their columns fitted to the width (80x24 drops
the columns least needed first), the focus after a look-up (on the first thing to do) or an action
(kept, or back on the list), the row under the cursor kept in view with what is said of it, and Enter
on a row. A part of CitizenScreen (kiosk.ui.screens.counter.citizen), as CitizenActions is."""
from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.geometry import Region
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, Static
from textual.widgets.data_table import RowDoesNotExist

from ....services import counter_bookings
from ....services.booking_records import BookingView
from ....services.counter_citizen import CitizenFile
from ...widgets.fit import fits, refill_to_fit, room
from ...widgets.plain import PlainTable
from .citizen_actions import CANCELLABLE
from .citizen_summary import changed_text, time_and_site

BOOKING_COLUMNS = ("业务流水号", "业务", "科目", "车型", "状态", "考试时间", "考场")
BOOKING_DROP = (3, 1, 0)  # when narrow: 车型, then 业务, then 业务流水号 go, not the time or the site
APP_COLUMNS = ("业务流水号", "业务", "状态", "更新时间")
APP_DROP = (0,)  # when narrow (80x24, a status such as 预约成功（已缴费）): the 业务流水号 goes, the time stays whole


class CitizenLists:
    """The bookings and applications lists of CitizenScreen (mixed into it: the same screen)."""

    file: CitizenFile | None
    back_to_bookings: bool
    done_for: bool
    decided: bool
    changed_row = ""  # the 网办进度 row (业务流水号) the action said in the line under the page changed
    focus_moved = False  # a live reload had to move the focus (what had it went): the note under the list may scroll
    _booking_row: object = None  # the booking the bookings list last highlighted (its row key)
    _app_note_of: tuple[str, str, str] | None = None  # the row the line under 网办进度 speaks of, as it was then
    _choices: Callable[..., tuple[str, ...]]  # CitizenActions._choices: how the counter may finish an application
    show_cancel_target: Callable[[], None]  # CitizenActions.show_cancel_target: the line of 窗口取消所选预约
    finish_selected: Callable[[], None]  # CitizenActions.finish_selected: 办结 the application under the cursor
    selected_booking: Callable[[], BookingView | None]  # CitizenActions.selected_booking
    why_not_cancellable: Callable[[BookingView | None], str]  # CitizenActions.why_not_cancellable

    def _fit_bookings(self) -> None:
        """The file's bookings in the columns that fit (80x24: the time and the site stay whole; what a
        booking waiting for allocation asked for, when even that does not fit, only under the list)."""
        f = self.file
        if f is None:
            return
        page = self.query_one(VerticalScroll)
        for short in (False, True):
            cells = [(b.serial_no or str(b.id), b.title, b.subject_name, b.licence_class, b.status_text,
                      *time_and_site(b, short)) for b in f.bookings]
            if fits(BOOKING_COLUMNS, cells, room(page), BOOKING_DROP):
                break
        refill_to_fit(self.query_one("#bookings", PlainTable), page, BOOKING_COLUMNS, cells,
                      [str(b.id) for b in f.bookings], BOOKING_DROP)

    def _fit_apps(self) -> None:
        """The file's applications (网办进度, the newest 20) in the columns that fit."""
        f = self.file
        if f is None:
            return
        shown = f.applications[:20]
        cells = [(a.serial_no, a.title, a.status_text, f"{a.updated_at:%Y-%m-%d %H:%M}") for a in shown]
        refill_to_fit(self.query_one("#apps", PlainTable), self.query_one(VerticalScroll), APP_COLUMNS, cells,
                      [a.serial_no for a in shown], APP_DROP)

    def app_under_cursor(self) -> tuple[str, str, str] | None:
        """The application under the cursor of 网办进度: its 业务流水号 (the row's key), status and status text."""
        table = self.query_one("#apps", PlainTable)
        if self.file is None or not table.row_count or not table.is_valid_row_index(table.cursor_row):
            return None
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or "")
        a = next((a for a in self.file.applications if a.serial_no == key), None)
        return None if a is None else (key, a.status, a.status_text)

    def drop_stale_app_note(self) -> None:
        """The line under 网办进度 speaks of the row it was said on, as that row was then: it goes when
        the cursor moves to another row or the row's status changes under it (tester: 由审核岗在【审核队列】
        中办理 stayed after the reviewer rejected the photo, 审核不通过, and on the 受理中 row moved to)."""
        if self.app_under_cursor() != self._app_note_of:
            self.query_one("#app-error", Static).update("")

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self._fit_bookings)
        self.call_after_refresh(self._fit_apps)

    def _focus_work(self, f: CitizenFile) -> None:
        """A citizen just looked up: the first thing the counter can do for them has the focus,
        an application to finish, else a booking to cancel (Enter on its row acts on it); else, for
        a person found who has no account, 面签注册; else the ID field, its number selected for the
        next one (or to be typed again: 未查询到 is most often a digit wrong). The focus stayed in
        查询事由, and the next citizen's number went into it as the reason of the same lookup (tester)."""
        waiting = next(iter(self._waiting_rows(f)), None)
        open_ = next((i for i, b in enumerate(f.bookings) if b.status in CANCELLABLE), None)
        for table_id, row in (("#apps", waiting), ("#bookings", open_)):
            if row is not None:
                table = self.query_one(table_id, PlainTable)
                table.move_cursor(row=row)
                table.focus(scroll_visible=False)  # _show_focus scrolls (with the row just changed)
                return
        if f.found and not f.registered and f.kind != "unit":
            self.query_one("#register", Button).focus(scroll_visible=False)
        else:
            self._to_id_field()

    def _cancellable(self) -> bool:
        """Whether the file on screen holds a booking the counter may still cancel."""
        return self.file is not None and any(b.status in CANCELLABLE for b in self.file.bookings)

    def _waiting_rows(self, f: CitizenFile) -> list[int]:
        """The rows of the applications list (its first 20) that wait for the counter to decide."""
        return [i for i, a in enumerate(f.applications[:20]) if self._choices(a)]

    def _keep_focus(self, live: bool = False) -> None:
        """After an action the part that had the focus may be gone: the ID field then takes it, its
        text selected for the next citizen. After an application is finished or turned back
        (``decided``), the next one waiting has it, else the ID field (the row decided kept it, and
        the next number typed went nowhere: tester). After a cancellation the bookings list has it,
        on the same row (``back_to_bookings``), while another booking may still be cancelled; after
        the last, and after 重置绑定手机号 (``done_for``), it goes as after a lookup (_focus_work:
        an application waiting, else the ID field; it stayed on the list or the button, and the next
        number typed went nowhere: tester). ``live`` (read again without
        the clerk acting: the citizen cancelled at a kiosk meanwhile, say): nothing moves or scrolls
        while what has the focus is still there; gone (取消事由 with the cancel part), the list it
        was under takes it, never the ID field the clerk's next keys would go into."""
        bookings = self.query_one("#bookings", PlainTable)
        cancelled, self.back_to_bookings = self.back_to_bookings, False
        done_for, self.done_for = self.done_for or cancelled, False
        if cancelled and bookings.row_count and bookings.display and self._cancellable():
            bookings.focus()
            return
        self.focus_moved = False
        if done_for and not live and self.file is not None:
            self._focus_work(self.file)
            self.call_after_refresh(self._show_focus)  # once the focus moved (focus() takes it later)
            return
        if self.decided and not live:
            self.decided = False
            if not self._to_waiting():
                self._to_id_field()
            self.call_after_refresh(self._show_focus)  # once the focus moved (focus() takes it later)
            return
        focused = self.app.focused
        gone = focused is None or not focused.can_focus or not all(w.display for w in focused.ancestors_with_self)
        if live:
            if gone:
                self._focus_near(focused)
            return
        if gone:
            self._to_id_field()
        self.call_after_refresh(self._show_focus)

    def _to_id_field(self) -> None:
        field = self.query_one("#input-id_number", Input)
        field.focus(scroll_visible=False)  # _show_focus scrolls: centred, the row just changed went under the line
        field.select_all()  # the next citizen's number replaces it (it was kept: 18 digits took no key, tester)

    def _to_waiting(self) -> bool:
        """The cursor and the focus on the next application still waiting for the counter, from the
        cursor down, then from the top (False: none left)."""
        apps = self.query_one("#apps", PlainTable)
        waiting = self._waiting_rows(self.file) if self.file else []
        if not waiting or not apps.display:
            return False
        row = next((i for i in waiting if i >= apps.cursor_row), waiting[0])
        apps.move_cursor(row=row)
        apps.focus(scroll_visible=False)  # _show_focus scrolls
        return True

    def _focus_near(self, was: Widget | None) -> None:
        """The focus on the list next to the control that went (the applications' part: their list;
        else the bookings list), else on the other list, in view; the ID field only when both are empty."""
        in_apps = was is not None and any(w.id in ("apps", "app-part") for w in was.ancestors_with_self)
        for table_id in ("#apps", "#bookings") if in_apps else ("#bookings", "#apps"):
            table = self.query_one(table_id, PlainTable)
            if table.row_count and table.display and table.can_focus:
                table.focus()
                self.focus_moved = True
                self._show_focus()
                return
        self.query_one("#input-id_number", Input).focus()
        self.focus_moved = True

    def say_changed(self, before: BookingView, after: BookingView | None) -> None:
        """A live reload: the booking under the cursor changed meanwhile (cancelled or paid by the
        citizen at a kiosk, placed by the allocation): said in the line under the list."""
        if self.file is None or after is None or (after.status, after.fee_paid_at) == (before.status, before.fee_paid_at):
            return
        if after.status == "cancelled":  # where and when: from the audit log
            self.read_live(counter_bookings.cancelled_note, self.env, self.kiosk.staff, self.file.account_id,
                           after.id, done=lambda text: self._live_note(text, after.id))
        else:
            self.call_after_refresh(self._live_note, changed_text(before, after), after.id)

    def _live_note(self, text: str, booking_id: int) -> None:
        """``text`` under the list while its booking is still under the cursor; scrolled into view
        only when the focus had to move (a live reload does not scroll the page otherwise)."""
        b = self.selected_booking()
        if not text or b is None or b.id != booking_id:
            return
        note = self.query_one("#booking-error", Static)
        note.update(text)
        if self.focus_moved:
            note.scroll_visible(animate=False)

    def _show_focus(self) -> None:
        """What has the focus in view, once the file is laid out (80x24: the first application's
        row is below the screen otherwise, and Enter would act on a row the clerk never saw). For a
        list, its row under the cursor, with the list's title and header above it when they fit.
        The 网办进度 row the last action changed (``changed_row``) too when both fit (120x40: after
        确认取消 the page stayed at the ID field, the row with its 已取消 under the line)."""
        focused, page = self.focused, self.query_one(VerticalScroll)
        if focused is None:
            return
        if not (isinstance(focused, DataTable) and focused.row_count and focused.parent is page):
            region = self._in_page(focused.region, page)
        else:
            box = focused.virtual_region
            row = focused._get_row_region(focused.cursor_row)  # noqa: SLF001 - the row's place in the list
            top, bottom = box.y - 1, box.y + row.y - round(focused.scroll_y) + row.height  # from the title line
            if bottom - top > page.scrollable_content_region.height:
                top = bottom - row.height
            region = Region(box.x, top, box.width, bottom - top)
        changed = self._changed_region(page)
        if changed is not None and region.union(changed).height <= page.scrollable_content_region.height:
            region = region.union(changed)
        page.scroll_to_region(region, animate=False, immediate=True)

    @staticmethod
    def _in_page(screen_region: Region, page: VerticalScroll) -> Region:
        """A region of the screen as a place in the page's scrolled content."""
        inner = page.scrollable_content_region
        return screen_region.translate((round(page.scroll_x) - inner.x, round(page.scroll_y) - inner.y))

    def _changed_region(self, page: VerticalScroll) -> Region | None:
        """The row of 网办进度 the last action changed, in the page's content (None: none shown)."""
        apps = self.query_one("#apps", PlainTable)
        if not self.changed_row or not apps.display or apps.parent is not page:
            return None
        try:
            index = apps.get_row_index(self.changed_row)
        except RowDoesNotExist:  # not among the newest 20
            return None
        box, row = apps.virtual_region, apps._get_row_region(index)  # noqa: SLF001
        return Region(box.x, box.y + row.y - round(apps.scroll_y), box.width, row.height)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "apps":
            self.drop_stale_app_note()
            if event.data_table.has_focus:  # 80x24: the row moved to in view
                self.call_after_refresh(self._show_focus)
        if event.data_table.id == "bookings":
            # What is said under the list is of the booking under the cursor: it goes when another
            # comes there, not when a refill highlights the same one again (a refused cancellation
            # said why after the refill; under load the refill's highlight came after and took it away).
            if event.row_key.value != self._booking_row:
                self._booking_row = event.row_key.value
                self.query_one("#booking-error", Static).update("")
            self.show_cancel_target()
            if event.data_table.has_focus:  # 80x24: the row and what is said of it kept in view
                self.call_after_refresh(self._show_below_bookings)

    def _show_below_bookings(self) -> None:
        """The lines under the bookings list in view (so is the list's bottom row, above them)."""
        target = self.query_one("#cancel-target", Static)
        below = target if target.display and self.query_one("#cancel-part").display else self.query_one("#booking-error")
        below.scroll_visible(animate=False)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row: 办结 for an application; a booking asks for the cancellation reason
        first, or says at once why it cannot be cancelled (the focus stays on the row)."""
        if event.data_table.id == "apps":
            self.finish_selected()
        elif event.data_table.id == "bookings":
            why = self.why_not_cancellable(self.selected_booking())
            if why:
                self.query_one("#booking-error", Static).update(why)
                self.call_after_refresh(self._show_below_bookings)
            else:
                self.query_one("#input-cancel_reason", Input).focus()
