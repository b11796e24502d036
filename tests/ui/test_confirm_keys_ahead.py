"""Pilot: a question before an action that cannot be undone (kiosk.ui.dialogs.confirm) is not
answered yes by keys typed before it was read. A counter's Tab and Enter, meant for the form under
安排考试并公布结果's question that came up late, answered 确认安排并公布 (tester)."""
from __future__ import annotations

import pytest

from kiosk.ui.dialogs.confirm import ConfirmDialog
from kiosk.ui.submit_guard import SubmitGuard
from tests.ui.conftest import settle


async def _ask(pilot, focus_yes: bool = False) -> list[bool | None]:  # type: ignore[no-untyped-def]
    answers: list[bool | None] = []
    pilot.app.push_screen(ConfirmDialog("确认安排 2026-12-05 公布结果的考试？", "确认安排并公布", focus_yes=focus_yes),
                          callback=answers.append)
    await settle(pilot)
    assert isinstance(pilot.app.screen, ConfirmDialog)
    return answers


async def test_tab_and_enter_typed_as_the_question_shows_do_not_answer_yes(kiosk_app, monkeypatch):
    monkeypatch.setattr(SubmitGuard, "SUBMIT_GUARD", 30.0)  # however slow the machine
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        answers = await _ask(pilot)
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ConfirmDialog) and answers == []
        assert kiosk_app.focused is kiosk_app.screen.query_one("#yes")  # Enter on it once read
        monkeypatch.setattr(SubmitGuard, "SUBMIT_GUARD", 0.0)  # the question read
        await pilot.press("enter")
        await settle(pilot)
        assert answers == [True]


@pytest.mark.parametrize("focus_yes", [False, True])
async def test_the_safe_answer_goes_at_once(kiosk_app, monkeypatch, focus_yes):
    """The no (Enter on it, or Escape) always goes; a question whose yes is the safe answer
    (退出登录 at a kiosk: Enter, Enter signs out) takes Enter on its yes at once."""
    monkeypatch.setattr(SubmitGuard, "SUBMIT_GUARD", 30.0)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        answers = await _ask(pilot, focus_yes)
        await pilot.press("enter")
        await settle(pilot)
        assert answers == [focus_yes]
        answers = await _ask(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert answers == [False]


async def test_an_answer_of_a_choice_typed_as_it_shows_is_ignored(kiosk_app, monkeypatch):
    """办结's question (ChooseDialog: 已邮寄, 暂不办理): Left Enter typed as it opened answered 已邮寄 (T4)."""
    from kiosk.ui.dialogs.choose import ChooseDialog

    monkeypatch.setattr(SubmitGuard, "SUBMIT_GUARD", 30.0)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        answers: list[str | None] = []
        kiosk_app.push_screen(ChooseDialog("为刘洋办结以下业务？", ("已邮寄",)), callback=answers.append)
        await settle(pilot)
        await pilot.press("left", "enter")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, ChooseDialog) and answers == []
        monkeypatch.setattr(SubmitGuard, "SUBMIT_GUARD", 0.0)
        await pilot.press("enter")
        await settle(pilot)
        assert answers == ["已邮寄"]
