"""`kiosk --help`, every subcommand's --help and argparse's refusals are Chinese (option names, JSON
keys, environment variables and formats stay as they are), fit an 80-column terminal and use no
East-Asian ambiguous-width character. Run through the real parser (kiosk.__main__.main)."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from kiosk.__main__ import build_parser
from kiosk.cli.help_format import cells
from kiosk.cli.options import subcommand_parsers

# The words that stay ASCII: what a script or a shell reads (JSON keys, variables, formats, files).
JSON_KEYS = {"date", "placed", "unplaced", "sessions", "id", "seats", "phone", "body", "created_at", "booking",
             "attempt", "passed", "score", "no_show", "booking_status", "message", "valid", "normal", "status",
             "headline", "serial_no", "null"}  # null: serial_no's value for a booking without an application
KEPT = JSON_KEYS | {"kiosk", "kiosk-", "kiosk.db", "D", "URL", "YYYY-MM-DD", "JSON", "SQLite", "PEM", "DL1", "DL2",
                    "keys", "pub.pem", "sms-code.key", "T08:30", "T09:00", "x23", "x33", "standard", "high-contrast",
                    "PIN", "today"}  # today: a value `allocate --date` takes
ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]*")


def _commands() -> list[list[str]]:
    """['kiosk'], ['kiosk', 'db'], ['kiosk', 'db', 'upgrade'], ...: every parser, as its words."""
    parser = build_parser()
    return [["kiosk"]] + [child.prog.split() for child in subcommand_parsers(parser)]


def _names() -> set[str]:
    """Option names (without dashes), subcommand names and choices: the words the command takes."""
    parser = build_parser()
    names: set[str] = set()
    for p in (parser, *subcommand_parsers(parser)):
        names.update(p.prog.split())
        for action in p._actions:  # noqa: SLF001
            names.update(o.lstrip("-") for o in action.option_strings)
            names.update(str(c) for c in action.choices or ())
    return names


def english_words(text: str) -> set[str]:
    allowed = KEPT | _names()
    words = {w.rstrip(":.") for w in ASCII_WORD.findall(text)}
    return {w for w in words if w not in allowed and not w.startswith("KIOSK_")}


def _help(cli_run, capsys, words: list[str]) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as done:
        cli_run(*words[1:], "--help")
    assert done.value.code == 0
    return capsys.readouterr().out


COMMANDS = _commands()


@pytest.mark.parametrize("words", COMMANDS, ids=[" ".join(w) for w in COMMANDS])
def test_every_help_is_chinese_and_fits_80_columns(cli_run, capsys, monkeypatch, words) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "80")
    out = _help(cli_run, capsys, words)
    assert out.startswith(f"用法：{' '.join(words)} "), out
    assert "\n选项：\n  -h, --help            显示本帮助并退出\n" in out, out
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in out
    assert english_words(out) == set(), out
    assert [line for line in out.splitlines() if cells(line) > 80] == [], out
    assert {ch for ch in out if unicodedata.east_asian_width(ch) == "A"} == set(), out
    if len(words) > 1:  # its own description, not only its line in the parent's list
        description = out.split("\n\n")[1]
        assert re.search(r"[\u4e00-\u9fff]{4}", description) and not description.startswith(("选项", "位置参数")), out


def test_the_help_column_is_aligned_by_cells_with_chinese_metavars(cli_run, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "100")
    out = _help(cli_run, capsys, ["kiosk"])
    starts = {}
    for line in out.splitlines():
        found = re.match(r"  (--counter|--idle 秒数|--theme 外观|--db URL)( +)\S", line)
        if found:
            starts[found.group(1)] = cells(line[:found.end(2)])
    assert len(starts) == 4 and len(set(starts.values())) == 1, starts


def test_allocate_help_still_says_what_placed_and_unplaced_count(cli_run, capsys) -> None:  # type: ignore[no-untyped-def]
    text = "".join(_help(cli_run, capsys, ["kiosk", "allocate"]).split())
    assert '{"date","placed","unplaced","sessions":[{"id","seats","placed"}]}' in text
    assert "placed为安排到考位的，unplaced为未能安排的；当日已安排过时均为0" in text
    assert "placed为该场次现有的已安排人数（含以前的安排和优先预约）" in text


@pytest.mark.parametrize("words", COMMANDS, ids=[" ".join(w) for w in COMMANDS])
def test_a_bad_argument_to_any_command_is_refused_in_chinese(cli_run, capsys, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as done:
        cli_run(*words[1:], "--db")
    err = capsys.readouterr().err
    prog = " ".join(words)
    assert done.value.code == 2
    assert err.startswith(f"用法：{prog} ") and err.rstrip().splitlines()[-1] == f"{prog}: 参数 --db 缺少取值", err
    assert english_words(err) == set(), err


@pytest.mark.parametrize(("argv", "said"), [
    (["frob"], "kiosk: 没有这个子命令：'frob'（可选：'db', 'demo', 'outbox', 'sites', 'staff', 'verify', 'elicence', "
               "'review', 'allocate', 'exam-result'）"),
    (["db"], "kiosk db: 缺少必需的参数：操作"),
    (["review", "drop"], "kiosk review: 没有这个操作：'drop'（可选：'list', 'approve', 'reject'）"),
    (["--idle", "abc"], "kiosk: 参数 --idle 须为整数，收到 'abc'"),
    (["allocate", "--date", "2026-12-03", "--json=yes"], "kiosk allocate: 参数 --json 不带取值，收到 'yes'"),
    (["elicence", "show"], "kiosk elicence show: 缺少必需的参数：身份证号码"),
    (["review", "approve"], "kiosk review approve: 缺少必需的参数：业务流水号"),
    (["allocate", "--d", "2026-12-03"], "kiosk allocate: 选项 --d 不明确，可能是 --date, --db"),
], ids=["no-such-command", "no-action", "no-such-action", "not-int", "no-value-taken", "no-id", "no-serial",
        "ambiguous"])
def test_argparse_refusals_are_chinese(cli_run, capsys, argv, said) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as done:
        cli_run(*argv)
    err = capsys.readouterr().err
    assert done.value.code == 2 and err.startswith("用法：kiosk") and err.rstrip().splitlines()[-1] == said, err


def test_a_bad_date_and_a_folder_that_cannot_be_written_are_chinese(cli_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert cli_run("--db", url, "db", "upgrade")[0] == 0  # allocate and export-key --all need a database there
    assert cli_run("--db", url, "allocate", "--date", "2026-13-01") == (
        2, "", "kiosk: --date 日期不正确：月份应为1-12，收到 '2026-13-01'\n")  # as the screens say it
    assert cli_run("--db", url, "allocate", "--date", "2026-1-x") == (
        2, "", "kiosk: --date 须为 2026-12-03 这样的日期或 today，收到 '2026-1-x'\n")
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, out, err = cli_run("--db", url, "elicence", "export-key", "--all", str(blocker / "keys"))
    assert (code, out) == (1, "") and f"无法读写 {blocker / 'keys'}（路径中有一项不是目录）" in err, err
    assert "Not a directory" not in err


def test_a_path_the_user_gave_gets_no_data_folder_hint(cli_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """export-key --all FILE said 请检查该路径及其权限（数据目录 ...，可用 KIOSK_DATA_DIR 指定）: nothing to do
    with a path on the command line. A path inside the data folder keeps the hint."""
    url = f"sqlite:///{tmp_path / 'k.db'}"
    assert cli_run("--db", url, "db", "upgrade")[0] == 0
    taken = tmp_path / "taken"
    taken.write_text("")
    code, out, err = cli_run("--db", url, "elicence", "export-key", "--all", str(taken))
    assert (code, out) == (1, "") and err == f"kiosk: 无法读写 {taken}（文件已存在）。请检查该路径及其权限。\n", err
    inside = tmp_path / "data" / "taken"  # cli_run's KIOSK_DATA_DIR
    inside.parent.mkdir()
    inside.write_text("")
    code, _, err = cli_run("--db", url, "elicence", "export-key", "--all", str(inside))
    assert code == 1 and err.strip().endswith(f"（数据目录 {tmp_path / 'data'}，可用 KIOSK_DATA_DIR 指定）。"), err


def test_readme_lists_every_variable_kiosk_help_lists() -> None:
    """KIOSK_ELICENCE_TTL was in `kiosk --help` and missing from README's variables."""
    from kiosk.__main__ import HELP
    from kiosk.config import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Command line"):]
    section = section[:section.index("\n## ", 1)]
    listed = set(re.findall(r"KIOSK_[A-Z_]+", HELP))
    assert "KIOSK_ELICENCE_TTL" in listed
    assert {v for v in listed if f"`{v}`" not in section} == set()
