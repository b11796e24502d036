"""The e-licence card says how long each delay granted to the holder runs (RULES.md: the 延期 statuses
hold inside their period). It said （延期至...） only for 延期换证 (beside 有效期限); 延期体检 and 延期审验
read as statuses with no end (tester). Now the 状态 row says each one's day, at 120x40 and 80x24.
冯莉's 延期审验 shows from the day after her 审验's last day (2027-11-20), when its status begins."""
from __future__ import annotations

import pytest

from datetime import date

from kiosk.services import applications, elicence, elicence_card, licence_delay
from tests.integration.licence_helpers import DELAY_MEDICAL, DELAY_REVIEW
from tests.ui.conftest import screen_text, settle
from tests.ui.elicence_helpers import open_card

QR_CELLS = "\u2580\u2584\u2588"  # the code beside the card (120x40), on the same rows
FORM = {"reason": "服兵役", "detail": ""}
REVIEW_BEGINS = date(2027, 11, 21)  # the day after 冯莉's 审验 is due (2027-11-20 at the test clock)


def _review_begun(env, aid) -> None:  # type: ignore[no-untyped-def]
    """The clock on the day 延期审验 begins, the licence settled as a sign-in or a lookup does."""
    env.clock.advance(days=(REVIEW_BEGINS - env.clock.now().date()).days)
    with env.db.write() as s:
        licence_delay.settle(s, env, aid)


def test_the_card_says_until_when_each_delay_runs(env, people) -> None:
    p = people["lorry_driver"]  # 冯莉: B2, 3 points: gives a 身体条件证明 and takes the 审验
    aid = elicence_card.account_for(env, p.id_number)
    applications.submit(env, DELAY_MEDICAL, aid, {**FORM, "until": "2028-01-01"})
    applications.submit(env, DELAY_REVIEW, aid, {**FORM, "until": "2028-03-15"})
    elicence.apply_direct(env, aid)
    fields = dict(elicence_card.staff_card(env, p.id_number).fields)
    assert fields["状态"] == "延期体检（延期至2028-01-01）"  # the 审验 is not due yet
    _review_begun(env, aid)
    fields = dict(elicence_card.staff_card(env, p.id_number).fields)
    assert fields["状态"] == "延期体检（延期至2028-01-01）、延期审验（延期至2028-03-15）"
    assert "延期至" not in fields["有效期限"]  # the validity is not what these put off


def test_a_delay_run_out_says_no_day(env, people) -> None:
    p = people["lorry_driver"]
    aid = elicence_card.account_for(env, p.id_number)
    applications.submit(env, DELAY_MEDICAL, aid, {**FORM, "until": "2028-01-01"})
    elicence.apply_direct(env, aid)
    assert "延期至2028-01-01" in dict(elicence_card.staff_card(env, p.id_number).fields)["状态"]
    env.clock.advance(days=(2028 - 2026) * 366)  # past it; the status left as it is (no sign-in)
    assert "延期至" not in dict(elicence_card.staff_card(env, p.id_number).fields)["状态"]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_card_on_screen_says_the_delays(kiosk_app, env, people, size) -> None:
    p = people["lorry_driver"]
    aid = elicence_card.account_for(env, p.id_number)
    applications.submit(env, DELAY_MEDICAL, aid, {**FORM, "until": "2028-01-01"})
    applications.submit(env, DELAY_REVIEW, aid, {**FORM, "until": "2028-03-15"})
    _review_begun(env, aid)
    async with kiosk_app.run_test(size=size) as pilot:
        await open_card(pilot, env, p)
        await settle(pilot)
        text = screen_text(kiosk_app)
        flat = "".join(c for c in text if not c.isspace() and c not in QR_CELLS)  # the card's rows, wrapped or not
        assert "延期体检（延期至2028-01-01）" in flat and "延期审验（延期至2028-03-15）" in flat
        assert "返回" in "".join(text.splitlines()[:size[1] - 1])  # still on screen
