"""``kiosk verify`` / ``kiosk elicence`` / ``kiosk review`` through main(): exit 0 only when valid,
every bad payload rejected with its reason and never a traceback."""
from __future__ import annotations

import json

import base45
import pytest

from kiosk.__main__ import main
from kiosk.config import ASSETS
from kiosk.services import elicence, elicence_card
from kiosk.services.elicence_keyfiles import KeyStore

NOW, LATER = "2026-12-01T09:00:10", "2026-12-01T09:01:01"


@pytest.fixture
def cli(env, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATA_DIR", str(env.settings.data_dir))

    def run(*args: str, now: str = NOW) -> tuple[int, str, str]:
        code = main(["--db", env.settings.db_url, "--now", now, *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.fixture
def code(env, people):  # type: ignore[no-untyped-def]
    account_id = elicence_card.account_for(env, people["driver_normal"].id_number)
    elicence.apply_direct(env, account_id)
    return elicence_card.fresh_code(env, account_id)


def _tamper(text: str) -> str:
    prefix, body = text[:4], bytearray(base45.b45decode(text[4:]))
    body[len(body) // 3] ^= 0x01
    return prefix + base45.b45encode(bytes(body)).decode()


def test_valid_codes_pass_offline_and_online(cli, code) -> None:  # type: ignore[no-untyped-def]
    for text in code.texts:
        rc, out, _ = cli("verify", text)
        assert rc == 0 and out.startswith("有效：验证通过") and "500100000055" in out
        rc, out, _ = cli("verify", text, "--online", "--json")
        report = json.loads(out)
        assert rc == 0 and report["valid"] and report["online"] and report["fields"]["姓名"] == "刘洋"
        assert report["normal"] and report["status"] == "正常"


@pytest.mark.parametrize("status, said", [("D", "暂扣"), ("H", "违法未处理"), ("B", "超分")])
def test_an_authentic_code_of_a_licence_not_normal_says_so_first_and_does_not_exit_0(
        cli, env, people, status, said) -> None:  # type: ignore[no-untyped-def]
    account_id = elicence_card.account_for(env, people["driver_normal"].id_number)
    elicence.apply_direct(env, account_id)
    with env.db.write() as s:
        from sqlalchemy import update

        from kiosk.db.models import DrivingLicence

        s.execute(update(DrivingLicence).where(DrivingLicence.archive_no == "500100000055").values(status=status))
    code = elicence_card.fresh_code(env, account_id)  # signed while the licence is not normal
    for text in code.texts:
        for online in ((), ("--online",)):
            rc, out, _ = cli("verify", text, *online)
            assert rc == 2, out
            assert out.splitlines()[0] == f"证件真实，但驾驶证状态异常：{said}"
            assert "驾驶证状态正常" not in out
            rc, out, _ = cli("verify", text, *online, "--json")
            report = json.loads(out)
            assert rc == 2 and report["valid"] and not report["normal"] and report["status"] == said


def test_verify_help_documents_the_exit_codes(cli, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        cli("verify", "--help")
    text = " ".join(capsys.readouterr().out.split())
    assert "0 证件真实，驾驶证状态正常" in text
    assert "1 证件无效" in text and "2 证件真实，但驾驶证状态异常" in text


@pytest.mark.parametrize("mangle, reason", [
    (_tamper, "签名无效"),
    (lambda t: t[: len(t) // 2], "格式错误"),
    (lambda t: t[:-1], "格式错误"),
    (lambda t: "hello world", "不是电子驾驶证二维码（应以DL1:或DL2:开头）"),  # said what it is not (tester)
    (lambda t: "hello", "不是电子驾驶证二维码（应以DL1:或DL2:开头）"),
    (lambda t: "https://example.com/DL1:" + t[4:], "不是电子驾驶证二维码（应以DL1:或DL2:开头）"),
    (lambda t: "DL1:" + "\u4e2d" * 50, "格式错误"),
    (lambda t: "DL2:hello", "格式错误"),  # a code of ours gone wrong
    (lambda t: "", "不是电子驾驶证二维码（应以DL1:或DL2:开头）"),
])
def test_tampered_truncated_and_garbage_are_rejected(cli, code, mangle, reason) -> None:  # type: ignore[no-untyped-def]
    for text in code.texts:
        rc, out, err = cli("verify", mangle(text), "--json")
        assert rc == 1 and json.loads(out)["reason"] == reason and "Traceback" not in out + err


def test_expired_and_wrong_key(cli, code, env, people, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for text in code.texts:
        rc, out, _ = cli("verify", text, now=LATER)
        assert rc == 1 and "二维码已过期" in out
    other = KeyStore(tmp_path / "other")
    from kiosk.services.elicence_codec import encode

    claims = elicence_card.claims_of  # forge a code with a key the kiosk does not know
    with env.db.read() as s:
        from kiosk.db.models import Account, DrivingLicence

        lic = s.query(DrivingLicence).filter_by(archive_no="500100000055").one()
        forged = encode(claims(s.get(Account, lic.account_id), lic, env.clock.now().date()), other.private_key(),
                        other.key_id, code.generated_at)
    rc, out, _ = cli("verify", forged)
    assert rc == 1 and "未知的签发密钥" in out


def test_show_export_key_and_review(cli, code, people, env) -> None:  # type: ignore[no-untyped-def]
    rc, out, _ = cli("elicence", "show", people["driver_normal"].id_number, "--profile", "compact")
    assert rc == 0 and "\x1b[38;2;0;0;0;48;2;255;255;255m" in out and "版本5-L" in out
    rc, out, _ = cli("elicence", "show", people["driver_normal"].id_number, "--payload-only")
    assert rc == 0 and cli("verify", out.strip())[0] == 0
    rc, _, err = cli("elicence", "show", people["no_photo"].id_number)
    assert rc == 1 and "请先申领" in err
    rc, out, _ = cli("elicence", "export-key")
    assert rc == 0 and out.startswith("-----BEGIN PUBLIC KEY-----")
    no_photo = elicence_card.account_for(env, people["no_photo"].id_number)
    pending = elicence.apply_with_photo(env, no_photo, "camera", ASSETS / "photos" / "camera_2.png")
    rc, out, _ = cli("review", "list")
    assert rc == 0 and pending.serial_no in out and "吴霞" in out
    rc, _, err = cli("review", "reject", pending.serial_no, "--reason", "看不清")
    assert rc == 1 and "--reason 须为1-6" in err and "1 照片背景不是白色" in err and "列表" not in err
    rc, out, _ = cli("review", "reject", pending.serial_no, "--reason", "1")
    assert rc == 0 and out.strip() == f"{pending.serial_no} 审核不通过：照片背景不是白色"
    pending = elicence.apply_with_photo(env, no_photo, "camera", ASSETS / "photos" / "camera_2.png")
    rc, out, _ = cli("review", "approve", pending.serial_no)
    assert rc == 0 and "已办结" in out
    assert cli("review", "list")[1].strip() == "没有待审核的照片"


def test_show_names_the_day_of_an_expiry_past_midnight(cli, code, people, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A code made at 23:30 for an hour ran 至00:30:00, which read as the same day's (tester)."""
    rc, out, _ = cli("elicence", "show", people["driver_normal"].id_number, "--profile", "compact")
    assert rc == 0 and "有效" in out and "，至09:" in out  # the same day: the time alone
    monkeypatch.setenv("KIOSK_ELICENCE_TTL", "3600")
    rc, out, _ = cli("elicence", "show", people["driver_normal"].id_number, "--profile", "compact",
                     now="2026-12-01T23:30:00")
    assert rc == 0 and "有效3600秒，至2026-12-02 00:30:00" in out


def test_online_check_says_when_the_codes_points_are_not_the_records(cli, code, env) -> None:  # type: ignore[no-untyped-def]
    """Points changed since the code was signed (a new 记分周期, a 学法减分): the code stays valid and the
    online check says both figures, the record's first (tester: 0分 shown beside a phone showing 3分)."""
    from sqlalchemy import select

    from kiosk.db.models import DrivingLicence

    text = code.texts[0]
    rc, out, _ = cli("verify", text, "--online", "--json")
    assert rc == 0 and json.loads(out)["fields"]["累积记分"] == "0分"  # as coded: nothing more said
    with env.db.write() as s:
        lic = s.scalar(select(DrivingLicence).where(DrivingLicence.archive_no == "500100000055"))
        lic.points = 2
    rc, out, _ = cli("verify", text, "--online", "--json")
    report = json.loads(out)
    assert rc == 0 and report["valid"] and report["fields"]["累积记分"] == "2分（二维码内为0分，以当前记录为准）"
