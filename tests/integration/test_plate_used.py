"""在用车选号 through the generic application flow, on SQLite with the demo data (test clock
2026-12-01): 周杰's 渝A8D2Q7 (小型轿车, registered new to him: no 过户 on record unless a test gives
it one) and 渝AD12345 (小型新能源汽车, 过户 to him 400 days ago, 2025-10-27), both registered years ago."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kiosk.db.models import Message, Vehicle
from kiosk.db.models_newcars import PlateSelection
from kiosk.domain.errors import DomainError, FieldErrors
from kiosk.services import applications
from kiosk.services.catalog import SERVICES
from kiosk.services.env import Env
from kiosk.services.plate_used import UsedCarPlate
from tests.booking_helpers import account_id
from tests.conftest import problems_of

USED = UsedCarPlate()
LOCAL = "本地二手车过户选号"


def transfer_in(env: Env, plate: str, day: date, kind: str = "过户") -> None:
    """The car's 过户 (转入) on record, as the DMV's 转移登记 (转入登记) left it."""
    with env.db.write() as s:
        car = s.scalars(select(Vehicle).where(Vehicle.plate == plate)).one()
        car.transfer_in_kind, car.transfer_in_on = kind, day


def test_the_old_number_is_kept_and_told_everywhere_then_the_car_chooses_no_more(env: Env, people) -> None:
    aid = account_id(env, people["two_cars"])  # 周杰
    assert SERVICES["plate_used"].title == "在用车选号"
    transfer_in(env, "渝A8D2Q7", date(2026, 11, 20))
    prepared = applications.prepare(env, USED, aid)
    assert [v for _, v in prepared.choices["plate"]] == ["渝A8D2Q7", "渝AD12345"] and prepared.initial == {}
    assert [v for _, v in prepared.choices["way"]] == ["保留原号牌", "随机选号", "自编自选"]
    assert all(v.startswith("渝AD") for _, v in prepared.choices["pick_1"])  # the new-energy car's set
    assert [f.name for f in prepared.fields][:2] == ["plate", "way"]  # 业务类型 and the day: the record's
    form = {"plate": "渝A8D2Q7", "way": "保留原号牌"}
    assert applications.check(USED, form, prepared).summary == [
        ("车辆", "渝A8D2Q7 吉利牌（小型汽车，登记日期2015-06-19）"), ("业务类型", LOCAL),  # the day once (tester)
        ("过户（转入）日期", "2026-11-20"), ("选号方式", "保留原号牌"), ("号牌号码", "渝A8D2Q7")]
    done = applications.submit(env, USED, aid, form)
    assert done.status == "已办结"
    # The 过户 is done (its day not after today): no 转移登记 (or 转入登记) is left to do.
    assert done.note == "本地二手车过户选号：保留原号牌渝A8D2Q7（吉利牌）。原号牌和行驶证继续使用，无需到车管所办理"
    [shown] = [a for a in applications.list_for(env, aid) if a.serial_no == done.serial_no]
    assert shown.payload["number"] == "渝A8D2Q7" and shown.title == "在用车选号"
    with env.db.read() as s:
        bodies = {m.channel for m in s.scalars(select(Message).where(Message.account_id == aid))
                  if f"在用车选号申请（业务流水号{done.serial_no}）已办结：" in m.body and "渝A8D2Q7" in m.body}
        assert bodies == {"inbox", "sms"}
    transfer_in(env, "渝AD12345", date(2026, 12, 1), "转入")
    again = applications.prepare(env, USED, aid)  # the other car still may
    assert [v for _, v in again.choices["plate"]] == ["渝AD12345"] and again.initial == {"plate": "渝AD12345"}
    assert "渝A8D2Q7 吉利牌（小型汽车，登记日期" in again.intro and "不能选号，已选定号牌号码渝A8D2Q7，每辆车只能选号一次" in again.intro
    done = applications.submit(env, USED, aid, {"plate": "渝AD12345", "way": "自编自选", "own_1": "DB8888"})
    assert done.note == ("异地转（迁）入选号：已选定新号牌号码渝ADB8888（自编自选），原号牌渝AD12345（比亚迪牌）。"
                         "请携带车辆、机动车行驶证和原号牌到车管所换领号牌和行驶证")
    with pytest.raises(DomainError) as exc:
        applications.prepare(env, USED, aid)
    assert exc.value.message.startswith("不能办理在用车选号：")


def test_keeping_is_refused_next_to_the_way_when_too_new_or_too_late(env: Env, people) -> None:
    aid = account_id(env, people["two_cars"])
    with env.db.write() as s:
        s.scalars(select(Vehicle).where(Vehicle.plate == "渝A8D2Q7")).one().registered_on = date(2026, 3, 1)
        registered = s.scalars(select(Vehicle.registered_on).where(Vehicle.plate == "渝AD12345")).one()
    transfer_in(env, "渝A8D2Q7", date(2026, 11, 20))
    transfer_in(env, "渝AD12345", date(2024, 11, 30))
    prepared = applications.prepare(env, USED, aid)
    form = {"plate": "渝A8D2Q7", "way": "保留原号牌"}
    with pytest.raises(DomainError) as exc:
        applications.check(USED, form, prepared)
    assert problems_of(exc) == {"way": "该车于2026-03-01登记，至过户（转入）日使用不满1年，不能保留原号牌，请选择新号牌号码"}
    with pytest.raises(DomainError) as exc:
        applications.check(USED, {**form, "plate": "渝AD12345"}, prepared)
    assert problems_of(exc) == {"way": "保留原号牌须自过户（转入）之日起2年内申请（最迟2026-11-30当天），已超过期限，请选择新号牌号码"}
    assert registered is not None and registered < date(2023, 11, 30)


def test_every_field_is_told_and_a_number_taken_is_refused(env: Env, people) -> None:
    aid = account_id(env, people["two_cars"])
    transfer_in(env, "渝A8D2Q7", date(2026, 11, 20))
    prepared = applications.prepare(env, USED, aid)
    with pytest.raises(FieldErrors) as exc:
        applications.check(USED, {}, prepared)
    assert problems_of(exc) == {"plate": "请选择要选号的车辆", "way": "请选择选号方式：保留原号牌、随机选号或自编自选"}
    with pytest.raises(DomainError) as exc:
        applications.check(USED, {"plate": "渝A8D2Q7", "way": "随机选号"}, prepared)
    assert problems_of(exc) == {"pick_0": "请从随机产生的号码中选择一个号牌号码"}
    with pytest.raises(DomainError) as exc:  # 刘洋's number
        applications.check(USED, {"plate": "渝A8D2Q7", "way": "自编自选", "own_0": "12345"}, prepared)
    assert problems_of(exc) == {"own_0": "号牌号码渝A12345已被使用或已被他人选用，请另选"}
    pick = prepared.choices["pick_0"][0][1]
    done = applications.submit(env, USED, aid, {"plate": "渝A8D2Q7", "way": "随机选号", "pick_0": pick})
    assert f"已选定新号牌号码{pick}（随机选号）" in done.note
    with env.db.read() as s:
        [sel] = s.scalars(select(PlateSelection)).all()
        assert (sel.number, sel.business, sel.way, sel.new_vehicle_id) == (pick, LOCAL, "随机选号", None)


def test_a_large_car_or_none_is_refused_before_the_form(env: Env, people) -> None:
    with pytest.raises(DomainError) as exc:
        applications.prepare(env, USED, account_id(env, people["truck_driver"]))  # 马超's 重型半挂牵引车
    assert exc.value.message.startswith("不能办理在用车选号：\n苏G52731 解放牌（大型汽车")
    assert "大型汽车不能网上选号" in exc.value.message
    with pytest.raises(DomainError) as exc:
        applications.prepare(env, USED, account_id(env, people["no_licence"]))
    assert exc.value.message == "您名下没有已登记的机动车，无法办理在用车选号"


MARK_FORM = {"plate": "渝A8D2Q7", "delivery": "邮寄", "address": "重庆市渝北区龙溪街道金龙路1号"}


def test_no_number_is_chosen_while_the_cars_inspection_mark_is_being_made(env: Env, people) -> None:
    """Vehicle tester: with 渝A8D2Q7's 补领检验合格标志 受理中, 在用车选号 chose it a new number, and the
    mark was made for the old one. Refused with the car's other reasons until the mark is 办结 or 退办."""
    from kiosk.db.models import Account
    from kiosk.services import counter_applications
    from kiosk.services.staff import StaffSession
    clerk = StaffSession("J1001", "王警官", ("counter",))
    aid = account_id(env, people["two_cars"])  # 周杰: 渝A8D2Q7 in order for the mark
    transfer_in(env, "渝A8D2Q7", date(2026, 11, 20))
    before = applications.prepare(env, USED, aid)  # the form opened before the mark was applied for
    form = {"plate": "渝A8D2Q7", "way": "保留原号牌"}
    checked = applications.check(USED, form, before)
    mark = applications.submit(env, SERVICES["inspection_mark_reissue"], aid, MARK_FORM)
    assert mark.status == "受理中"
    why = f"该车有正在办理的补领检验合格标志申请（业务流水号{mark.serial_no}），办结后方可申请在用车选号"
    prepared = applications.prepare(env, USED, aid)
    assert [v for _, v in prepared.choices["plate"]] == ["渝AD12345"]
    assert "渝A8D2Q7 吉利牌（小型汽车，登记日期" in prepared.intro and f"：不能选号，{why}" in prepared.intro
    with pytest.raises(DomainError) as exc:  # at 提交, from the form opened before
        with env.db.write() as s:
            USED.apply(s, env, s.get(Account, aid), checked.clean, before)
    assert exc.value.message == f"渝A8D2Q7不能选号：{why}。" and exc.value.field == "plate"
    counter_applications.refuse(env, clerk, aid, mark.serial_no, "申请人要求撤回")  # 退办: free again
    assert [v for _, v in applications.prepare(env, USED, aid).choices["plate"]] == ["渝A8D2Q7", "渝AD12345"]


