"""The ``kiosk`` command: the citizen kiosk, the counter terminal, and the admin subcommands. What it
tells the operator when it cannot start is in kiosk.cli.start_errors.

The arguments are parsed before anything heavy is imported: `kiosk --help` and a mistyped option
never load SQLAlchemy, and a subcommand loads only the services it uses (kiosk/cli/__init__.py);
Textual is imported only when a terminal starts. tests/integration/test_cli_imports.py keeps it so."""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import time
from collections.abc import Sequence

from .cli.help_format import KioskRawDescriptionFormatter
from .cli.options import (COMMAND, KioskArgumentParser, add_shared, given_options, needs_database,
                          share_with_subcommands)
from .cli.pipe import guarded_stdout
from .config import THEMES, Settings, check_idle, default_db_url, parse_now, parse_theme, refuse_empty

HELP = """交管12123 大厅自助终端

  kiosk                  群众自助终端（自助模式：没有退出键）
  kiosk --counter        工作人员柜台终端
  kiosk 子命令 ...       管理用子命令，见下

--db、--terminal-id 和 --now 写在子命令之前或之后均可
（kiosk --db URL allocate --date D，或 kiosk allocate --date D --db URL）。

环境变量：
  KIOSK_DATABASE_URL     数据库 URL（同 --db）
  KIOSK_NOW              启动时的时钟（同 --now，如 2026-12-01T09:00）
  KIOSK_TERMINAL_ID      终端编号（同 --terminal-id）
  KIOSK_DATA_DIR         数据目录（默认数据库、日志和密钥所在的文件夹）
  KIOSK_ELICENCE_TTL     电子驾驶证二维码的有效时间，单位秒，默认60
  KIOSK_THEME            终端外观：standard 或 high-contrast（同 --theme）
"""
# Subcommand modules, each with register(sub); see kiosk/cli/__init__.py.
COMMANDS = ("kiosk.cli.admin", "kiosk.cli.hall", "kiosk.cli.elicence", "kiosk.cli.exam")


def build_parser() -> argparse.ArgumentParser:
    p = KioskArgumentParser(prog="kiosk", description=HELP, formatter_class=KioskRawDescriptionFormatter)
    add_shared(p)
    p.add_argument("--counter", action="store_true", help="运行工作人员柜台终端")
    p.add_argument("--idle", type=int, metavar="秒数", help="自助终端无操作多少秒后结束本次办理（默认120）；柜台终端"
                   f"无操作多少秒后锁屏（默认300）。至少{Settings.idle_warning_seconds + 1}秒")
    p.add_argument("--theme", metavar="外观", help=f"终端外观：{' 或 '.join(THEMES)}（高对比度：黑底白字，焦点为黄色）；"
                   "默认 $KIOSK_THEME 或 standard。群众仍可在开始页面为自己这次办理切换")
    p.add_argument("--no-demo", action="store_true", help="正式运行：不载入演示数据，短信不在屏幕上显示")
    sub = p.add_subparsers(dest="command", metavar=COMMAND)
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    share_with_subcommands(p)  # `kiosk allocate --db URL ...` as well as `kiosk --db URL allocate ...`
    return p


