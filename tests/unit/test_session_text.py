"""What step 选择场次 says about its ranking (kiosk.ui.screens.booking.session_text): the note on what
计划 sums is said over the sessions it sums, not over an empty table (tester: 暂无排名 above an empty
list still read 计划为下列考试场次的计划人数之和)."""
from __future__ import annotations

from datetime import date, datetime, time

from kiosk.services import booking_query as bq
from kiosk.ui.screens.booking.session_text import hint_text, ranking_texts

SUM_NOTE = "计划为下列考试场次的计划人数之和"
AT = datetime(2026, 11, 20, 9, 30)


def _row() -> bq.SessionRow:
    fields = {name: None for name in bq.SessionRow.__dataclass_fields__}
    fields.update(exam_date=date(2026, 12, 7), start_time=time(8, 30), seats=20, applicants=3, priority_free=2)
    return bq.SessionRow(**fields)


def test_the_sum_note_goes_with_listed_sessions_only() -> None:
    listed = bq.SessionQuery([_row()], bq.RankingView(3, 20, AT, "首次预约科目二"))
    text, rule = ranking_texts(listed)
    assert text == "当前排名 3 / 计划 20，仅供参考" and SUM_NOTE in rule
    empty = bq.SessionQuery([], bq.RankingView(1, 0, AT, "首次预约科目二"))
    text, rule = ranking_texts(empty)
    assert text == "所选时间段和考场暂无考试计划名额，暂无排名"
    assert SUM_NOTE not in rule


def test_without_a_ranking_the_time_is_said_as_the_citizens_own() -> None:
    """Tester (陈晨, 2026-12-26 to 12-27): under 暂无排名 the lines 排序时间 and 依据 read as the basis
    of a ranking there is not. The time is still the citizen's, and the seed's rule speaks of that
    time only (以...为排序时间): both stay, said as what a ranking will be counted by."""
    empty = bq.SessionQuery([], bq.RankingView(1, 0, AT, "首次预约科目二考试的，以受理用户初次申领机动车驾驶证等业务的时间为排序时间"))
    text, rule = ranking_texts(empty)
    assert text == "所选时间段和考场暂无考试计划名额，暂无排名"
    assert rule.splitlines() == ["您本科目的排序时间：2026-11-20 09:30（有可预约的考试场次时按此时间排名）",
                                 "依据：首次预约科目二考试的，以受理用户初次申领机动车驾驶证等业务的时间为排序时间。"]
    assert "排名" not in rule.splitlines()[1]  # the rule line speaks of the time, not of a ranking
    listed = bq.SessionQuery([_row()], bq.RankingView(3, 20, AT, "首次预约科目二"))
    assert ranking_texts(listed)[1].startswith("排序时间：2026-11-20 09:30\n依据：首次预约科目二。")


def test_nothing_before_a_query_nor_for_priority() -> None:
    assert ranking_texts(None) == ("", "")
    assert ranking_texts(bq.SessionQuery([_row()], None)) == ("", "")


def test_an_empty_list_says_that_closed_sessions_are_not_listed() -> None:
    """Tester: 12-05's sessions, closed on their publication day, were simply not there; an older
    citizen kept querying them again."""
    said = hint_text(bq.SessionQuery([], None), True, 0, 0, "self", False)
    assert said.startswith("所选时间段内没有可预约的考试场次（已到预约结果公布日、截止预约的场次不列出），")
