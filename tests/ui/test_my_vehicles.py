"""Pilot: 我的机动车 keeps （已过期） marked on the highlighted row, fits 80x24 without cutting a
column in half, and shows each unhandled violation (time, place, what) under the table. Own
vehicles are 已登记 (备案 is the word of 备案非本人机动车), and only they are asked to 续保."""
from __future__ import annotations

from datetime import date

import pytest
from rich.color import Color
from sqlalchemy import select
from textual.widgets import DataTable

from kiosk.db.models import Account, Vehicle
from kiosk.db.models_transfer import OtherVehicle
from kiosk.ui.app import make_app

from kiosk.ui.screens.my_vehicles import COLUMNS, MyVehiclesScreen
from kiosk.ui.widgets.fit import fit_columns
from tests.ui.conftest import screen_text, settle, sign_in


async def _open(pilot, env, person) -> MyVehiclesScreen:  # type: ignore[no-untyped-def]
    await sign_in(pilot, env, person.id_number, person.phone)
    await pilot.click("#menu-my_vehicles")
    await settle(pilot)
    assert isinstance(pilot.app.screen, MyVehiclesScreen)
    return pilot.app.screen


def _styles_of(app, words: str) -> list:  # type: ignore[no-untyped-def]
    """The styles of the segments on screen that show ``words``, top to bottom."""
    return [seg.style for strip in app.screen._compositor.render_strips()  # noqa: SLF001
            for seg in strip if words in seg.text]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_expired_stays_marked_on_the_highlighted_row(kiosk_app, env, people, size):
    """马超's only car is always the cursor row: its overdue inspection was grey on the cursor's blue."""
    async with kiosk_app.run_test(size=size) as pilot:
        screen = await _open(pilot, env, people["truck_driver"])
        table = screen.query_one(DataTable)
        assert table.cursor_row == 0
        error = Color.parse(kiosk_app.get_css_variables()["error"])
        styles = _styles_of(kiosk_app, "（已过期）")
        assert len(styles) == 2  # in the table's (highlighted) row and in the detail under it
        assert all(s.bgcolor is not None and s.bgcolor.triplet == error.triplet for s in styles)


async def test_at_80x24_no_column_is_cut(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, env, people["two_cars"])  # 周杰: the widest rows of the demo
        table = screen.query_one(DataTable)
        assert table.max_scroll_x == 0 and table.region.right <= 80
        headers = [str(c.label) for c in table.columns.values()]
        assert headers[0] == "号牌号码" and "交强险至" in headers and "联系电话" not in headers
        assert all(h in screen_text(kiosk_app) for h in headers)
        await pilot.press("down")  # 渝AD12345: its brand and phone, left out above, are said below
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "渝AD12345  小型新能源汽车  比亚迪牌" in text and "联系电话：139****0105" in text
        assert "表格未列出车辆类型、品牌和联系电话，见下方详情。" in text
        await pilot.resize_terminal(120, 40)  # room again: every column, and nothing said left out
        await settle(pilot)
        assert [str(c.label) for c in table.columns.values()] == list(COLUMNS)
        assert "表格未列出" not in screen_text(kiosk_app)


@pytest.mark.parametrize("size", [(120, 40), (100, 30), (80, 24)])
@pytest.mark.parametrize("who", ["two_cars", "driver_normal"])
async def test_a_column_left_out_is_said_under_the_table(kiosk_app, env, people, size, who):
    """Tester: 周杰's 联系电话 at 100x30 (刘洋's at 80x24) was gone from the table without a word. No
    column is cut, and those left out are named over the highlighted vehicle's text, which says them."""
    async with kiosk_app.run_test(size=size) as pilot:
        screen = await _open(pilot, env, people[who])
        table = screen.query_one(DataTable)
        assert table.max_scroll_x == 0 and table.region.right <= size[0]
        headers = [str(c.label) for c in table.columns.values()]
        text = screen_text(kiosk_app)
        assert all(h in text for h in headers)
        left_out = [c for c in COLUMNS if c not in headers]
        if not left_out:
            assert "表格未列出" not in text
        else:
            said = left_out[0] if len(left_out) == 1 else f"{'、'.join(left_out[:-1])}和{left_out[-1]}"
            assert f"表格未列出{said}，见下方详情。" in text
            cells = screen._cells(screen.rows[0])  # noqa: SLF001 (the highlighted row's, said below)
            assert all(str(cells[COLUMNS.index(c)]) in text for c in left_out)
        if size == (100, 30):  # 刘洋's one car fits whole; 周杰's 小型新能源汽车 and （已过期） leave out 联系电话
            assert left_out == ([] if who == "driver_normal" else ["联系电话"])


