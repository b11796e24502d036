"""Pilot: 为群众办理 finishes (办结, choosing how) and turns back (退办, with a reason) a 网办
application waiting for the DMV; the table and the citizen's SMS follow."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import Application, Message
from kiosk.services import counter_applications
from kiosk.ui.dialogs.choose import ChooseDialog
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.citizen import CitizenScreen
from tests.app_helpers import apply_for
from tests.booking_helpers import account_id
from tests.ui.conftest import field_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import SIZE, look_up, press


def _select_app(app, serial: str) -> None:  # type: ignore[no-untyped-def]
    table = app.screen.query_one("#apps")
    table.move_cursor(row=table.get_row_index(serial))


def _status(env, serial: str) -> str:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return s.scalar(select(Application.status).where(Application.serial_no == serial))


async def test_finish_by_post_and_turn_back_with_a_reason(env, people, document_service):
    p = people["driver_normal"]
    acc = account_id(env, p)
    posted, withdrawn = apply_for(env, document_service, acc, "邮寄"), apply_for(env, document_service, acc)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        assert "办结所选业务" in screen_text(app)
        _select_app(app, posted)
        await press(pilot, "finish-app")
        assert isinstance(app.screen, ChooseDialog) and posted in screen_text(app)
        await pilot.click("#answer-0")  # 已邮寄
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen)
        assert _status(env, posted) == "已办结"
        _select_app(app, posted)  # finished now: nothing more to do with it
        await press(pilot, "finish-app")
        assert isinstance(app.screen, CitizenScreen) and "请在网办进度列表中选择受理中" in screen_text(app)
        _select_app(app, withdrawn)
        await press(pilot, "refuse-app")
        assert "请填写退办理由" in field_error(app, "refuse_reason")
        set_input(app, "refuse_reason", "申请人要求撤回")
        await press(pilot, "refuse-app")
        assert isinstance(app.screen, ConfirmDialog) and "退办理由：申请人要求撤回" in screen_text(app)
        await pilot.click("#yes")
        await settle(pilot)
        assert _status(env, withdrawn) == "已退办"
        assert "办结所选业务" not in screen_text(app)  # nothing left waiting for the counter
    with env.db.read() as s:
        sms = list(s.scalars(select(Message.body).where(Message.account_id == acc, Message.channel == "sms")))
    assert any(posted in b and "证件已邮寄" in b for b in sms) and any(withdrawn in b and "已退办" in b for b in sms)


async def test_an_application_decided_elsewhere_is_explained_and_the_list_reloaded(env, people, document_service):
    p = people["driver_normal"]
    acc = account_id(env, p)
    serial = apply_for(env, document_service, acc)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        counter_applications.finish(env, app.staff, acc, serial, "已在窗口领取")  # another counter, meanwhile
        _select_app(app, serial)
        await press(pilot, "finish-app")
        await pilot.click("#answer-1")
        await settle(pilot)
        text = screen_text(app)
        assert "当前状态为已办结，无需再办理" in text and "办结所选业务" not in text


async def test_at_80x24_the_refusal_is_scrolled_into_view(env, people, document_service):
    p = people["driver_normal"]
    acc = account_id(env, p)
    serials = [apply_for(env, document_service, acc) for _ in range(6)]
    counter_applications.finish(env, _clerk(), acc, serials[0], "已在窗口领取")
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        _select_app(app, serials[0])  # finished already: nothing to do with it
        await press(pilot, "finish-app")
        note = app.screen.query_one("#app-error")
        assert "请在网办进度列表中选择受理中" in str(note.render())
        assert 0 <= note.region.y and note.region.bottom <= 24 and note.region.height > 0  # on screen


def _clerk():  # type: ignore[no-untyped-def]
    from kiosk.services.staff import StaffSession

    return StaffSession("J1001", "王警官", ("counter",))


async def test_after_finishing_the_cursor_goes_on_to_the_next_waiting(env, people, document_service):
    """It stayed on the application just finished, where Enter only said to choose one waiting (tester)."""
    p = people["driver_normal"]
    acc = account_id(env, p)
    serials = [apply_for(env, document_service, acc) for _ in range(4)]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#apps")
        _select_app(app, serials[1])
        row = table.cursor_row
        assert row > 0  # not the first row, or the test proves nothing
        await press(pilot, "finish-app")
        assert isinstance(app.screen, ChooseDialog), str(app.screen.query_one("#app-error").render())
        await press(pilot, "answer-1")  # 已在窗口领取
        assert _status(env, serials[1]) == "已办结"
        below = [s for s in serials if table.get_row_index(s) > row]
        waiting_next = min(below or [s for s in serials if s != serials[1]], key=table.get_row_index)
        assert table.cursor_row == table.get_row_index(waiting_next) and app.focused is table


async def test_the_keyboard_goes_from_the_lookup_to_the_finish_in_few_keys(env, people, document_service):
    """A clerk's tester: 7 Tabs from the lookup to the applications, and the focus lost after the last one."""
    p = people["driver_normal"]
    acc = account_id(env, p)
    serial = apply_for(env, document_service, acc)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#apps")
        assert app.focused is table and table.get_row_index(serial) == table.cursor_row  # the waiting one
        await pilot.press("enter")  # Enter on the row: 办结
        await settle(pilot)
        assert isinstance(app.screen, ChooseDialog) and app.focused.id == "no"  # two ways: nothing chosen for the clerk
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen) and _status(env, serial) == "受理中"
        assert "未办结" in str(app.screen.query_one("#citizen-message").render())  # not a silent close
        await pilot.press("enter")
        await settle(pilot)
        await press(pilot, "answer-1")  # 已在窗口领取
        # the last one waiting: the ID field, its number selected for the next citizen's
        assert _status(env, serial) == "已办结" and app.focused is app.screen.query_one("#input-id_number")


