"""Counter services end to end on the demo database: 面签注册, unit accounts, phone reset, the
review queue, counter cancellation of a priority booking, exam plans, allocation and results
(one by one and from a CSV file with bad lines), and that each lands in the audit log."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from kiosk.config import ASSETS
from kiosk.db.models import Account, AuditEntry, ExamSession
from kiosk.domain.errors import DomainError, FieldErrors
from kiosk.domain.ids import uscc_check_char
from kiosk.services import (applications, counter_accounts, counter_audit, counter_bookings, counter_citizen,
                            counter_dashboard, counter_review, elicence, exam_admin, exam_admin_results, messaging)
from kiosk.services.booking_submit import BookingRequest
from kiosk.services.staff import StaffSession
from tests.booking_helpers import account_id, add_learners, book, sessions

CLERK = StaffSession("J1001", "王警官", ("counter",))
REVIEWER = StaffSession("J1002", "李审核", ("review",))
EXAMS = StaffSession("J1003", "赵考务", ("exam_admin",))


def _actions(env, actor: str) -> list[str]:
    with env.db.read() as s:
        return list(s.scalars(select(AuditEntry.action).where(AuditEntry.actor == actor).order_by(AuditEntry.id)))


def test_lookup_records_the_reason_and_shows_the_file(env, people) -> None:
    with pytest.raises(DomainError) as missing:
        counter_citizen.lookup(env, CLERK, people["driver_normal"].id_number, " ")
    assert missing.value.field == "reason"
    f = counter_citizen.lookup(env, CLERK, people["driver_normal"].id_number, "本人到窗口办理业务")
    assert f.found and f.name == "刘洋" and f.licence and f.vehicles[0].plate == "渝A12345"
    assert f.elicence == "未申领"
    with env.db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "citizen_lookup")).one()
    assert (entry.actor, entry.role, entry.account_id) == ("staff:J1001", "counter", f.account_id)
    assert "本人到窗口办理业务" in entry.detail and entry.terminal_id == "test-kiosk"
    unknown = counter_citizen.lookup(env, CLERK, "11010519491231002X", "面签注册")
    assert not unknown.found


def test_in_person_registration_holds_the_name_to_the_kiosks_rule(env, people) -> None:
    """面签注册 checks the name as 注册 does: an emoji or a letter is refused next to the field and
    nobody is registered; a minority name typed with ・ is kept with the ID card's ·."""
    for bad in ("王😀芳", "Wang芳"):
        with pytest.raises(DomainError) as err:
            counter_accounts.register_in_person(env, CLERK, bad, "11010519491231002X", "13800001111")
        assert (err.value.field, err.value.message) == ("name", "姓名只能包含汉字（少数民族姓名可含间隔号・）")
    with env.db.read() as s:
        assert s.scalar(select(Account).where(Account.id_number == "11010519491231002X")) is None
    done = counter_accounts.register_in_person(env, CLERK, "阿依古丽・买买提", "11010519491231002X", "13800001111")
    assert done.name == "阿依古丽·买买提"


def test_in_person_registration_needs_no_sms_code(env, people) -> None:
    p = people["new_user"]
    done = counter_accounts.register_in_person(env, CLERK, p.name, p.id_number, "13800001111")
    assert done.phone == "13800001111"
    with pytest.raises(DomainError) as again:  # said to the clerk, not the kiosk's 请直接登录
        counter_accounts.register_in_person(env, CLERK, p.name, p.id_number, "13800001111")
    assert again.value.message == counter_accounts.ALREADY_REGISTERED and again.value.field == "id_number"
    assert "群众可直接登录" in again.value.message and "重置绑定手机号" in again.value.message
    with env.db.read() as s:
        acc = s.scalar(select(Account).where(Account.id_number == p.id_number))
        assert acc.registered_via == "counter"
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "register")).one()
    assert entry.actor == "staff:J1001" and entry.detail == "窗口面签"
    with pytest.raises(DomainError):  # the kiosk path cannot claim a counter registration
        from kiosk.services import auth
        auth.complete_registration(env, auth.Applicant("林晓", "11010519491231002X", "13800001112"), "000000", "counter")


