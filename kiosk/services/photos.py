"""Photos for the electronic licence: where they come from (camera, album/file) and the checks.

The kiosk camera and the album are behind :class:`PhotoSource`. The demo camera "takes" the
next image of assets/photos/camera_*.png (some of them fail a check on purpose); the album
reads any image file by path. A supplied photo is checked (RULES.md: white background, 22x32
mm, about 260x378 px) and copied under data_dir/photos before it is queued for review.
"""
from __future__ import annotations

import io
import itertools
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PIL import Image, ImageStat, UnidentifiedImageError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import ASSETS
from ..db.models_elicence import PhotoFile
from ..domain.clock import from_epoch
from ..domain.errors import DomainError
from .files import private_folder

MIN_WIDTH, MIN_HEIGHT = 180, 260  # smaller than this cannot be printed at 22x32 mm
TARGET_RATIO = 22 / 32
RATIO_TOLERANCE = 0.08  # width/height within 8 % of 22:32
MIN_BACKGROUND = 215  # mean brightness of the top corners (0..255)
MAX_BYTES = 10 * 1024 * 1024
SOURCE_NAMES = {"id_card": "二代身份证照片", "upload": "相册选择", "camera": "拍照"}


# A picture for half-block characters: rows of (top colour, bottom colour) pairs, "#rrggbb".
Pixels = tuple[tuple[tuple[str, str], ...], ...]


@dataclass(frozen=True)
class PhotoCheck:
    ok: bool
    problems: tuple[str, ...]
    passed: tuple[str, ...]
    width: int = 0
    height: int = 0
    preview: Pixels = ()  # the photo as the citizen is to see it before submitting; () if unreadable


class PhotoSource(Protocol):
    def capture(self) -> Path: ...


class DemoCamera:
    """Stands in for the kiosk camera: every shot is the next demo image, in turn."""

    def __init__(self, folder: Path | None = None) -> None:
        folder = folder or ASSETS / "photos"
        self._shots = itertools.cycle(sorted(folder.glob("camera_*.png")) or [folder / "id_card_demo.png"])

    def capture(self) -> Path:
        return next(self._shots)


ALBUM_SUFFIXES = (".png", ".jpg", ".jpeg")
ALBUM_LIMIT = 30


@dataclass(frozen=True)
class AlbumPhoto:
    path: Path
    label: str  # what the citizen reads: file name and when it arrived


def album(folders: list[Path], now: datetime | None = None) -> list[AlbumPhoto]:
    """The pictures in the album folders (newest first, at most ALBUM_LIMIT): where the hall's
    upload station or a USB stick puts a citizen's photos, so nobody has to type a file path.
    A picture's time is its file's, but never after ``now`` (the kiosk's clock): a file written
    after it (the demo's clock set back, a host or USB stick whose clock runs ahead) shows ``now``,
    not a time still to come (tester: photos "from the future"); the order stays the files'."""
    found: list[tuple[float, Path]] = []
    for folder in folders:
        try:
            entries = list(folder.iterdir())
        except OSError:  # missing or unreadable: nothing from there
            continue
        for f in entries:
            try:
                if f.suffix.lower() in ALBUM_SUFFIXES and f.is_file():
                    found.append((f.stat().st_mtime, f))
            except OSError:
                continue
    found.sort(key=lambda x: (-x[0], x[1].name))
    return [AlbumPhoto(f, f"{f.name}（{_shown_time(m, now):%Y-%m-%d %H:%M}）") for m, f in found[:ALBUM_LIMIT]]


def _shown_time(mtime: float, now: datetime | None) -> datetime:
    at = from_epoch(mtime)
    return min(at, now) if now is not None else at


def resolve(stored: str) -> Path:
    """A stored photo reference: absolute path (uploads) or a name under assets/."""
    path = Path(stored)
    return path if path.is_absolute() else ASSETS / path


