"""The options of every ``kiosk`` command (--db, --now, --terminal-id): accepted before the
subcommand, as ``kiosk --db URL allocate ...``, and after it, as ``kiosk allocate --db URL ...``."""
from __future__ import annotations

import argparse
from collections.abc import Iterator

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