async def test_the_unhandled_violations_are_listed(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["violation"])  # 赵磊: 2 on 渝B5K821
        text = screen_text(kiosk_app)
        assert "渝B5K821有2起交通违法未处理" in text and "未处理的交通违法2起：" in text
        assert "重庆市江北区北滨一路" in text and "机动车违反规定停放、临时停车且驾驶人不在现场的（记0分，罚款150元）" in text
        assert "重庆市渝北区金开大道与星光大道交叉口" in text and "（记6分，罚款200元）" in text
        assert " 08:12" in text


async def test_a_vehicle_without_violations_says_so(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["driver_normal"])
        assert "未处理的交通违法：无" in screen_text(kiosk_app)


def test_columns_are_left_out_in_order_until_they_fit() -> None:
    rows = [("渝AD12345", "本人", "小型新能源汽车", "比亚迪牌", "2026-11-23（已过期）", "2027-05-02", "0起", "139****0105")]
    assert fit_columns(COLUMNS, rows, 200, (7, 3, 2)) == [0, 1, 2, 3, 4, 5, 6, 7]
    assert fit_columns(COLUMNS, rows, 96, (7, 3, 2)) == [0, 1, 2, 3, 4, 5, 6]
    assert fit_columns(COLUMNS, rows, 84, (7, 3, 2)) == [0, 1, 2, 4, 5, 6]
    assert fit_columns(COLUMNS, rows, 76, (7, 3, 2)) == [0, 1, 4, 5, 6]

async def test_a_units_vehicle_is_its_own_not_a_persons(kiosk_app, env, people):
    """类别 of a unit account's vehicle says 本单位 (a person's says 本人)."""
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot, env, people["unit"])
        table = screen.query_one(DataTable)
        assert [str(c) for c in table.get_row_at(0)[:2]] == ["渝D72518", "本单位"]
        assert "本人" not in screen_text(kiosk_app)
        assert "本单位名下共有1辆已登记的机动车。" in screen_text(kiosk_app)  # not 您名下
        assert "您名下" not in screen_text(kiosk_app)


async def test_a_persons_vehicle_is_still_marked_as_their_own(kiosk_app, env, people):
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot, env, people["driver_normal"])
        assert [str(c) for c in screen.query_one(DataTable).get_row_at(0)[:2]] == ["渝A12345", "本人"]


def _record_zhous_car_for_guo(env, people) -> None:  # type: ignore[no-untyped-def]
    """郭涛 (no car) records 周杰's 渝AD12345 (its 交强险 expired) as 非本人."""
    with env.db.write() as s:
        guo = s.scalars(select(Account.id).where(Account.id_number == people["four_fails"].id_number)).one()
        car = s.scalars(select(Vehicle.id).where(Vehicle.plate == "渝AD12345")).one()
        s.add(OtherVehicle(account_id=guo, vehicle_id=car, plate_kind="小型新能源汽车", recorded_at=env.clock.now()))


async def test_own_vehicles_are_said_to_be_registered(kiosk_app, env, people):
    """Tester: 郭涛 (no car) recorded 周杰's 渝AD12345 as 非本人 and read 「您名下共有0辆已备案机动车」:
    备案 is that other service's word."""
    _record_zhous_car_for_guo(env, people)
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["four_fails"])
        text = screen_text(kiosk_app)
        assert "您名下没有已登记的机动车。另备案非本人机动车1辆。" in text and "已备案" not in text


async def test_only_own_vehicles_are_asked_to_renew_their_insurance(kiosk_app, env, people):
    """Tester: 郭涛 read 「渝AD12345交强险已过期，请尽快续保。」 of 周杰's car he only drives; 周杰 is asked."""
    _record_zhous_car_for_guo(env, people)
    async with kiosk_app.run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["four_fails"])
        text = screen_text(kiosk_app)
        assert "渝AD12345" in text and "（已过期）" in text and "续保" not in text
    async with make_app(env.settings, env).run_test(size=(80, 24)) as pilot:
        await _open(pilot, env, people["two_cars"])
        assert "渝AD12345交强险已过期，请尽快续保。" in screen_text(pilot.app)


