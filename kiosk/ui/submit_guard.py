"""A confirmation step's submit button ignores the Enter (or tap) that opened the step, repeated."""
from __future__ import annotations

import time


class SubmitGuard:
    """For a wizard whose 确认并提交 step opens with the focus on the button that submits (its main
    control, or the code field whose Enter submits): a second Enter of the one that pressed 下一步
    would submit before the summary (请核对以下信息) was read. The screen calls ``confirm_opened``
    when it shows the step, and its submit ignores a press while ``too_soon``: the first
    ``SUBMIT_GUARD`` seconds of the step (the pilot tests set it to 0, or wait it out)."""

    SUBMIT_GUARD = 0.5
    _confirm_opened = 0.0  # time.monotonic() when the step was last shown

    def confirm_opened(self) -> None:
        self._confirm_opened = time.monotonic()

    def too_soon(self) -> bool:
        return time.monotonic() - self._confirm_opened < self.SUBMIT_GUARD
