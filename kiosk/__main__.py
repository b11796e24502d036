"""The ``kiosk`` command: the citizen kiosk, the counter terminal, and the admin subcommands."""
from __future__ import annotations

import argparse
import errno
import importlib
import logging
import os
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import (ArgumentError, DatabaseError, DBAPIError, InterfaceError, NoSuchModuleError,
                            OperationalError)

from .domain.clock import beijing_struct_time
from .cli.help_format import KioskRawDescriptionFormatter
from .cli.options import (COMMAND, KioskArgumentParser, add_shared, given_options, needs_database,
                          share_with_subcommands)
from .cli.pipe import guarded_stdout
from .config import THEMES, Settings, check_idle, default_db_url, env_db_url, parse_now, parse_theme, refuse_empty

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


def _log_to_file(settings: Settings) -> None:
    """Errors go to a log file: a citizen never sees a traceback."""
    from .services.files import private_folder

    private_folder(settings.data_dir)  # a new one: the database, photos, keys inside
    logging.basicConfig(filename=settings.data_dir / "kiosk.log", level=logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for handler in logging.getLogger().handlers:  # times in 北京时间, as everything the kiosk keeps
        if handler.formatter is not None:
            handler.formatter.converter = beijing_struct_time


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
    from .db.migrate import has_schema
    from .db.session import Database
    from .services.env import make_env

    try:
        if not _parses(settings.db_url):  # SQLAlchemy's words: Could not parse SQLAlchemy URL ...
            print(f"kiosk: 无法识别的数据库地址：{_shown_url(settings.db_url)}（例：sqlite:///kiosk.db 或 "
                  f"postgresql+psycopg://user@host/db）。请检查 --db 或 KIOSK_DATABASE_URL。", file=sys.stderr)
            return 1
        unsupported = unsupported_database(settings)
        if unsupported is not None:
            print(f"kiosk: {unsupported}", file=sys.stderr)
            return 1
        missing = _missing_sqlite_folder(args)
        if missing is not None:
            print(f"kiosk: 数据库文件所在的文件夹 {missing} 不存在，未新建数据库。请检查 --db 或 KIOSK_DATABASE_URL"
                  f"（新数据库请先建好该文件夹，或用 kiosk --db URL db upgrade 连同文件夹一起建）。", file=sys.stderr)
            return 1
        absent = _absent_database(args, settings)
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
            print(f"kiosk: 数据库 {_shown_url(settings.db_url)} 中没有自助终端的数据，未新建数据库结构。"
                  f"请检查 --db 或 KIOSK_DATABASE_URL（新数据库请用 kiosk db upgrade 建立）。", file=sys.stderr)
            return 1
        if args.command:
            with guarded_stdout():  # `kiosk demo | head`: the command's own exit code all the same
                return int(args.handler(args, env))
        _log_to_file(settings)
        return _run_app(settings, env)
    except (DBAPIError, OSError) as exc:  # no database, a folder it cannot use, a statement that failed
        if isinstance(exc, DBAPIError) and not _unavailable(exc):
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


def _missing_sqlite_folder(args: argparse.Namespace) -> Path | None:
    """The folder of a SQLite file named by --db or KIOSK_DATABASE_URL, when it does not exist: a
    typo there must not quietly give a new, empty database. The default data folder is made on
    first run, and ``db upgrade`` is the explicit way to create a database with its folders."""
    url = args.db or env_db_url()
    if not url or args.command == "db":
        return None
    from .db.session import sqlite_file

    path = sqlite_file(url)  # the file the driver opens
    return None if path is None or path.parent.is_dir() else path.parent


def _absent_database(args: argparse.Namespace, settings: Settings) -> Path | None:
    """The SQLite file a subcommand would read or change, when it is not there: opening it would
    create an empty database, and `allocate` would say 没有待安排的考试计划 on it. The kiosk itself
    (its first run), ``db upgrade`` and ``demo`` create it; see kiosk.cli.options.needs_database."""
    from .db.session import sqlite_file

    if not args.command or not needs_database(args):
        return None
    path = sqlite_file(settings.db_url)
    return path if path is not None and not path.exists() else None


SUPPORTED = "只支持 SQLite（sqlite:///文件路径）和 PostgreSQL（postgresql+psycopg://用户@主机/库名）"


def unsupported_database(settings: Settings) -> str | None:
    """The line for a URL of another database (mysql://, postgres://, foo://), which said only that
    its driver was missing (No module named 'MySQLdb'); None for SQLite, PostgreSQL and a string
    that is no URL at all (cannot_start says that)."""
    try:
        backend = make_url(settings.db_url).get_backend_name()
    except ArgumentError:
        return None
    if backend in ("sqlite", "postgresql"):
        return None
    if backend == "postgres":  # the short scheme of other tools (Heroku, libpq), not SQLAlchemy's
        return (f"数据库 {_shown_url(settings.db_url)} 无法使用：PostgreSQL 的地址须以 postgresql+psycopg:// 开头"
                f"（不能写作 postgres://）。请检查 --db 或 KIOSK_DATABASE_URL。")
    return f"数据库 {_shown_url(settings.db_url)} 无法使用：{SUPPORTED}。请检查 --db 或 KIOSK_DATABASE_URL。"


def _unavailable(exc: BaseException) -> bool:
    """The database cannot be reached or opened (refused, missing, locked, not a database file)."""
    return isinstance(exc, (OperationalError, InterfaceError)) or type(exc) is DatabaseError


# The system's reason for an OSError (No such file or directory) as the operator reads the rest.
OS_REASONS = {errno.ENOENT: "没有该文件或目录", errno.EACCES: "没有权限", errno.EPERM: "不允许该操作",
              errno.ENOTDIR: "路径中有一项不是目录", errno.EISDIR: "是目录，不是文件", errno.EROFS: "只读文件系统",
              errno.ENOSPC: "磁盘空间不足", errno.EEXIST: "文件已存在"}


def cannot_start(exc: BaseException, settings: Settings) -> str:
    """What an operator needs to read when the database or the data folder cannot be used."""
    if isinstance(exc, (DBAPIError, ArgumentError, ImportError)):
        url = _shown_url(settings.db_url)
        if isinstance(exc, DBAPIError):
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
        else:  # a URL SQLAlchemy cannot parse, a dialect it does not know, a driver that is not installed
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        if isinstance(exc, (ImportError, NoSuchModuleError)):  # postgresql+psycopg2://, postgresql+nope://
            return (f"数据库 {url} 无法使用（缺少数据库驱动：{reason}）。{SUPPORTED}，PostgreSQL 须先安装 psycopg"
                    f"（pip install -e \".[postgres]\"）。请检查 --db 或 KIOSK_DATABASE_URL。")
        return f"数据库 {url} 无法使用（{reason}）。请检查 --db 或 KIOSK_DATABASE_URL，以及数据库服务是否运行。"
    where = getattr(exc, "filename", None) or settings.data_dir
    reason = OS_REASONS.get(getattr(exc, "errno", None) or 0) or getattr(exc, "strerror", None) or exc
    # The data folder's hint only for a path of that folder (or on the way to it), not for one the
    # user gave (export-key --all DIR, a --db file elsewhere).
    hint = f"（数据目录 {settings.data_dir}，可用 KIOSK_DATA_DIR 指定）" if _of_data_dir(where, settings) else ""
    return f"无法读写 {where}（{reason}）。请检查该路径及其权限{hint}。"


def _of_data_dir(where: object, settings: Settings) -> bool:
    """Whether ``where`` is inside the data folder, the folder itself, or a folder above it."""
    try:
        path, data = Path(os.path.abspath(os.fsdecode(where))), Path(os.path.abspath(settings.data_dir))  # type: ignore[arg-type]
    except TypeError:  # no path at all
        return True
    return path.is_relative_to(data) or data.is_relative_to(path)


def _parses(url: str) -> bool:
    """Whether SQLAlchemy can read ``url`` at all (a port that is no number is a ValueError)."""
    try:
        make_url(url)
    except (ArgumentError, ValueError):
        return False
    return True


def statement_failed(exc: DBAPIError, settings: Settings) -> str:
    """One line for a database statement that failed (not the database being unreachable), with the
    traceback written to kiosk.log in the data folder when that can be written."""
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
    log = settings.data_dir / "kiosk.log"
    try:
        if not logging.getLogger().handlers:  # a subcommand: no log file yet
            _log_to_file(settings)
        logging.getLogger("kiosk").error("database statement failed", exc_info=exc)
        where = f"详情见 {log}"
    except OSError:
        where = "数据目录无法写入，未能记录详情"
    return f"数据库操作失败（{reason}）。{where}，请联系技术人员。"


def _shown_url(url: str) -> str:
    """The URL without its password; one that is no URL at all is shown as typed, a password in it masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return re.sub(r"(://[^:/@\s]*):[^@\s]*@", r"\1:***@", url)


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
