"""`kiosk elicence show` is for staff: its refusals speak of the person whose ID number was given
(该身份证号码名下没有机动车驾驶证), not to them as the kiosk does (您名下没有机动车驾驶证)."""
from __future__ import annotations

import pytest
from sqlalchemy import select, update

from kiosk.__main__ import main
from kiosk.db.models import Account, DrivingLicence


@pytest.fixture
def show(env, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KIOSK_DATA_DIR", str(env.settings.data_dir))

    def show(id_number: str) -> tuple[int, str]:
        code = main(["--db", env.settings.db_url, "--now", "2026-12-01T09:00", "elicence", "show", id_number])
        return code, capsys.readouterr().err.strip()

    return show


@pytest.mark.parametrize(("key", "said"), [
    ("no_licence", "kiosk: 该身份证号码名下没有机动车驾驶证"),
    ("no_photo", "kiosk: 该驾驶人还没有电子驾驶证，请先申领"),
    ("revoked", "kiosk: 该驾驶人的驾驶证状态为吊销，不能申领电子驾驶证，已申领的电子驾驶证不再显示"),
    ("locked", "kiosk: 该驾驶人的驾驶证状态异常，请联系驾驶证发证地公安交管部门"),
])
def test_the_refusals_are_worded_for_staff(show, people, key: str, said: str) -> None:  # type: ignore[no-untyped-def]
    assert show(people[key].id_number) == (1, said)


def test_a_transferred_record_is_worded_for_staff_too(show, env, people) -> None:  # type: ignore[no-untyped-def]
    driver = people["driver_normal"]
    with env.db.write() as s:
        account_id = s.scalar(select(Account.id).where(Account.id_number == driver.id_number))
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == account_id).values(status="C"))
    code, err = show(driver.id_number)
    assert code == 1 and err.startswith("kiosk: 该驾驶人的驾驶证档案已转出") and "您" not in err


def test_a_short_id_number_is_worded_for_staff(show) -> None:  # type: ignore[no-untyped-def]
    assert show("123") == (1, "kiosk: 身份证号码应为18位，收到3位")
