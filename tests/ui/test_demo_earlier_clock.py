"""Pilot: the demo data loaded for one day (`kiosk demo` without KIOSK_NOW on 2026-12-07) and the kiosk
started with an earlier clock (KIOSK_NOW=2026-12-03, README's): the dates disagree with README, as
`kiosk demo` said (演示数据已载入（按2026-12-07的日期）), but nothing breaks: every service of the
业务中心 opens for the citizens whose dates matter most, and no error is logged."""
from __future__ import annotations

import logging
from datetime import datetime

import pytest
from textual.widgets import Button

from kiosk.services import bootstrap, demo
from kiosk.services.demo_people import PEOPLE
from kiosk.services.env import make_env
from kiosk.ui.app import make_app
from tests.conftest import make_settings
from tests.ui.conftest import settle, sign_in


@pytest.mark.parametrize("key", ["failed_k2", "driver_normal", "permit_expiring"])
async def test_every_service_opens_with_a_clock_before_the_demo_day(tmp_path, caplog, key):
    loaded = make_settings(tmp_path)
    loaded.now = datetime(2026, 12, 7, 10, 0)
    env = make_env(loaded)
    assert bootstrap.prepare(env) is True  # a new database: the demo data, dated from 2026-12-07
    assert demo.loaded_for(env).isoformat() == "2026-12-07"
    env.db.dispose()
    earlier = make_settings(tmp_path)
    earlier.now = datetime(2026, 12, 3, 9, 30)
    env = make_env(earlier)
    bootstrap.prepare(env)
    p = next(x for x in PEOPLE if x.key == key)
    app = make_app(earlier, env)
    caplog.set_level(logging.ERROR)
    async with app.run_test(size=(100, 30)) as pilot:
        await sign_in(pilot, env, p.id_number, p.phone)
        home = app.screen
        entries = [b.id for b in home.query(Button) if (b.id or "").startswith("menu-")]
        assert len(entries) > 20
        for entry in entries:
            home.query_one(f"#{entry}", Button).press()
            await settle(pilot)
            assert app.screen is not home, entry
            while app.screen is not home:
                app.pop_screen()
                await settle(pilot)
    env.db.dispose()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