async def test_after_the_last_refusal_the_id_field_has_the_focus(env, people, document_service):
    p = people["driver_normal"]
    acc = account_id(env, p)
    serial = apply_for(env, document_service, acc)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        set_input(app, "refuse_reason", "申请人要求撤回")
        app.screen.query_one("#input-refuse_reason").focus()
        await pilot.press("enter")  # the reason field's Enter: 退办所选业务
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert _status(env, serial) == "已退办"
        assert not app.screen.query_one("#app-part").display  # the part that had the focus is gone
        assert app.focused is not None and app.focused.id == "input-id_number"  # ready for the next citizen


async def test_with_one_way_to_finish_the_dialog_opens_on_the_safe_choice(env):
    """办结 cannot be undone: Enter, Enter on the row must not do it, as no other confirmation does."""
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ChooseDialog("办结？", ("已在窗口领取",)))
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "no"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ChooseDialog)


async def test_enter_enter_on_a_row_with_one_way_does_not_finish_it(env, people, document_service, monkeypatch):
    """The tester's case: one way offered (collected at the window, as asked); Enter on the row
    opens 办结 on 暂不办理, so a second Enter leaves the application 受理中."""
    monkeypatch.setattr(document_service, "finish_by", ("where", {"窗口": "已在窗口领取"}), raising=False)
    p = people["driver_normal"]
    serial = apply_for(env, document_service, account_id(env, p))
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ChooseDialog) and "已在窗口领取" in screen_text(app)
        assert app.focused is not None and app.focused.id == "no"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen) and _status(env, serial) == "受理中"


async def test_a_photo_in_review_is_said_to_be_the_reviewers(env, people):
    """Tester: Enter on 刘洋's 更换电子驾驶证照片 (待审核) got only 请在网办进度列表中选择受理中...; now
    why this one: it waits for the reviewer, in 审核队列."""
    from kiosk.config import ASSETS
    from kiosk.services import elicence

    p = people["driver_normal"]
    acc = account_id(env, p)
    elicence.apply_direct(env, acc)
    serial = elicence.change_photo(env, acc, "camera", ASSETS / "photos" / "camera_1.png").serial_no
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#apps")
        _select_app(app, serial)
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen)
        note = str(app.screen.query_one("#app-error").render())
        assert "该业务正在等待审核岗审核照片，由审核岗在【审核队列】中办理" in note
        assert "请在网办进度列表中选择" not in note


async def test_the_reviewers_note_goes_with_its_row_and_with_its_status(env, people, document_service):
    """Tester: the note of 刘洋's 待审核 photo (由审核岗在【审核队列】中办理) stayed once the reviewer had
    rejected it (the live read showed 审核不通过) and on the 受理中 row moved to, which the clerk must
    decide. Now the note speaks of its row as it is: another row, or another status, and it goes."""
    from kiosk.config import ASSETS
    from kiosk.services import counter_review, elicence
    from kiosk.services.staff import StaffSession

    p = people["driver_normal"]
    acc = account_id(env, p)
    elicence.apply_direct(env, acc)
    photo = elicence.change_photo(env, acc, "camera", ASSETS / "photos" / "camera_1.png").serial_no
    other = apply_for(env, document_service, acc)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        table, note = app.screen.query_one("#apps"), app.screen.query_one("#app-error")
        waiting = "该业务正在等待审核岗审核照片"
        step = "up" if table.get_row_index(other) < table.get_row_index(photo) else "down"
        for leave in ("cursor", "status"):
            _select_app(app, photo)
            table.focus()
            await pilot.press("enter")
            await settle(pilot)
            assert waiting in str(note.render()), leave
            if leave == "cursor":
                await pilot.press(step)
                await settle(pilot)
                assert table.get_row_index(other) == table.cursor_row
            else:
                counter_review.reject(env, StaffSession("J1002", "李审核", ("review",)), photo,
                                      counter_review.REJECT_REASONS[2])
                app.screen._live()  # what the 5 s timer does
                await settle(pilot)
                assert "审核不通过" in screen_text(app) and table.get_row_index(photo) == table.cursor_row
            assert waiting not in str(note.render()), leave
            assert isinstance(app.screen, CitizenScreen)
