"""Square brackets that people type are shown as typed, never read as Textual markup.

Before kiosk.ui.widgets.plain, 「[/b]」 in an address stopped the kiosk with a MarkupError at the
confirmation step, and a stored name with one would have stopped every later screen showing it."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from sqlalchemy import select, update

import kiosk.ui
from kiosk.config import ASSETS
from kiosk.db.models import Account, DrivingLicence
from kiosk.services import exam_admin_results
from kiosk.ui.screens.counter.exam_results import ExamResultsScreen
from kiosk.ui.screens.elicence.photo import PhotoScreen
from kiosk.ui.screens.records import MyLicenceScreen
from tests.ui.conftest import screen_text, set_input, settle, sign_in
from tests.ui.test_contact_flow import _open
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.counter_helpers import SIZE, look_up, press

ADDRESS = "重庆市江北区[/b]观音桥[red]步行街8号"
NAME = "刘[/]洋"
STORED_ADDRESS = "重庆市渝中区[b]解放碑[/i]1号"


def _store_brackets(env, person) -> None:  # type: ignore[no-untyped-def]
    with env.db.write() as s:
        account = s.scalars(select(Account.id).where(Account.id_number == person.id_number)).one()
        s.execute(update(Account).where(Account.id == account).values(name=NAME))
        s.execute(update(DrivingLicence).where(DrivingLicence.account_id == account).values(address=STORED_ADDRESS))


async def test_an_address_typed_with_brackets_is_confirmed_saved_and_shown_as_typed(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["two_cars"], "vehicle_contact")
        await pilot.click(list(kiosk_app.screen.query("RadioButton"))[1])
        await settle(pilot)
        set_input(kiosk_app, "address", ADDRESS)
        await pilot.click("#next")
        await settle(pilot)
        assert ADDRESS in screen_text(kiosk_app).replace("\n", "")  # 请核对以下信息
        await pilot.click("#submit")
        await settle(pilot)
        assert "已办结" in screen_text(kiosk_app)
        assert kiosk_app.is_running


async def test_a_stored_name_and_address_with_brackets_show_as_stored(kiosk_app, env, people):
    person = people["driver_normal"]
    _store_brackets(env, person)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, env, person.id_number, person.phone)
        assert f"您好，{NAME}。" in screen_text(kiosk_app)
        await pilot.click("#menu-my_licence")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, MyLicenceScreen)
        text = screen_text(kiosk_app)
        assert f"联系地址：{STORED_ADDRESS}" in text and "驾驶证状态：正常" in text
        kiosk_app.notify(f"通知 {NAME}")  # notifications: plain text too
        await settle(pilot)
        assert kiosk_app.is_running


async def test_the_counter_shows_stored_and_imported_brackets_as_they_are(env, people, tmp_path):
    person = people["driver_normal"]
    _store_brackets(env, person)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, person.id_number, "本人到窗口[/]办理")
        assert f"{NAME}  {person.id_number}" in screen_text(app)
        app.pop_screen()
        await settle(pilot)
        await press(pilot, "m-audit")  # the reason, in the audit log's table
        assert "本人到窗口[/]办理" in screen_text(app)
    app = counter_app(env)
    async with app.run_test(size=SIZE) as pilot:
        await _sign_in(pilot, app, "J1003", "kiosk-1003")
        await press(pilot, "m-results")
        assert isinstance(app.screen, ExamResultsScreen)
        csv_file = exam_admin_results.import_folder(env) / "r.csv"
        csv_file.write_text("身份证号码,科目,成绩\n[/red]x,2,90\n", encoding="utf-8")
        set_input(app, "csv_path", str(csv_file))
        await press(pilot, "import")
        assert "第2行 [/red]x,2,90：" in screen_text(app)


async def test_an_album_picture_named_with_brackets_is_listed_as_named(kiosk_app, env, people):
    album = Path(env.settings.data_dir) / "album"
    album.mkdir(parents=True, exist_ok=True)
    shutil.copy(ASSETS / "photos" / "camera_2.png", album / "IMG[b]1.png")
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        person = people["no_photo"]
        await sign_in(pilot, env, person.id_number, person.phone)
        await pilot.click("#menu-elicence")
        await settle(pilot)
        await pilot.click("#el-photo-apply")
        await settle(pilot)
        assert isinstance(kiosk_app.screen, PhotoScreen)
        await pilot.click("#ph-agree")
        await pilot.click("#ph-album")
        await settle(pilot)
        listed = kiosk_app.screen.query_one("#ph-album-list")
        assert any(str(listed.get_option_at_index(i).prompt).startswith("IMG[b]1.png（")
                   for i in range(listed.option_count))
        assert "IMG[b]1.png" in screen_text(kiosk_app)


def test_screens_build_text_widgets_from_plain() -> None:
    """The rule behind the tests above, for screens yet to come: text widgets come from
    kiosk.ui.widgets.plain, not straight from Textual (whose Static and DataTable read markup), and
    an option or radio button shows either a literal label or one passed through plain()."""
    root = Path(kiosk.ui.__file__).parent
    direct = re.compile(r"(?<![\w.])(Static|DataTable)\(|(?<![\w.])(Option|RadioButton)\((?!plain\(|\")")
    found = [f"{path.relative_to(root)}:{n}" for path in root.rglob("*.py") if path.name != "plain.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if direct.search(line)]
    assert found == []
    # and no line writes markup for a screen to parse (bold and colour are Rich Text styles)
    markup = re.compile(r"\[/?(\{|b\]|bold|italic|i\]|u\]|dim|reverse|red|green|yellow|blue|on )")
    written = [f"{path.relative_to(root)}:{n}" for path in root.rglob("*.py") if not path.name.startswith(("plain", "cjk"))
               for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if markup.search(line)]
    assert written == []
