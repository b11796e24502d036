"""Pilot: 业务中心's 「消息（n条未读）」 follows a message that arrives while the citizen stays on it (the
counter's 办结 sends one); it is read again only while 业务中心 is in front."""
from __future__ import annotations

from kiosk.db.models import Account
from kiosk.services import messaging
from kiosk.ui.screens import home
from kiosk.ui.screens.home import HomeScreen
from tests.booking_helpers import account_id
from tests.ui.conftest import settle, sign_in


def _inbox_label(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#menu-inbox").label)


async def test_the_unread_count_follows_a_message_sent_meanwhile(kiosk_app, env, people, monkeypatch):
    monkeypatch.setattr(home, "UNREAD_POLL", 0.2)
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        assert isinstance(kiosk_app.screen, HomeScreen)
        before = messaging.unread_count(env, account_id(env, p))
        with env.db.write() as s:
            messaging.notify(s, env, s.get(Account, account_id(env, p)), "补换领行驶证（已办结）",
                             "您的补换领行驶证已办结。")
        await pilot.pause(0.6)
        await settle(pilot)
        assert _inbox_label(kiosk_app) == f"消息（{before + 1}条未读）"


async def test_it_is_not_read_while_another_screen_is_in_front(kiosk_app, env, people, monkeypatch):
    monkeypatch.setattr(home, "UNREAD_POLL", 0.2)
    reads: list[int] = []
    real = messaging.unread_count
    monkeypatch.setattr(messaging, "unread_count", lambda e, a: reads.append(a) or real(e, a))
    p = people["driver_normal"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.pause(0.6)
        assert len(reads) >= 2  # on show, then polled
        await pilot.click("#menu-my_vehicles")
        await settle(pilot)
        assert not isinstance(kiosk_app.screen, HomeScreen)
        reads.clear()
        await pilot.pause(0.8)
        assert reads == []
