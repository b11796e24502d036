"""Pilot: each counter screen, reached from the staff home menu its role allows."""
from __future__ import annotations

import re
from datetime import timedelta

from textual.widgets import Button, Checkbox, DataTable, Select

from kiosk.config import ASSETS
from kiosk.services import applications, elicence, exam_admin_results, messaging
from kiosk.services.booking_submit import BookingRequest
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.audit import AuditScreen
from kiosk.ui.screens.counter.citizen import CitizenScreen
from kiosk.ui.screens.counter.dashboard import DashboardScreen
from kiosk.ui.screens.counter.exam_plans import ExamPlansScreen
from kiosk.ui.screens.counter.exam_results import ExamResultsScreen
from kiosk.ui.screens.counter.review import ReviewScreen
from kiosk.ui.screens.counter.staff_admin import StaffAdminScreen
from kiosk.ui.screens.staff_home import StaffHomeScreen
from kiosk.ui.screens.staff_password import ChangePasswordScreen
from kiosk.ui.screens.verify import VerifyScreen
from tests.booking_helpers import account_id, add_learners, book, sessions
from tests.ui.conftest import field_error, screen_error, screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app

SIZE = (150, 60)


async def press(pilot, button_id: str) -> None:
    pilot.app.screen.query_one(f"#{button_id}", Button).press()
    await settle(pilot)


async def create_confirmed(pilot) -> None:
    """工作人员账户's 创建账户, then 确认创建 in the question it asks first."""
    await press(pilot, "create")
    assert isinstance(pilot.app.screen, ConfirmDialog), "创建账户 asks first"
    await press(pilot, "yes")


async def look_up(pilot, citizen_id: str, reason: str) -> None:
    """From the staff home: 为群众办理, the citizen's ID number and the reason, 查询."""
    await press(pilot, "m-citizen")
    assert isinstance(pilot.app.screen, CitizenScreen)
    set_input(pilot.app, "id_number", citizen_id)
    set_input(pilot.app, "reason", reason)
    await press(pilot, "lookup")


async def choose_staff(pilot, staff_no: str) -> None:
    """工作人员账户: select ``staff_no``'s row with the keyboard (Enter on it)."""
    table = pilot.app.screen.query_one("#staff-rows", DataTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(staff_no))
    await pilot.press("enter")
    await settle(pilot)


def menu_ids(app) -> set[str]:
    return {b.id for b in app.screen.query("#staff-menu Button")}


async def test_each_role_sees_only_its_menu(env):
    expected = {
        ("H2001", "kiosk-2001"): {"verify"},
        ("J1002", "kiosk-1002"): {"m-review", "m-dashboard", "m-audit"},
        ("J1003", "kiosk-1003"): {"m-plans", "m-results", "m-dashboard", "m-audit"},
        ("J1001", "kiosk-1001"): {"m-citizen", "verify", "m-dashboard", "m-audit"},
    }
    for (no, password), ids in expected.items():
        app = counter_app(env)
        async with app.run_test(size=SIZE) as pilot:
            await _sign_in(pilot, app, no, password)
            assert isinstance(app.screen, StaffHomeScreen)
            assert menu_ids(app) == ids, no
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        assert {"m-staff", "m-audit", "m-citizen", "m-review", "m-plans"} <= menu_ids(app)
        await press(pilot, "verify")
        assert isinstance(app.screen, VerifyScreen)
        set_input(app, "payload", "DL1:not-a-code")
        await pilot.click("#clear")  # a click focuses the button
        await settle(pilot)
        assert app.screen.query_one("#input-payload").value == ""
        assert app.focused is app.screen.query_one("#input-payload")  # ready for the next scan


