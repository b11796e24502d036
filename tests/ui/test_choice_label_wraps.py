"""Pilot: an option of a choice list wider than the list wraps onto more lines, each under the
text of the first, and is never cut (kiosk.ui.widgets.choice.Choice). Testers saw 领取网点 cut with
an ellipsis: 巴南车管所（重庆市巴南区南彭街道东盟国际物流园A区（重庆公路物流基地） ... at 80x24
(周杰, 补换领机动车号牌, 窗口领取), 大渡口车管所（...石林大道15... at 100x30 beside the number pad
(梁雪, 驾驶证补换领, 期满换证, 到车管所窗口领取): the house number lost to an elderly citizen choosing."""
from __future__ import annotations

from textual.widgets import RadioButton

from kiosk.ui.widgets.choice import Choice
from tests.ui.conftest import choose_option, settle
from tests.ui.test_vehicle_documents import _open


async def _rows_of(pilot, option: RadioButton) -> list[str]:  # type: ignore[no-untyped-def]
    """The screen's rows where ``option`` is drawn, once scrolled into view, from its text on."""
    option.scroll_visible(animate=False)
    await settle(pilot)
    region = option.region
    assert region.height and region.width
    strips = pilot.app.screen._compositor.render_strips()  # noqa: SLF001
    return [strips[y].crop(region.x, region.right).text for y in range(region.y, region.bottom)]  # by cells


async def _every_office_whole(pilot, field: str) -> None:  # type: ignore[no-untyped-def]
    options = list(pilot.app.screen.query(f"#choice-{field} RadioButton"))
    assert options and all(isinstance(o, Choice) for o in options)
    wrapped = 0
    for option in options:
        rows = await _rows_of(pilot, option)
        label = str(option.label)
        assert "\u2026" not in "".join(rows), rows  # no ellipsis
        assert "".join(row.strip() for row in rows).endswith(label), rows  # the whole address, in order
        mark = rows[0].index("(")
        text_at = mark + 4  # after "(*) "
        for row in rows[1:]:  # a row after the first starts under the first one's text
            assert row[:text_at].strip() == "" and row[text_at:].strip(), rows
        wrapped += len(rows) > 1
    assert wrapped  # the long ones did wrap


async def test_80x24_the_long_pickup_office_wraps(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["two_cars"], "plate_reissue")  # 周杰
        await choose_option(pilot, "delivery", "窗口领取")
        await settle(pilot)
        await _every_office_whole(pilot, "office")


async def test_100x30_beside_the_number_pad_the_offices_wrap(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(100, 30)) as pilot:
        await _open(pilot, env, people["renew_soon"], "licence_replace")  # 梁雪
        await choose_option(pilot, "kind", "renew")
        await choose_option(pilot, "delivery", "counter")
        await settle(pilot)
        field = next(c.id for c in pilot.app.screen.query("#fields Choices")
                     if (c.id or "").startswith("choice-office_") and c.parent.display).removeprefix("choice-")
        await _every_office_whole(pilot, field)
