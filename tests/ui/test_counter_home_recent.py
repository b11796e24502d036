"""Pilot: 窗口工作台's recent actions fit the page: a long 终端与说明 wraps onto the row's next lines,
whole, with no sideways scrolling (tester: 「...科目二 C1 考位2 优先名」 cut off with nothing to say so,
and at 80x24 a stray scrollbar under the table). It was then cut with ..., and 核验 (H2001), who has
no 审计日志 screen, could not read the end of a check's 说明 anywhere (tester, at 120x40)."""
from __future__ import annotations

import pytest
from textual.widgets import DataTable

from kiosk.services import audit
from tests.integration.licence_helpers import set_licence
from tests.ui.conftest import screen_text, set_input, settle
from tests.ui.test_counter import _sign_in, counter_app, issued_code, open_verify

LONG = "已保存场次 2461：沙坪坝土主考场 2026-12-20 08:30 科目二 C1C2C5 考位40 优先预约名额4 开放预约2026-11-18 公布2026-12-06"


def _joined(app) -> str:  # type: ignore[no-untyped-def]
    """The screen's text with its line breaks and spaces out: a wrapped cell reads as one."""
    return "".join(screen_text(app).split())


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_long_detail_is_wrapped_whole_and_the_table_fits(env, size):
    with env.db.write() as s:
        audit.record(s, env, actor="staff:J1003", action="exam_session", role="exam_admin", detail=LONG)
    app = counter_app(env)
    async with app.run_test(size=size) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await settle(pilot)
        table = app.screen.query_one("#audit", DataTable)
        details = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert f"test-kiosk {LONG}" in details  # not cut
        assert table.virtual_size.width <= table.scrollable_content_region.width  # nothing to scroll sideways
        assert table.virtual_size.height > table.row_count + 1  # its row took more than one line
        table.focus()
        await pilot.press("end")  # the rows below the page's edge at 80x24 into view
        await settle(pilot)
        assert "".join(LONG.split()) in _joined(app)


async def test_the_verifier_reads_a_checks_whole_note_at_120_columns(env, people):
    """An online check of a code whose licence changed since (准驾车型): its 说明 is longer than the
    room 终端与说明 has at 120 columns; the offline check of the same code says 验证通过."""
    p = people["driver_normal"]
    _account, code = issued_code(env, p)
    set_licence(env, p, classes="C1E")
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_verify(pilot, app)
        set_input(app, "payload", code)
        for check in ("#offline", "#online"):
            await pilot.click(check)
            await settle(pilot)
        await pilot.click("#back")
        await settle(pilot)
        await settle(pilot)
        with env.db.read() as s:
            from kiosk.db.models import AuditEntry

            notes = [e.detail for e in s.query(AuditEntry).filter(AuditEntry.action == "elicence_verify")]
        assert len(notes) == 2 and any("重新申领" in n for n in notes)
        for note in notes:
            assert "".join(note.split()) in _joined(app)
