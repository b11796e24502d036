"""满分学习考试 (L163 Art 18-22): who may apply, the days (7 or 30 for A/B, more per full score),
the 现场/网络 split, and the sessions matching the 现场 days, one a day."""
from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain import full_score as rules
from kiosk.domain.errors import DomainError, FieldErrors
from kiosk.domain.points import DriverFacts
from kiosk.domain.review_education import EducationSession

FIRST = date(2015, 3, 1)


def facts(points: int, status: str = "A", classes: tuple[str, ...] = ("C1",)) -> DriverFacts:
    return DriverFacts(classes, status, points, FIRST)


@pytest.mark.parametrize(("classes", "times", "total", "taught", "on_site", "self_study"), [  # the default split
    (("C1",), 1, 7, 5, 2, 2),
    (("C1", "E"), 2, 14, 5, 2, 9),
    (("A2", "D"), 1, 30, 10, 5, 20),
    (("B2",), 2, 60, 10, 5, 50),
    (("A1",), 3, 90, 10, 5, 80),
])
def test_the_days_of_one_full_score_education(classes, times, total, taught, on_site, self_study):
    p = rules.plan(classes, times)
    assert (p.total, p.min_taught, p.min_on_site) == (total, taught, on_site)
    assert p.default_split() == (on_site, taught - on_site)
    assert p.self_study(*p.default_split()) == self_study


@pytest.mark.parametrize(("points", "finished", "times"), [(12, 0, 1), (13, 0, 1), (24, 0, 2), (12, 1, 2), (0, 1, 2)])
def test_full_scores_are_counted_from_finished_educations_and_the_points(points, finished, times):
    assert rules.full_scores(points, finished) == times


def test_only_a_driver_with_12_points_or_status_b_may_apply():
    assert rules.refusal(facts(12)) is None
    assert rules.refusal(facts(3, "B")) is None
    assert "累积记分11分，未满12分" in (rules.refusal(facts(11)) or "")
    assert "吊销" in (rules.refusal(facts(12, "F")) or "")



def test_a_driver_whose_full_score_education_this_cycle_is_finished_is_told_so():
    done = ("2612010000000001", date(2026, 12, 9))
    assert rules.refusal(facts(0), done) == ("本记分周期的满分教育已完成（业务流水号2612010000000001，2026年12月9日复核办结），"
                                             "无需再次申请。本记分周期再次累积记分满12分的，须再次参加满分教育")
    assert rules.refusal(facts(12), done) is None  # 12 again: a second one
    assert "累积记分3分，未满12分" in (rules.refusal(facts(3)) or "")


@pytest.mark.parametrize(("on_site", "online", "self_study"), [
    ("2", "3", 2), ("3", "2", 2), ("5", "0", 2), ("3", "3", 1), ("2", "5", 0), ("7", "0", 0)])
def test_five_to_seven_taught_days_with_two_on_site_are_taken(on_site, online, self_study):
    # tester: 3 + 3 was refused (合计应为5天); L163: 现场 + 网络 at least 5, 自主学习 the rest, possibly none
    p = rules.plan(("C1",), 1)
    assert rules.split(on_site, online, p) == (int(on_site), int(online))
    assert p.self_study(int(on_site), int(online)) == self_study


def test_too_few_on_site_days_is_said_next_to_the_on_site_field():
    with pytest.raises(DomainError) as err:
        rules.split("1", "4", rules.plan(("C1",), 1))
    assert (err.value.field, err.value.message) == ("on_site_days", "现场教育天数不得少于2天")


def test_too_few_on_site_days_and_a_wrong_sum_are_said_at_once():
    # tester: 1 + 9 said only 不得少于2天; the 合计 came after that was fixed
    with pytest.raises(FieldErrors) as err:
        rules.split("1", "9", rules.plan(("C1",), 1))
    assert err.value.problems == [
        ("on_site_days", "现场教育天数不得少于2天"),
        ("online_days", "现场教育和网络教育天数合计不得超过7天（现在为10天）：教育共7天，其余为自主学习"),
    ]


