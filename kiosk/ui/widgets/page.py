"""A screen's scrolling page of text: a Tab stop only while it has something to scroll.

A page that is a Tab stop (kiosk.tcss: focused, it shows a bar down its left side and the arrow
keys scroll it) was one even when all of it fitted: Tab then stopped on it for nothing (the
tester's 驾驶证信息 and 换照片 screens: 「the first Tab only puts an orange bar down the left
edge」). A Page is a Tab stop only while some of what it shows is out of view, at the size it
has now. Blank lines do not count: the empty line kept for a message (``.screen-error``, a
field's ``.field-error``) or a margin below the buttons made a whole form at 80x24 (驾驶证补换领,
考试预约) one line taller than the page, and the page a Tab stop that scrolled to nothing.

A form's page (``form=True``, the service flow's) is no Tab stop either while it shows a form field
(a text field, a list to choose from, a box to tick): every part of it is a control or the label
and line of one, focusing a control scrolls it into view, and the page in the Tab order was a stop
that did nothing (the tester's 补换领机动车号牌 with 窗口领取: Tab after 下一步 put the bar down the
left edge). Its steps of text and buttons only (请核对以下信息 without a code, 办理结果) still are,
while long. Pages with a report below their fields (考试计划与安排) are not made with ``form``."""
from __future__ import annotations

from collections.abc import Iterator

from textual import events
from textual.containers import ScrollableContainer, VerticalScroll
from textual.errors import NoWidget
from textual.geometry import Size
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from .in_view import keep_focus_in_view


