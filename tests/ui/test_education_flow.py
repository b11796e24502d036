"""Pilot: 学法减分 and 驾驶人审验教育 through the generic flow, for the demo people of each path."""
from __future__ import annotations

from sqlalchemy import select

from kiosk.db.models import Application, DrivingLicence
from kiosk.services import applications
from kiosk.services.points_study import PointsStudy
from kiosk.services.review_education import ReviewEducation
from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.dialogs.choose import ChooseDialog
from kiosk.ui.screens.flow import ApplicationFlowScreen
from kiosk.ui.screens.records import ProgressScreen
from tests.booking_helpers import account_id
from tests.ui.conftest import screen_text, set_input, settle, sign_in
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import SIZE, look_up, press


async def _open(pilot, env, person, service: str) -> None:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click(f"#menu-{service}")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ApplicationFlowScreen)


def _error(app, name: str) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(f"#error-{name}").render())


def _radio(app, value: str):  # type: ignore[no-untyped-def]
    return next(r for r in app.screen.query("RadioButton") if r.name == value)


async def _press(pilot, button: str) -> None:  # type: ignore[no-untyped-def]
    pilot.app.screen.query_one(button).scroll_visible(animate=False)
    await settle(pilot)
    await pilot.click(button)
    await settle(pilot)


async def _choose(pilot, value: str) -> None:  # type: ignore[no-untyped-def]
    radio = _radio(pilot.app, value)
    radio.scroll_visible(animate=False)
    await settle(pilot)
    await pilot.click(radio)
    await settle(pilot)


async def _tick(pilot) -> None:  # type: ignore[no-untyped-def]
    tick = pilot.app.screen.query_one("#agree-declaration")
    tick.scroll_visible(animate=False)
    await settle(pilot)
    await pilot.click(tick)
    await settle(pilot)


async def test_points_study_end_to_end(kiosk_app, env, people):
    p = people["points_study"]
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, p, "points_study")
        assert "当前记分：4分" in screen_text(kiosk_app)
        # nothing chosen: said under the choice, and the form stays
        await _press(pilot, "#next")
        assert "请选择学习方式" in _error(kiosk_app, "way")
        assert kiosk_app.screen.query_one("#choice-way").has_focus
        await _choose(pilot, "公益网点")
        assert _error(kiosk_app, "way") == ""
        text = screen_text(kiosk_app)
        assert "签到时人脸比对通过" in text and "为期2天活动结果公示" in text
        await _choose(pilot, "网上学习")
        assert "学满30分钟" in screen_text(kiosk_app)
        await _press(pilot, "#next")
        text = screen_text(kiosk_app)
        assert "学习方式：网上学习" in text and "减分后记分：3分" in text
        await _press(pilot, "#prev")  # back: the choice is kept
        assert _radio(kiosk_app, "网上学习").value
        await _press(pilot, "#next")
        await _press(pilot, "#submit")
        text = screen_text(kiosk_app)
        assert "业务流水号" in text and "受理中" in text and "网上学习" in text
        await _press(pilot, "#to-progress")
        assert isinstance(kiosk_app.screen, ProgressScreen)
        assert "学法减分" in screen_text(kiosk_app)
    with env.db.read() as s:
        assert s.scalar(select(Application.status).where(Application.kind == "points_study")) == "受理中"
        assert s.scalar(select(DrivingLicence.points).where(DrivingLicence.archive_no == f"5001{p.seq:08d}")) == 4


async def test_points_study_refused_before_the_form_in_the_probation_period(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["probation"], "points_study")
        assert "驾驶证在实习期内" in screen_text(kiosk_app)
        assert not kiosk_app.screen.query_one("#next").display
        assert not kiosk_app.screen.query("RadioButton")


async def test_review_education_on_site_for_nine_points(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["coach_driver"], "review_education")
        text = screen_text(kiosk_app)
        assert "只能选择现场教育" in text and "网络教育" not in [r.name for r in kiosk_app.screen.query("RadioButton")]
        assert kiosk_app.screen.query_one("#box-city").display and kiosk_app.screen.query_one("#box-session_0").display
        assert not kiosk_app.screen.query_one("#box-session_1").display  # 连云港's sessions: 重庆 is chosen
        await _press(pilot, "#next")  # both wrong: the focus on the first on screen, the declaration's box
        assert "我已阅读并同意" in _error(kiosk_app, "declaration")
        assert "请选择一天的教育场次" in _error(kiosk_app, "session_0")
        assert kiosk_app.screen.query_one("#agree-declaration").has_focus  # was the 教育场次 list below it
        await _tick(pilot)
        assert _error(kiosk_app, "declaration") == ""
        await _press(pilot, "#next")
        assert "请选择一天的教育场次" in _error(kiosk_app, "session_0")
        assert kiosk_app.screen.query_one("#choice-session_0").has_focus
        await _choose(pilot, "2026-12-02 09:00-12:00 车管所四分所")
        await _press(pilot, "#next")
        text = screen_text(kiosk_app)
        assert "教育场次：12月2日 周三 09:00-12:00 车管所四分所" in text and "地点：重庆市万州区外贸路75号" in text
        await _press(pilot, "#prev")  # nothing chosen is lost going back
        assert _radio(kiosk_app, "2026-12-02 09:00-12:00 车管所四分所").value
        assert kiosk_app.screen.query_one("#agree-declaration").value
        await _press(pilot, "#next")
        await _press(pilot, "#submit")
        text = screen_text(kiosk_app)
        assert "受理中" in text and "车管所四分所" in text


