"""The e-licence photo's sources: the kiosk camera, the album (相册选择) and a typed path, which
may only lead into the album or onto removable media; and the automatic checks of each."""
from __future__ import annotations

from pathlib import Path

from ..config import ASSETS
from ..domain.errors import DomainError
from . import files, photos
from .env import Env

OUTSIDE_UPLOADS = "只能使用相册中的照片，或U盘（/media、/mnt）中的照片"


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
    """相册选择: the pictures in ``<data dir>/album`` (and, in the demo, the demo camera's)."""
    return photos.album(_album_folders(env))


def may_upload(env: Env, path: Path | str) -> bool:
    """A typed path only into the album or onto removable media (kiosk.services.files)."""
    return files.within(path, _album_folders(env)) is not None


def check_photo(path: Path | str, preview: tuple[int, int] | None = None) -> photos.PhotoCheck:
    """A photo the kiosk camera took (``preview``: photos.check_photo)."""
    return photos.check_photo(path, preview)


def check_upload(env: Env, path: Path | str, preview: tuple[int, int] | None = None) -> photos.PhotoCheck:
    """A photo from the album or a typed path (source 'upload'); a path it may not use is not read."""
    if not may_upload(env, path):
        return photos.PhotoCheck(False, (OUTSIDE_UPLOADS,), ())
    return photos.check_photo(path, preview)
