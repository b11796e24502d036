"""Pilot: the counter's 办结 line gives the note the citizen is sent as the sentence the citizen reads
(网办进度, the message): with its one 。. It read 通知内容：行驶证已邮寄，请注意查收 (no 。) while the
citizen's 网办进度 said 行驶证已邮寄，请注意查收。; a note that ends with its 。 already gets no second one."""
from __future__ import annotations

import pytest
from sqlalchemy import select
from textual.widgets import DataTable

from kiosk.db.models import Message
from kiosk.services import applications
from kiosk.services.vehicle_reissue import VehicleLicenceReissue
from tests.app_helpers import apply_for
from tests.booking_helpers import account_id
from tests.ui.test_counter import _sign_in, counter_app
from tests.ui.test_counter_citizen_message import message
from tests.ui.counter_helpers import look_up, press

MAILED = "行驶证已邮寄，请注意查收"  # kiosk.services.vehicle_docs: a clause, sewn into longer texts
TWO = "证件已邮寄。请重新申领电子驾驶证。"  # as licence_replace's with the e-licence to apply for again


@pytest.mark.parametrize(("note", "said"), [(MAILED, f"{MAILED}。"), (TWO, TWO)])
async def test_the_finish_line_ends_with_one_full_stop(env, people, document_service, monkeypatch, note, said):
    p = people["driver_normal"]
    acc = account_id(env, p)
    if note == MAILED:
        serial = applications.submit(env, VehicleLicenceReissue(), acc, {
            "plate": "渝A12345", "reason": "遗失", "delivery": "邮寄", "address": "重庆市渝北区新南路1号"}).serial_no
    else:
        monkeypatch.setattr(document_service, "finish", lambda *_args: TWO)
        serial = apply_for(env, document_service, acc, "邮寄")
    app = counter_app(env)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, app)
        await look_up(pilot, p.id_number, "本人到窗口办理业务")
        table = app.screen.query_one("#apps", DataTable)
        table.move_cursor(row=table.get_row_index(serial))
        await press(pilot, "finish-app")
        await press(pilot, "answer-0")  # 已邮寄
        assert message(app).endswith(f"通知内容：{said}"), message(app)
    progress = next(a for a in applications.list_for(env, acc) if a.serial_no == serial)
    assert progress.events[-1].note == said  # the citizen's 网办进度 says the same
    with env.db.read() as s:
        inbox = s.scalars(select(Message).where(Message.account_id == acc, Message.channel == "inbox")
                          .order_by(Message.id.desc())).first()
        assert inbox.text.endswith(f"：{said}")  # and the message
