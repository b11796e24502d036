"""Pilot: a chosen radio option (and a ticked box) reads without colour, (*) / ( ) and [X] / [ ],
in ASCII: Textual's ▐●▌ changes only its colour, and ● ▌ are East-Asian ambiguous width."""
from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

from textual.widgets import RadioButton

import kiosk.ui
from kiosk.ui.widgets.choice import Choice, Tick
from tests.ui.conftest import screen_text, settle
from tests.ui.test_booking_wizard import open_wizard, to_sessions


def contrast(a, b) -> float:
    """The WCAG contrast ratio of two colours."""
    def lum(c) -> float:
        return sum(w * ((v / 255) / 12.92 if v <= 10 else (((v / 255) + 0.055) / 1.055) ** 2.4)
                   for w, v in zip((0.2126, 0.7152, 0.0722), c.rgb))
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def line_of(app, label: str) -> str:
    return next(line for line in screen_text(app).splitlines() if label in line)


async def test_the_chosen_booking_mode_shows_without_colour(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        assert "(*) 自主选择场次" in line_of(kiosk_app, "自主选择场次")
        assert "( ) 服从系统安排" in line_of(kiosk_app, "服从系统安排")
        system = next(b for b in kiosk_app.screen.query("#mode RadioButton").results(RadioButton)
                      if b.name == "system")
        await pilot.click(system)
        await settle(pilot)
        assert "( ) 自主选择场次" in line_of(kiosk_app, "自主选择场次")
        assert "(*) 服从系统安排" in line_of(kiosk_app, "服从系统安排")


async def test_every_radio_set_in_the_app_uses_the_marks(kiosk_app, env, people):
    """The subject choice of 科目确认 too: one shared widget, not a fix per screen."""
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await open_wizard(pilot, env, people["permit_expiring"])
        radios = list(kiosk_app.screen.query(RadioButton).results(RadioButton))
        assert radios and all(isinstance(r, Choice) for r in radios)
        subjects = list(kiosk_app.screen.query("#subject RadioButton"))  # the other step is not on view
        marks = [line for line in screen_text(kiosk_app).splitlines() if "(*)" in line or "( )" in line]
        assert sum("(*)" in line for line in marks) == 0 and len(marks) == len(subjects) == 2  # none picked yet
        await pilot.press("down")
        await settle(pilot)
        marks = [line for line in screen_text(kiosk_app).splitlines() if "(*)" in line or "( )" in line]
        assert sum("(*)" in line for line in marks) == 1 and len(marks) == 2


def test_marks_are_never_ambiguous_width():
    for mark in (*Choice.MARKS, *Tick.MARKS):
        assert all(unicodedata.east_asian_width(c) not in "AW" for c in mark), mark


def ui_nodes_outside_choice():
    """(file, syntax node) of every module of kiosk/ui but kiosk/ui/widgets/choice.py."""
    for path in Path(kiosk.ui.__file__).parent.rglob("*.py"):
        if path.name != "choice.py":
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                yield path, node


def test_no_screen_builds_textual_s_own_radio_button_or_checkbox():
    """Only kiosk/ui/widgets/choice.py imports them from Textual; screens use Choice and Tick."""
    offenders = []
    for path, node in ui_nodes_outside_choice():
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual"):
            offenders += [f"{path.name}: {a.name}" for a in node.names if a.name in ("RadioButton", "Checkbox")]
    assert offenders == []


async def test_the_marks_are_drawn_in_the_text_colour_not_hidden_in_the_panel(kiosk_app, env, people):
    """Textual draws an unchosen mark in a shade of its own background; ( ) must be read too."""
    async with kiosk_app.run_test(size=(120, 50)) as pilot:
        await to_sessions(pilot, env, people["permit_expiring"], 2)
        for radio in kiosk_app.screen.query("#mode RadioButton").results(RadioButton):
            style = radio.get_visual_style("toggle--button")
            assert style.bold and contrast(style.foreground, style.background) >= 4.5
