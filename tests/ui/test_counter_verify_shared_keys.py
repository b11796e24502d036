"""Pilot: the e-licence a citizen kiosk shows passes at a counter's 电子驾驶证核验 on the same database,
though each terminal has its own data folder (its own signing key); a key neither knows is refused."""
from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from kiosk.config import Settings
from kiosk.db.models import Account, DrivingLicence
from kiosk.services import elicence, elicence_card, elicence_keys
from kiosk.services.elicence_codec import encode, key_id_of
from kiosk.services.env import make_env
from kiosk.ui.app import make_app
from kiosk.ui.widgets.qr import QrView
from tests.conftest import NOW
from tests.qr_raster import raster_lines
from tests.ui.conftest import set_input, settle
from tests.ui.elicence_helpers import qr_text_lines, zxing_read
from tests.ui.test_counter import open_verify
from tests.ui.test_elicence_card import _open_card


def _verdict(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#verdict").render())


async def _check(pilot, app, code: str, mode: str) -> str:  # type: ignore[no-untyped-def]
    set_input(app, "payload", code)
    await pilot.click(mode)
    await settle(pilot)
    return _verdict(app)


async def test_the_counter_desk_accepts_the_code_a_kiosk_with_its_own_folder_shows(env, people, tmp_path: Path):
    person = people["driver_normal"]  # 刘洋
    elicence.apply_direct(env, elicence_card.account_for(env, person.id_number))
    kiosk = make_app(env.settings, env)
    async with kiosk.run_test(size=(120, 40)) as pilot:
        await _open_card(pilot, env, person)
        shown = kiosk.screen.query_one(QrView).shown_text
        read = zxing_read(raster_lines(qr_text_lines(kiosk), scale=4, margin=0, strict=False))
    assert read == [shown] and shown.startswith("DL1:")

    (tmp_path / "counter").mkdir()
    counter_env = make_env(Settings(db_url=env.settings.db_url, now=NOW, terminal_id="counter-01",
                                    data_dir=tmp_path / "counter", counter=True))
    with env.db.read() as s:
        lic = s.scalars(select(DrivingLicence).where(DrivingLicence.archive_no == "500100000055")).one()
        claims = elicence_card.claims_of(s.get(Account, lic.account_id), lic, env.clock.now().date())
    stranger = Ed25519PrivateKey.generate()
    forged = encode(claims, stranger, key_id_of(stranger.public_key()), NOW)
    try:
        assert key_id_of(stranger.public_key()) not in elicence_keys.trusted_keyring(counter_env)
        counter = make_app(counter_env.settings, counter_env)
        async with counter.run_test(size=(120, 40)) as pilot:
            await open_verify(pilot, counter)
            said = await _check(pilot, counter, read[0], "#offline")
            assert said.startswith("有效") and "离线核验：验证通过" in said
            said = await _check(pilot, counter, read[0], "#online")
            assert said.startswith("有效") and "在线核验" in said
            assert "姓名：刘洋" in str(counter.screen.query_one("#fields").render())
            for mode in ("#offline", "#online"):
                said = await _check(pilot, counter, forged, mode)
                assert said.startswith("无效") and "未知的签发密钥" in said
    finally:
        counter_env.db.dispose()
