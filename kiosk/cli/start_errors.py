"""What the ``kiosk`` command tells the operator when it cannot start or a statement fails: the
checks of --db before a database is opened (a URL that does not parse, another database, a SQLite
file or folder that is not there), the one line for a database or data folder it cannot use, and
the log file in the data folder where the details go. Used by kiosk.__main__."""
from __future__ import annotations

import argparse
import errno
import logging
import os
import re
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import (ArgumentError, DatabaseError, DBAPIError, InterfaceError, NoSuchModuleError,
                            OperationalError)

from ..config import Settings, env_db_url
from ..domain.clock import beijing_struct_time
from .options import needs_database


def log_to_file(settings: Settings) -> None:
    """Errors go to a log file: a citizen never sees a traceback."""
    from ..services.files import private_folder

    private_folder(settings.data_dir)  # a new one: the database, photos, keys inside
    logging.basicConfig(filename=settings.data_dir / "kiosk.log", level=logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for handler in logging.getLogger().handlers:  # times in 北京时间, as everything the kiosk keeps
        if handler.formatter is not None:
            handler.formatter.converter = beijing_struct_time


def missing_sqlite_folder(args: argparse.Namespace) -> Path | None:
    """The folder of a SQLite file named by --db or KIOSK_DATABASE_URL, when it does not exist: a
    typo there must not quietly give a new, empty database. The default data folder is made on
    first run, and ``db upgrade`` is the explicit way to create a database with its folders."""
    url = args.db or env_db_url()
    if not url or args.command == "db":
        return None
    from ..db.session import sqlite_file

    path = sqlite_file(url)  # the file the driver opens
    return None if path is None or path.parent.is_dir() else path.parent


def absent_database(args: argparse.Namespace, settings: Settings) -> Path | None:
    """The SQLite file a subcommand would read or change, when it is not there: opening it would
    create an empty database, and `allocate` would say 没有待安排的考试计划 on it. The kiosk itself
    (its first run), ``db upgrade`` and ``demo`` create it; see kiosk.cli.options.needs_database."""
    from ..db.session import sqlite_file

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
        # Not "须以 postgresql+psycopg:// 开头": postgresql:// is accepted too (SQLAlchemy 2.1 opens it with
        # psycopg; 2.0 with psycopg2, which it then says is missing). Only the short scheme is wrong.
        return (f"数据库 {shown_url(settings.db_url)} 无法使用：不能写作 postgres://，PostgreSQL 的地址请以 "
                f"postgresql+psycopg:// 开头。请检查 --db 或 KIOSK_DATABASE_URL。")
    return f"数据库 {shown_url(settings.db_url)} 无法使用：{SUPPORTED}。请检查 --db 或 KIOSK_DATABASE_URL。"


def unavailable(exc: BaseException) -> bool:
    """The database cannot be reached or opened (refused, missing, locked, not a database file)."""
    return isinstance(exc, (OperationalError, InterfaceError)) or type(exc) is DatabaseError


# The system's reason for an OSError (No such file or directory) as the operator reads the rest.
OS_REASONS = {errno.ENOENT: "没有该文件或目录", errno.EACCES: "没有权限", errno.EPERM: "不允许该操作",
              errno.ENOTDIR: "路径中有一项不是目录", errno.EISDIR: "是目录，不是文件", errno.EROFS: "只读文件系统",
              errno.ENOSPC: "磁盘空间不足", errno.EEXIST: "文件已存在"}


def cannot_start(exc: BaseException, settings: Settings) -> str:
    """What an operator needs to read when the database or the data folder cannot be used."""
    if isinstance(exc, (DBAPIError, ArgumentError, ImportError)):
        url = shown_url(settings.db_url)
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


def parses(url: str) -> bool:
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
            log_to_file(settings)
        logging.getLogger("kiosk").error("database statement failed", exc_info=exc)
        where = f"详情见 {log}"
    except OSError:
        where = "数据目录无法写入，未能记录详情"
    return f"数据库操作失败（{reason}）。{where}，请联系技术人员。"


def shown_url(url: str) -> str:
    """The URL without its password; one that is no URL at all is shown as typed, a password in it masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return re.sub(r"(://[^:/@\s]*):[^@\s]*@", r"\1:***@", url)