async def test_review_education_online_hides_the_on_site_fields(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["lorry_driver"], "review_education")
        assert not kiosk_app.screen.query_one("#box-city").display  # no way chosen yet
        await _choose(pilot, "现场教育")
        assert kiosk_app.screen.query_one("#box-city").display
        assert kiosk_app.screen.query_one("#box-session_0").display  # 连云港, the issuing city, first
        await _choose(pilot, "网络教育")
        assert not kiosk_app.screen.query_one("#box-city").display
        assert not kiosk_app.screen.query_one("#box-session_0").display
        await _tick(pilot)
        await _press(pilot, "#next")
        text = screen_text(kiosk_app)
        assert "教育方式：网络教育" in text and "教育城市：连云港" in text and "不少于3小时" in text
        await _press(pilot, "#submit")
        assert "受理中" in screen_text(kiosk_app)
    with env.db.read() as s:
        payload = s.scalar(select(Application.payload).where(Application.kind == "review_education"))
    assert payload == {"way": "网络教育", "city": "连云港", "declaration": "已阅读并同意"}


async def test_the_counter_finishes_points_study_and_the_licence_loses_a_point(env, people):
    p = people["points_study"]
    serial = applications.submit(env, PointsStudy(), account_id(env, p), {"way": "公益网点"}).serial_no
    env.clock.advance(days=2)  # the activity and its 2-day publicity are over
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理学法减分")
        assert "学法减分" in screen_text(app) and "本记分周期累积记分：4分" in screen_text(app)
        await press(pilot, "finish-app")
        assert isinstance(app.screen, ChooseDialog)  # only the way this application was made
        assert "公益活动公示期满" in screen_text(app) and "学习考试合格" not in screen_text(app)
        await pilot.click("#answer-0")
        await settle(pilot)
        assert "本记分周期累积记分：3分" in screen_text(app)
    with env.db.read() as s:
        assert s.scalar(select(Application.status).where(Application.serial_no == serial)) == "已办结"


async def test_the_counter_is_told_at_once_that_a_lapsed_online_study_cannot_be_finished(env, people):
    """网上学习 past its 3 days: 办结 says why and to 退办, instead of offering 学习考试合格 first."""
    p = people["points_study"]
    serial = applications.submit(env, PointsStudy(), account_id(env, p), {"way": "网上学习"}).serial_no
    env.clock.advance(days=3, minutes=1)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理学法减分")
        await press(pilot, "finish-app")
        assert not isinstance(app.screen, ChooseDialog)
        said = str(app.screen.query_one("#app-error").render())
        assert f"{serial}不能办结：网上学习须在申请后3日内完成" in said and "请退办" in said
    with env.db.read() as s:
        assert s.scalar(select(Application.status).where(Application.serial_no == serial)) == "受理中"


async def test_a_review_online_study_past_its_3_days_is_not_finished_but_turned_back(env, people):
    """网络教育 (≥3 hours within at most 3 days): after its 3 days 办结 says why and to 退办, as 学法减分's
    网上学习 does; 退办 is still there, and then the citizen may apply again."""
    p = people["lorry_driver"]  # 冯莉, B2 with 3 points
    acc = account_id(env, p)
    serial = applications.submit(env, ReviewEducation(), acc, {"way": "网络教育", "declaration": "1"}).serial_no
    env.clock.advance(days=3, minutes=1)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理审验教育")
        await press(pilot, "finish-app")
        assert not isinstance(app.screen, ChooseDialog)
        said = str(app.screen.query_one("#app-error").render())
        assert f"{serial}不能办结：网络教育须在申请后3日内完成，申请时间为2026-12-01 09:00" in said
        assert "请退办，本人可重新申请" in said
        set_input(app, "refuse_reason", "网络教育超过3日未完成")
        await press(pilot, "refuse-app")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
    with env.db.read() as s:
        assert s.scalar(select(Application.status).where(Application.serial_no == serial)) == "已退办"
    assert applications.prepare(env, ReviewEducation(), acc).choices["way"]  # applied for again
