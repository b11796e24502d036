"""The common 查询事由 offered at 为群众办理 come from assets/config/lookup_reasons.json; each is a
reason the look-up takes, and a file that breaks the rules is refused whole, naming itself."""
from __future__ import annotations

import json

import pytest

from kiosk.domain.errors import DomainError
from kiosk.services.counter_citizen import REASONS_MAX, check_reason, lookup_reasons


def test_the_shipped_reasons_are_reasons_the_lookup_takes() -> None:
    reasons = lookup_reasons()
    assert reasons[0] == "本人到窗口办理业务" and "代办（持委托书）" in reasons
    assert 1 <= len(reasons) <= REASONS_MAX and len(set(reasons)) == len(reasons)
    assert all(check_reason(r) == r for r in reasons)


def test_a_typed_reason_is_still_taken_and_an_empty_one_is_not() -> None:
    assert check_reason("  单位代理人到窗口办理业务 ") == "单位代理人到窗口办理业务"
    for bad in ("", " ", "a", "..", "。、", "-a-"):  # punctuation is no reason (".." was taken)
        with pytest.raises(DomainError) as err:
            check_reason(bad)
        assert (err.value.message, err.value.field) == ("请选择或填写查询事由（至少2个字）", "reason")


@pytest.mark.parametrize("reasons", [[], ["本人办理", "办"], ["本人办理", "本人办理"], ["本人办理", 3], "本人办理",
                                     [f"事由{i}" for i in range(REASONS_MAX + 1)], ["事" * 101]])
def test_a_file_that_breaks_the_rules_is_refused_naming_itself(tmp_path, reasons) -> None:
    path = tmp_path / "lookup_reasons.json"
    path.write_text(json.dumps({"reasons": reasons}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="lookup_reasons.json"):
        lookup_reasons(path)


def test_another_office_lists_its_own(tmp_path) -> None:
    path = tmp_path / "reasons.json"
    path.write_text(json.dumps({"reasons": [" 核对档案信息 ", "代办（持委托书）"]}, ensure_ascii=False), encoding="utf-8")
    assert lookup_reasons(path) == ("核对档案信息", "代办（持委托书）")