def test_unit_registration_checks_the_credit_code(env, people) -> None:
    agent = people["driver_normal"].id_number
    with pytest.raises(DomainError) as bad:
        counter_accounts.register_unit(env, CLERK, "重庆测试运输有限公司", "91500000MA5U000011", "13800002222",
                                       "委托书001", agent)
    assert bad.value.field == "credit_code"
    with pytest.raises(DomainError) as bad_agent:
        counter_accounts.register_unit(env, CLERK, "重庆测试运输有限公司", "91500000MA5U0000X0"[:17] + "0",
                                       "13800002222", "委托书001", "110108196711301866")
    assert bad_agent.value.field in ("credit_code", "agent_id")
    from kiosk.domain.ids import uscc_check_char
    code = "91500000MA5U00002" + uscc_check_char("91500000MA5U00002")
    done = counter_accounts.register_unit(env, CLERK, "重庆测试运输有限公司", code, "13800002222", "委托书001", agent)
    assert done.kind == "unit"
    assert "unit_register" in _actions(env, "staff:J1001")


def test_phone_reset_notifies_the_new_phone(env, people) -> None:
    aid = account_id(env, people["driver_normal"])
    counter_accounts.reset_phone(env, CLERK, aid, "13800003333")
    assert "绑定手机号" in messaging.outbox(env, "13800003333")[0].body
    assert messaging.inbox(env, aid)[0].title == "绑定手机号变更（已办结）"
    with pytest.raises(DomainError, match="相同"):
        counter_accounts.reset_phone(env, CLERK, aid, "13800003333")
    assert "phone_reset" in _actions(env, "staff:J1001")


def test_phone_reset_refusals_are_known_before_the_question(env, people) -> None:
    """check_new_phone refuses, before the clerk's question, what reset_phone refuses: another
    account's number (tester: only after 确认重置), the number bound now, a number that is none;
    reset_phone still checks another account's number itself, nothing bound or written."""
    aid, other = account_id(env, people["driver_normal"]), people["two_cars"].phone
    for typed, said in ((other, "该手机号码已绑定其他交管12123账户"),
                        (people["driver_normal"].phone, "新手机号与当前绑定的手机号相同"), ("1380000", "11")):
        with pytest.raises(DomainError, match=said) as refused:
            counter_accounts.check_new_phone(env, CLERK, aid, typed)
        assert refused.value.field == "new_phone"
    assert counter_accounts.check_new_phone(env, CLERK, aid, "138 0000 4444") == "13800004444"
    with pytest.raises(DomainError, match="已绑定其他"):
        counter_accounts.reset_phone(env, CLERK, aid, other)
    with env.db.read() as s:
        assert s.get(Account, aid).phone == people["driver_normal"].phone
    assert "phone_reset" not in _actions(env, "staff:J1001")


def test_review_queue_approve_and_reject(env, people) -> None:
    a, b = account_id(env, people["no_photo"]), account_id(env, people["violation"])
    first = elicence.apply_with_photo(env, a, "camera", ASSETS / "photos" / "camera_1.png")
    env.clock.advance(minutes=5)
    second = elicence.apply_with_photo(env, b, "upload", ASSETS / "photos" / "camera_2.png")
    queue = counter_review.queue(env, REVIEWER)
    assert [i.serial_no for i in queue] == [first.serial_no, second.serial_no]  # oldest first
    assert queue[0].pixels and len(queue[0].pixels) == counter_review.THUMB_ROWS
    counter_review.approve(env, REVIEWER, first.serial_no)
    counter_review.reject(env, REVIEWER, second.serial_no, counter_review.REJECT_REASONS[2])
    assert applications.list_for(env, a)[0].status == elicence.DONE
    assert "眼镜反光" in applications.list_for(env, b)[0].events[-1].note
    assert counter_review.queue(env, REVIEWER) == []
    assert {"photo_approved", "photo_rejected"} <= set(_actions(env, "staff:J1002"))


def _priority_booking(env, people):
    p = people["permit_expiring"]
    today = env.clock.now().date()
    rows = sessions(env, p, 2, f"{today + timedelta(days=3)}", f"{today + timedelta(days=20)}", priority=True)
    row = rows[0]
    done = book(env, p, BookingRequest(2, "priority", (row.id,)))
    return p, row, done


def test_counter_cancels_a_priority_booking_until_the_day_before(env, people) -> None:
    p, row, done = _priority_booking(env, people)
    aid = account_id(env, p)
    booking_id = next(b.id for b in counter_citizen.load(env, CLERK, aid).bookings if b.priority)
    with env.db.read() as s:
        taken_before = s.get(ExamSession, row.id).priority_taken
    env.clock.advance(days=(row.exam_date - env.clock.now().date()).days)  # exam day: too late
    with pytest.raises(DomainError, match="前一日"):
        counter_bookings.cancel(env, CLERK, aid, booking_id, "本人申请")
    env.clock.advance(days=-1)
    result = counter_bookings.cancel(env, CLERK, aid, booking_id, "本人申请")
    assert result.serial_no == done.serial_no
    with env.db.read() as s:
        assert s.get(ExamSession, row.id).priority_taken == taken_before - 1
    assert applications.list_for(env, aid)[0].status == "已取消"
    assert "exam_cancel_counter" in _actions(env, "staff:J1001")