async def test_clerk_registers_a_walk_in_and_resets_a_phone(env, people):
    p = people["new_user"]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "m-citizen")
        assert isinstance(app.screen, CitizenScreen)
        set_input(app, "id_number", p.id_number)
        await press(pilot, "lookup")
        assert "查询事由" in field_error(app, "reason")
        set_input(app, "reason", "面签注册")
        await press(pilot, "lookup")
        assert "尚未注册" in screen_text(app)
        await press(pilot, "register")
        assert app.screen.query_one("#input-id_number").value == p.id_number
        await pilot.press("escape")  # only the number the clerk already looked up: nothing to lose
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen)
        await press(pilot, "register")
        assert app.screen.query_one("#input-name").value == p.name  # as on record, to compare with the card
        set_input(app, "phone", "1380000")
        await pilot.press("escape")  # a number typed in: asked first; 继续填写 keeps it
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#no")
        await settle(pilot)
        assert app.screen.query_one("#input-phone").value == "1380000"
        set_input(app, "phone", "1380000")
        await press(pilot, "submit")
        assert "手机" in field_error(app, "phone")
        set_input(app, "phone", "13800001111")
        await press(pilot, "submit")
        assert isinstance(app.screen, CitizenScreen)
        await settle(pilot)
        assert p.name in screen_text(app) and "12123账户：已注册（窗口面签）" in screen_text(app)  # 已注册, as others
        await press(pilot, "reset-phone")
        set_input(app, "new_phone", "13800009999")
        await press(pilot, "submit")
        assert "13800009999" in str(app.screen.query_one("#question").render())  # asked first, the number read back
        await press(pilot, "yes")
        await settle(pilot)
        assert isinstance(app.screen, CitizenScreen)
        assert "变更" in messaging.outbox(env, "13800009999")[0].body
        await press(pilot, "unit")
        set_input(app, "unit_name", "重庆测试运输有限公司")
        set_input(app, "credit_code", "91500000MA5U000011")
        set_input(app, "authorisation_ref", "x")
        set_input(app, "agent_id", "500103198503171232")
        await press(pilot, "submit")
        assert "信用代码" in field_error(app, "credit_code")  # every wrong field at once (tester)
        assert "至少4个" in field_error(app, "authorisation_ref")
        assert "校验位" in field_error(app, "agent_id") and "手机" in field_error(app, "phone")


def priority_booked(env, p):  # type: ignore[no-untyped-def]
    """``p`` holds a 科目二 priority seat a few days ahead (cancelled only at a counter); its session."""
    today = env.clock.now().date()
    row = sessions(env, p, 2, f"{today + timedelta(days=3)}", f"{today + timedelta(days=20)}", priority=True)[0]
    book(env, p, BookingRequest(2, "priority", (row.id,)))
    return row


async def test_clerk_cancels_a_priority_booking(env, people):
    p = people["permit_expiring"]
    priority_booked(env, p)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "取消考试预约")
        assert "优先考试预约" in screen_text(app)
        set_input(app, "cancel_reason", "考生本人申请取消")
        await press(pilot, "cancel-booking")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)  # nothing happens before the clerk confirms
        assert "优先考试预约" in screen_text(app) and "取消事由：考生本人申请取消" in screen_text(app)
        assert app.focused is app.screen.query_one("#no")
        await pilot.click("#no")
        await settle(pilot)
        assert applications.list_for(env, account_id(env, p))[0].status != "已取消"
        await press(pilot, "cancel-booking")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert "已取消" in screen_text(app)
    assert applications.list_for(env, account_id(env, p))[0].status == "已取消"


def queued_photo(env, people) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """吴霞 (no photo kept) sends a camera photo for her e-licence: (account id, serial in 审核队列)."""
    aid = account_id(env, people["no_photo"])
    return aid, elicence.apply_with_photo(env, aid, "camera", ASSETS / "photos" / "camera_1.png").serial_no


async def open_review(pilot, app) -> None:  # type: ignore[no-untyped-def]
    """The reviewer J1002 signs in and opens 审核队列."""
    await _sign_in(pilot, app, "J1002", "kiosk-1002")
    await press(pilot, "m-review")
    assert isinstance(app.screen, ReviewScreen)


async def open_staff_admin(pilot, app) -> None:  # type: ignore[no-untyped-def]
    """The administrator A0001 signs in and opens 工作人员账户."""
    await _sign_in(pilot, app, "A0001", "kiosk-0001")
    await press(pilot, "m-staff")
    assert isinstance(app.screen, StaffAdminScreen)


