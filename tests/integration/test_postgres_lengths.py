"""What the kiosk writes fits its columns on PostgreSQL, which refuses a value longer than a
varchar (SQLite ignores the length): the real write paths with the longest values they accept,
run on a real server."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiosk.config import ASSETS
from kiosk.db.base import Base
from kiosk.db.models import (ROLES_MAX, TERMINAL_ID_MAX, Account, Application, ApplicationEvent, AuditEntry,
                             DrivingLicence, Terminal)
from kiosk.db.models_elicence import PhotoSubmission
from kiosk.domain.ids import uscc_check_char
from kiosk.domain.names import NAME_MAX
from kiosk.services import (applications, staff_password, counter_accounts, counter_applications, counter_staff, elicence,
                            elicence_review, staff, terminals)
from kiosk.services.contacts import LicenceContactChange
from kiosk.services.env import Env
from kiosk.services.staff import ROLE_NAMES
from tests.app_helpers import apply_for


def _account_id(env: Env, id_number: str) -> int:
    with env.db.read() as s:
        return s.scalars(select(Account.id).where(Account.id_number == id_number)).one()


def test_every_role_together_and_the_longest_terminal_id_fit_their_columns() -> None:
    """audit_log.role keeps a staff member's roles joined by commas; a host name alone may be 64
    characters (kiosk-<hostname> is the default terminal id)."""
    every_role = ",".join(ROLE_NAMES)
    assert len(every_role) <= ROLES_MAX == AuditEntry.__table__.c.role.type.length
    assert len("kiosk-") + 64 <= TERMINAL_ID_MAX
    tables = Base.metadata.tables
    for table, column in [("terminals", "id"), ("applications", "terminal_id"), ("audit_log", "terminal_id")]:
        assert tables[table].c[column].type.length == TERMINAL_ID_MAX, (table, column)


@pytest.mark.postgres
def test_the_admin_signs_in_at_the_counter_on_postgresql(pg_env: Env) -> None:
    """A0001 holds admin, counter, review and exam_admin: 31 characters for the audit entry's role."""
    env = pg_env
    env.settings.counter = True
    admin = staff.sign_in(env, "A0001", "kiosk-0001")
    assert set(admin.roles) == {"admin", "counter", "review", "exam_admin"}
    staff.lock_screen(env, admin)
    staff.check_pin(env, "A0001", "000100", "unlock", staff_no_typed=False)
    staff.sign_out(env, admin)
    with env.db.read() as s:
        roles = s.scalars(select(AuditEntry.role).where(AuditEntry.actor == "staff:A0001")
                          .order_by(AuditEntry.id)).all()
    assert roles == [",".join(admin.roles)] * 4 and len(roles[0]) == 31


@pytest.fixture
def long_env(pg_env: Env, tmp_path: Path) -> Env:
    """pg_env on a terminal with the longest name allowed and a data folder deep in the file system."""
    env = pg_env
    env.settings.terminal_id = "kiosk-dmv-yuzhong-hall-counter-window-03.cq.local".ljust(TERMINAL_ID_MAX, "x")
    env.settings.data_dir = tmp_path / ("d" * 200) / ("e" * 200)
    env.settings.demo = False  # photos go to the review queue
    return env


@pytest.mark.postgres
def test_the_longest_values_the_services_accept_are_kept_on_postgresql(long_env: Env, people,  # type: ignore[no-untyped-def]
                                                                        document_service) -> None:
    env = long_env
    terminals.touch(env)
    admin = staff.sign_in(env, "A0001", "kiosk-0001")
    # 新建工作人员账户: the longest staff number and name, every role
    number, name = "Z" * 20, "欧阳" + "娜" * (NAME_MAX - 2)
    counter_staff.create(env, admin, number, name, list(ROLE_NAMES), "abc12345", "123456")
    clerk = staff_password.change_temporary(env, staff.sign_in(env, number, "abc12345"), "own12345", "own12345")
    staff.lock_screen(env, clerk, idle=True)
    staff.check_pin(env, number, "123456", "unlock", staff_no_typed=False)
    # 面签注册 and 单位用户注册 with the longest names, 委托书编号
    person = counter_accounts.register_in_person(env, clerk, "司马" + "相" * (NAME_MAX - 2), "500103200305050017",
                                                 "13800001234")
    code = "91500000MA5U00002" + uscc_check_char("91500000MA5U00002")
    unit_name, letter = "重庆" + "运" * 94 + "有限公司", "委" * 100
    unit = counter_accounts.register_unit(env, clerk, unit_name, code, "13800002222", letter,
                                          people["driver_normal"].id_number)
    # 变更驾驶证联系方式 with the longest 联系地址
    citizen = _account_id(env, people["driver_normal"].id_number)
    address = "重庆市渝中区解放碑街道民族路" + "1" * 86
    service = LicenceContactChange()
    prepared = applications.prepare(env, service, citizen)
    applications.submit(env, service, citizen, applications.check(service, {"phone": "", "address": address},
                                                                  prepared).clean)
    # 退办 with the longest reason
    serial = apply_for(env, document_service, citizen)
    reason = "申请人要求撤回" + "。" * 93
    counter_applications.refuse(env, clerk, citizen, serial, reason)
    # 驾驶证电子版 with a photo from the camera, kept under the data folder, approved at the counter
    no_photo = _account_id(env, people["no_photo"].id_number)
    applied = elicence.apply_with_photo(env, no_photo, "camera", ASSETS / "photos" / "camera_1.png")
    elicence_review.approve(env, applied.serial_no, reviewer=f"staff:{number}")
    staff.sign_out(env, clerk, from_lock=False)

    with env.db.read() as s:
        assert s.get(Terminal, env.terminal_id) is not None
        roles = set(s.scalars(select(AuditEntry.role).where(AuditEntry.actor == f"staff:{number}")))
        assert ",".join(ROLE_NAMES) in roles
        assert s.scalar(select(func.count()).where(AuditEntry.terminal_id == env.terminal_id)) >= 10
        assert set(s.scalars(select(Application.terminal_id))) >= {env.terminal_id}
        assert s.get(Account, person.account_id).name == "司马" + "相" * (NAME_MAX - 2)
        assert (s.get(Account, unit.account_id).name, s.get(Account, unit.account_id).authorisation_ref) == (
            unit_name, letter)
        lic = s.scalars(select(DrivingLicence).where(DrivingLicence.account_id == citizen)).one()
        assert lic.address == address
        notes = s.scalars(select(ApplicationEvent.note).join(Application).where(Application.serial_no == serial))
        assert any(reason in note for note in notes)
        photo = s.scalars(select(PhotoSubmission.file_path).where(PhotoSubmission.account_id == no_photo)).one()
        assert len(photo) > 400 and photo.startswith(str(env.settings.data_dir))
        assert s.scalars(select(DrivingLicence.photo).where(DrivingLicence.account_id == no_photo)).one() == photo

