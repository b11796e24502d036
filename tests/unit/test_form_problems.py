"""FormProblems: a form's field checks run to the end, and every wrong field is told at once."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError, FieldErrors, FormProblems, StillPending
from kiosk.domain.ids import normalize_phone


def _too_short(text: str) -> str:
    if len(text) < 5:
        raise DomainError("联系地址过短", "address")
    return text


def test_every_problem_is_kept_and_raised_together_in_the_order_found() -> None:
    problems = FormProblems()
    assert problems.check(normalize_phone, "12345", "phone") is None
    assert problems.check(_too_short, "渝中") is None
    problems.add("请选择延期原因", "reason")
    with pytest.raises(FieldErrors) as err:
        problems.raise_found()
    assert err.value.problems == [("phone", "手机号码应为11位数字，您输入了5位"), ("address", "联系地址过短"),
                                  ("reason", "请选择延期原因")]
    # Code that shows one error reads the first one; str() says them all.
    assert (err.value.field, err.value.message) == ("phone", "手机号码应为11位数字，您输入了5位")
    assert str(err.value) == "手机号码应为11位数字，您输入了5位；联系地址过短；请选择延期原因"


def test_a_value_that_passes_is_returned_and_nothing_is_raised() -> None:
    problems = FormProblems()
    assert problems.check(normalize_phone, "139 2300 0055", "phone") == "13923000055"
    problems.raise_found()


def test_one_problem_is_a_plain_domain_error() -> None:
    problems = FormProblems()
    problems.check(_too_short, "")
    with pytest.raises(DomainError) as err:
        problems.raise_found()
    assert type(err.value) is DomainError and (err.value.field, err.value.message) == ("address", "联系地址过短")


def test_the_first_problem_of_a_field_is_the_one_told() -> None:
    problems = FormProblems()
    problems.add("请选择本人名下的机动车", "plate")
    problems.add("不能补领：该车交强险已到期。", "plate")
    problems.add("请先处理", None)  # about no field: each is kept
    problems.add("请稍后再试", None)
    assert problems.problems == [("plate", "请选择本人名下的机动车"), (None, "请先处理"), (None, "请稍后再试")]


def test_several_problems_from_one_check_are_each_kept() -> None:
    def inner() -> str:
        nested = FormProblems()
        nested.add("请选择需补换领的号牌", "plates")
        nested.add("请选择申请原因", "reason")
        nested.raise_found()
        return "never"

    problems = FormProblems()
    problems.add("请选择本人名下的机动车", "plate")
    assert problems.check(inner) is None
    assert [field for field, _ in problems.problems] == ["plate", "plates", "reason"]


def test_a_single_still_pending_keeps_its_serial() -> None:
    """A StillPending (a vehicle's application 受理中) found alone is raised as itself, so the flow
    can offer 查看网办进度 on it; among other problems it is one message of several."""

    def pending() -> None:
        raise StillPending("渝A8D2Q7已有一笔申请正在办理", "S1", "plate")

    problems = FormProblems()
    problems.check(pending)
    with pytest.raises(StillPending) as err:
        problems.raise_found()
    assert (err.value.serial_no, err.value.field) == ("S1", "plate")
    problems.add("请选择领取方式", "delivery")
    with pytest.raises(FieldErrors):
        problems.raise_found()