def _form(**kw) -> exam_admin.SessionForm:
    base = dict(site_id=1, exam_date="2027-02-10", start_time="10:00", subject="1", classes="C1C2", seats="40",
                priority_quota="4", opens_on="2026-12-05", publish_on="2027-02-08")
    base.update(kw)
    return exam_admin.SessionForm(**base)


def test_exam_plan_rules(env) -> None:
    row = exam_admin.save_session(env, EXAMS, _form())
    assert row.seats == 40 and not row.allocated
    with pytest.raises(DomainError, match="10日") as late:
        exam_admin.save_session(env, EXAMS, _form(exam_date="2027-02-10", opens_on="2027-02-05",  # no plan that day
                                                  publish_on="2027-02-08", site_id=2))
    assert late.value.field == "opens_on"
    with pytest.raises(DomainError, match="考试日期已过") as past:  # today is 2026-12-01: not 过近
        exam_admin.save_session(env, EXAMS, _form(exam_date="2026-11-20", opens_on="2026-11-10",
                                                  publish_on="2026-11-15"))
    assert past.value.field == "exam_date"
    with pytest.raises(DomainError, match="重叠"):
        exam_admin.save_session(env, EXAMS, _form(start_time="11:00"))
    assert exam_admin.save_session(env, EXAMS, _form(start_time="14:00")).start_time.hour == 14
    typed = exam_admin.save_session(env, EXAMS, _form(exam_date="２０２７／２／１０", start_time="１８：００",
                                                      opens_on="2026年12月5日", publish_on="2027.2.8"))
    assert (str(typed.exam_date), str(typed.start_time)) == ("2027-02-10", "18:00:00")  # full-width, as written
    with env.db.write() as s:
        s.get(ExamSession, row.id).placed = 30
    with pytest.raises(DomainError, match="已安排"):
        exam_admin.save_session(env, EXAMS, _form(seats="20", session_id=row.id))
    assert exam_admin.save_session(env, EXAMS, _form(seats="50", session_id=row.id)).seats == 50
    with pytest.raises(DomainError) as bad_class:
        exam_admin.save_session(env, EXAMS, _form(classes="C9", start_time="17:30"))
    said = dict(bad_class.value.problems)  # the overlap with 18:00's session is told with it, at once
    assert "C1C2" in said["classes"] and "18:00开考" in said["start_time"]
    with pytest.raises(DomainError) as quota:
        exam_admin.save_session(env, EXAMS, _form(seats="5", priority_quota="6", start_time="17:30"))
    assert [f for f, _ in quota.value.problems] == ["start_time", "priority_quota"]
    assert {"exam_session_create", "exam_session_save"} <= set(_actions(env, "staff:J1003"))
    with env.db.read() as s:
        edits = list(s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "exam_session_save")))
    assert edits[-1].endswith("考位50 优先名额4 公布2027-02-08；已修改：考位数由40改为50")  # the old value is kept too
    exam_admin.save_session(env, EXAMS, _form(seats="50", session_id=row.id))
    with env.db.read() as s:
        assert s.scalars(select(AuditEntry.detail).order_by(AuditEntry.id.desc())).first().endswith("；未作修改")


def test_session_list_shows_where_the_plan_stands(env) -> None:
    row = exam_admin.save_session(env, EXAMS, _form())  # booking opens 2026-12-05, results 2027-02-08

    def state() -> str:
        return {r.id: r.state for r in exam_admin.list_sessions(env, EXAMS, "2027-02-10", "2027-02-10")}[row.id]

    assert (env.clock.now().date().isoformat(), state()) == ("2026-12-01", "未开放")
    env.clock.advance(days=4)  # 2026-12-05 09:00: the window opens at 09:00
    assert state() == "预约中"
    env.clock.advance(days=65)  # 2027-02-08: publication day, booking closed, not yet allocated
    assert state() == "待安排"
    env.clock.advance(days=1)  # 2027-02-09: its publication day has passed and nobody ran it
    assert state() == "逾期"
    exam_admin_results.run_allocation(env, EXAMS, "2027-02-08")
    assert state() == "已安排"


