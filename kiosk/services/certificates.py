"""预约凭证: the certificate of a successful exam booking, as text and as a file to print. The citizen
sees it at the kiosk (``certificate``); the counter prints the same one (counter_bookings.print_certificate).

The files are kept per database: 业务流水号 are numbered by each database, so two databases used
under one data folder (a test database and the hall's, or two halls' on one machine) would
otherwise write the same file name and one certificate would replace the other's file."""
from __future__ import annotations

import hashlib
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session

from ..db.models import Account
from ..db.session import sqlite_file
from ..domain.errors import DomainError
from ..domain.dates import format_date
from ..domain.ids import mask_id
from .booking import class_label
from .booking_records import BookingView, view_in
from .env import Env
from .files import private_folder

BRING = ("本人有效身份证明原件（居民身份证）", "学习驾驶证明", "本预约凭证（打印件或手机截图）")
PERMIT = BRING[1]  # not for 科目一: the permit is issued after it
NOTES = ("请在考试开始前30分钟到达考场，签到后参加考试，迟到者不得入场。",
         "未按时参加考试的，判定该次考试不合格。",
         "因故不能参加考试的，请至少提前一日到车管所申请取消预约。")


@dataclass(frozen=True)
class Certificate:
    serial_no: str
    text: str
    path: Path


def render(view: BookingView, name: str, id_number: str) -> str:
    assert view.exam_at is not None
    lines = ["机动车驾驶人考试预约凭证", "",
             f"业务流水号：{view.serial_no}",
             f"姓名：{name}",
             f"身份证明号码：{mask_id(id_number)}",
             f"准驾车型：{class_label(view.licence_class)}",
             f"考试科目：{view.subject_name}",
             f"预约模式：{view.mode_text}",
             f"考试场地：{view.site_name}",
             f"考场地址：{view.site_address}",
             f"考场电话：{view.site_phone}",
             f"考试日期：{format_date(view.exam_at.date())}",
             f"考试时间：{view.exam_at:%H:%M}",
             f"考试费：{'已缴纳' if view.fee_paid_at else '未缴纳（请在考试前缴纳）'}",
             "", "考试时请携带："]
    bring = [item for item in BRING if item != PERMIT or view.subject != 1]
    lines += [f"  {n}. {item}" for n, item in enumerate(bring, 1)]
    lines += ["", "注意事项："] + [f"  {n}. {item}" for n, item in enumerate(NOTES, 1)]
    return "\n".join(lines)


NO_CERTIFICATE = "只有预约成功、尚未考试的预约才能打印预约凭证"


def has_certificate(view: BookingView) -> bool:
    """预约成功 (placed) with its exam time set, the fee paid or not: what has a certificate."""
    return view.status == "placed" and view.exam_at is not None


def text_in(s: Session, account_id: int, booking_id: int) -> tuple[str, str]:
    """(serial number, certificate text) of the account's booking; DomainError if it has none."""
    view = view_in(s, account_id, booking_id)
    account = s.get(Account, account_id)
    assert account is not None
    if not has_certificate(view):
        raise DomainError(NO_CERTIFICATE)
    return view.serial_no, render(view, account.name, account.id_number)


KEEP_DAYS = 30  # a certificate file older than this is deleted when another is written
PREFIX = "exam_certificate_"


FOLDER = "certificates"


def database_folder(url: str) -> str:
    """The name of the database ``url``'s own folder under <data_dir>/certificates: its name (a
    SQLite file's stem, a server's database; letters (Chinese too), digits, _ . - only) and 8 hex digits
    of a SHA-256 of the URL, its password masked, a SQLite file by its real path (the same file
    reached by another relative path or a link is one folder): kiosk-1a2b3c4d. The same database
    always gets the same folder; a changed password does not move it."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # no URL sqlalchemy reads: the text, a password in it masked
        text, name = re.sub(r"(://[^:/@\s]*):[^@\s]*@", r"\1:***@", url), ""
    else:
        file = sqlite_file(url)
        if file is not None:
            parsed = parsed.set(database=str(file.resolve()))
        text = parsed.render_as_string(hide_password=True)  # u:***@host: the same whatever the password
        name = file.stem if file is not None else (
            "memory" if parsed.get_backend_name() == "sqlite" else Path(parsed.database or "").stem)
    name = re.sub(r"[^\w.-]", "_", name).strip(".")[:24] or "db"  # \w: 数据.db keeps 数据
    return f"{name}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"


def folder_of(env: Env) -> Path:
    """<data_dir>/certificates/<database_folder>: this database's certificate files."""
    return Path(env.settings.data_dir) / FOLDER / database_folder(env.db.url)


def shown_path(env: Env, path: Path) -> str:
    """``path`` as the counter's dialog names it: from the data folder on (certificates/...), the
    folder of the database included; a path elsewhere in full."""
    try:
        return str(path.relative_to(env.settings.data_dir))
    except ValueError:
        return str(path)


def save(env: Env, serial_no: str, text: str) -> Path:
    """<data_dir>/certificates/<database_folder>/exam_certificate_<serial>.txt, where the counter's
    printer takes it. Files written more than KEEP_DAYS ago, of any database, are deleted first (``prune``)."""
    folder = folder_of(env)
    private_folder(folder)  # a name and an exam: for the kiosk's user only
    prune(folder.parent)
    path = folder / f"{PREFIX}{serial_no}.txt"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # a file written before this rule keeps no wider rights
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    return path


def prune(folder: Path, now: float | None = None) -> int:
    """Delete the certificate files in ``folder`` (<data_dir>/certificates) and in its databases'
    folders last written more than KEEP_DAYS ago (by the file system's clock: the files' own times
    are real ones): they hold a name and an exam, and one printed again is written again. Files
    written straight into ``folder`` before it had a folder per database are pruned the same way.
    Other files, and the folders, are left alone. Returns how many were deleted."""
    limit = (time.time() if now is None else now) - KEEP_DAYS * 86_400
    gone = 0
    for path in [*folder.glob(f"{PREFIX}*.txt"), *folder.glob(f"*/{PREFIX}*.txt")]:
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                gone += 1
        except OSError:  # another terminal deleted it first, or it cannot be deleted: not this save's business
            continue
    return gone


def certificate(env: Env, account_id: int, booking_id: int) -> Certificate:
    """The text, also written to <data_dir>/certificates/<database_folder>/exam_certificate_<serial>.txt."""
    with env.db.read() as s:
        serial_no, text = text_in(s, account_id, booking_id)
    return Certificate(serial_no, text, save(env, serial_no, text))