async def test_reviewer_sees_the_photo_and_approves(env, people):
    aid, serial = queued_photo(env, people)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot, app)
        text = screen_text(app)
        assert serial in text and "通过：" in text
        assert "\u2580" in text  # the photo, in half blocks
        await press(pilot, "reject")
        assert "原因" in screen_error(app)
        await press(pilot, "approve")
        assert isinstance(app.screen, ConfirmDialog)  # asked first
        await pilot.click("#yes")
        await settle(pilot)
        assert "暂无待审核" in screen_text(app)
    assert applications.list_for(env, aid)[0].status == elicence.DONE


async def test_admin_audit_and_staff_accounts(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        assert isinstance(app.screen, StaffAdminScreen)
        set_input(app, "new_staff_no", "H2002")
        set_input(app, "new_name", "保险核验员")
        set_input(app, "new_password", "short")
        set_input(app, "pin", "123456")
        await press(pilot, "create")
        roles_error = str(app.screen.query_one("#error-roles").render())  # by the role boxes, not the bottom line
        assert "角色" in roles_error or "密码" in field_error(app, "new_password")
        app.screen.query_one("#role-verify", Checkbox).value = True
        set_input(app, "new_password", "insure2026")
        await create_confirmed(pilot)
        assert "H2002" in screen_text(app)
        # nothing is chosen by default (the cursor starts on A0001, the admin's own account)
        assert app.screen.query_one("#reset").disabled and app.screen.query_one("#deactivate").disabled
        await choose_staff(pilot, "H2002")
        assert "所选账户：H2002 保险核验员（核验，待修改初始密码）" in screen_text(app)  # its 初始密码 is the admin's
        set_input(app, "reset_password", "insure2027")
        await press(pilot, "reset")
        assert isinstance(app.screen, ConfirmDialog) and "H2002 保险核验员" in screen_text(app)
        await press(pilot, "yes")  # 确认重置密码
        assert app.screen.chosen == "H2002" and "所选账户：H2002" in screen_text(app)  # kept after the reload
        assert not app.screen.query_one("#deactivate").disabled
        app.pop_screen()
        await settle(pilot)
        await press(pilot, "m-audit")
        assert isinstance(app.screen, AuditScreen)
        set_input(app, "action", "staff_create")
        await press(pilot, "search")
        assert "共 1 条" in screen_text(app) and "新建工作人员账户" in screen_text(app)
        assert "staff:A0001" not in screen_text(app)  # 操作人 without the internal prefix
        set_input(app, "date_from", "2026-99-01")
        await press(pilot, "search")
        assert field_error(app, "date_from") == "日期不正确：月份应为1-12"  # written as a date, naming no day
        set_input(app, "date_from", "99-01")
        await press(pilot, "search")
        assert "格式" in field_error(app, "date_from")
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "H2002", "insure2027")  # the password the admin reset
        assert isinstance(app.screen, ChangePasswordScreen)  # the clerk sets their own first
        set_input(app, "new_password", "mine2028x")
        set_input(app, "confirm_password", "mine2028x")
        await press(pilot, "submit")
        assert menu_ids(app) == {"verify"}


def fill_session(app, exam_date: str, *, opens_on: str, publish_on: str) -> None:
    """考试计划与安排's 新建场次 form: site 1, 10:00, 科目一, C1, 30 seats, on the days given."""
    app.screen.query_one("#site", Select).value = 1
    for name, value in (("exam_date", exam_date), ("start_time", "10:00"), ("subject", "1"), ("classes", "C1"),
                        ("seats", "30"), ("opens_on", opens_on), ("publish_on", publish_on)):
        set_input(app, name, value)


