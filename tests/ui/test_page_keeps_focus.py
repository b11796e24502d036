"""Pilot: what has the focus on a page stays in view, with the row of buttons under it, when the
page's content grows after it was brought there (kiosk.ui.widgets.page.Page._resized).

The booking wizard at 80x24 lost 预约 below the edge now and then on a loaded machine: the SMS bar
shortened the page and make_room brought the code field and 预约 into view, and only then did the
scrollbar the shorter page needed narrow the text, which wrapped onto one more line and pushed
预约 down. Here the growth comes on purpose, after the focus was in view."""
from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Static

from kiosk.ui.widgets.page import Page


class _Form(App):
    CSS = "Page { height: 1fr; } .buttons { height: 1; } Button { min-width: 8; height: 1; border: none; }"

    def compose(self) -> ComposeResult:
        with Page():
            yield Static("\n".join(f"第{i}行" for i in range(8)), id="text")
            yield Input(id="code")
            with Horizontal(classes="buttons"):
                yield Button("预约", id="submit")


def _in_view(app: App, selector: str) -> bool:
    page = app.screen.query_one(Page)
    return page.region.contains_region(app.screen.query_one(selector).region)


async def test_the_focus_and_its_buttons_stay_in_view_when_the_page_grows_above_them():
    app = _Form()
    async with app.run_test(size=(40, 14)) as pilot:
        app.screen.query_one("#code").focus()
        await pilot.pause()
        assert _in_view(app, "#code") and _in_view(app, "#submit")
        app.screen.query_one("#text", Static).update("\n".join(f"第{i}行" for i in range(14)))
        for _ in range(3):
            await pilot.pause()
        assert _in_view(app, "#code") and _in_view(app, "#submit")


async def test_a_page_that_is_read_from_keeps_what_is_read_in_view_not_the_focus():
    """While a detail is read (read_from), a resize keeps that in view, not the focus."""
    app = _Form()
    async with app.run_test(size=(40, 14)) as pilot:
        page = app.screen.query_one(Page)
        text = app.screen.query_one("#text", Static)
        text.update("\n".join(f"第{i}行" for i in range(20)))
        await pilot.pause()
        page.read_from(text)
        await pilot.pause()
        app.screen.query_one("#code").focus(scroll_visible=False)
        await pilot.resize_terminal(40, 12)
        for _ in range(3):
            await pilot.pause()
        assert page.scroll_y == 0 and not _in_view(app, "#code")
