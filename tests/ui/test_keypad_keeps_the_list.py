"""Pilot, 100x30: choosing an option that shows a field of digits does not move the list under the
finger (tester: 梁雪's 驾驶证补换领, a tap on 期满换证 showed 身体条件证明编号 and with it the number pad
beside the form, which took its width: the text re-wrapped and 业务类型 went 4 rows down). A form
that a choice may give a field of digits keeps the pad's room from the start (kiosk.ui.widgets.
keypad_box): the pad shows in it while such a field is on view, and nothing moves."""
from __future__ import annotations

from tests.ui.conftest import choose_option, settle
from tests.ui.test_vehicle_documents import _open

SIZE = (100, 30)


def _pad(app):  # type: ignore[no-untyped-def]
    return app.screen.query_one(".keypad-box")


def _pad_on_view(app) -> bool:  # type: ignore[no-untyped-def]
    box = _pad(app)
    return bool(box.display and box.visible and box.region.height)


async def test_choosing_renew_does_not_move_the_list(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SIZE) as pilot:
        await _open(pilot, env, people["renew_soon"], "licence_replace")  # 梁雪
        screen = kiosk_app.screen
        kinds = screen.query_one("#choice-kind")
        renew = next(b for b in kinds.query("RadioButton") if b.name == "renew")
        assert not _pad_on_view(kiosk_app)  # no field of digits on view yet: no pad
        before = (kinds.region, renew.region, screen.query_one("#intro").region)
        await choose_option(pilot, "kind", "renew")
        await settle(pilot)
        assert screen.query_one("#field-cert_no").display  # 身体条件证明编号 on view
        assert _pad_on_view(kiosk_app)  # and the pad beside it
        assert (kinds.region, renew.region, screen.query_one("#intro").region) == before  # nothing moved
        await choose_option(pilot, "kind", "lost")  # and back: the pad goes, the list stays
        await settle(pilot)
        assert not _pad_on_view(kiosk_app)
        assert (kinds.region, renew.region, screen.query_one("#intro").region) == before
        await choose_option(pilot, "delivery", "mail")
        address = screen.query_one("#input-address")
        await pilot.click(address)
        typed = address.value
        await pilot.click("#key-1")  # where the pad's room is kept: a tap there types nothing
        await settle(pilot)
        assert kiosk_app.focused is address and address.value == typed


async def test_a_form_of_choices_only_has_no_room_for_a_pad(kiosk_app, env, people):
    async with kiosk_app.run_test(size=SIZE) as pilot:
        await _open(pilot, env, people["two_cars"], "plate_reissue")  # 周杰: no field of digits at all
        box = _pad(kiosk_app)
        assert not box.display and not box.region.width