async def test_exam_admin_creates_a_session_and_imports_results(env, tmp_path):
    learner = add_learners(env, 1)[0]
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        assert isinstance(app.screen, ExamPlansScreen)
        assert app.screen.query_one("#sessions", DataTable).row_count > 0
        fill_session(app, "2027-02-10", opens_on="2027-02-05", publish_on="2027-02-08")  # a day with no plan
        await press(pilot, "save")
        assert "10日" in field_error(app, "opens_on")
        set_input(app, "opens_on", "2026-12-01")
        await press(pilot, "save")
        assert "已保存场次" in screen_text(app)
        set_input(app, "alloc_date", "2026-12-09")
        await press(pilot, "allocate")
        assert "还未到预约结果公布日" in field_error(app, "alloc_date")
        set_input(app, "alloc_date", "2026-11-20")
        await press(pilot, "allocate")
        assert "没有待安排的考试计划" in screen_text(app) and not isinstance(app.screen, ConfirmDialog)
        app.pop_screen()
        await settle(pilot)
        await press(pilot, "m-results")
        assert isinstance(app.screen, ExamResultsScreen)
        bar = app.screen.query_one("#import-progress")
        assert not bar.display  # no busy animation before an import
        set_input(app, "csv_path", str(tmp_path / "missing.csv"))
        await press(pilot, "import")
        assert field_error(app, "csv_path") and not bar.display
        csv_file = exam_admin_results.import_folder(env) / "r.csv"
        csv_file.write_text(f"{learner.id_number},2,90\nnot-an-id,2,90\n", encoding="utf-8")
        set_input(app, "csv_path", str(csv_file))
        await press(pilot, "import")
        text = screen_text(app)
        assert "共 2 行" in text and "第1行" in text and "第2行" in text and bar.display


async def test_allocation_at_the_counter_is_confirmed_first(env):
    """安排考试并公布结果 closes booking and notifies everyone: the clerk sees what it takes up and
    can still say no; only 确认 runs it."""
    from sqlalchemy import select

    from kiosk.db.models import Booking

    learner = add_learners(env, 1)[0]
    row = sessions(env, learner, 2, "2026-12-04", "2026-12-04")[0]
    done = book(env, learner, BookingRequest(2, "self", (row.id,)))
    env.clock.advance(days=1)  # 2026-12-02: the publication day of the 12-04 sessions

    def status() -> str:
        with env.db.read() as s:
            return s.scalar(select(Booking.status).where(Booking.id == done.booking_id))

    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        set_input(app, "alloc_date", "2026-12-02")
        await press(pilot, "allocate")
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#question").render())
        assert "2026-12-02" in question and "不能撤销" in question
        assert int(re.search(r"申请至多 (\d+) 份", question).group(1)) >= 1
        assert app.focused.id == "no"
        await pilot.press("enter")  # 暂不办理
        await settle(pilot)
        assert isinstance(app.screen, ExamPlansScreen) and status() == "pending"
        await press(pilot, "allocate")
        await pilot.press("escape")  # Escape is 暂不办理 too
        await settle(pilot)
        assert isinstance(app.screen, ExamPlansScreen) and status() == "pending"
        await press(pilot, "allocate")
        await pilot.click("#yes")
        await settle(pilot)
        assert "安排计划" in screen_text(app) and status() in ("placed", "unplaced")


async def test_dashboard_draws_the_week(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await press(pilot, "m-dashboard")
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(app)
        assert "今日及未来7天" in text and "满员率" in text and "周" in text
        assert app.screen.query_one("#dash-rows", DataTable).row_count > 0


async def test_staff_roles_fit_an_80_column_terminal(env):
    """At 80x24 the five role checkboxes are one line each, side by side, all inside the screen."""
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        await press(pilot, "m-staff")
        boxes = list(app.screen.query("#staff-roles Checkbox"))
        assert len(boxes) == 5
        assert all(b.region.height == 1 and b.region.right <= 80 for b in boxes), [b.region for b in boxes]
        boxes[-1].focus()
        await pilot.press("space")
        assert boxes[-1].value  # the last one (管理员) can be reached and ticked


async def test_escape_goes_back_at_the_counter(env):
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "A0001", "kiosk-0001")
        for menu, screen in (("m-audit", AuditScreen), ("m-dashboard", DashboardScreen), ("m-plans", ExamPlansScreen)):
            await press(pilot, menu)
            assert isinstance(app.screen, screen)
            if menu == "m-plans":  # an open list closes first; the screen stays
                site = app.screen.query_one("#site", Select)
                site.focus()
                await pilot.press("enter")
                await settle(pilot)
                assert site.expanded
                await pilot.press("escape")
                await settle(pilot)
                assert not site.expanded and isinstance(app.screen, ExamPlansScreen)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, StaffHomeScreen), menu
        await pilot.press("escape")  # the home screen has no 返回: nothing happens (no sign-out)
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen) and app.staff is not None


