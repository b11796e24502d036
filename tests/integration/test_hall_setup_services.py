"""The services behind `kiosk sites load` and `kiosk staff add`: one loader of offices and exam sites
for the demo data and a real hall (reference_sites), and staff accounts made by the command line
under the counter's rules (staff_setup, counter_staff's checks)."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kiosk.db.models import AuditEntry, ExamSite, Office
from kiosk.domain.errors import DomainError, FieldErrors
from kiosk.services import audit, counter_staff, reference_sites, staff, staff_setup
from kiosk.services.env import Env

SEED = json.loads(reference_sites.SEED.read_text(encoding="utf-8"))


def test_the_demo_data_has_the_offices_and_sites_of_the_bundled_list(env: Env) -> None:
    with env.db.read() as s:
        offices = [(o.city, o.name, o.address, o.phone) for o in s.scalars(select(Office).order_by(Office.id))]
        sites = [(x.office.name, x.name, x.address, x.phone) for x in s.scalars(select(ExamSite).order_by(ExamSite.id))]
    assert offices == [(o["city"], o["name"], o["address"], o["phone"]) for o in SEED["offices"]]
    by_name = {o["name"]: o for o in SEED["offices"]}
    assert sites == [(x["office"], x["name"], by_name[x["office"]]["address"], by_name[x["office"]]["phone"])
                     for x in SEED["sites"]]
    assert reference_sites.load(env) == reference_sites.Added(0, 0)  # the demo loader's, found there


def test_the_bundled_list_reads_whole() -> None:
    listed = reference_sites.read()
    assert (len(listed.offices), len(listed.sites)) == (17, 8)
    assert listed.sites[0] == {"office": "渝中车管所", "name": "渝中考场"}


CITY_NAMES = {"重庆": "重庆市", "连云港": "江苏省连云港市"}


def test_every_bundled_office_address_is_full_from_its_city_on() -> None:
    """Tester: 领取网点 read 大渡口车管所（大渡口区建桥工业园C区石林大道15号） and 巴南车管所（南彭街道...）
    while the others read 重庆市...区: every address starts with its city, then a 区 (or 县)."""
    for office in reference_sites.read().offices:
        city = CITY_NAMES[office["city"]]
        assert office["address"].startswith(city), office
        rest = office["address"][len(city):]
        assert "区" in rest[:4] or "县" in rest[:4], office


def test_a_refused_file_leaves_the_database_as_it_was(env: Env, tmp_path) -> None:  # type: ignore[no-untyped-def]
    listed = reference_sites.SiteList(({"city": "重庆", "name": "璧山车管所", "address": "某地", "phone": "1"},),
                                      ({"office": "璧山车管所", "name": "璧山考场"}, {"office": "无此所", "name": "甲考场"}))
    with pytest.raises(DomainError, match="「无此所」不在文件的 offices 中"):
        reference_sites.load(env, listed)
    with env.db.read() as s:
        assert s.scalar(select(Office).where(Office.name == "璧山车管所")) is None


ADMIN = staff.StaffSession("A0001", "管理员", ("admin",))  # a demo account


@pytest.mark.parametrize(("staff_no", "name", "roles", "password", "pin"), [
    ("A0001", "张伟", ["admin"], "kiosk-hall1", "246810"),  # taken
    ("x", "Bob", ["admin"], "short", "12"),
    ("B0009", "张伟", [], "kiosk-hall1", "abcdef"),
    ("B0009", "·张伟", ["counter"], "abcdefghi", "246810"),
])
def test_refused_as_at_the_counter(env: Env, staff_no, name, roles, password, pin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DomainError) as at_counter:
        counter_staff.create(env, ADMIN, staff_no, name, roles, password, pin)
    with pytest.raises(DomainError) as by_command:
        staff_setup.create(env, staff_no, name, roles, password, pin)

    def told(exc: DomainError) -> list[tuple[str | None, str]]:
        return exc.problems if isinstance(exc, FieldErrors) else [(exc.field, exc.message)]
    assert told(by_command.value) == told(at_counter.value)


def test_precheck_tells_the_staff_number_taken_and_the_fields_before_any_secret(env: Env) -> None:
    with pytest.raises(FieldErrors) as refused:
        staff_setup.precheck(env, "a0001", "Bob", ["admin"])
    assert refused.value.problems == [("new_staff_no", "该工号已存在"),
                                      ("new_name", "姓名只能包含汉字（少数民族姓名可含间隔号・）")]
    staff_setup.precheck(env, "B0009", "张伟", ["counter"])  # nothing wrong: no error


def test_an_account_made_by_the_command_is_audited_as_the_system(env: Env) -> None:
    row = staff_setup.create(env, " b0009 ", "张伟", ["verify", "counter"], "kiosk-hall1", "２４６８１０")
    assert (row.staff_no, row.roles, row.state_text) == ("B0009", ("counter", "verify"), "正常")
    assert staff.sign_in(env, "B0009", "kiosk-hall1").roles == ("counter", "verify")
    assert staff.check_pin(env, "B0009", "246810", "unlock").staff_no == "B0009"  # full-width digits kept as ASCII
    with env.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "staff_create")).one()
    assert (entry.actor, entry.detail) == ("system", "B0009 张伟 窗口民警/辅警、核验")
    assert "kiosk-hall1" not in entry.detail and audit.actor_name(entry.actor, entry.action) == "命令行"
    assert [r.staff_no for r in staff_setup.listed(env)] == [r.staff_no for r in counter_staff.list_staff(env, ADMIN)]