def test_a_b_classes_need_ten_taught_days_with_five_on_site():
    p = rules.plan(("B2",), 1)
    assert rules.split("5", "5", p) == (5, 5)
    with pytest.raises(DomainError, match="不得少于5天") as err:
        rules.split("4", "6", p)
    assert err.value.field == "on_site_days"
    assert rules.split("5", "25", p) == (5, 25)
    with pytest.raises(DomainError, match="合计不得少于10天（现在为8天）：教育共30天") as err:
        rules.split("5", "3", p)
    assert err.value.field == "online_days"


def test_fewer_taught_days_than_five_or_more_than_all_are_refused():
    p = rules.plan(("C1",), 1)
    with pytest.raises(DomainError, match="^现场教育和网络教育天数合计不得少于5天（现在为4天）：教育共7天，其余为自主学习$"):
        rules.split("2", "2", p)
    with pytest.raises(DomainError, match="^现场教育和网络教育天数合计不得超过7天（现在为8天）：教育共7天，其余为自主学习$"):
        rules.split("3", "5", p)
    assert rules.split("3", "11", rules.plan(("C1",), 2)) == (3, 11)  # twice: 14 days


def test_the_self_study_note_follows_the_typed_days():
    p = rules.plan(("C1",), 1)
    assert rules.self_study_note(p, "2", "3") == "自主学习天数：2天（教育共7天减去现场教育和网络教育天数，不可单独填写）"
    assert rules.self_study_note(p, "3", "4").startswith("自主学习天数：0天（")
    assert rules.self_study_note(p, "3", "") == "自主学习天数：教育共7天减去现场教育和网络教育天数，不可单独填写"


def test_bad_numbers_are_each_said_next_to_their_field():
    with pytest.raises(FieldErrors) as err:
        rules.split("", "x", rules.plan(("C1",), 1))
    assert err.value.problems == [("on_site_days", "请填写现场教育天数"), ("online_days", "网络教育天数请填写整数（如2）")]
    with pytest.raises(DomainError, match="请填写整数"):
        rules.split("2.5", "3", rules.plan(("C1",), 1))  # full-width digits are taken (below), fractions not


def test_online_days_left_empty_are_none_when_the_on_site_days_make_the_total():
    p = rules.plan(("C1",), 1)
    assert rules.split(str(p.min_taught), "", p) == (p.min_taught, 0)
    assert rules.split(str(p.min_taught), " ", p) == (p.min_taught, 0)
    assert rules.split("6", "", p) == (6, 0)
    with pytest.raises(DomainError, match="请填写网络教育天数"):  # fewer: what is missing is asked for
        rules.split(str(p.min_taught - 1), "", p)


def _s(day: int, office: str = "渝中车管所") -> EducationSession:
    return EducationSession(office, date(2026, 12, day), "09:00", "17:00")


def test_sessions_must_match_the_on_site_days_one_a_day():
    assert rules.sessions_problem([_s(2), _s(3)], 2) is None
    assert rules.sessions_problem([_s(2)], 2) == "现场教育天数为2天，请选择2个现场教育场次（已选1个）"
    assert "最多只能选择2个场次（已选3个）" in (rules.sessions_problem([_s(2), _s(3), _s(4)], 2) or "")
    assert "同一天只能参加一个现场教育场次：2026年12月3日选择了2个场次" in (
        rules.sessions_problem([_s(3), _s(3, "车管所三分所")], 2) or "")


def test_the_counter_reviews_after_the_last_session_and_clears_the_status():
    assert "现场教育完成并考试合格后才能复核办结" in (rules.finish_problem(date(2026, 12, 4), date(2026, 12, 4)) or "")
    assert rules.finish_problem(date(2026, 12, 4), date(2026, 12, 5)) is None
    # and not before all the education days (education tester: 复核 the day after the last 现场 session
    # of a 7-day education applied for 5 days before)
    assert rules.finish_problem(date(2026, 12, 7), date(2026, 12, 8), date(2026, 12, 3), 7) == (
        "满分教育共7天（2026年12月3日申请），最早可于2026年12月10日复核办结")
    assert rules.finish_problem(date(2026, 12, 7), date(2026, 12, 10), date(2026, 12, 3), 7) is None
    assert rules.cleared_status("B") == "A" and rules.cleared_status("BH") == "H"


def test_days_typed_in_full_width_digits_are_taken():
    """Education tester: ５ and ０ from a Chinese input method were refused as 请填写整数（如2）."""
    assert rules.split("２", " ３ ", rules.plan(("C1",), 1)) == (2, 3)