def test_allocation_results_and_csv_import_with_bad_lines(env, tmp_path) -> None:
    p, p2 = add_learners(env, 2)
    today = env.clock.now().date()
    row = sessions(env, p, 2, f"{today + timedelta(days=11)}", f"{today + timedelta(days=20)}")[0]
    for person in (p, p2):
        book(env, person, BookingRequest(2, "self", (row.id,)))
    publish = row.exam_date - timedelta(days=2)
    env.clock.advance(days=(publish - env.clock.now().date()).days)
    report = exam_admin_results.run_allocation(env, EXAMS, f"{publish}")
    assert report.placed >= 2
    env.clock.advance(days=3)
    r = exam_admin_results.record_one(env, EXAMS, p.id_number, "2", "95")
    assert r.passed
    with pytest.raises(DomainError, match="最近一次科目二预约的考试已结束"):  # not "没有已安排的科目二考试"
        exam_admin_results.record_one(env, EXAMS, p.id_number, "2", "80")
    csv_file = exam_admin_results.import_folder(env) / "results.csv"
    csv_file.write_text("身份证号码,科目,成绩\n"
                        f"{p2.id_number},科目二,缺考\n"
                        "110108196711301866,2,90\n"
                        f"{p2.id_number},9,90\n"
                        f"{p.id_number},2,abc\n"
                        "\n"
                        f"{p.id_number},2\n", encoding="utf-8")
    seen = []
    report = exam_admin_results.import_csv(env, EXAMS, str(csv_file), lambda d, t: seen.append((d, t)))
    assert (report.total, report.saved) == (5, 1)
    assert [e.line for e in report.errors] == [3, 4, 5, 7]
    assert seen[-1] == (5, 5)
    with pytest.raises(DomainError) as missing:
        exam_admin_results.import_csv(env, EXAMS, str(tmp_path / "none.csv"))
    assert missing.value.field == "csv_path"
    actions = _actions(env, "staff:J1003")
    assert {"exam_allocate", "exam_result", "exam_results_import"} <= set(actions)


@pytest.mark.parametrize("score", ["101", "-1", "abc", "9０"])
def test_a_score_out_of_range_is_named_before_the_candidate_is_looked_up(env, people, score) -> None:
    """No booking to record for, and a wrong score: the form's own mistake is named, next to 成绩."""
    p = people["new_user"]
    if score == "9０":  # full-width digits are the same number (kiosk.domain.typed)
        with pytest.raises(DomainError) as no_booking:
            exam_admin_results.record_one(env, EXAMS, p.id_number, "1", score)
        assert no_booking.value.field != "score"
        return
    with pytest.raises(DomainError) as refused:
        exam_admin_results.record_one(env, EXAMS, p.id_number, "1", score)
    assert (refused.value.message, refused.value.field) == ("成绩须为0到100的整数，缺考请填写：缺考", "score")


def test_csv_import_reads_only_the_import_folder_and_usb_media(env, tmp_path) -> None:
    """A typed path never reaches the kiosk's own files (the e-licence signing key) or the system's:
    the refusal is the same whether the file exists or not, and nothing of it is shown."""
    outside = exam_admin_results.outside_imports(env)
    key = tmp_path / "keys" / "signing.key.pem"
    key.parent.mkdir(exist_ok=True)
    key.write_text("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA\n-----END PRIVATE KEY-----\n")
    folder = exam_admin_results.import_folder(env)
    (folder / "via-link.csv").symlink_to(key)  # a link out of the folder is followed, then refused
    for typed in (str(key), "/etc/passwd", "/etc/no-such-file", str(folder / ".." / "keys" / "signing.key.pem"),
                  "via-link.csv"):
        with pytest.raises(DomainError) as refused:
            exam_admin_results.import_csv(env, EXAMS, typed)
        assert (refused.value.message, refused.value.field) == (outside, "csv_path"), typed
    (folder / "notes.pem").write_text("x,2,90\n")
    with pytest.raises(DomainError, match="只能导入CSV文件"):
        exam_admin_results.import_csv(env, EXAMS, str(folder / "notes.pem"))
    with pytest.raises(DomainError, match="这是一个文件夹"):
        exam_admin_results.import_csv(env, EXAMS, str(folder))
    (folder / "r.csv").write_text("110108196711301866,2,90\n", encoding="utf-8")
    report = exam_admin_results.import_csv(env, EXAMS, "r.csv")  # a bare name: in the import folder
    assert report.total == 1 and report.errors[0].line == 1


