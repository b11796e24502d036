"""The terminal's look: ``kiosk --theme high-contrast`` or KIOSK_THEME, for a citizen kiosk and a
counter terminal alike; nothing set is the standard look; a name the kiosk does not know stops it
with a message, not a traceback."""
from __future__ import annotations

import pytest

from kiosk.__main__ import build_parser, main, settings_from
from kiosk.config import HIGH_CONTRAST, STANDARD, Settings


def _settings(*argv: str) -> Settings:
    return settings_from(build_parser().parse_args(list(argv)))


def test_nothing_set_is_the_standard_look(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_THEME", raising=False)
    assert _settings().theme == STANDARD
    assert Settings().theme == STANDARD


def test_the_option_sets_it_at_a_kiosk_and_at_a_counter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_THEME", raising=False)
    assert _settings("--theme", "high-contrast").theme == HIGH_CONTRAST
    counter = _settings("--counter", "--theme", "high-contrast")
    assert counter.counter and counter.theme == HIGH_CONTRAST
    assert _settings("--theme", "High-Contrast").theme == HIGH_CONTRAST


def test_the_environment_sets_it_and_the_option_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_THEME", "high-contrast")
    assert _settings().theme == HIGH_CONTRAST
    assert _settings("--theme", "standard").theme == STANDARD


def test_an_unknown_look_given_as_an_option_is_refused_with_a_message(monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATABASE_URL", f"sqlite:///{tmp_path / 'k.db'}")  # were it not refused
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("KIOSK_THEME", raising=False)
    assert main(["--theme", "dark", "demo"]) == 2
    err = capsys.readouterr().err
    assert "--theme" in err and "standard, high-contrast" in err and "Traceback" not in err


@pytest.mark.parametrize("argv", [[], ["--counter"]])
def test_an_unknown_look_in_the_environment_stops_a_terminal(argv, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_THEME", "contrast")
    with pytest.raises(ValueError, match="standard, high-contrast"):
        _settings(*argv)


def test_a_subcommand_does_not_read_the_look_from_the_environment(monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A typo in a screen setting must not stop the nightly `kiosk allocate --date today`."""
    monkeypatch.setenv("KIOSK_DATABASE_URL", f"sqlite:///{tmp_path / 'k.db'}")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("KIOSK_NOW", "2026-12-03T09:30")
    monkeypatch.setenv("KIOSK_THEME", "bogus")
    assert _settings("demo").theme == STANDARD
    assert main(["db", "upgrade"]) == 0
    assert main(["allocate", "--date", "today"]) == 0, capsys.readouterr().err
    assert "KIOSK_THEME" not in capsys.readouterr().err
