"""Pilot: one blank row between a service form's field (with the message under it) and the next
field's label (tester: at 100x30 补领检验合格标志's 渝AD12345不能补领检验合格标志... ran straight into
the label 领取方式 under it, reading as its message; 审验教育's label 重庆的教育场次 sat right under the
我已阅读并同意 box while every other label had a blank row above it). At 80x24 the form stays as
short as it was: no blank row under a text field or the box, one only under a message said there."""
from __future__ import annotations

from textual.widget import Widget

from tests.ui.conftest import choose_option, field_error, press_in_view, set_input
from tests.ui.test_vehicle_documents import _open


def _shown(widget: Widget) -> list[Widget]:
    return [w for w in widget.children if w.display]


def gaps(app) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Each field on view (its id) -> the blank rows between what it shows last (its message, else its
    control) and the first line (the label) of the next field on view."""
    blocks = _shown(app.screen.query_one("#fields"))
    found = {}
    for block, following in zip(blocks, blocks[1:]):
        last, first = _shown(block)[-1], _shown(following)[0]
        found[block.id] = first.region.y - last.region.bottom
    return found


async def test_a_choice_message_has_a_blank_row_before_the_next_label(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, env, people["two_cars"], "inspection_mark_reissue")
        await choose_option(pilot, "plate", "渝AD12345")
        message = kiosk_app.screen.query_one("#error-plate")
        assert "不能补领检验合格标志" in str(message.render())
        assert message.region.y == kiosk_app.screen.query_one("#choice-plate").region.bottom
        assert set(gaps(kiosk_app).values()) == {1}, gaps(kiosk_app)


async def test_the_declaration_box_has_a_blank_row_before_the_next_label(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, env, people["coach_driver"], "review_education")
        found = gaps(kiosk_app)
        assert "box-declaration" in found and set(found.values()) == {1}, found


async def test_at_80x24_only_a_message_adds_a_row(kiosk_app, env, people):
    """No message: text fields and the box are followed at once by the next label (a list by one
    blank row, as before); 下一步 with the box not ticked: a blank row under its message."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["coach_driver"], "review_education")
        found = gaps(kiosk_app)
        assert found["box-declaration"] == 0 and found["box-way"] == 1, found
        await press_in_view(pilot, "next")
        assert str(kiosk_app.screen.query_one("#error-declaration").render())
        assert gaps(kiosk_app)["box-declaration"] == 1


async def test_at_80x24_a_text_field_message_has_a_blank_row_under_it(kiosk_app, env, people):
    """申请新车临时号牌: 车辆识别代号, 有效期起始日期 and 有效天数 one under another; a wrong VIN's message
    has a blank row under it, the other fields none."""
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["points_study"], "temp_plate")
        assert gaps(kiosk_app) == {"field-vin": 0, "field-start": 0}
        set_input(kiosk_app, "vin", "LSVAU2184T218435")
        await press_in_view(pilot, "next")
        assert field_error(kiosk_app, "vin")
        assert gaps(kiosk_app) == {"field-vin": 1, "field-start": 0}