def settings_from(args: argparse.Namespace) -> Settings:
    from .services.terminals import check_terminal_id

    for option in ("--db", "--terminal-id", "--now", "--theme"):
        refuse_empty(option, getattr(args, option[2:].replace("-", "_")))
    s = Settings(db_url=args.db or default_db_url())
    if args.terminal_id:
        s.terminal_id = args.terminal_id
    check_terminal_id(s.terminal_id)  # the default kiosk-<hostname> too: the database keeps it
    s.counter = args.counter
    s.now = parse_now(args.now or os.environ.get("KIOSK_NOW"))
    s.clock_runs = True  # the start instant is pinned; seconds still tick so countdowns move
    if args.idle is not None:  # for either mode
        s.idle_seconds = s.counter_idle_seconds = check_idle(args.idle, s.idle_warning_seconds)
    # The look is the terminal's: a subcommand (the nightly allocate) does not read KIOSK_THEME, so a
    # typo there stops no script; an explicit --theme is still checked wherever it is written.
    s.theme = parse_theme(args.theme or (None if args.command else os.environ.get("KIOSK_THEME")))
    s.demo = not args.no_demo
    return s


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        for option, value, has_default in given_options(parser, args):  # `--date ""` as `--db ""`: exit 2
            refuse_empty(option, value if isinstance(value, str) else None, has_default=has_default)
        settings = settings_from(args)
    except ValueError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    from sqlalchemy.exc import ArgumentError, DBAPIError

    from .cli.start_errors import (absent_database, cannot_start, log_to_file, missing_sqlite_folder, parses,
                                   shown_url, statement_failed, unavailable, unsupported_database)
    from .db.migrate import has_schema
    from .db.session import Database
    from .services.env import make_env

    try:
        if not parses(settings.db_url):  # SQLAlchemy's words: Could not parse SQLAlchemy URL ...
            print(f"kiosk: 无法识别的数据库地址：{shown_url(settings.db_url)}（例：sqlite:///kiosk.db 或 "
                  f"postgresql+psycopg://user@host/db）。请检查 --db 或 KIOSK_DATABASE_URL。", file=sys.stderr)
            return 1
        unsupported = unsupported_database(settings)
        if unsupported is not None:
            print(f"kiosk: {unsupported}", file=sys.stderr)
            return 1
        missing = missing_sqlite_folder(args)
        if missing is not None:
            print(f"kiosk: 数据库文件所在的文件夹 {missing} 不存在，未新建数据库。请检查 --db 或 KIOSK_DATABASE_URL"
                  f"（新数据库请先建好该文件夹，或用 kiosk --db URL db upgrade 连同文件夹一起建）。", file=sys.stderr)
            return 1
        absent = absent_database(args, settings)
        if absent is not None:
            print(f"kiosk: 数据库文件不存在：{absent}，未新建数据库。请检查 --db 或 KIOSK_DATABASE_URL"
                  f"（新数据库请用 kiosk db upgrade 建立）。", file=sys.stderr)
            return 1
        db = Database(settings.db_url)
    except (ArgumentError, ImportError) as exc:  # an unknown scheme, no URL at all, a driver not installed
        print(f"kiosk: {cannot_start(exc, settings)}", file=sys.stderr)
        return 1
    env = make_env(settings, db)
    try:
        if args.command and needs_database(args) and not has_schema(db.engine):
            # A PostgreSQL database (or an empty SQLite file) without the kiosk's tables: a mistyped
            # database name, not one to fill with them (`allocate` would say 没有待安排的考试计划 there).
            print(f"kiosk: 数据库 {shown_url(settings.db_url)} 中没有自助终端的数据，未新建数据库结构。"
                  f"请检查 --db 或 KIOSK_DATABASE_URL（新数据库请用 kiosk db upgrade 建立）。", file=sys.stderr)
            return 1
        if args.command:
            with guarded_stdout():  # `kiosk demo | head`: the command's own exit code all the same
                return int(args.handler(args, env))
        log_to_file(settings)
        return _run_app(settings, env)
    except (DBAPIError, OSError) as exc:  # no database, a folder it cannot use, a statement that failed
        if isinstance(exc, DBAPIError) and not unavailable(exc):
            # A statement that failed (a value the schema refuses, say) is a bug: its traceback goes to
            # the log file, and the operator reads one line saying where.
            print(f"kiosk: {statement_failed(exc, settings)}", file=sys.stderr)
            return 1
        if logging.getLogger().handlers:  # the kiosk's log file; a subcommand only prints the message
            logging.getLogger("kiosk").exception("cannot start")
        print(f"kiosk: {cannot_start(exc, settings)}", file=sys.stderr)
        return 1
    finally:
        env.db.dispose()


RESTART_NOTICE = "系统刚才出现异常，已自动重新启动，请重新登录办理。您已提交的业务不受影响。"
CRASH_LIMIT, CRASH_WINDOW = 5, 600  # this many unexpected errors within this many seconds: stop


def _run_app(settings: Settings, env) -> int:  # type: ignore[no-untyped-def]
    from .services import bootstrap
    from .ui.app import make_app

    from .services import terminals

    bootstrap.prepare(env, load_demo=settings.demo)
    env = _official_unless_demo(settings, env)
    terminals.touch(env)
    crashes: list[float] = []
    notice = ""
    while True:  # a run ended by a bug starts again on the start screen (the hall's kiosk stays up)
        app = make_app(settings, env)
        app.start_notice = notice
        app.run()
        if not app.crashed:
            return app.return_code or 0
        now = time.monotonic()
        crashes = [t for t in crashes if now - t < CRASH_WINDOW] + [now]
        if len(crashes) >= CRASH_LIMIT:
            print(f"kiosk: 终端在{CRASH_WINDOW // 60}分钟内{CRASH_LIMIT}次出现异常，已停止运行，请联系技术人员。"
                  f"详情见 {settings.data_dir / 'kiosk.log'}", file=sys.stderr)
            return 1
        notice = RESTART_NOTICE


def _official_unless_demo(settings: Settings, env):  # type: ignore[no-untyped-def]
    """Demo mode (the default) only on a database that holds the demo data: a terminal started
    without --no-demo on a hall set up by hand runs as with it (no SMS code on the screen, no demo
    payment), and says so in its log."""
    from .services import demo
    from .services.env import make_env

    if not settings.demo or demo.holds_demo(env):
        return env
    logging.getLogger(__name__).warning("database without the demo data: running as with --no-demo")
    settings.demo = False
    return make_env(settings, env.db)


if __name__ == "__main__":
    sys.exit(main())
