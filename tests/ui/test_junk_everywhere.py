"""Every service on the citizen's menu, with junk typed into every field and every action button
pressed: the kiosk keeps running (foundation issue: "arbitrary text never crashes a screen").
Navigation buttons (返回, 退出登录 ...) are left alone so each screen gets the whole round."""
from __future__ import annotations

import pytest
from textual.widgets import Button, Input

from kiosk.ui.menu import ENTRIES
from tests.ui.conftest import settle, sign_in

JUNK = "[/b]\x00\x1b[2J😀９[red]" * 4
LEAVE = {"back", "home", "sign-out", "to-home", "cancel"}


@pytest.mark.parametrize("person", ["permit_expiring", "two_cars"])
async def test_junk_in_every_field_of_every_service(kiosk_app, env, people, person):
    p = people[person]
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = kiosk_app.screen
        for entry in ENTRIES:
            if not home.query(f"#menu-{entry.key}"):
                continue
            await pilot.click(f"#menu-{entry.key}")
            await settle(pilot)
            for _ in range(2):
                for field in kiosk_app.screen.query(Input):
                    field.value = JUNK
                for button in list(kiosk_app.screen.query(Button)):
                    if button.id not in LEAVE and button.display and not button.disabled and button.region.area:
                        button.press()
                        await settle(pilot)
            assert kiosk_app.is_running, entry.key
            while len(kiosk_app.screen_stack) > 2:  # back to the home screen, under any dialog or step
                kiosk_app.pop_screen()
                await settle(pilot)
