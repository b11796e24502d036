"""A subcommand's standard output when its reader goes away (`kiosk demo | head`, `kiosk verify ... | true`):
the rest of what it prints is dropped and the command runs on, so it still exits with its own code
(verify's 1 or 2 for a code that is not good, a failed command's 1), not 0 for every command."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO


class _Guarded:
    """``stream`` until a write or flush meets a broken pipe; from then on it writes to os.devnull (the
    descriptor too, as the Python docs advise, so the flush at exit prints no second error)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._drop()
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._drop()

    def _drop(self) -> None:
        self.broken = True
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, self._stream.fileno())
            finally:
                os.close(devnull)
        except (OSError, ValueError):  # a stream with no descriptor of its own: dropping the text is enough
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def guarded_stdout() -> Iterator[None]:
    """sys.stdout guarded for the block, and flushed at its end (where buffered text meets the pipe)."""
    original = sys.stdout
    guard = _Guarded(original)
    sys.stdout = guard  # type: ignore[assignment]
    try:
        yield
    finally:
        guard.flush()
        sys.stdout = original
