"""--db, --now and --terminal-id after the subcommand as well as before it (`kiosk allocate --db URL
--date D --json` said "unrecognized arguments"), without a later subcommand's default undoing what
was given before it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.__main__ import build_parser, main
from kiosk.cli.options import subcommand_parsers


def test_every_subcommand_at_any_depth_takes_the_shared_options() -> None:
    parser = build_parser()
    children = list(subcommand_parsers(parser))
    assert {"kiosk db upgrade", "kiosk elicence show", "kiosk review reject", "kiosk allocate"} <= {
        c.prog for c in children}
    for child in children:
        assert {"--db", "--now", "--terminal-id"} <= set(child._option_string_actions), child.prog


@pytest.mark.parametrize("argv", [
    ["allocate", "--db", "sqlite:///after.db", "--now", "2026-12-02T09:00", "--terminal-id", "t-after",
     "--date", "2026-12-02"],
    ["--db", "sqlite:///after.db", "--now", "2026-12-02T09:00", "--terminal-id", "t-after", "allocate",
     "--date", "2026-12-02"],
    ["--db", "sqlite:///after.db", "allocate", "--date", "2026-12-02", "--now", "2026-12-02T09:00",
     "--terminal-id", "t-after"],
    ["--db", "sqlite:///before.db", "--now", "2026-12-01T09:00", "--terminal-id", "t-before", "allocate",
     "--terminal-id", "t-after", "--now", "2026-12-02T09:00", "--date", "2026-12-02", "--db", "sqlite:///after.db"],
])
def test_before_after_or_both_the_last_one_given_counts(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert (args.db, args.now, args.terminal_id, args.date) == (
        "sqlite:///after.db", "2026-12-02T09:00", "t-after", "2026-12-02")


def test_nested_subcommands_take_them_at_either_level() -> None:
    for argv in (["db", "--db", "sqlite:///x.db", "upgrade"], ["db", "upgrade", "--db", "sqlite:///x.db"]):
        args = build_parser().parse_args(argv)
        assert args.db == "sqlite:///x.db" and args.db_command == "upgrade"
    args = build_parser().parse_args(["elicence", "show", "500112198808240556", "--db", "sqlite:///x.db"])
    assert args.db == "sqlite:///x.db" and args.id_number == "500112198808240556"


def test_not_given_after_the_subcommand_leaves_none() -> None:
    args = build_parser().parse_args(["outbox"])
    assert (args.db, args.now, args.terminal_id) == (None, None, None)


def test_allocate_with_the_database_after_the_subcommand_uses_that_database(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    monkeypatch.delenv("KIOSK_DATABASE_URL", raising=False)
    db = tmp_path / "named.db"
    assert main(["db", "upgrade", "--db", f"sqlite:///{db}"]) == 0
    capsys.readouterr()
    assert main(["allocate", "--db", f"sqlite:///{db}", "--date", "2026-12-03", "--now", "2026-12-03T09:00",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["date"] == "2026-12-03"
    assert db.is_file() and not (data / "kiosk.db").exists()  # not the default database


def test_a_new_data_folder_is_open_to_the_kiosks_user_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The data folder holds every citizen's data (the database, photos, keys, certificates): made
    by the kiosk, it is not readable by the machine's other users."""
    data = tmp_path / "data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    monkeypatch.delenv("KIOSK_DATABASE_URL", raising=False)
    assert main(["db", "upgrade"]) == 0
    capsys.readouterr()
    assert (data / "kiosk.db").is_file()
    assert data.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("argv", [["outbox"], ["allocate", "--date", "2026-12-03"], ["review", "list"]])
def test_a_database_without_the_kiosks_tables_is_not_filled_with_them(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        argv: list[str]) -> None:
    """A subcommand pointed at a PostgreSQL database with no kiosk schema (a mistyped name that
    exists, an empty one): one line and exit 1, and the database is left as it was; ``db upgrade``
    is the way to create the schema. An empty SQLite file is refused the same way."""
    from sqlalchemy import create_engine, inspect

    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    assert main([*argv, "--db", pg_url, "--now", "2026-12-03T09:00"]) == 1
    err = capsys.readouterr().err
    assert "中没有自助终端的数据，未新建数据库结构" in err and "kiosk db upgrade" in err
    engine = create_engine(pg_url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
    empty = tmp_path / "empty.db"
    empty.touch()
    assert main([*argv, "--db", f"sqlite:///{empty}", "--now", "2026-12-03T09:00"]) == 1
    assert "中没有自助终端的数据" in capsys.readouterr().err
    sqlite = create_engine(f"sqlite:///{empty}")
    try:
        assert inspect(sqlite).get_table_names() == []
    finally:
        sqlite.dispose()
    assert main(["db", "upgrade", "--db", pg_url]) == 0  # the way to make it