async def test_a_transferred_or_non_own_car_is_asked_neither_inspection_nor_insurance(kiosk_app, env, people):
    """Tester (KIOSK_NOW 2027-07-01): 周杰's 渝A8D2Q7, 已转出 at the counter, still read 「渝A8D2Q7检验有效期已过，
    请尽快办理机动车检验。」 and 「渝A8D2Q7交强险已过期，请尽快续保。」; 郭涛 read 检验 (not 续保) of his 非本人 car."""
    from kiosk.services import applications, counter_applications
    from kiosk.services.staff import StaffSession
    from kiosk.services.vehicle_transfer import VehicleTransferService
    from tests.integration.test_vehicle_transfer import FORM
    zhou = people["two_cars"]
    with env.db.read() as s:
        aid = s.scalars(select(Account.id).where(Account.id_number == zhou.id_number)).one()
    done = applications.submit(env, VehicleTransferService(), aid, FORM)
    counter_applications.finish(env, StaffSession("J1001", "王警官", ("counter",)), aid, done.serial_no, "已转出")
    _record_zhous_car_for_guo(env, people)
    env.clock.advance(days=(date(2027, 7, 1) - env.clock.now().date()).days)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, zhou)
        text = screen_text(pilot.app)
        assert "已转出" in text and "渝AD12345交强险已过期，请尽快续保。" in text
        assert "渝A8D2Q7检验" not in text and "渝A8D2Q7交强险" not in text
    async with make_app(env.settings, env).run_test(size=(120, 40)) as pilot:
        await _open(pilot, env, people["four_fails"])
        text = screen_text(pilot.app)
        assert "渝AD12345" in text and "（已过期）" in text and "请尽快" not in text


async def test_a_recorded_car_transferred_out_is_shown_so_without_its_dates(kiosk_app, env, people):
    """Tester: 刘洋 recorded 周杰's 渝A8D2Q7; after its 转籍 (已转出) his 我的机动车 still listed it 非本人
    with its local 检验 and 交强险 dates, and its detail said nothing of the transfer."""
    from kiosk.services import applications, counter_applications
    from kiosk.services.other_vehicles import OtherVehicleRecord
    from kiosk.services.staff import StaffSession
    from kiosk.services.vehicle_transfer import VehicleTransferService
    from tests.integration.test_vehicle_transfer import FORM
    with env.db.read() as s:
        liu, zhou = (s.scalars(select(Account.id).where(Account.id_number == people[k].id_number)).one()
                     for k in ("driver_normal", "two_cars"))
    applications.submit(env, OtherVehicleRecord(), liu, {"plate_kind": "小型汽车", "plate": "渝A8D2Q7",
                                                         "proof": "车辆识别代号后6位", "vin6": "210466"})
    done = applications.submit(env, VehicleTransferService(), zhou, FORM)
    counter_applications.finish(env, StaffSession("J1001", "王警官", ("counter",)), zhou, done.serial_no, "已转出")
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot, env, people["driver_normal"])
        table = screen.query_one(DataTable)
        row = [str(c) for c in table.get_row_at(1)]
        assert row[:2] == ["渝A8D2Q7", "非本人（已转出）"] and row[4:6] == ["", ""]
        await pilot.press("down")
        await settle(pilot)
        text = screen_text(kiosk_app)
        assert "该车已于2026-12-01转出至江苏省连云港市，备案已失效，可解除备案。" in text
        assert "备案的非本人机动车中1辆已转出，备案已失效。" in text and "另备案非本人机动车" not in text
        assert "检验有效期至：" not in text and "2027-06-21" not in text
        assert screen.query_one("#remove-other").display


async def test_what_other_services_left_a_car_waiting_for_is_in_its_detail(kiosk_app, env, people):
    """Tester: after 周杰's 在用车选号 (渝AD12345 to a new number, 已办结) its detail never named the new
    number, and 渝A8D2Q7 with its 转籍 受理中 read as a plain 本人 car."""
    from kiosk.services import applications
    from kiosk.services.plate_used import UsedCarPlate
    from kiosk.services.vehicle_transfer import VehicleTransferService
    from tests.integration.test_plate_used import transfer_in
    from tests.integration.test_vehicle_transfer import FORM
    zhou = people["two_cars"]
    with env.db.read() as s:
        aid = s.scalars(select(Account.id).where(Account.id_number == zhou.id_number)).one()
    transfer_in(env, "渝AD12345", date(2026, 12, 1), "转入")
    applications.submit(env, UsedCarPlate(), aid, {"plate": "渝AD12345", "way": "自编自选", "own_1": "DB8888"})
    moving = applications.submit(env, VehicleTransferService(), aid, FORM)
    async with kiosk_app.run_test(size=(120, 40)) as pilot:
        screen = await _open(pilot, env, zhou)
        table = screen.query_one(DataTable)
        assert [str(c) for c in table.get_row_at(0)][:2] == ["渝A8D2Q7", "本人"]
        text = "".join(screen_text(pilot.app).split())
        assert f"渝A8D2Q7小型轿车吉利牌机动车转籍申请受理中（业务流水号{moving.serial_no}）。初次登记日期" in text
        assert "已选定新号牌号码" not in text
        await pilot.press("down")
        await settle(pilot)
        text = "".join(screen_text(pilot.app).split())
        assert ("已选定新号牌号码：渝ADB8888，请携带车辆、机动车行驶证和原号牌到车管所换领号牌和行驶证。初次登记日期"
                in text) and "转籍申请受理中" not in text
