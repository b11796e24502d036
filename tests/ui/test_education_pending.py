"""Pilot: opening 学法减分 or 驾驶人审验教育 again while an application is 受理中 (tester's finding 2):
the page named no application and offered only 返回. It names the 业务流水号, says where to study and
by when, not as an error, and offers 查看网办进度 (focused: the next step), which opens 网办进度 on
that application, not on the newest one."""
from __future__ import annotations

import pytest
from textual.widgets import Button

from kiosk.db.models import Account
from kiosk.services import applications
from kiosk.services.points_study import PointsStudy
from kiosk.services.review_education import ReviewEducation
from kiosk.ui.screens.records import ProgressScreen
from kiosk.ui.widgets.plain import PlainTable
from kiosk.ui.widgets.stepbar import StepBar
from tests.booking_helpers import account_id
from tests.ui.conftest import screen_text, settle
from tests.ui.test_education_flow import _open


def _flat(app) -> str:  # type: ignore[no-untyped-def]
    """The screen's text without its line breaks and spaces (a line may break after 交管12123)."""
    return "".join(screen_text(app).split())


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
@pytest.mark.parametrize(("person", "service", "form", "where"), [
    ("points_study", PointsStudy(), {"way": "网上学习"}, "【学法减分】"),
    ("lorry_driver", ReviewEducation(), {"way": "网络教育", "declaration": "1"}, "【驾驶人审验】"),
])
async def test_a_pending_application_is_named_with_what_to_do_and_its_progress(
        kiosk_app, env, people, size, person, service, form, where):
    p = people[person]
    serial = applications.submit(env, service, account_id(env, p), form).serial_no
    env.clock.advance(minutes=5)
    with env.db.write() as s:  # a newer application, on top of 网办进度's list
        newer = applications.create(s, env, s.get(Account, account_id(env, p)), kind="licence_contact",
                                    title="变更驾驶证联系方式", status="已办结", note="", payload={}).serial_no
    async with kiosk_app.run_test(size=size) as pilot:
        await _open(pilot, env, p, service.kind)
        screen = kiosk_app.screen
        text = _flat(kiosk_app)
        assert f"业务流水号{serial}" in text and f"交管12123App，在【学习教育业务】中点击{where}" in text
        assert not screen.query_one("#intro").has_class("screen-error")
        assert not screen.query_one("#next").display and not screen.query_one(StepBar).display
        progress = screen.query_one("#pending-progress", Button)
        assert progress.display and progress.region.bottom <= size[1] and kiosk_app.focused is progress
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ProgressScreen) and serial in screen_text(kiosk_app)
        rows, table = kiosk_app.screen.rows, kiosk_app.screen.query_one(PlainTable)
        assert rows[0].serial_no == newer and rows[table.cursor_row].serial_no == serial
        assert kiosk_app.focused is table and f"业务流水号 {serial}" in screen_text(kiosk_app)  # its 办理过程


async def test_a_refusal_offers_no_progress_button(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["probation"], "points_study")
        screen = kiosk_app.screen
        assert not screen.query_one("#pending-progress").display
        assert screen.query_one("#intro").has_class("screen-error") and kiosk_app.focused is screen.query_one("#back")
