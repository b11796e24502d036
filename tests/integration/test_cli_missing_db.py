"""A SQLite file that is not there: a subcommand that reads or changes what is in the database
refuses it in one line (a mistyped --db gave a new, empty database, and `allocate` said
没有待安排的考试计划, exit 0); the kiosk's first run, `db upgrade` and `demo` still create it. And a
--db that is no URL at all is said in Chinese."""
from __future__ import annotations

from pathlib import Path

import pytest

LIU_YANG = "500112198808240556"
NEEDS_DATA = [
    ("allocate", "--date", "2026-12-05"),
    ("allocate", "--date", "2026-12-05", "--json"),
    ("review", "list"),
    ("review", "approve", "JG20261203000001"),
    ("review", "reject", "JG20261203000001", "--reason", "1"),
    ("exam-result", "--booking", "1", "--score", "90"),
    ("exam-result", "--id-number", LIU_YANG, "--subject", "1", "--no-show"),
    ("outbox",),
    ("outbox", "--phone", "13900000000"),
    ("elicence", "show", LIU_YANG),
    ("elicence", "export-key", "--all", "KEYS"),
    ("verify", "--online", "DL1:abc"),
]


def refusal(path: Path) -> str:
    return (f"kiosk: 数据库文件不存在：{path}，未新建数据库。请检查 --db 或 KIOSK_DATABASE_URL"
            f"（新数据库请用 kiosk db upgrade 建立）。\n")


@pytest.mark.parametrize("argv", NEEDS_DATA, ids=[" ".join(a[:2]) for a in NEEDS_DATA])
def test_a_mistyped_database_file_is_refused(cli_run, tmp_path: Path, argv) -> None:  # type: ignore[no-untyped-def]
    typo = tmp_path / "typo.db"
    argv = tuple(str(tmp_path / "keys") if a == "KEYS" else a for a in argv)
    assert cli_run("--db", f"sqlite:///{typo}", "--now", "2026-12-05T09:00", *argv) == (1, "", refusal(typo))
    assert list(tmp_path.glob("typo.db*")) == [] and not (tmp_path / "keys").exists()


def test_the_variable_and_the_default_database_are_checked_too(cli_run, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    default = tmp_path / "data" / "kiosk.db"  # the default database, in a data folder that exists
    default.parent.mkdir()
    assert cli_run("allocate", "--date", "2026-12-05") == (1, "", refusal(default))
    monkeypatch.setenv("KIOSK_DATABASE_URL", f"sqlite:///{tmp_path / 'typo.db'}")
    assert cli_run("review", "list") == (1, "", refusal(tmp_path / "typo.db"))
    assert not default.exists() and not (tmp_path / "typo.db").exists()


def test_what_makes_a_database_or_needs_none_still_runs(cli_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'new.db'}"
    assert cli_run("--db", url, "verify", "DL1:abc")[:2] == (1, "无效：格式错误\n")  # offline: the key files alone
    code, out, _ = cli_run("--db", url, "elicence", "export-key")
    assert code == 0 and out.startswith("-----BEGIN PUBLIC KEY-----")
    assert cli_run("--db", url, "db", "sms-key")[0] == 0
    assert not (tmp_path / "new.db").exists()
    code, out, _ = cli_run("--db", url, "db", "upgrade")
    assert code == 0 and out.startswith("已将数据库结构升级到最新版本") and (tmp_path / "new.db").is_file()
    assert cli_run("--db", url, "outbox") == (0, "短信发件箱为空\n", "")  # now it is there
    demo = tmp_path / "demo.db"
    code, out, _ = cli_run("--db", f"sqlite:///{demo}", "--now", "2026-12-03T09:30", "demo")
    assert code == 0 and out.startswith("演示数据已载入（按2026-12-03的日期）：") and demo.is_file()


def test_in_memory_and_postgresql_are_not_files(cli_run) -> None:  # type: ignore[no-untyped-def]
    # an in-memory database is no file to look for; it has no kiosk tables either, and none are made in it
    code, _, err = cli_run("--db", "sqlite://", "outbox")
    assert code == 1 and "中没有自助终端的数据，未新建数据库结构" in err and "数据库文件不存在" not in err, err
    code, _, err = cli_run("--db", "postgresql+psycopg://kiosk@127.0.0.1:1/kiosk", "outbox")
    assert code == 1 and "无法使用" in err and "数据库文件不存在" not in err, err


@pytest.mark.parametrize(("url", "shown"), [("notaurl", "notaurl"), ("not a url", "not a url"),
                                            ("postgresql://u:secret@h:x/y", "postgresql://u:***@h:x/y")])
def test_a_database_address_that_is_no_url_is_said_in_chinese(cli_run, url: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    line = (f"kiosk: 无法识别的数据库地址：{shown}（例：sqlite:///kiosk.db 或 postgresql+psycopg://user@host/db）。"
            f"请检查 --db 或 KIOSK_DATABASE_URL。\n")
    for argv in (("--db", url, "outbox"), ("--db", url, "--counter"), ("--db", url, "db", "upgrade")):
        assert cli_run(*argv) == (1, "", line)  # not "Could not parse SQLAlchemy URL", nor a traceback
