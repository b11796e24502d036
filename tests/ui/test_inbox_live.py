"""Pilot: the open 消息 list takes in a message sent meanwhile (the counter's 办结), the cursor staying
on the message it was on, the focus where it was, and the new one left 未读 until it is highlighted
(tester: 周杰's 消息 said 共5条消息 20 s after the SMS bar said 已办结)."""
from __future__ import annotations

from kiosk.db.models import Account
from kiosk.services import messaging
from kiosk.ui.screens import records
from kiosk.ui.screens.records import InboxScreen
from kiosk.ui.widgets.plain import PlainTable
from tests.booking_helpers import account_id
from tests.ui.conftest import screen_text, settle, sign_in


def _send(env, aid: int, title: str, body: str) -> None:  # type: ignore[no-untyped-def]
    with env.db.write() as s:
        messaging.notify(s, env, s.get(Account, aid), title, body)
    env.clock.advance(minutes=1)  # newest first by time


async def test_a_message_sent_meanwhile_comes_in(kiosk_app, env, people, monkeypatch):
    monkeypatch.setattr(records, "LIVE_SECONDS", 0.3)
    p = people["two_cars"]
    aid = account_id(env, p)
    for n in range(3):  # messages of earlier services
        _send(env, aid, f"变更驾驶证联系方式{n}", f"您的变更驾驶证联系方式申请（第{n}次）已办结。")
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        await pilot.click("#menu-inbox")
        await settle(pilot)
        screen = kiosk_app.screen
        assert isinstance(screen, InboxScreen)
        before = len(screen.rows)
        assert before >= 3 and f"共{before}条消息" in screen_text(kiosk_app)
        table = screen.query_one(PlainTable)
        assert kiosk_app.focused is table
        await pilot.press("down")  # the second message, read
        await settle(pilot)
        on = screen.rows[1]
        _send(env, aid, "补换领行驶证（已办结）",  # the counter's 办结, meanwhile
              "您的补换领行驶证申请（业务流水号2612010000000099）已办结：行驶证已邮寄，请注意查收。")
        await pilot.pause(1.0)  # the screen's own timer, nothing pressed
        await settle(pilot)
        assert f"共{before + 1}条消息" in screen_text(kiosk_app)
        assert [str(c) for c in table.get_row_at(0)][1:] == ["补换领行驶证（已办结）", "未读"]
        assert table.cursor_row == 2 and screen.rows[2].id == on.id  # still on the message it was on
        assert on.title in screen_text(kiosk_app).split("\n", 1)[1]  # its content under the list
        assert kiosk_app.focused is table
        assert messaging.unread_count(env, aid) >= 1 and not screen.rows[0].read  # not marked read unseen
        await pilot.press("home")  # highlighted: shown, and read
        await settle(pilot)
        assert "行驶证已邮寄，请注意查收" in screen_text(kiosk_app)
        assert [str(c) for c in table.get_row_at(0)][2] == "已读"
        assert not any(m.id == screen.rows[0].id and not m.read for m in messaging.inbox(env, aid))
