"""The options of every ``kiosk`` command (--db, --now, --terminal-id): accepted before the
subcommand, as ``kiosk --db URL allocate ...``, and after it, as ``kiosk allocate --db URL ...``."""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from typing import Any, NoReturn

from .help_format import KioskHelpFormatter

SHARED_TITLE = "通用选项（写在子命令之前或之后均可）"
# The metavars of the subcommand positionals (kiosk 子命令, kiosk db 操作).
COMMAND, ACTION = "子命令", "操作"


def add_shared(parser: argparse.ArgumentParser, *, after_subcommand: bool = False) -> None:
    """--db, --terminal-id and --now on ``parser``. After a subcommand they default to SUPPRESS:
    a subcommand's parser copies every attribute it has into the namespace, so a default there
    would overwrite what was given before the subcommand."""
    extra = {"default": argparse.SUPPRESS} if after_subcommand else {}
    group = parser.add_argument_group(SHARED_TITLE) if after_subcommand else parser
    group.add_argument("--db", metavar="URL", help="数据库 URL（默认：$KIOSK_DATABASE_URL，或本用户数据目录中的 "
                       "SQLite 文件 kiosk.db）", **extra)
    group.add_argument("--terminal-id", metavar="终端编号", help="本终端的编号（默认：$KIOSK_TERMINAL_ID 或 "
                       "kiosk-<主机名>）", **extra)
    group.add_argument("--now", metavar="时间", help="启动时把时钟设为该时间，如 2026-12-01T09:00（也可用 $KIOSK_NOW），"
                       "此后时钟照常走", **extra)


def add(sub: argparse._SubParsersAction, name: str, text: str, **kwargs: Any) -> argparse.ArgumentParser:
    """A subcommand whose ``text`` is both its line in the parent's help and its own help's description."""
    kwargs.setdefault("description", text)
    return sub.add_parser(name, help=text, **kwargs)


def needs_database(args: argparse.Namespace) -> bool:
    """Whether the subcommand reads or changes what is already in the database, so that a SQLite file
    not there is a mistyped path, not a new database to create (kiosk.__main__ refuses it). A
    subcommand that makes a database, or can do without one, says so on its parser:
    ``set_defaults(needs_db=False)``, or a function of its arguments (``verify`` needs it ``--online``)."""
    need = getattr(args, "needs_db", True)
    return bool(need(args) if callable(need) else need)


# The exit code of a command line that cannot be read, as argparse's own refusals: an option given an
# empty value, or a value not of its kind (a date, a time, a phone number, a count). What a command
# refuses once it has read its options (a booking not found, a score out of range) exits 1.
BAD_OPTION = 2


def refuse_option(message: str) -> int:
    """Says ``message`` (one line) and gives BAD_OPTION, for a subcommand's handler to return."""
    print(f"kiosk: {message}", file=sys.stderr)
    return BAD_OPTION


def given_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Iterator[tuple[str, Any, bool]]:
    """(option, value, whether leaving it out means a default) for each option of ``parser`` and of
    the subcommands ``args`` ran (``kiosk db upgrade``: kiosk's, db's, upgrade's)."""
    while parser is not None:
        grouped_required = {a for g in parser._mutually_exclusive_groups if g.required  # noqa: SLF001
                            for a in g._group_actions}  # noqa: SLF001
        child = None
        for action in parser._actions:  # noqa: SLF001
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                child = action.choices.get(getattr(args, action.dest, None) or "")
            elif action.option_strings and hasattr(args, action.dest):
                yield (action.option_strings[-1], getattr(args, action.dest),
                       not action.required and action not in grouped_required)
        parser = child  # type: ignore[assignment]


def subcommand_parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """Every parser under ``parser``'s subcommands, at any depth (``db``, then ``db upgrade``), once each."""
    for action in parser._actions:  # noqa: SLF001 - argparse lists subparsers nowhere else
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for child in dict.fromkeys(action.choices.values()):  # an alias maps to the same parser
                yield child
                yield from subcommand_parsers(child)


def share_with_subcommands(parser: argparse.ArgumentParser) -> None:
    """Accept the shared options after any subcommand of ``parser`` too."""
    for child in list(subcommand_parsers(parser)):
        add_shared(child, after_subcommand=True)


# argparse's own refusals, in the words an administrator reads from the rest of the command.
_ARGPARSE_WORDS = (
    (rf"argument ({COMMAND}|{ACTION}): invalid choice: (.*) \(choose from (.*)\)", r"没有这个\1：\2（可选：\3）"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
    (r"one of the arguments (.*) is required", r"须给出以下参数之一：\1"),
    (r"ambiguous option: (\S+) could match (.*)", r"选项 \1 不明确，可能是 \2"),
    (r"argument (.+?): not allowed with argument (.*)", r"参数 \1 不能与 \2 同时使用"),
    (r"argument (.+?): expected one argument", r"参数 \1 缺少取值"),
    (r"argument (.+?): expected at most one argument", r"参数 \1 至多取一个值"),
    (r"argument (.+?): expected at least one argument", r"参数 \1 至少取一个值"),
    (r"argument (.+?): ignored explicit argument (.*)", r"参数 \1 不带取值，收到 \2"),
    (r"argument (.+?): invalid int value: (.*)", r"参数 \1 须为整数，收到 \2"),
    (r"argument (.+?): invalid \w+ value: (.*)", r"参数 \1 的取值 \2 无效"),
    (r"argument (.+?): invalid choice: (.*) \(choose from (.*)\)", r"参数 \1 的取值 \2 无效（可选：\3）"),
    (r"unexpected option string: (.*)", r"无法识别的选项：\1"),
    (r"argument (.+?): (.*)", r"参数 \1：\2"),
)


def chinese_argparse_message(message: str) -> str:
    for pattern, words in _ARGPARSE_WORDS:
        if re.fullmatch(pattern, message, flags=re.S):
            return re.sub(pattern, words, message, count=1, flags=re.S)
    return message


class KioskArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Chinese: its headings (用法：, 位置参数：, 选项：), its -h and its
    refusals; help laid out by KioskHelpFormatter. Subcommand parsers are of the same class
    (add_subparsers makes them so)."""

    def __init__(self, *args: Any, formatter_class: type[argparse.HelpFormatter] = KioskHelpFormatter,
                 add_help: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, formatter_class=formatter_class, add_help=False, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        self.add_help = add_help
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {chinese_argparse_message(message)}\n")