class Page(VerticalScroll):
    # What read_from brought into view, with the content it had then (while it has it, the page keeps
    # it in view after a resize), and what had the focus before
    _reading: tuple[Widget, object] | None = None
    _focus_before: Widget | None = None
    _size_before: Size | None = None  # the page's size at its last Resize

    class Resized(Message):
        """The page's own size changed (laid out already); ``grown``: only taller, as wide as before."""

        def __init__(self, page: Page, grown: bool) -> None:
            super().__init__()
            self.page, self.grown = page, grown

    def __init__(self, *children: Widget, form: bool = False, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*children, **kwargs)
        self.form = form

    def on_mount(self) -> None:
        # after the refresh: the regions the hint reads are those of the scroll just made (read at
        # once, they were the last one's: scrolled back home from the end, the line stayed away)
        self.watch(self, "scroll_y", lambda _y: self.call_after_refresh(self._tell_hints), init=False)

    def _tell_hints(self) -> None:
        """The screen's 下方还有内容 line (kiosk.ui.widgets.more_below), if it has one, shown or not;
        its number pad's keys too, shown while a field of digits is in the view (keypad_box)."""
        from .keypad_box import follow_keypad
        from .more_below import MoreBelow

        if self.is_attached:
            for hint in self.screen.query(MoreBelow):
                hint.follow(self)
            follow_keypad(self.screen)

    def top_after_shift_tab(self, widget: Widget) -> None:
        """Shift+Tab (the key: kiosk.ui.app.KioskApp.action_focus_previous) just focused ``widget``: when
        it is the page's first control, the page scrolled, and the line under it says 上方还有内容 ...
        （或按Shift+Tab键）, the page goes to its top after the refresh (the intro above that control in
        view again) if the control, with its label and message, still fits from there. In 驾驶证补换领
        at 100x30 and 满分学习考试 at 80x20 Shift+Tab walked up the fields, each scrolled just into
        view, and never brought the intro back: the line stayed. Never for a focus set by the app (the
        SMS code of 考试预约's 确认并提交, focused as the code is sent: at the top 上一步 went under the
        phone bar), nor under a line that names another key (the booking lists' PageUp)."""
        if self._says_shift_tab() and self.scroll_y > 0:
            self.call_after_refresh(self._top_for, widget)

    def _says_shift_tab(self) -> bool:
        from .more_below import MORE_ABOVE_TEXT, MoreBelow

        return self.parent is not None and any(
            hint.ABOVE_TEXT == MORE_ABOVE_TEXT for hint in self.parent.query_children(MoreBelow))

    def _top_for(self, widget: Widget) -> None:
        if self.scroll_y <= 0 or self.screen.focused is not widget or not widget.is_attached:
            return
        if widget is not next((w for w in self.screen.focus_chain if self in w.ancestors), None):
            return
        from .field import FormField

        box = next((n for n in widget.ancestors_with_self if isinstance(n, FormField) or n.has_class("field-box")),
                   widget)  # a field's label and message with it
        view = self.scrollable_content_region
        if box.region.bottom - view.y + self.scroll_y <= view.height:  # its bottom in view from the top
            self.scroll_home(animate=False, immediate=True)

    def focus_on_click(self) -> bool:
        """Not for a tap on a 下方还有内容 line inside the page (under 考试预约's session table,
        kiosk.ui.widgets.more_below.MoreInList): the line pages its list, and the list (or the field)
        focused keeps the focus, as for the page's own line beside it (tester: the page took it)."""
        from .more_below import MoreBelow

        try:
            under, _ = self.screen.get_widget_at(*self.app.mouse_position)
        except NoWidget:
            return super().focus_on_click()
        return not isinstance(under, MoreBelow) and super().focus_on_click()

    def allow_focus(self) -> bool:
        return self.can_focus and self.has_more_to_show and not (self.form and self.shows_fields)

    @property
    def shows_fields(self) -> bool:
        """A form field on view in the page (not hidden by it or by a box it is in)."""
        return any(all(n.display for n in w.ancestors_with_self) for w in
                   self.query("Input, RadioSet, ToggleButton, Select, TextArea"))  # their subclasses too

    def read_from(self, widget: Widget) -> None:
        """``widget`` (a detail that may be long, at 80x24) into view from its top, and the page
        focused so the arrow keys read on (Tab goes back to what was before it); when all of it
        shows already, nothing moves. Until ``widget`` shows something else, the page does it again
        when its size or its content's changes: the layout of a long detail takes more than one
        refresh (the scrollbar it brings narrows the text), and the first scroll, measured before
        the last, stopped short (the certificate at 90x28 had a row of the list above it); after a
        resize its top stays at the top of the view."""
        self._reading = (widget, getattr(widget, "content", None))
        self._focus_before = self.screen.focused
        self._read()

    def _read(self) -> None:
        if self._reading is None:
            return
        widget, content = self._reading
        if not widget.is_attached or not widget.display or getattr(widget, "content", None) is not content:
            self._reading = None  # it shows something else now (another row's detail): read no more
            return
        if self.scrollable_content_region.contains_region(widget.region):
            return
        if widget.parent is self:  # its first row on the view's first: scroll_to_widget keeps its margin
            # in view too, a blank row above the certificate's title (考试预约凭证 at 100x30 and 80x24)
            self.scroll_to_region(widget.virtual_region, top=True, animate=False)
        else:
            self.scroll_to_widget(widget, top=True, animate=False)
        if self.screen.focused is self._focus_before and self.allow_focus():  # not if the user moved it
            self.focus(scroll_visible=False)

    def on_resize(self, event: events.Resize) -> None:  # the page's own size (a Resize comes only for that)
        before, self._size_before = self._size_before, event.size
        grown = before is not None and event.size.width == before.width and event.size.height > before.height
        self.call_after_refresh(self._resized, keep_focus=not grown)
        self.post_message(self.Resized(self, grown))

    def watch_virtual_size(self) -> None:  # what it holds (a detail grown, text wrapped anew)
        self.call_after_refresh(self._resized)

    def _resized(self, keep_focus: bool = True) -> None:
        """After a resize (of the terminal, or of what the page holds): what is read stays in view,
        and a focused page with nothing left to scroll gives the focus back to what had it before
        read_from (else to the first thing it holds that takes it): a page is a Tab stop only while
        it has more to show, and its bar down the left edge said there was.

        With nothing being read, a field being typed in stays in view, with the row of buttons under
        it (keep_focus_in_view). A change of size can take them out of view after they were brought
        there: the SMS bar that shortens the page gives it a scrollbar, which narrows its text, and
        a line that wraps anew pushed 预约 below the edge at 80x24 (a loaded machine ran the bar's
        make_room between the two layouts). Only a field: a list that has the focus (the sessions
        found by 查询) is left where its step put it, with what is above it in sight. Not when the page
        only grew taller (the 下方还有内容 line gone, the SMS bar gone): nothing left the view, and a
        field the citizen had scrolled away from (a tap on that line, at the end) was brought back,
        which showed the line again: at 80x13 考试预约's 选择场次 never reached its end."""
        self._read()
        self._tell_hints()
        focused = self.screen.focused
        if keep_focus and self._reading is None and isinstance(focused, Input) and self in focused.ancestors:
            keep_focus_in_view(self.screen)
        if not self.has_focus or self.allow_focus():
            return
        before = self._focus_before
        if before is not None and before is not self and before.is_attached and before.focusable:
            before.focus()
            return
        inside = next((w for w in self.screen.focus_chain if self in w.ancestors), None)
        if inside is not None:
            inside.focus()

    @property
    def has_more_to_show(self) -> bool:
        """Something that is not blank lies (partly) outside the view: scrolling shows it."""
        if self.max_scroll_y <= 0 and self.max_scroll_x <= 0:
            return False
        view = self.scrollable_content_region
        for widget in _shown_leaves(self):
            region = widget.region
            if region.height and region.width and not view.contains_region(region):
                return True
        return False

    @property
    def has_more_below(self) -> bool:
        """Something that is not blank lies (partly) below the view: scrolling down shows it."""
        if self.max_scroll_y <= 0 or self.scroll_y >= self.max_scroll_y:
            return False
        bottom = self.scrollable_content_region.bottom
        return any(w.region.height and w.region.bottom > bottom for w in _shown_leaves(self))

    @property
    def has_more_above(self) -> bool:
        """Something that is not blank lies (partly) above the view: scrolling up shows it."""
        if self.scroll_y <= 0:
            return False
        top = self.scrollable_content_region.y
        return any(w.region.height and w.region.y < top for w in _shown_leaves(self))


def _shown_leaves(container: Widget) -> Iterator[Widget]:
    """The displayed widgets in ``container`` that hold no displayed widget (a box that scrolls by
    itself, as a list or a notice, counts whole), without blank text."""
    for child in container.children:
        if not child.display:
            continue
        if any(c.display for c in child.children) and not isinstance(child, ScrollableContainer):
            yield from _shown_leaves(child)
        elif not (isinstance(child, Static) and not str(child.content).strip()):
            yield child


def top_after_shift_tab(screen: Screen) -> None:
    """After Shift+Tab moved the focus on ``screen``: the page it landed in goes to its top when it
    landed on the page's first control (Page.top_after_shift_tab)."""
    focused = screen.focused
    page = next((n for n in focused.ancestors if isinstance(n, Page)), None) if focused is not None else None
    if page is not None:
        page.top_after_shift_tab(focused)
