"""驾驶证补换领 and 延期 rules (kiosk.domain.licence_renewal, kiosk.domain.licence_delay)."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.licence_delay import (KINDS, delay_notes, lapsed_status, latest_until, until_refusal, window_refusal,
                                       with_status, without_status)
from kiosk.domain.licence_renewal import (add_months, certificate_refusal, closed_refusal, next_validity,
                                          reissue_refusal, renewal_refusal, validity_text, years_between)

TODAY = date(2026, 12, 1)
RENEWAL, MEDICAL, REVIEW = KINDS
POINTS = {"points": 3, "status": "A"}  # a driver with points in this cycle: the 审验 is due


@pytest.mark.parametrize("status", ["E", "F", "G", "C", "L", "J", "HF"])
def test_a_closed_licence_gets_no_service(status):
    assert "不能办理此业务" in (closed_refusal(status) or "")


@pytest.mark.parametrize("status", ["A", "H", "HI", "B", "M", "N", "D", "U"])
def test_other_statuses_are_open(status):
    assert closed_refusal(status) is None


@pytest.mark.parametrize("status, name, ends", [("D", "暂扣", "期满"), ("K", "扣押", "解除"), ("U", "扣留", "解除"),
                                                ("HU", "扣留", "解除")])
def test_no_reissue_while_the_card_is_held_and_what_to_do_then(status, name, ends):
    """The refusal says what to do next (tester: 驾驶证处于暂扣期间，不能申请补领 said nothing of it)."""
    assert reissue_refusal(status) == f"驾驶证处于{name}期间，不能申请补领，{name}{ends}后可申请补领，或到车管所窗口咨询"
    assert reissue_refusal(status, next_step=False) == f"驾驶证处于{name}期间，不能申请补领"  # the counter's


@pytest.mark.parametrize("status", ["A", "H", "B", "M"])
def test_reissue_otherwise(status):
    assert reissue_refusal(status) is None


def test_renewal_window_opens_90_days_before_expiry():
    valid_to = date(2027, 3, 1)
    assert renewal_refusal(date(2026, 12, 1), valid_to) is None  # 90 days before
    refusal = renewal_refusal(date(2026, 11, 30), valid_to)
    assert refusal is not None and "2026-12-01起" in refusal and "90日" in refusal
    assert renewal_refusal(valid_to, valid_to) is None


def test_renewal_after_expiry_only_within_a_year():
    valid_to = date(2025, 12, 1)
    assert renewal_refusal(date(2026, 12, 1), valid_to) is None
    assert "超过一年" in (renewal_refusal(date(2026, 12, 2), valid_to) or "")
    assert renewal_refusal(date(2028, 6, 1), valid_to, delayed=True) is None  # 延期换证 granted


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(date(2026, 6, 15), 6) == date(2026, 12, 15)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 1), -6) == date(2026, 6, 1)


def test_certificate_valid_six_months():
    assert certificate_refusal(date(2026, 6, 1), TODAY) is None  # the last valid day
    old = certificate_refusal(date(2026, 5, 31), TODAY)
    assert old is not None and "6个月" in old and "2026-11-30" in old
    assert certificate_refusal(date(2026, 12, 2), TODAY) == "体检日期不能晚于今天"
    assert certificate_refusal(TODAY, TODAY) is None


def test_validity_6_then_10_then_long_term():
    assert years_between(date(2020, 2, 29), date(2026, 3, 1)) == 6
    assert next_validity(date(2021, 1, 31), date(2027, 1, 31)) == (date(2027, 1, 31), date(2037, 1, 31))
    assert next_validity(date(2017, 1, 31), date(2027, 1, 31)) == (date(2027, 1, 31), None)
    assert validity_text(None) == "长期" and validity_text(date(2037, 1, 31)) == "2037-01-31"


def test_a_full_score_in_the_period_repeats_its_length():
    assert next_validity(date(2021, 1, 31), date(2027, 1, 31), True) == (date(2027, 1, 31), date(2033, 1, 31))
    assert next_validity(date(2017, 1, 31), date(2027, 1, 31), True) == (date(2027, 1, 31), date(2037, 1, 31))


def test_delay_within_validity_or_a_year_after():
    assert window_refusal(TODAY, date(2030, 1, 1)) is None
    assert window_refusal(TODAY, date(2025, 12, 1)) is None
    refusal = window_refusal(TODAY, date(2025, 11, 30))
    assert refusal is not None and "2026-11-30以后" in refusal


def test_delay_at_most_three_years():
    # 延期换证 counts from the expiry date, the other two from today
    assert latest_until(TODAY, date(2027, 1, 10), RENEWAL) == date(2030, 1, 10)
    assert latest_until(TODAY, date(2026, 10, 1), RENEWAL) == date(2029, 10, 1)
    assert latest_until(TODAY, date(2030, 1, 10), MEDICAL) == date(2029, 12, 1)
    assert until_refusal(date(2029, 12, 1), TODAY, date(2030, 1, 10), REVIEW) is None
    refusal = until_refusal(date(2029, 12, 2), TODAY, date(2030, 1, 10), REVIEW)
    assert refusal == "延期最长不超过3年，截止日期最晚为2029-12-01"
    assert until_refusal(TODAY, TODAY, date(2030, 1, 10), REVIEW) == "延期截止日期须晚于今天"


def test_status_codes_added_and_removed():
    assert with_status("A", "N") == "N"
    assert with_status("H", "P") == "HP"
    assert with_status("HP", "P") == "HP"
    assert without_status("MN", "MN") == "A"
    assert without_status("HN", "MN") == "H"
    assert [k.status for k in KINDS] == ["N", "P", "T"]


# Tester reports (fix-licence) ------------------------------------------------------------------

def test_meaningful_chars_counts_letters_digits_and_cjk_only():
    from kiosk.domain.ids import meaningful_chars

    assert meaningful_chars("。。，，！") == 0
    assert meaningful_chars("！！！！！！") == 0
    assert meaningful_chars("。。。。。") == 0
    assert meaningful_chars(" - ,.!?（）【】") == 0
    assert meaningful_chars("重庆市渝北区新南路1号") == 11
    assert meaningful_chars("出国 work，２年") == 8


def test_an_expired_certificate_names_its_true_last_day():
    assert certificate_refusal(date(2026, 6, 2), date(2026, 12, 2)) is None  # 12-02 is still valid
    refusal = certificate_refusal(date(2026, 6, 2), date(2026, 12, 3))
    assert refusal is not None and "有效期至2026-12-02，已过期" in refusal and "已于" not in refusal


def test_reissue_of_a_licence_expired_over_a_year_goes_to_the_counter():
    from kiosk.domain.licence_renewal import overdue_refusal

    assert overdue_refusal(TODAY, date(2025, 12, 1)) is None
    assert "车管所窗口" in (overdue_refusal(TODAY, date(2025, 11, 30)) or "")
    assert overdue_refusal(TODAY, date(2025, 11, 30), delayed=True) is None


@pytest.mark.parametrize("valid_to", [date(2036, 10, 24), date(2027, 10, 22), date(2027, 3, 2), date(2027, 3, 1),
                                      date(2025, 12, 5)])
def test_a_renewal_delay_any_time_within_the_validity_or_the_year_after(valid_to):
    """RULES.md, L162 Art 75: 在驾驶证有效期内或有效期届满一年内 (tester: 周杰, valid to 2027-10-24 and
    leaving for two years of 服兵役, was told 尚未到换证时间 until 90 days before the expiry)."""
    from kiosk.domain.licence_delay import refusal

    assert refusal(RENEWAL, TODAY, valid_to, ("C1",), 38, **POINTS) is None


def test_a_renewal_delay_runs_beyond_the_expiry_and_at_most_3_years_after_it():
    valid_to = date(2027, 1, 30)
    assert "2027-01-30" in (until_refusal(valid_to, TODAY, valid_to, RENEWAL) or "")
    assert until_refusal(date(2026, 12, 20), TODAY, valid_to, RENEWAL) is not None
    assert until_refusal(date(2027, 1, 31), TODAY, valid_to, RENEWAL) is None
    assert until_refusal(date(2026, 12, 20), TODAY, valid_to, REVIEW) is None  # the others: from today
    far = date(2036, 10, 24)  # years before the expiry: still after it, and 3 years at most from it
    assert until_refusal(date(2036, 10, 24), TODAY, far, RENEWAL) is not None
    assert until_refusal(date(2039, 10, 24), TODAY, far, RENEWAL) is None
    assert until_refusal(date(2039, 10, 25), TODAY, far, RENEWAL) == "延期最长不超过3年，截止日期最晚为2039-10-24"


@pytest.mark.parametrize("classes, age, needed", [
    (("C1",), 46, False), (("C1", "E"), 69, False), (("C1",), 70, True), (("A2", "D"), 50, True),
    (("B2",), 30, True), (("N",), 40, True), (("P",), 40, True), (("A3",), 40, True)])
def test_a_medical_delay_only_for_those_who_must_give_the_certificate(classes, age, needed):
    from kiosk.domain.licence_delay import due_refusal

    refusal = due_refusal(MEDICAL, classes, age, **POINTS)
    assert (refusal is None) == needed
    if refusal:
        assert "无需" in refusal


@pytest.mark.parametrize("classes, needed", [(("C1",), False), (("N",), False), (("A1",), True),
                                             (("A2", "D"), True), (("B1",), True), (("B2",), True)])
def test_a_review_delay_only_for_the_classes_that_take_the_review(classes, needed):
    from kiosk.domain.licence_delay import due_refusal

    refusal = due_refusal(REVIEW, classes, 75, **POINTS)  # age does not matter here
    assert (refusal is None) == needed


@pytest.mark.parametrize("points, status, exempt", [(0, "A", True), (0, "S", False), (1, "A", False),
                                                   (0, "H", True)])
def test_a_review_delay_not_for_a_cycle_without_points_unless_the_review_is_overdue(points, status, exempt):
    """L162 Art 70: a cycle without points is 免予审验, so there is nothing to put off; a licence
    already 逾期未审验 (S) owes its 审验 whatever this cycle holds."""
    from kiosk.domain.licence_delay import due_refusal

    refusal = due_refusal(REVIEW, ("A2", "D"), 50, points=points, status=status)
    assert (refusal == "本记分周期没有记分记录，免予本记分周期审验，无需申请延期审验。") == exempt
    assert exempt or refusal is None
    assert due_refusal(MEDICAL, ("A2", "D"), 50, points=0, status="A") is None


def test_a_review_delay_reaches_past_this_cycles_review() -> None:
    due = date(2027, 12, 30)
    said = until_refusal(due, TODAY, date(2030, 1, 10), REVIEW, due)
    assert said == "延期审验的截止日期须晚于本记分周期的审验截止日期2027-12-30"
    assert until_refusal(date(2027, 12, 31), TODAY, date(2030, 1, 10), REVIEW, due) is None
    assert until_refusal(date(2027, 6, 30), TODAY, date(2030, 1, 10), REVIEW) is None  # overdue: no such date


def test_a_delay_lapses_into_its_overdue_status_the_day_after_it_ends() -> None:
    delays = {"N": date(2028, 6, 30), "P": date(2028, 1, 1)}
    assert lapsed_status("NP", delays, date(2027, 12, 31)) == "NP"
    assert lapsed_status("NP", delays, date(2028, 1, 2)) == "NR"
    assert lapsed_status("HNP", delays, date(2028, 7, 1)) == "HMR"
    assert lapsed_status("N", {}, date(2030, 1, 1)) == "N"  # no granted date known: left as it is
    assert lapsed_status("T", {"T": date(2028, 1, 1)}, date(2028, 1, 2)) == "S"
    # 我的驾驶证: running, then run out (also once the status has turned overdue), and nothing for a
    # delay the status no longer shows (the renewal done)
    assert delay_notes("N", delays, date(2028, 6, 30)) == ["延期换领驾驶证至2028-06-30，延期期间不得驾驶机动车"]
    assert delay_notes("M", delays, date(2028, 7, 1)) == ["延期换领驾驶证已于2028-06-30到期，请及时换领驾驶证"]
    assert delay_notes("A", delays, date(2028, 7, 1)) == []


def test_no_delay_of_what_an_application_under_way_is_doing() -> None:
    """延期审验 while a 审验教育 is 受理中 (the driver is taking the 审验), 延期换证 while a 期满换证 is."""
    from kiosk.domain.licence_delay import UNDER_WAY, under_way_refusal

    said = under_way_refusal(REVIEW, "2612010000000007")
    assert said is not None and said.startswith("您的驾驶人审验教育申请（业务流水号2612010000000007）正在办理，无需延期审验。")
    assert "车管所窗口撤回该申请" in said  # and what to do if the delay is needed all the same
    assert under_way_refusal(RENEWAL, "2612010000000008") == "您的期满换证申请（业务流水号2612010000000008）正在办理，无需延期换证。"
    assert under_way_refusal(REVIEW, None) is None and under_way_refusal(RENEWAL, None) is None
    assert under_way_refusal(MEDICAL, "2612010000000009") is None  # nothing under way puts off the certificate
    assert (UNDER_WAY["T"].kind, UNDER_WAY["T"].sub_kind) == ("review_education", None)
    assert (UNDER_WAY["N"].kind, UNDER_WAY["N"].sub_kind) == ("licence_replace", "renew")


def test_no_review_delay_once_this_cycles_review_education_is_finished() -> None:
    from kiosk.domain.licence_delay import done_refusal

    assert done_refusal(REVIEW, "2612030000000001", date(2026, 12, 3)) == (
        "本记分周期的驾驶人审验教育已完成（业务流水号2612030000000001，2026-12-03办结），无需延期审验。")
    assert done_refusal(REVIEW, None, None) is None
    assert done_refusal(MEDICAL, "2612030000000001", date(2026, 12, 3)) is None


@pytest.mark.parametrize("kind, classes, age, says", [
    (MEDICAL, ("C1",), 51, "无需每年提交身体条件证明"), (REVIEW, ("C1",), 51, "无需参加驾驶证审验"),
    (MEDICAL, ("B2",), 51, "有效期满一年后"), (MEDICAL, ("C1",), 70, "有效期满一年后"),
    (REVIEW, ("A1",), 51, "有效期满一年后"), (RENEWAL, ("C1",), 51, "有效期满一年后")])
def test_who_never_needs_the_delay_is_told_so_before_the_expiry_window(kind, classes, age, says):
    """A C1 driver whose licence expired over a year ago is not sent to the counter for a 延期体检 /
    延期审验 he needs at no time: the 无需申请 answer comes first; those who would need it hear of the window."""
    from kiosk.domain.licence_delay import refusal

    assert says in (refusal(kind, TODAY, date(2025, 10, 29), classes, age, **POINTS) or "")
    assert refusal(kind, TODAY, date(2026, 1, 1), ("A1",), 51, **POINTS) is None  # within the year: may apply


def test_a_delays_status_begins_when_what_it_puts_off_falls_due() -> None:
    """延期换证 the day after 有效期至 (刘洋, valid to 2036, was shown 延期换证 from 2026: tester), 延期审验
    the day after the 审验's last day; at once when that day has passed, and for 延期体检 (no due date kept)."""
    from kiosk.domain.licence_delay import begun_status, running_delays, starts_on

    far = date(2036, 10, 22)
    assert starts_on(RENEWAL, TODAY, far) == date(2036, 10, 23)
    assert starts_on(RENEWAL, TODAY, date(2026, 11, 1)) == TODAY  # expired already
    assert starts_on(RENEWAL, TODAY, TODAY) == date(2026, 12, 2)  # the last day of the validity
    assert starts_on(REVIEW, TODAY, far, date(2027, 11, 20)) == date(2027, 11, 21)
    assert starts_on(REVIEW, TODAY, far, None) == TODAY  # 逾期未审验: the 审验 was due already
    assert starts_on(MEDICAL, TODAY, far) == TODAY
    waiting = {"N": date(2036, 10, 23)}
    assert begun_status("A", waiting, date(2036, 10, 22)) == "A"
    assert begun_status("A", waiting, date(2036, 10, 23)) == "N"
    assert begun_status("H", waiting, date(2037, 1, 1)) == "HN"
    delays = {"N": date(2038, 6, 30)}
    # the card and the forms say a waiting delay beside 有效期至 as a running one
    assert running_delays("A", delays, TODAY) == {}
    assert running_delays("A", delays, TODAY, waiting) == delays
    assert delay_notes("A", delays, TODAY, waiting) == [
        "延期换领驾驶证至2038-06-30（自2036-10-23起），延期期间不得驾驶机动车"]
    assert delay_notes("A", delays, date(2036, 10, 23), waiting) == [  # its day come, before a sign-in
        "延期换领驾驶证至2038-06-30，延期期间不得驾驶机动车"]


def test_status_text_takes_a_text_after_each_code() -> None:
    from kiosk.domain.licence import status_text
    from kiosk.domain.licence_delay import delayed_to_text

    assert delayed_to_text(date(2028, 6, 30)) == "（延期至2028-06-30）"
    assert status_text("PT", {"T": delayed_to_text(date(2028, 3, 15))}) == "延期体检、延期审验（延期至2028-03-15）"
    assert status_text("HI") == "违法未处理、事故未处理" and status_text("") == "正常"
