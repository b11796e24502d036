"""Pilot: in a narrow box the notice's numbered rules wrap under their own text (a hanging
indent), not back at the box's left edge, where they read as a new paragraph (tester, 80x24)."""
from __future__ import annotations

from textual.geometry import Region

from tests.ui.test_booking_notice_read import to_notice


def notice_rows(app) -> list[str]:  # type: ignore[no-untyped-def]
    text = app.screen.query_one("#notice-text")
    return [strip.text.rstrip() for strip in text.render_lines(Region(0, 0, text.size.width, text.size.height))]


async def test_a_numbered_rule_wraps_under_its_own_text(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await to_notice(pilot, env, people["k2_ready"])
        rows = notice_rows(kiosk_app)
        first = next(i for i, r in enumerate(rows) if r.startswith("  1、首次预约科目一考试的"))
        assert rows[first + 1].startswith("    ") and rows[first + 1].strip()  # 「时间；」 under 「首次...」
        assert rows[first + 2].startswith("  2、")
        assert any(r.startswith("一、用户初次申领") for r in rows)  # paragraphs as before, from the left
        paragraph = next(i for i, r in enumerate(rows) if r.startswith("一、用户初次申领"))
        assert not rows[paragraph + 1].startswith(" ")
