"""The options of every ``kiosk`` command (--db, --now, --terminal-id): accepted before the
subcommand, as ``kiosk --db URL allocate ...``, and after it, as ``kiosk allocate --db URL ...``."""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from typing import NoReturn

SHARED_TITLE = "通用选项（写在子命令之前或之后均可）"


def add_shared(parser: argparse.ArgumentParser, *, after_subcommand: bool = False) -> None:
    """--db, --terminal-id and --now on ``parser``. After a subcommand they default to SUPPRESS:
    a subcommand's parser copies every attribute it has into the namespace, so a default there
    would overwrite what was given before the subcommand."""
    extra = {"default": argparse.SUPPRESS} if after_subcommand else {}
    group = parser.add_argument_group(SHARED_TITLE) if after_subcommand else parser
    group.add_argument("--db", metavar="URL", help="database URL (default: $KIOSK_DATABASE_URL or a SQLite file "
                       "in the per-user data directory)", **extra)
    group.add_argument("--terminal-id", metavar="ID", help="name of this terminal (default: $KIOSK_TERMINAL_ID "
                       "or kiosk-<hostname>)", **extra)
    group.add_argument("--now", metavar="TIME", help="set the clock at start-up, e.g. 2026-12-01T09:00 "
                       "(also $KIOSK_NOW)", **extra)


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
    (r"unrecognized arguments: (.*)", r"无法识别的参数：\1"),
    (r"the following arguments are required: (.*)", r"缺少必需的参数：\1"),
    (r"one of the arguments (.*) is required", r"须给出以下参数之一：\1"),
    (r"ambiguous option: (\S+) could match (.*)", r"选项 \1 不明确，可能是 \2"),
    (r"argument (.+?): not allowed with argument (.*)", r"参数 \1 不能与 \2 同时使用"),
    (r"argument (.+?): expected one argument", r"参数 \1 缺少取值"),
    (r"argument (.+?): invalid int value: (.*)", r"参数 \1 须为整数，收到 \2"),
    (r"argument (.+?): invalid choice: (.*) \(choose from (.*)\)", r"参数 \1 的取值 \2 无效（可选：\3）"),
    (r"argument (.+?): (.*)", r"参数 \1：\2"),
)


def chinese_argparse_message(message: str) -> str:
    for pattern, words in _ARGPARSE_WORDS:
        if re.fullmatch(pattern, message, flags=re.S):
            return re.sub(pattern, words, message, count=1, flags=re.S)
    return message


class KioskArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose refusals are Chinese (the usage line above them stays argparse's).
    Subcommand parsers are of the same class (add_subparsers makes them so)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {chinese_argparse_message(message)}\n")