def test_an_exempt_mark_under_way_refuses_it_too_and_alone_before_the_form(env: Env, people) -> None:
    """免检车申领检验标志 makes the same mark: 刘洋's 渝A12345, his only car, is refused before the form."""
    aid = account_id(env, people["driver_normal"])  # 刘洋
    transfer_in(env, "渝A12345", date(2026, 11, 20))
    mark = applications.submit(env, SERVICES["exempt_inspection_mark"], aid, {**MARK_FORM, "plate": "渝A12345"})
    with pytest.raises(DomainError) as exc:
        applications.prepare(env, USED, aid)
    assert exc.value.message.startswith("不能办理在用车选号：\n渝A12345 ")
    assert exc.value.message.endswith(
        f"：不能选号，该车有正在办理的免检车申领检验标志申请（业务流水号{mark.serial_no}），办结后方可申请在用车选号。")


def test_the_cars_own_number_typed_is_told_as_its_own_with_keeping_and_its_condition(env: Env, people) -> None:
    """Tester: 周杰 typed D12345 (渝AD12345's own number) under 自编自选 and read 「号牌号码渝AD12345已被使用
    或已被他人选用，请另选」: it is his car's; keeping it is 保留原号牌, or why this car may not keep it."""
    aid = account_id(env, people["two_cars"])
    with env.db.write() as s:
        s.scalars(select(Vehicle).where(Vehicle.plate == "渝A8D2Q7")).one().registered_on = date(2026, 3, 1)
    transfer_in(env, "渝A8D2Q7", date(2026, 11, 20))
    prepared = applications.prepare(env, USED, aid)
    form = {"plate": "渝AD12345", "way": "自编自选", "own_1": "d12345"}
    with pytest.raises(DomainError) as exc:
        applications.check(USED, form, prepared)
    assert problems_of(exc) == {"own_1": "渝AD12345是该车现用号牌；如需继续使用，请选择【保留原号牌】（该车登记满1年后"
                                         "过户（转入）的，自过户（转入）之日起2年内可以保留原号牌）"}
    with pytest.raises(DomainError) as exc:  # too new to keep it: why, not 保留原号牌
        applications.check(USED, {**form, "plate": "渝A8D2Q7", "own_0": "8D2Q7"}, prepared)
    assert problems_of(exc) == {"own_0": "渝A8D2Q7是该车现用号牌，自编自选须选择新的号牌号码；该车于2026-03-01登记，"
                                         "至过户（转入）日使用不满1年，不能保留原号牌，请选择新号牌号码"}


