"""Settings the command line refuses before touching any database, with one Chinese line and exit
code 2: an empty --db (it used, and created, the data folder's kiosk.db), other empty options, an
--idle too short for the countdown before it."""
from __future__ import annotations

from pathlib import Path

import pytest





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
def test_an_empty_db_is_refused_and_no_database_is_made(cli_run, tmp_path: Path, argv) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli_run(*argv)
    assert code == 2 and out == ""
    line = _one_line(err)
    assert line.startswith("kiosk: --db 的值为空") and "sqlite:///" in line and "postgresql+psycopg://" in line
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("option", ["--terminal-id", "--now", "--theme"])
def test_other_empty_options_are_refused_too(cli_run, tmp_path: Path, option: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli_run(option, "", "--db", f"sqlite:///{tmp_path / 'k.db'}", "outbox")
    assert code == 2 and _one_line(err).startswith(f"kiosk: {option} 的值为空")
    assert not (tmp_path / "k.db").exists()


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_database_url_variable_counts_as_not_set(cli_run, tmp_path: Path, monkeypatch, value: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATABASE_URL", value)
    code, out, err = cli_run("--now", "2026-12-03T09:00", "db", "upgrade")
    assert code == 0, err
    assert (tmp_path / "data" / "kiosk.db").is_file()  # the default database, as with no variable
    code, out, err = cli_run("--now", "2026-12-03T09:00", "allocate", "--date", "2026-12-03")
    assert code == 0, err


@pytest.mark.parametrize("idle", ["0", "-5", "20"])
def test_an_idle_time_shorter_than_the_countdown_is_refused(cli_run, tmp_path: Path, idle: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli_run("--idle", idle, "--db", f"sqlite:///{tmp_path / 'k.db'}", "outbox")
    assert code == 2
    assert _one_line(err) == f"kiosk: --idle 须为不小于21的秒数（自助终端在超时前20秒显示倒计时），收到 {idle}"
    assert not (tmp_path / "k.db").exists()


def test_the_shortest_idle_time_accepted_keeps_the_whole_countdown(cli_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.__main__ import build_parser, settings_from

    for argv in (["--idle", "21"], ["--counter", "--idle", "21"]):
        s = settings_from(build_parser().parse_args(argv))
        assert s.idle_limit == 21 == s.idle_warning_seconds + 1
