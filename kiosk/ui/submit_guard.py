"""A step's commit (or choose) control ignores the Enter (or tap) that opened the step, repeated."""
from __future__ import annotations

import time


class SubmitGuard:
    """For a wizard whose step opens with the focus on a control whose press cannot be taken back
    unseen: 提交 (or the code field whose Enter submits) of 确认并提交, a table where Enter chooses
    a row (满分学习考试's 现场教育场次). A second Enter of the one that pressed 下一步 would submit
    before the summary (请核对以下信息) was read, or choose the row the cursor starts on.

    The rule: the screen calls ``step_opened`` when it shows such a step, and the control ignores a
    press while ``too_soon``: until the step has been on view for ``SUBMIT_GUARD`` seconds with no
    key press of it. Each key press ignored starts that moment again, so a held Enter (the
    terminal's key repeat, every few hundredths of a second once it starts) never gets through,
    however long it is held; its first repeat comes after the terminal's repeat delay (0.5 to 0.66 s
    by default), inside the moment. Once the key is let go and the moment has passed, Enter (or a
    tap) is taken. A tap ignored does not start the moment again (KioskApp.last_input_was_click:
    the latest input was the pointer's): taps 0.6 s apart were never taken (tester); a tap once the
    step has been on view for the moment is. The pilot tests set it to 0, or wait it out."""

    SUBMIT_GUARD = 0.8
    _quiet_since = 0.0  # time.monotonic() when the step was shown, or a key press was last ignored

    def step_opened(self) -> None:
        self._quiet_since = time.monotonic()

    def too_soon(self) -> bool:
        """Whether a press now is to be ignored; if so, and a key pressed it, the moment starts
        again from now."""
        now = time.monotonic()
        if now - self._quiet_since < self.SUBMIT_GUARD:
            if not getattr(getattr(self, "app", None), "last_input_was_click", False):
                self._quiet_since = now
            return True
        return False
