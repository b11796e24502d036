"""Domain errors carry a message a citizen can read (Chinese) and an optional field name."""
from __future__ import annotations


class DomainError(Exception):
    """A rule was broken. ``message`` is shown to the user as is; ``field`` names the input."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class TooSoon(DomainError):
    """A new SMS code was asked for before the resend wait ended; ``seconds`` are left of it."""

    def __init__(self, message: str, field: str | None, seconds: int) -> None:
        super().__init__(message, field)
        self.seconds = seconds


class NotFound(DomainError):
    pass


class PermissionDenied(DomainError):
    pass


class StaffRevoked(PermissionDenied):
    """The staff account was deactivated, or the role taken away, since the clerk signed in:
    the counter signs the clerk out."""


class Conflict(DomainError):
    """Someone else changed the data first (e.g. the last seat was taken)."""
