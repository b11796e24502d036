"""Demo mode: the SMS a citizen's phone would receive, shown in a bar docked at the bottom.

It is a docked widget rather than a floating toast: a toast drawn over other widgets gets its
double-width Chinese characters split where it crosses their edges. Plain: the text is shown as
it is, square brackets included. The page gets shorter by the bar's rows; what has the focus (the
SMS code field, just focused) is then scrolled back into view."""
from __future__ import annotations

from textual import events

from .in_view import keep_focus_in_view
from .plain import Plain

SHOW_SECONDS = 45


class PhoneBar(Plain):
    DEFAULT_CSS = """
    PhoneBar { dock: bottom; height: auto; max-height: 4; width: 100%; padding: 0 1;
               background: $panel; color: $text; border-top: solid $accent; }
    """

    def show(self, text: str) -> None:
        self.update(f"手机通知（演示）  {text}")
        self.display = True
        if getattr(self, "_hide_timer", None) is not None:
            self._hide_timer.stop()
        self._hide_timer = self.set_timer(SHOW_SECONDS, self.remove)

    def on_resize(self, event: events.Resize) -> None:
        """The bar has taken (more) rows from the bottom of the page, once laid out: bring the focus back."""
        self.call_after_refresh(keep_focus_in_view, self.screen)
