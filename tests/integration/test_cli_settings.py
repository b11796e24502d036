"""Settings the command line refuses before touching any database, with one Chinese line and exit
code 2: an empty --db (it used, and created, the data folder's kiosk.db), other empty options, an
--idle too short for the countdown before it."""
from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.__main__ import main


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    for name in ("KIOSK_DATABASE_URL", "KIOSK_NOW", "KIOSK_TERMINAL_ID", "KIOSK_THEME", "KIOSK_ELICENCE_TTL"):
        monkeypatch.delenv(name, raising=False)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("argv", [
    ["--db", "", "allocate", "--date", "2026-12-03"],
    ["allocate", "--date", "2026-12-03", "--db", ""],
    ["--db", "  ", "outbox"],
    ["db", "upgrade", "--db", ""],
])
def test_an_empty_db_is_refused_and_no_database_is_made(run, tmp_path: Path, argv) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run(*argv)
    assert code == 2 and out == ""
    line = _one_line(err)
    assert line.startswith("kiosk: --db 的值为空") and "sqlite:///" in line and "postgresql+psycopg://" in line
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("option", ["--terminal-id", "--now", "--theme"])
def test_other_empty_options_are_refused_too(run, tmp_path: Path, option: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(option, "", "--db", f"sqlite:///{tmp_path / 'k.db'}", "outbox")
    assert code == 2 and _one_line(err).startswith(f"kiosk: {option} 的值为空")
    assert not (tmp_path / "k.db").exists()


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_database_url_variable_counts_as_not_set(run, tmp_path: Path, monkeypatch, value: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATABASE_URL", value)
    code, out, err = run("--now", "2026-12-03T09:00", "allocate", "--date", "2026-12-03")
    assert code == 0, err
    assert (tmp_path / "data" / "kiosk.db").is_file()  # the default database, as with no variable


@pytest.mark.parametrize("idle", ["0", "-5", "20"])
def test_an_idle_time_shorter_than_the_countdown_is_refused(run, tmp_path: Path, idle: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("--idle", idle, "--db", f"sqlite:///{tmp_path / 'k.db'}", "outbox")
    assert code == 2
    assert _one_line(err) == f"kiosk: --idle 须为不小于21的秒数（自助终端在超时前20秒显示倒计时），收到 {idle}"
    assert not (tmp_path / "k.db").exists()


def test_the_shortest_idle_time_accepted_keeps_the_whole_countdown(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.__main__ import build_parser, settings_from

    for argv in (["--idle", "21"], ["--counter", "--idle", "21"]):
        s = settings_from(build_parser().parse_args(argv))
        assert s.idle_limit == 21 == s.idle_warning_seconds + 1
