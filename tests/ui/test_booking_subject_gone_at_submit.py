"""Pilot: 预约 refused because the subject can no longer be booked (another kiosk booked 科目二 for the
same citizen between 下一步 and 预约). The wizard lands on 科目确认, the subjects read again, with why
under them in the service's words; nothing is queried for the subject that went (the refusal was
said on the hidden 选择场次, queried again for the old subject)."""
from __future__ import annotations

from textual.widgets import RadioSet, Static

from kiosk.services import booking_query as bq
from kiosk.services.booking_submit import BookingRequest
from tests.booking_helpers import book, sessions
from tests.conftest import last_sms_code
from tests.ui.conftest import set_input
from tests.ui.test_booking_small_screen import in_view, press
from tests.ui.test_booking_wizard import step, to_confirm_with_one

SAID = "您已有一个未完成的科目二预约，不能重复预约"


def text(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    return "".join(str(app.screen.query_one(selector, Static).render()).split())


async def test_a_subject_booked_elsewhere_lands_on_the_subjects_saying_why(kiosk_app, env, people, monkeypatch):
    p = people["k2_ready"]  # 陈晨
    queried: list[int] = []
    for name in ("query_sessions", "first_session_day"):
        real = getattr(bq, name)
        monkeypatch.setattr(bq, name, lambda e, a, subject, *rest, _real=real: queried.append(subject)
                            or _real(e, a, subject, *rest))
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_confirm_with_one(pilot, env, p, 2, "2026-12-07", "2026-12-10")
        await press(pilot, "send-code")
        env.clock.advance(seconds=61)
        book(env, p, BookingRequest(2, "self", (sessions(env, p, 2, "2026-12-08", "2026-12-08")[0].id,)))  # another kiosk
        set_input(kiosk_app, "code", last_sms_code(env, p.phone))
        queried.clear()
        await press(pilot, "submit")
        assert step(kiosk_app)[0] == "step-subject"
        said = text(kiosk_app, "#error-subject")
        assert said.startswith(f"科目二（场地驾驶技能）已不能预约：{SAID}") and said.endswith("本次预约未成功。")
        assert in_view(kiosk_app, "#error-subject")
        assert f"科目二（场地驾驶技能）：{SAID}" in text(kiosk_app, "#not-bookable")  # read again
        assert "2" not in [b.name for b in kiosk_app.screen.query("#subject RadioButton")]
        assert queried == []  # no query of the subject that went
        assert text(kiosk_app, "#sessions-alert") == "" and text(kiosk_app, ".screen-error") == ""
        radios = list(kiosk_app.screen.query("#subject").results(RadioSet))
        assert kiosk_app.focused is (radios[0] if radios else kiosk_app.screen.query_one("#back"))

