"""The e-licence photo's sources: the kiosk camera, the album (相册选择) and a typed path, which
may only lead into the album or onto removable media (a bare file name: the album's picture of
that name); and the automatic checks of each."""
from __future__ import annotations

from pathlib import Path

from ..config import ASSETS
from ..domain.errors import DomainError
from . import files, photos
from .env import Env

OUTSIDE_UPLOADS = "只能使用相册中的照片，或U盘（/media、/mnt）中的照片"
NOT_IN_ALBUM = "相册中没有名为{name}的照片，请从相册中选择，或输入U盘中照片的完整路径"


def take_photo(env: Env) -> Path:
    """The kiosk camera. Only the demo camera exists; production sites plug theirs in here."""
    if not env.settings.demo:
        raise DomainError("本终端未连接摄像头，请使用相册选择", "photo")
    return _camera().capture()


_CAMERA: photos.DemoCamera | None = None


def _camera() -> photos.DemoCamera:
    global _CAMERA
    if _CAMERA is None:
        _CAMERA = photos.DemoCamera()
    return _CAMERA


def _album_folders(env: Env) -> list[Path]:
    folders = [Path(env.settings.data_dir) / "album"]
    if env.settings.demo:
        folders.append(ASSETS / "photos")
    return folders


def album(env: Env) -> list[photos.AlbumPhoto]:
    """相册选择: the pictures in ``<data dir>/album`` (and, in the demo, the demo camera's), their
    times never after the kiosk's clock."""
    return photos.album(_album_folders(env), env.clock.now())


def typed_photo(env: Env, text: str) -> Path:
    """The photo a path typed in 其他位置的照片 names. A bare file name is the album's picture of
    that name (the list above shows pictures by file name, so a citizen types one: it was refused
    as a path outside the album; tester); when two folders hold one, the newest, as listed first.
    Anything else is the path as typed."""
    text = text.strip()
    if not is_bare_name(text):
        return Path(text)
    found = [f for f in (folder / text for folder in _album_folders(env))
             if f.suffix.lower() in photos.ALBUM_SUFFIXES and f.is_file()]
    return max(found, key=lambda f: f.stat().st_mtime) if found else Path(text)


def is_bare_name(text: str | Path) -> bool:
    """A file name with no folder in it (not ``.`` or ``..``, nor ``~``)."""
    text = str(text).strip()
    return bool(text) and text not in (".", "..") and not text.startswith("~") and Path(text).name == text


def may_upload(env: Env, path: Path | str) -> bool:
    """A typed path only into the album or onto removable media (kiosk.services.files)."""
    return files.within(path, _album_folders(env)) is not None


def check_photo(path: Path | str, preview: tuple[int, int] | None = None) -> photos.PhotoCheck:
    """A photo the kiosk camera took (``preview``: photos.check_photo)."""
    return photos.check_photo(path, preview)


def check_upload(env: Env, path: Path | str, preview: tuple[int, int] | None = None) -> photos.PhotoCheck:
    """A photo from the album or a typed path (source 'upload'); a path it may not use is not read."""
    if not may_upload(env, path):
        # a bare name typed_photo did not find in the album is said as such, not as a path outside it
        why = NOT_IN_ALBUM.format(name=path) if is_bare_name(path) else OUTSIDE_UPLOADS
        return photos.PhotoCheck(False, (why,), ())
    return photos.check_photo(path, preview)
