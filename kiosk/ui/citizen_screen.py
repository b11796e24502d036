"""A screen of the signed-in citizen's own services (their records, applications, bookings, e-licence)."""
from __future__ import annotations

from .base import KioskScreen


class CitizenScreen(KioskScreen):
    """Opened from the 业务中心 only, so a citizen is signed in while it shows (signing out, or the
    idle timeout, takes every such screen away first)."""

    @property
    def account_id(self) -> int:
        assert self.kiosk.citizen is not None
        return self.kiosk.citizen.account_id