def test_a_car_with_no_transfer_on_record_chooses_no_number(env: Env, people) -> None:
    """Tester: 渝A8D2Q7, registered new to 周杰 (登记日期2015-06-19, no 过户), got a new number with a
    过户日期 he typed (2026-11-20). The day and the 业务类型 are the record's; a car without one is refused."""
    aid = account_id(env, people["two_cars"])
    prepared = applications.prepare(env, USED, aid)
    assert [v for _, v in prepared.choices["plate"]] == ["渝AD12345"]  # its 过户 on record, the demo's
    assert "渝A8D2Q7 吉利牌（小型汽车，登记日期2015-06-19）：不能选号，该车没有过户或转入记录，不能办理在用车选号。\n" in prepared.intro
    assert "渝AD12345 比亚迪牌（小型新能源汽车，登记日期2019-06-19，过户日期2025-10-27）：可以选号。\n" in prepared.intro
    assert {f.name for f in prepared.fields}.isdisjoint({"business", "moved_on"})
    with pytest.raises(DomainError) as exc:  # typed as before: not the citizen's to say
        applications.check(USED, {"plate": "渝A8D2Q7", "business": LOCAL, "moved_on": "2026-11-20",
                                  "way": "自编自选", "own_0": "8K2B6"}, prepared)
    assert problems_of(exc)["plate"] == "未查询到您名下该机动车，请重新选择"
    checked = applications.check(USED, {"plate": "渝AD12345", "way": "保留原号牌"}, prepared)
    assert checked.summary[1:3] == [("业务类型", LOCAL), ("过户（转入）日期", "2025-10-27")]
    with pytest.raises(DomainError) as exc:  # none: refused before the form
        applications.prepare(env, USED, account_id(env, people["driver_normal"]))  # 刘洋's 渝A12345
    assert exc.value.message.endswith("：不能选号，该车没有过户或转入记录，不能办理在用车选号。")
    from kiosk.db.models import Account
    with env.db.write() as s:  # the record gone meanwhile (a correction at the counter): refused at 提交
        s.scalars(select(Vehicle).where(Vehicle.plate == "渝AD12345")).one().transfer_in_on = None
    with pytest.raises(DomainError) as exc:
        with env.db.write() as s:
            USED.apply(s, env, s.get(Account, aid), checked.clean, prepared)
    assert exc.value.message == "渝AD12345不能选号：该车没有过户或转入记录，不能办理在用车选号。"


