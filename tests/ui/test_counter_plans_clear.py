"""Pilot: 考试计划与安排's 新建（清空表单） → 放弃并清空 empties the session form whole: the fields, their
messages (请输入考位数 under an emptied field would pass for the new session's), the 请选择考场 line
and the 考场 chosen. After 保存场次 the 考场 stays chosen for the next session."""
from __future__ import annotations

from textual.widgets import Select, Static

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.screens.counter.exam_plans import FORM_FIELDS, ExamPlansScreen
from tests.ui.conftest import field_error, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import fill_session, press


async def _discard(pilot) -> None:  # type: ignore[no-untyped-def]
    await press(pilot, "new")
    assert isinstance(pilot.app.screen, ConfirmDialog)
    await pilot.click("#yes")  # 放弃并清空
    await settle(pilot)
    assert isinstance(pilot.app.screen, ExamPlansScreen)


def _messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    lines = [field_error(app, name) for name in FORM_FIELDS]
    return [m for m in lines + [str(app.screen.query_one(f"#error-{n}", Static).render()) for n in ("site", "session")]
            if m]


async def test_clearing_the_form_clears_its_messages_and_the_site(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        site = app.screen.query_one("#site", Select)
        site.value = 1
        set_input(app, "exam_date", "2027-02-10")
        await press(pilot, "save")  # 考位数 and more left empty
        assert "请输入考位数" in field_error(app, "seats")
        await _discard(pilot)
        assert _messages(app) == [] and site.is_blank()
        assert app.screen.query_one("#input-exam_date").value == ""
        set_input(app, "exam_date", "2027-02-10")  # no site this time
        await press(pilot, "save")
        assert "请选择考场" in str(app.screen.query_one("#error-site", Static).render())
        await _discard(pilot)
        assert _messages(app) == []


async def test_a_saved_session_keeps_the_site_for_the_next(env):
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-plans")
        fill_session(app, "2027-02-10", opens_on="2026-12-05", publish_on="2027-02-08")
        await press(pilot, "save")
        assert app.screen.query_one("#site", Select).value == 1
        assert app.screen.query_one("#input-exam_date").value == ""