def check_photo(photo: Path | str | bytes | None, preview: tuple[int, int] | None = None) -> PhotoCheck:
    """Decodes, portrait about 22:32, minimum size, light background. Chinese reasons. With
    ``preview`` (columns, rows), a readable photo also comes as a picture that fits that many
    text cells, its proportions kept (fit_cells), passing the checks or not. ``photo``: a file's
    path, or a stored photo's bytes (``read``; None when it could not be read)."""
    if photo is None:
        return PhotoCheck(False, ("未找到照片文件，请检查路径",), ())
    if isinstance(photo, bytes):
        size, source = len(photo), io.BytesIO(photo)
    else:
        source = Path(str(photo).strip()).expanduser()
        if not str(source).strip() or not source.is_file():
            return PhotoCheck(False, ("未找到照片文件，请检查路径",), ())
        size = source.stat().st_size
    if size > MAX_BYTES:
        return PhotoCheck(False, ("照片文件超过10MB",), ())
    try:
        with Image.open(source) as img:
            img.load()
            rgb = img.convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return PhotoCheck(False, ("无法识别的图片文件，请选择JPG或PNG格式的照片",), ())
    w, h = rgb.size
    pixels = half_blocks(rgb, *fit_cells(w, h, *preview)) if preview else ()
    problems: list[str] = []
    passed: list[str] = ["照片可以正常读取"]
    ratio = w / h
    if w >= h or abs(ratio - TARGET_RATIO) / TARGET_RATIO > RATIO_TOLERANCE:
        problems.append(f"照片须为竖幅，宽高比约为22:32（当前{w}x{h}像素）")
    else:
        passed.append("竖幅，宽高比约22:32")
    if w < MIN_WIDTH or h < MIN_HEIGHT:
        problems.append(f"照片尺寸过小，至少需要{MIN_WIDTH}x{MIN_HEIGHT}像素（建议260x378像素）")
    else:
        passed.append("照片尺寸符合要求")
    if _background(rgb) < MIN_BACKGROUND:
        problems.append("照片背景须为白色，请在白色背景前、光线均匀处拍摄")
    else:
        passed.append("背景为白色")
    return PhotoCheck(not problems, tuple(problems), tuple(passed), w, h, pixels)


def _background(img: Image.Image) -> float:
    """Mean brightness of the two top corners (a tenth of the width, a tenth of the height)."""
    w, h = img.size
    cw, ch = max(1, w // 10), max(1, h // 10)
    grey = img.convert("L")
    corners = [grey.crop((0, 0, cw, ch)), grey.crop((w - cw, 0, w, ch))]
    return min(ImageStat.Stat(c).mean[0] for c in corners)


def store(s: Session, data_dir: Path, source_path: Path | str) -> Path:
    """Copy an accepted photo under data_dir/photos; the copy is what staff review and the
    e-licence shows, so a later change to the original file changes nothing. Its bytes go into
    the database too (PhotoFile, in the caller's transaction), for the terminals of the hall on
    other machines (``read``)."""
    folder = Path(data_dir) / "photos"
    private_folder(folder)  # citizens' faces: for the kiosk's user only
    src = Path(str(source_path).strip()).expanduser()
    target = folder / f"{uuid.uuid4().hex}{src.suffix.lower() or '.png'}"
    shutil.copyfile(src, target)
    s.add(PhotoFile(name=target.name, data=target.read_bytes()))
    return target


def read(s: Session, stored: str | None) -> bytes | None:
    """A stored photo's bytes (``stored``: a photo_submissions.file_path or a licence's photo):
    its file when this terminal has it (assets/, or its own data folder), else the copy the
    database keeps (stored at another terminal); None when neither is there."""
    if not stored:
        return None
    path = resolve(stored)
    try:
        return path.read_bytes()
    except OSError:
        pass
    if not path.is_absolute():
        return None
    return s.scalar(select(PhotoFile.data).where(PhotoFile.name == path.name))


def require_ok(path: Path | str) -> PhotoCheck:
    check = check_photo(path)
    if not check.ok:
        raise DomainError("照片不符合要求：" + "；".join(check.problems), "photo")
    return check


def fit_cells(width: int, height: int, columns: int, rows: int) -> tuple[int, int]:
    """The (columns, rows) of text cells a ``width`` x ``height`` image takes as half blocks (a
    cell: one pixel wide, two tall, so a pixel stays about square) when shrunk or enlarged to
    fit ``columns`` x ``rows`` with its proportions kept; at least one cell each way."""
    scale = min(columns / width, 2 * rows / height)
    return max(1, min(columns, round(width * scale))), max(1, min(rows, round(height * scale / 2)))


def half_blocks(img: Image.Image, columns: int, rows: int) -> Pixels:
    """``img`` resized to ``columns`` x ``2 * rows`` pixels, as rows of (top, bottom) colours."""
    small = img.convert("RGB").resize((columns, rows * 2), Image.LANCZOS)
    px = small.load()
    hexa = lambda c: "#%02x%02x%02x" % c  # noqa: E731
    return tuple(tuple((hexa(px[x, 2 * y]), hexa(px[x, 2 * y + 1])) for x in range(columns)) for y in range(rows))


def thumbnail(data: bytes | None, columns: int = 12, rows: int = 8) -> list[list[tuple[str, str]]]:
    """The photo (its bytes: ``read``) as ``rows`` lines of ``columns`` (top colour, bottom colour)
    pairs, for a half-block picture on the card and in the review queue; empty when there is no
    readable photo."""
    if not data:
        return []
    try:
        with Image.open(io.BytesIO(data)) as img:
            return [list(row) for row in half_blocks(img, columns, rows)]
    except (OSError, ValueError, UnidentifiedImageError, Image.DecompressionBombError):
        return []