def test_dashboard_counts_the_week(env) -> None:
    board = counter_dashboard.dashboard(env, CLERK)
    assert len(board.per_day) == counter_dashboard.DAYS
    assert board.rows and board.totals[0] > 0
    chart = counter_dashboard.bar_chart(board.per_day)
    assert len(chart) == counter_dashboard.DAYS


def test_admin_audit_search_filters(env, people) -> None:
    counter_citizen.lookup(env, CLERK, people["driver_normal"].id_number, "本人到窗口办理业务")
    admin = StaffSession("A0001", "孙管理", ("admin", "counter", "review", "exam_admin"))
    rows = counter_audit.search(env, admin, counter_audit.AuditFilter(
        staff_no="J1001", citizen_id=people["driver_normal"].id_number, action="lookup",
        date_from="2026-12-01", date_to="2026-12-01"))
    assert len(rows) == 1 and rows[0].action == "citizen_lookup"
    by_name = counter_audit.search(env, admin, counter_audit.AuditFilter(staff_no="J1001", action="群众档案"))
    assert [r.action for r in by_name] == ["citizen_lookup"]
    assert counter_audit.search(env, admin, counter_audit.AuditFilter(date_from="2026-12-02")) == []
    with pytest.raises(DomainError):
        counter_audit.search(env, admin, counter_audit.AuditFilter(date_from="2026-13-01"))


def test_the_audit_searchs_own_entry_names_the_dates_asked(env) -> None:
    """No date given reads 日期：全部 (it read 日期：至); one given, from or up to it."""
    admin = StaffSession("A0001", "孙管理", ("admin",))
    asked = [("", ""), ("2026-12-01", ""), ("", "2026-12-31"), ("2026-11-01", "2026-12-31"), ("2026-12-01", "2026-12-01")]
    for start, end in asked:
        counter_audit.search(env, admin, counter_audit.AuditFilter(date_from=start, date_to=end))
    with env.db.read() as s:
        details = list(s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "audit_search")
                                 .order_by(AuditEntry.id)))
    assert [d.split("；")[-1] for d in details] == [
        "日期：全部", "日期：2026-12-01起", "日期：截至2026-12-31", "日期：2026-11-01至2026-12-31", "日期：2026-12-01"]
    assert details[0] == "工号：全部；群众：全部；操作：全部；日期：全部"


def test_unit_registration_tells_every_wrong_field_at_once(env, people) -> None:
    """A bad credit code and a bad agent ID: both said at once, not the agent's after resubmitting
    (tester); a one-letter 委托书编号 is no number."""
    with pytest.raises(FieldErrors) as bad:
        counter_accounts.register_unit(env, CLERK, "重庆测试运输有限公司", "91500000MA5U000011", "13800002222",
                                       "x", "500103198503171232")
    assert [f for f, _ in bad.value.problems] == ["credit_code", "authorisation_ref", "agent_id"]
    assert "委托书编号至少4个" in dict(bad.value.problems)["authorisation_ref"]


def test_unit_registration_takes_an_authorisation_ref_of_four_letters_or_digits(env, people) -> None:
    agent = people["driver_normal"].id_number
    code = "91500000MA5U00002" + uscc_check_char("91500000MA5U00002")
    for short in ("x", "A1-2", "（一）"):
        with pytest.raises(DomainError) as bad:
            counter_accounts.register_unit(env, CLERK, "重庆测试运输有限公司", code, "13800002222", short, agent)
        assert (bad.value.field, bad.value.message) == (
            "authorisation_ref", "委托书编号至少4个字母、数字或汉字，请按委托书填写")
    assert counter_accounts.register_unit(env, CLERK, "重庆测试运输有限公司", code, "13800002222", "WT01", agent)


def test_the_units_file_masks_its_agents_id_number(env, people) -> None:
    """为群众办理 after 单位用户注册 printed 代理人：500103198503171231 in full (tester)."""
    from kiosk.ui.screens.counter.citizen_summary import summary_text

    agent = people["driver_normal"].id_number
    code = "91500000MA5U00002" + uscc_check_char("91500000MA5U00002")
    done = counter_accounts.register_unit(env, CLERK, "重庆测试运输有限公司", code, "13800002222", "委托书001", agent)
    text = summary_text(counter_citizen.load(env, CLERK, done.account_id)).plain
    assert f"代理人：{agent[:4]}**********{agent[-4:]}  委托书：委托书001" in text
    assert agent not in text
