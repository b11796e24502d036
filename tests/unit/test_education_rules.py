"""学法减分 and 驾驶人审验教育 rules (kiosk.domain.points, points_study, review_education)."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.domain import points_study as study
from kiosk.domain import review_education as review
from kiosk.domain.licence import city_of_authority
from kiosk.domain.points import DriverFacts, cycle_of, probation_ends, probation_last_day
from kiosk.services.workdays import work_calendar

TODAY = date(2026, 12, 3)
FIRST = date(2020, 10, 24)
NONE = (0, 0)  # 满分教育 records in this and the last 记分周期


def facts(**kw) -> DriverFacts:  # type: ignore[no-untyped-def]
    base = {"classes": ("C1",), "status": "A", "points": 4, "first_issued_on": FIRST}
    return DriverFacts(**{**base, **kw})


# 记分周期 and 实习期 ------------------------------------------------------------------------

def test_the_cycle_runs_from_the_first_licence_date() -> None:
    assert cycle_of(FIRST, TODAY) == (date(2026, 10, 24), date(2027, 10, 24))
    assert cycle_of(FIRST, date(2026, 10, 23)) == (date(2025, 10, 24), date(2026, 10, 24))
    assert cycle_of(FIRST, date(2026, 10, 24))[0] == date(2026, 10, 24)
    # 2月29日: the cycle starts on 3月1日 in a common year
    assert cycle_of(date(2024, 2, 29), date(2026, 3, 5)) == (date(2026, 3, 1), date(2027, 3, 1))
    assert cycle_of(date(2024, 2, 29), date(2026, 2, 28)) == (date(2025, 3, 1), date(2026, 3, 1))


def test_probation_is_the_first_twelve_months() -> None:
    assert probation_ends(date(2026, 10, 24)) == date(2027, 10, 24)
    assert probation_last_day(date(2026, 10, 24)) == date(2027, 10, 23)  # 唐宁: said as its last day
    assert probation_last_day(date(2024, 2, 29)) == date(2025, 2, 28)


# 学法减分 -----------------------------------------------------------------------------------

def test_a_driver_with_a_few_points_may_apply() -> None:
    assert study.refusal(facts(), TODAY, reduced=0, full_scores=NONE) is None
    assert study.refusal(facts(points=1), TODAY, reduced=5, full_scores=NONE) is None
    assert study.refusal(facts(points=11), TODAY, reduced=0, full_scores=NONE) is None
    assert study.refusal(facts(), TODAY, reduced=0, full_scores=(1, 1)) is None  # one in each: not excluded


@pytest.mark.parametrize(("full_scores", "said"), [
    ((2, 0), "本记分周期内有2次满分教育记录，不能申请学法减分"),
    ((0, 2), "上一个记分周期内有2次满分教育记录，不能申请学法减分"),
    ((3, 2), "本记分周期内有3次满分教育记录，不能申请学法减分"),
])
def test_two_full_scores_in_this_or_the_last_cycle_exclude(full_scores, said) -> None:  # type: ignore[no-untyped-def]
    assert study.refusal(facts(), TODAY, reduced=0, full_scores=full_scores) == said  # L163 Art 26


@pytest.mark.parametrize(("kw", "reduced", "pending", "words"), [
    ({"points": 0}, 0, None, "本记分周期没有记分记录，"),  # as 审验教育 and 延期审验 say it (tester)
    ({"points": 12}, 0, None, "已满12分"),
    ({"status": "B", "points": 12}, 0, None, "满分教育"),
    ({"first_issued_on": date(2026, 3, 1)}, 0, None, "实习期内（至2027年2月28日）"),
    ({"first_issued_on": date(2026, 10, 24)}, 0, None, "实习期内（至2027年10月23日），不能申请学法减分；实习期与本记分周期同日届满，届满时本记分周期的记分予以清除"),
    ({"status": "S"}, 0, None, "逾期未审验"),
    ({"status": "D"}, 0, None, "暂扣期间"),
    ({"status": "K"}, 0, None, "扣押期间"),
    ({"status": "U"}, 0, None, "扣留期间"),
    ({"status": "F"}, 0, None, "吊销"),
    ({"status": "G"}, 0, None, "注销"),
    ({"status": "H"}, 0, None, "违法未处理"),
    ({"status": "I"}, 0, None, "事故未处理"),
    ({"overdue_plates": ("渝A9K006",)}, 0, None, "渝A9K006超过检验有效期"),
    ({}, 6, None, "已达每个记分周期6分的上限"),
    ({}, 2, "网上学习", "学法减分申请（网上学习）正在受理中，学习考试合格并办结后才能再次申请"),
    ({}, 2, "公益网点", "学法减分申请（公益网点）正在受理中，公示期满并办结后才能再次申请"),
])
def test_refusals_say_why(kw, reduced, pending, words) -> None:  # type: ignore[no-untyped-def]
    reason = study.refusal(facts(**kw), TODAY, reduced=reduced, pending=pending, full_scores=NONE)
    assert reason is not None and words in reason


def test_probation_ends_on_its_anniversary() -> None:
    first = date(2025, 12, 3)
    assert study.refusal(facts(first_issued_on=first), date(2026, 12, 2), 0, full_scores=NONE) is not None
    assert study.refusal(facts(first_issued_on=first), date(2026, 12, 3), 0, full_scores=NONE) is None


def test_the_counter_finishes_by_the_way_chosen() -> None:
    assert study.finish_way_problem("网上学习", "学习考试合格") is None
    assert study.finish_way_problem("公益网点", "公益活动公示期满") is None
    assert "网上学习" in (study.finish_way_problem("网上学习", "公益活动公示期满") or "")


# 驾驶人审验教育 -----------------------------------------------------------------------------

def test_large_vehicle_drivers_with_points_take_review_education() -> None:
    assert review.refusal(facts(classes=("B2",), points=3), False, False) is None
    assert review.refusal(facts(classes=("A2", "D"), points=10), False, False) is None


@pytest.mark.parametrize(("kw", "done", "pending", "words"), [
    ({"classes": ("C1",)}, False, False, "无需参加审验教育"),
    ({"classes": ("B2",), "points": 0}, False, False, "免予本记分周期审验"),
    ({"classes": ("B2",), "points": 12, "status": "B"}, False, False, "满分教育"),
    ({"classes": ("B2",), "status": "F"}, False, False, "吊销"),
    ({"classes": ("B2",)}, True, False, "已完成"),
    ({"classes": ("B2",)}, False, True, "正在受理中"),
])
def test_review_refusals_say_why(kw, done, pending, words) -> None:  # type: ignore[no-untyped-def]
    reason = review.refusal(facts(**kw), done, pending)
    assert reason is not None and words in reason


def test_nine_points_or_more_only_on_site() -> None:
    assert review.ways(8) == ("现场教育", "网络教育")
    assert review.ways(9) == ("现场教育",)
    assert review.ways(11) == ("现场教育",)


def test_review_is_due_30_days_after_the_cycle() -> None:
    assert review.review_due(FIRST, TODAY) == date(2027, 11, 22)


def test_sessions_follow_the_weekly_schedule() -> None:
    schedule = {"渝中车管所": [{"weekdays": [1, 3], "start": "09:00", "end": "12:00"}],
                "沙坪坝车管所": [{"weekdays": [3], "start": "14:00", "end": "17:00"}]}
    found = review.sessions(schedule, TODAY, 7, work_calendar())  # 2026-12-03 is a Thursday
    assert [(s.office, s.day) for s in found] == [
        ("渝中车管所", date(2026, 12, 7)), ("渝中车管所", date(2026, 12, 9)), ("沙坪坝车管所", date(2026, 12, 9))]
    assert found[0].label == "12月7日 周一 09:00-12:00 渝中车管所"
    assert found[0].key == "2026-12-07 09:00-12:00 渝中车管所"
    assert review.sessions(schedule, TODAY, 0, work_calendar()) == []


WEEKDAYS = {"渝中车管所": [{"weekdays": [1, 2, 3, 4, 5], "start": "09:00", "end": "12:00"}]}


def test_no_sessions_on_public_holidays() -> None:
    days = [s.day for s in review.sessions(WEEKDAYS, date(2026, 9, 24), 14, work_calendar())]
    # 中秋 2026-09-25 and 国庆 10-01..10-07 are holidays; 09-28..09-30 and 10-08 are working days
    assert days == [date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30), date(2026, 10, 8)]
    days = [s.day for s in review.sessions(WEEKDAYS, date(2026, 12, 25), 10, work_calendar())]
    assert date(2027, 1, 1) not in days  # 元旦
    assert days == [date(2026, 12, 28), date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31),
                    date(2027, 1, 4)]


def test_the_city_of_the_issuing_authority() -> None:
    assert city_of_authority("重庆市公安局交通管理局", ["连云港", "重庆"]) == "重庆"
    assert city_of_authority("某市公安局", ["重庆"]) is None


def test_the_counter_finishes_review_education_by_way_and_not_before_the_session() -> None:
    day = date(2026, 12, 7)
    assert review.finish_problem("现场教育", "已完成现场教育", day, day) is None
    assert "场次结束后才能办结" in (review.finish_problem("现场教育", "已完成现场教育", day, TODAY) or "")
    assert "办结方式应为：已完成网络学习" in (review.finish_problem("网络教育", "已完成现场教育", None, TODAY) or "")
    assert review.finish_problem("网络教育", "已完成网络学习", None, TODAY) is None
    applied = datetime(2026, 12, 3, 9, 36)  # 3 hours of study at least (RULES: >= 3 hours)
    early = review.finish_problem("网络教育", "已完成网络学习", None, TODAY, applied, datetime(2026, 12, 3, 10, 30))
    assert early == "网络教育须累计学习不少于3小时，申请时间为2026-12-03 09:36，最早可于2026-12-03 12:36办结"
    assert review.finish_problem("网络教育", "已完成网络学习", None, TODAY, applied, datetime(2026, 12, 3, 12, 36)) is None
    # and within at most 3 days (RULES: at most 3 days), as 学法减分's 网上学习, in the same words
    assert review.finish_problem("网络教育", "已完成网络学习", None, TODAY, applied, datetime(2026, 12, 6, 9, 36)) is None
    late = review.finish_problem("网络教育", "已完成网络学习", None, TODAY, applied, datetime(2026, 12, 6, 9, 37))
    assert late == ("网络教育须在申请后3日内完成，申请时间为2026-12-03 09:36，已于2026-12-06 09:36超过期限，"
                    "不能办结。请退办，本人可重新申请")
    # 现场教育: on its day, not before the session has ended (education tester: closed at 08:00 for 09:00)
    day, ends = date(2026, 12, 7), datetime(2026, 12, 7, 12, 0)
    assert review.finish_problem("现场教育", "已完成现场教育", day, day, applied, datetime(2026, 12, 7, 8, 0), ends) == (
        "现场教育场次于2026-12-07 12:00结束，结束后才能办结")
    assert review.finish_problem("现场教育", "已完成现场教育", day, day, applied, ends, ends) is None


def test_study_is_finished_no_earlier_than_its_least_time() -> None:
    applied = datetime(2026, 12, 3, 10, 0)
    assert study.earliest_finish("网上学习", applied) == datetime(2026, 12, 3, 10, 30)
    assert study.earliest_finish("公益网点", applied) == datetime(2026, 12, 5, 10, 0)
    early = study.too_early("网上学习", applied, datetime(2026, 12, 3, 10, 1))
    assert early is not None and "学满30分钟" in early and "最早可于2026-12-03 10:30办结" in early
    assert study.too_early("网上学习", applied, datetime(2026, 12, 3, 10, 30)) is None
    early = study.too_early("公益网点", applied, datetime(2026, 12, 5, 9, 59))
    assert early is not None and "公示2天" in early and "最早可于2026-12-05 10:00办结" in early
    assert study.too_early("公益网点", applied, datetime(2026, 12, 5, 10, 0)) is None


def test_online_study_is_finished_within_its_3_days() -> None:
    applied = datetime(2026, 12, 3, 10, 0)
    assert study.too_late("网上学习", applied, datetime(2026, 12, 6, 10, 0)) is None  # the last moment
    late = study.too_late("网上学习", applied, datetime(2026, 12, 6, 10, 1))
    assert late == ("网上学习须在申请后3日内完成，申请时间为2026-12-03 10:00，已于2026-12-06 10:00超过期限，"
                    "不能办结。请退办，本人可重新申请")  # the same words as before they were shared
    assert study.too_late("公益网点", applied, datetime(2027, 1, 3, 10, 0)) is None  # no such limit there