def test_each_car_in_the_list_is_a_sentence_and_the_option_fits_80_columns(env: Env, people) -> None:
    """Tester (周杰): the list before the form, and the refusal when no car may choose, ended each car
    mid-sentence (：不能选号，<why> without 。), unlike the other services' lists (渝...不能申请转籍：...。);
    and the 车辆 option, the list's whole line, was cut at 80x24 (过户日期2025-10-...). The option
    leaves out the 登记日期, which the list above it says."""
    aid = account_id(env, people["two_cars"])
    prepared = applications.prepare(env, USED, aid)
    listed = prepared.intro.split("您名下的机动车：\n")[1].splitlines()[:2]
    assert listed == ["渝A8D2Q7 吉利牌（小型汽车，登记日期2015-06-19）：不能选号，该车没有过户或转入记录，不能办理在用车选号。",
                      "渝AD12345 比亚迪牌（小型新能源汽车，登记日期2019-06-19，过户日期2025-10-27）：可以选号。"]
    assert prepared.choices["plate"] == [("渝AD12345 比亚迪牌（小型新能源汽车，过户日期2025-10-27）", "渝AD12345")]
    with pytest.raises(DomainError) as exc:  # none may: each line of the refusal ends as a sentence
        applications.prepare(env, USED, account_id(env, people["driver_normal"]))
    lines = exc.value.message.splitlines()
    assert lines[0] == "不能办理在用车选号：" and lines[1:] and all(line.endswith("。") for line in lines[1:])
