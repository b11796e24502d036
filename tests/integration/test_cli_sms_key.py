"""`kiosk db sms-key`: the SMS-code key a hall copies to every kiosk that shares a database, made
before any terminal sends a code (it was made only then), never replacing one, its path printed."""
from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

import pytest

from kiosk.__main__ import main
from kiosk.services import code_keys
from kiosk.services.env import make_env


@pytest.fixture
def sms_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    monkeypatch.setenv("KIOSK_DATA_DIR", str(data))
    monkeypatch.delenv("KIOSK_DATABASE_URL", raising=False)

    def run() -> tuple[int, str, str]:
        code_keys._key.cache_clear()  # noqa: SLF001 - each run as a new process
        code = main(["db", "sms-key"])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run, data / "keys" / "sms-code.key"


def test_it_is_made_where_the_terminal_reads_it_with_mode_0600(sms_key, settings_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run, path = sms_key
    code, out, err = run()
    assert (code, out) == (0, f"{path}\n")
    assert err.startswith("kiosk: 已新建短信验证码密钥（权限0600）") and "重启" in err
    assert path.stat().st_mode & 0o777 == 0o600 and len(path.read_bytes()) == 32
    assert sorted(p.name for p in path.parent.parent.iterdir()) == ["keys"]  # no database made by the way
    for folder in (path.parent, path.parent.parent):  # the data folder made on the way too (README tester: 0755)
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    settings = settings_factory(tmp_path / "terminal")
    settings.data_dir = path.parent.parent
    code_keys._key.cache_clear()  # noqa: SLF001
    env = make_env(settings)
    try:  # the codes this terminal sends are keyed with that file
        assert code_keys.new_salt(env)[:4] == hmac.new(path.read_bytes(), b"sms-code key id", hashlib.sha256).digest()[:4]
    finally:
        env.db.dispose()


def test_a_key_that_exists_is_never_replaced(sms_key) -> None:  # type: ignore[no-untyped-def]
    run, path = sms_key
    path.parent.mkdir(parents=True)
    copied = bytes(range(32))
    path.write_bytes(copied)
    os.chmod(path, 0o600)
    code, out, err = run()
    assert (code, out, err) == (0, f"{path}\n", "kiosk: 短信验证码密钥已存在，未改动\n")
    assert path.read_bytes() == copied


def test_a_key_others_can_read_is_pointed_out(sms_key) -> None:  # type: ignore[no-untyped-def]
    run, path = sms_key
    path.parent.mkdir(parents=True)
    path.write_bytes(bytes(32))
    os.chmod(path, 0o644)
    code, _, err = run()
    assert code == 0 and f"权限为0644，其他用户可读，请改为0600（chmod 600 {path}）" in err
    assert path.stat().st_mode & 0o777 == 0o644  # said, not changed behind the hall's back
