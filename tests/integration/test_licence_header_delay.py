"""The 有效期至 over a licence service's form says a running 延期换证 as the e-licence card does
(tester: 梁雪, her 延期换证 granted to 2028-06-30, read 有效期至2027-01-30 alone over 驾驶证补换领,
as if her licence were about to run out). On SQLite with the demo data (test clock 2026-12-01)."""
from __future__ import annotations

from datetime import date

from kiosk.services import applications
from kiosk.services.demo_people import Person
from kiosk.services.env import Env
from tests.integration.licence_helpers import DELAY_MEDICAL, DELAY_RENEWAL, REPLACE, account_id, licence


def test_the_replacement_header_says_the_granted_delay(env: Env, people: dict[str, Person]) -> None:
    p = people["renew_soon"]  # 梁雪: expires in 60 days
    aid = account_id(env, p)
    valid_to = f"有效期至{licence(env, p).valid_to:%Y-%m-%d}"
    assert f"{valid_to}  发证机关" in applications.prepare(env, REPLACE, aid).intro  # no delay: as before
    applications.submit(env, DELAY_RENEWAL, aid, {"reason": "服兵役", "detail": "", "until": "2028-06-30"})
    # while it waits for the expiry as later: one date format (it mixed 2027-01-30 and 2028年6月30日)
    assert f"{valid_to}（延期至2028-06-30）  发证机关" in applications.prepare(env, REPLACE, aid).intro
    env.clock.advance(days=(date(2028, 7, 1) - env.clock.now().date()).days)  # the delay has run out
    assert "延期至" not in applications.prepare(env, REPLACE, aid).intro


def test_the_other_delays_header_says_the_granted_renewal_delay(env: Env, people: dict[str, Person]) -> None:
    p = people["coach_driver"]  # 韩刚: A1, may delay the 身体条件证明 too
    aid = account_id(env, p)
    valid_to = licence(env, p).valid_to
    until = date(valid_to.year + 1, 6, 30)
    applications.submit(env, DELAY_RENEWAL, aid, {"reason": "出国（境）", "detail": "", "until": f"{until:%Y-%m-%d}"})
    said = applications.prepare(env, DELAY_MEDICAL, aid).intro  # granted before the expiry: 正常 until then
    assert f"有效期至{valid_to:%Y-%m-%d}（延期至{until:%Y-%m-%d}）  状态：正常" in said
