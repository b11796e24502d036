"""What an administrator reads from the command line is Chinese (option names, URLs and the
driver's own reason stay as they are): the settings it refuses, `db upgrade`, an empty outbox, and no
English second half after the Chinese line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest





@pytest.mark.parametrize(("argv", "variables", "said"), [
    (["--now", "2026-02-30T09:00"], {}, "kiosk: KIOSK_NOW / --now 2026年2月只有28天，收到 '2026-02-30T09:00'"),
    (["--now", "2026-12-01T25:00"], {}, "kiosk: KIOSK_NOW / --now 须为 2026-12-01T09:00 这样的时间，收到 '2026-12-01T25:00'"),
    ([], {"KIOSK_NOW": "tomorrow"}, "kiosk: KIOSK_NOW / --now 须为 2026-12-01T09:00 这样的时间，收到 'tomorrow'"),
    (["--theme", "dark"], {}, "kiosk: KIOSK_THEME / --theme 须为以下之一：standard, high-contrast，收到 'dark'"),
    ([], {"KIOSK_ELICENCE_TTL": "abc"},
     "kiosk: KIOSK_ELICENCE_TTL 须为5到3600之间的整数秒数（电子驾驶证二维码的有效时间，默认60），收到 'abc'"),
    ([], {"KIOSK_ELICENCE_TTL": "0"},
     "kiosk: KIOSK_ELICENCE_TTL 须为5到3600之间的整数秒数（电子驾驶证二维码的有效时间，默认60），收到 '0'"),
    ([], {"KIOSK_ELICENCE_TTL": "99999"},
     "kiosk: KIOSK_ELICENCE_TTL 须为5到3600之间的整数秒数（电子驾驶证二维码的有效时间，默认60），收到 '99999'"),
], ids=["now-no-such-day", "now-option", "now-variable", "theme", "elicence-ttl", "elicence-ttl-zero", "elicence-ttl-long"])
def test_a_setting_refused_is_one_chinese_line(cli_run, tmp_path: Path, monkeypatch, argv, variables, said) -> None:  # type: ignore[no-untyped-def]
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    code, out, err = cli_run(*argv, "--db", f"sqlite:///{tmp_path / 'k.db'}", "outbox")
    assert (code, out, err.strip()) == (2, "", said)
    assert not (tmp_path / "k.db").exists()


def test_upgrade_and_an_empty_outbox_say_so_in_chinese(cli_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'k.db'}"
    code, out, err = cli_run("--db", url, "db", "upgrade")  # a new database: test_cli_db_upgrade.py
    assert (code, err) == (0, "") and out.startswith("已将数据库结构升级到最新版本（")
    assert cli_run("--db", url, "outbox") == (0, "短信发件箱为空\n", "")
    assert cli_run("--db", url, "outbox", "--phone", "13900000000") == (0, "短信发件箱中没有发往该号码的短信\n", "")


def test_a_database_or_folder_that_cannot_be_used_has_no_english_second_half(cli_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.db"
    bad.write_text("not a database")
    blocker = tmp_path / "file"
    blocker.write_text("")
    for argv in (["--db", f"sqlite:///{bad}", "outbox"], ["--db", f"sqlite:///{tmp_path / 'no' / 'k.db'}", "outbox"],
                 ["--db", f"sqlite:///{blocker / 'k.db'}", "db", "upgrade"]):
        code, _, err = cli_run(*argv)
        assert code == 1 and len(err.strip().splitlines()) == 1, err
        assert " / " not in err and not re.search(r"(database|folder) \w+", err), err


@pytest.mark.parametrize(("argv", "said"), [
    (["allocate"], "kiosk allocate: 缺少必需的参数：--date"),
    (["allocate", "--date"], "kiosk allocate: 参数 --date 缺少取值"),
    (["outbox", "--limit", "abc"], "kiosk outbox: 参数 --limit 须为整数，收到 'abc'"),
    (["allocate", "--date", "2026-12-03", "extra"], "kiosk: 无法识别的参数：extra"),
    (["exam-result", "--booking", "1"], "kiosk exam-result: 须给出以下参数之一：--score --no-show"),
    (["exam-result", "--booking", "1", "--id-number", "2", "--score", "1"],
     "kiosk exam-result: 参数 --id-number 不能与 --booking 同时使用"),
    (["elicence", "show", "1", "--profile", "big"],
     "kiosk elicence show: 参数 --profile 的取值 'big' 无效（可选：'auto', 'full', 'compact'）"),
], ids=["required", "no-value", "not-int", "unrecognized", "one-of", "not-with", "choice"])
def test_a_command_line_argparse_refuses_is_said_in_chinese_under_its_usage(cli_run, capsys, argv, said) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as done:
        cli_run(*argv)
    err = capsys.readouterr().err
    assert done.value.code == 2 and err.startswith("用法：kiosk") and err.rstrip().splitlines()[-1] == said, err

