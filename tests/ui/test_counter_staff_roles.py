"""Pilot: 工作人员账户's 修改角色 (there was no way to change a clerk's role), 创建账户 asking first (one
stray Enter ticked 管理员 and the next made the account at once), and a refusal said where what was
done is said (it was above the buttons, what was done below them)."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, Staff
from kiosk.services import staff_roles
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.staff_admin import StaffAdminScreen
from kiosk.ui.widgets.choice import Tick
from tests.ui.conftest import screen_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import choose_staff, press
from tests.ui.test_counter_staff_message import right_under, said

ROLES = ("counter", "review", "exam_admin", "verify", "admin")


def ticked(app) -> list[str]:  # type: ignore[no-untyped-def]
    screen = next(s for s in app.screen_stack if isinstance(s, StaffAdminScreen))
    return [r for r in ROLES if screen.query_one(f"#set-role-{r}", Tick).value]


def tick(app, role: str, value: bool = True) -> None:  # type: ignore[no-untyped-def]
    app.screen.query_one(f"#set-role-{role}", Tick).value = value


def _roles(env, staff_no: str) -> list[str]:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return list(s.scalars(select(Staff).where(Staff.staff_no == staff_no)).one().roles)


def _audited(env, action: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    with env.db.read() as s:
        return [(e.actor, e.detail) for e in s.scalars(select(AuditEntry).where(AuditEntry.action == action))]


async def test_a_role_change_asks_first_naming_the_account_and_both_roles(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        assert all(app.screen.query_one(f"#set-role-{r}", Tick).disabled for r in ROLES)  # nothing picked
        await choose_staff(pilot, "J1001")
        assert ticked(app) == ["counter"]  # its roles as they are
        tick(app, "review")
        await press(pilot, "set-roles")
        assert isinstance(app.screen, ConfirmDialog)
        text = screen_text(app)
        assert "确认修改账户 J1001 王警官 的角色？" in text
        assert "原角色：窗口民警/辅警" in text and "新角色：窗口民警/辅警、审核" in text and "新增：审核" in text
        assert app.focused is app.screen.query_one("#no")  # the safe answer
        await pilot.press("enter")  # 暂不办理
        await settle(pilot)
        assert isinstance(app.screen, StaffAdminScreen) and _roles(env, "J1001") == ["counter"]
        assert ticked(app) == ["counter", "review"] and said(app) == ""  # what was ticked stays
        await press(pilot, "set-roles")
        await press(pilot, "yes")
        assert said(app) == "账户 J1001 的角色已改为：窗口民警/辅警、审核（原为：窗口民警/辅警）"
        assert right_under(app, "staff-message", "set-roles")
        assert "所选账户：J1001 王警官（窗口民警/辅警、审核，正常）" in screen_text(app)
        await choose_staff(pilot, "J1002")  # another account: its own roles
        assert ticked(app) == ["review"]
    assert _roles(env, "J1001") == ["counter", "review"]
    assert _audited(env, "staff_roles_change") == [("staff:A0001", "J1001 窗口民警/辅警 改为 窗口民警/辅警、审核")]


@pytest.mark.parametrize(("staff_no", "untick", "message"), [
    ("J1001", ["counter"], staff_roles.NO_ROLE),
    ("J1001", [], staff_roles.UNCHANGED),
    ("A0001", ["admin"], staff_roles.OWN_ADMIN),
])
async def test_no_role_no_change_and_ones_own_admin_role_are_refused_before_asking(env, staff_no, untick, message):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await choose_staff(pilot, staff_no)
        for role in untick:
            tick(app, role, False)
        await press(pilot, "set-roles")
        assert isinstance(app.screen, StaffAdminScreen)  # no question
        assert screen_error(app) == message and right_under(app, "staff-refusal", "set-roles")
    assert _audited(env, "staff_roles_change") == []


async def test_a_refusal_and_what_was_done_are_said_in_one_place(env):
    """不能停用本人正在使用的账户 was above the buttons, 账户 J1001 已停用 below them."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await choose_staff(pilot, "A0001")
        await press(pilot, "deactivate")
        refusal = app.screen.query_one("#staff-refusal")
        assert screen_error(app) == "不能停用本人正在使用的账户"
        where = refusal.region.y
        assert right_under(app, "staff-refusal", "set-roles")
        assert where > app.screen.query_one("#deactivate").region.bottom  # under the buttons, not above
        await choose_staff(pilot, "J1001")
        await press(pilot, "deactivate")
        await press(pilot, "yes")
        assert said(app) == "账户 J1001 已停用" and screen_error(app) == ""
        assert app.screen.query_one("#staff-message").region.y == where  # the same row


async def test_the_testers_stray_enter_on_admin_is_named_before_the_account_is_made(env):
    """The tester's keys at 120x40: Space on 窗口民警/辅警, Tab Tab Tab, Space on 核验, Tab, Enter
    (ticks 管理员), Tab, Enter on 创建账户: asked first, 管理员 named, the focus on 暂不办理."""
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        for name, value in (("new_staff_no", "J1009"), ("new_name", "陈新"), ("new_password", "start1234"),
                            ("pin", "190019")):
            set_input(app, name, value)
        app.screen.query_one("#role-counter").focus()
        await settle(pilot)
        await pilot.press("space", "tab", "tab", "tab", "space", "tab", "enter", "tab")
        await settle(pilot)
        assert app.focused is app.screen.query_one("#create")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        text = screen_text(app)
        assert "确认新建账户 J1009 陈新？" in text and "角色：窗口民警/辅警、核验、管理员" in text
        assert "含管理员角色" in text
        assert app.focused is app.screen.query_one("#no")
        await pilot.press("enter")  # 暂不办理: nothing made, the form as it was
        await settle(pilot)
        assert isinstance(app.screen, StaffAdminScreen)
        assert "J1009" not in app.screen.rows and app.screen.query_one("#input-new_staff_no").value == "J1009"
        app.screen.query_one("#role-admin", Tick).value = False
        await press(pilot, "create")
        assert "含管理员角色" not in screen_text(app) and "角色：窗口民警/辅警、核验" in screen_text(app)
        await press(pilot, "yes")
        assert said(app, "create-message").startswith("已创建账户 J1009（窗口民警/辅警、核验）")
    assert _audited(env, "staff_create") == [("staff:A0001", "J1009 陈新 窗口民警/辅警、核验")]


async def test_the_role_boxes_and_their_button_fit_80_columns(env):
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        await choose_staff(pilot, "J1001")
        parts = [app.screen.query_one(f"#set-role-{r}") for r in ROLES] + [app.screen.query_one("#set-roles")]
        assert all(p.region.height == 1 and p.region.right <= 80 for p in parts), [p.region for p in parts]
        assert len({p.region.y for p in parts}) == 1  # one line
