"""A screen closes only itself: every kiosk screen and dialog is an OwnClose (through ButtonRowKeys).

A burst of Escape (or Enter on 返回) presses the screen's way back once per key, and the presses
are queued before the first has been handled: app.pop_screen() then popped the screen, then the
业务中心 under it, then raised ScreenStackError on the start screen (the kiosk restarted and the
citizen was signed out). Textual's own ``Screen.dismiss`` pops whatever is on top as well. So:

- ``dismiss`` closes the screen only while it is the one on top (``is_active``); once it is
  leaving (popped or replaced: the stack changes at once) or under a dialog, a press is ignored.
- ``replace_with`` (登录 <-> 注册, 查看网办进度) and ``close_to`` (返回业务中心 from under
  several screens) likewise.
- A screen never calls app.pop_screen() for its way back. The start screen and the 业务中心 have
  no way back (KioskScreen.back_button), and ``STAYS`` makes sure no press closes them.
Signing out and the idle timeout close every screen through KioskApp.end_session, not this."""
from __future__ import annotations

import logging
from typing import Any

from textual.await_complete import AwaitComplete
from textual.screen import Screen

log = logging.getLogger("kiosk.ui")


class OwnClose(Screen):
    STAYS = False  # the start screen, the 业务中心: only end_session takes them away

    def closable(self) -> bool:
        """Whether a press of this screen's way back may close it now: it is the one on top."""
        return self.is_active and not self.STAYS

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if not self.closable():
            log.debug("%s is not on top (leaving, or under a dialog): not closed again", self)
            return AwaitComplete.nothing()
        return super().dismiss(result)

    def close_to(self, below: Screen) -> None:
        """Close this screen and those between it and ``below``, which is then on top (返回业务中心
        from 网办进度 opened through other screens), if this screen is still on top."""
        if not self.closable() or below not in self.app.screen_stack:
            return
        while self.app.screen is not below:
            self.app.pop_screen()

    def replace_with(self, screen: Screen) -> None:
        """This screen gives way to ``screen`` (the one under it stays), if it is still on top."""
        if self.closable():
            self.app.switch_screen(screen)