async def test_leaving_a_typed_form_asks_first(env):
    """Escape or 返回 with a session half typed in asks before the draft is dropped; 继续填写 (or
    Escape) keeps it. Once saved, or with nothing typed, they leave at once."""
    learner = add_learners(env, 1, permit_left_days=100)[0]
    today = env.clock.now().date()
    row = priority_booked(env, learner)  # placed at once: a result can be recorded
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        set_input(app, "exam_date", "2027-02-10")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog) and "尚未保存" in screen_text(app)
        assert app.focused is app.screen.query_one("#no")  # the safe answer: 继续填写
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ExamPlansScreen)
        assert app.screen.query_one("#input-exam_date").value == "2027-02-10"
        await press(pilot, "back")
        await settle(pilot)
        await pilot.click("#yes")  # 放弃并返回
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)
        await press(pilot, "m-plans")  # a saved session is no draft
        fill_session(app, "2027-02-10", opens_on="2026-12-01", publish_on="2027-02-08")
        await press(pilot, "save")
        assert "已保存场次" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)
        env.clock.advance(days=(row.exam_date - today).days + 1)  # after the learner's exam
        await press(pilot, "m-results")
        for name, value in (("id_number", learner.id_number), ("subject", "2"), ("score", "90")):
            set_input(app, name, value)
        await press(pilot, "back")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#no")
        await settle(pilot)
        await press(pilot, "record")
        await pilot.click("#yes")  # 确认录入
        await settle(pilot)
        assert "已录入（第1次）" in screen_text(app) and "[" not in screen_text(app)  # green, no markup shown
        await pilot.press("escape")  # recorded: the candidate and subject that stay are saved
        await settle(pilot)
        assert isinstance(app.screen, StaffHomeScreen)


async def test_plan_state_is_in_view_at_80_columns(env):
    """At 80x24 the 考试计划与安排 table cannot show all 12 columns; 状态 is among those in view."""
    app = counter_app(env)
    async with app.run_test(size=(80, 24)) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count > 0
        widths = [(str(c.label), c.get_render_width(table)) for c in table.ordered_columns]
        names = [name for name, _ in widths]
        right_edge = sum(w for _, w in widths[:names.index("状态") + 1])
        assert right_edge <= table.scrollable_content_region.width, (widths, table.scrollable_content_region)


async def test_escape_during_a_csv_import_waits_for_its_report(env, monkeypatch):
    """Escape (or 返回) while an import runs leaves nothing half done: the screen stays, says it is
    working, and shows the per-line report when the import ends."""
    import threading

    real, release = exam_admin_results.import_csv, threading.Event()

    def slow(env_, staff, path, progress):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real(env_, staff, path, progress)

    monkeypatch.setattr(exam_admin_results, "import_csv", slow)
    learner = add_learners(env, 1)[0]
    (exam_admin_results.import_folder(env) / "r.csv").write_text(f"{learner.id_number},2,90\n", encoding="utf-8")
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-results")
        set_input(app, "csv_path", "r.csv")
        app.screen.query_one("#import", Button).press()
        await pilot.pause(0.1)  # the import runs (held back by ``release``)
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert isinstance(app.screen, ExamResultsScreen) and "正在办理" in screen_text(app)
        release.set()
        for _ in range(50):
            await pilot.pause(0.05)
            if "共 1 行" in screen_text(app):
                break
        assert "共 1 行" in screen_text(app)  # the report (the line itself fails: no exam was booked)
