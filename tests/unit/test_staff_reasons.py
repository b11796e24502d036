"""The reasons staff type (查询事由, 退办理由, 取消事由) need two letters, digits or CJK characters:
".." passed the lookup and reached a citizen as a 退办理由 (tester)."""
from __future__ import annotations

import pytest

from kiosk.domain.errors import DomainError
from kiosk.services.counter_applications import check_refuse_reason
from kiosk.services.counter_citizen import check_cancel_reason, check_reason


@pytest.mark.parametrize(("check", "field"), [(check_reason, "reason"), (check_refuse_reason, "refuse_reason"),
                                              (check_cancel_reason, "cancel_reason")])
def test_punctuation_is_no_reason_and_two_characters_are(check, field) -> None:  # type: ignore[no-untyped-def]
    for bad in ("", "..", "。。", " - ", "a"):
        with pytest.raises(DomainError) as err:
            check(bad)
        assert err.value.field == field
    assert check(" 撤回 ") == "撤回" and check("A1") == "A1"
    with pytest.raises(DomainError, match="不能超过100个字"):
        check("事" * 101)
