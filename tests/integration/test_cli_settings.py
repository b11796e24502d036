"""Settings the command line refuses before touching any database, with one Chinese line and exit
code 2: an empty --db (it used, and created, the data folder's kiosk.db), other empty options (a
subcommand's too), an option value not of its kind (a date, a time, a phone number), an --idle too
short for the countdown before it."""
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


@pytest.mark.parametrize(("argv", "option", "default"), [
    (["outbox", "--phone", ""], "--phone", True),  # was exit 1 (not a phone number)
    (["allocate", "--date", ""], "--date", False),  # was exit 1 (not a date)
    (["allocate", "--date", " "], "--date", False),
    (["exam-result", "--booking", "1", "--score", "70", "--at", ""], "--at", True),  # was the session's start time
    (["exam-result", "--id-number", "", "--subject", "2", "--score", "70"], "--id-number", False),
    (["elicence", "export-key", "--all", ""], "--all", True),  # was the current folder
    (["staff", "add", "A0002", "--name", "", "--role", "admin"], "--name", False),
    (["review", "reject", "X", "--reason", ""], "--reason", False),
])
def test_an_empty_subcommand_option_is_refused_as_an_empty_db(cli_run, tmp_path: Path, argv, option, default) -> None:  # type: ignore[no-untyped-def]
    """README: an option given an empty value is refused with exit code 2, whichever option it is."""
    code, out, err = cli_run("--db", f"sqlite:///{tmp_path / 'k.db'}", *argv)
    assert (code, out) == (2, "")
    line = _one_line(err)
    assert line.startswith(f"kiosk: {option} 的值为空。请给出") and ("以使用默认值" in line) == default, line
    assert not (tmp_path / "k.db").exists()


@pytest.mark.parametrize("argv", [
    ["allocate", "--date", "2026-02-30"], ["allocate", "--date", "tomorrow"],
    ["exam-result", "--booking", "1", "--score", "70", "--at", "2026-12-04T25:00"],
    ["outbox", "--phone", "abc"], ["outbox", "--limit", "0"],
    ["exam-result", "--id-number", "500101199001011234", "--score", "70"],
])
def test_an_option_value_not_of_its_kind_exits_2_as_a_bad_now(cli_run, tmp_path: Path, argv) -> None:  # type: ignore[no-untyped-def]
    """A date or time that is none, a phone number that is none: the command line, as --now 2026-02-30."""
    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert cli_run("--db", url, "db", "upgrade")[0] == 0
    assert cli_run("--db", url, "--now", "2026-02-30T09:00", "outbox")[0] == 2
    code, out, err = cli_run("--db", url, *argv)
    assert (code, out) == (2, "") and "--" in _one_line(err), err


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
