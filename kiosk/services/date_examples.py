"""The example a service form's date field shows (例如 2026-11-28) and its format message names:
a date the form accepts on the day it is shown. A fixed date in the field's spec was refused as
time passed (例如 2026-11-20 under 体检日期, six months on; 例如 2028-06-30 under 延期至 for a licence
valid to 2036: tester), and an elderly user copies the example. The service's prepare works the
date out from the clock and the citizen (each rule module has its ``example_...``) and hands it
here, once: with_examples sets the fields' placeholders and keeps the dates in the context, where
its validate finds them for the format message (format_message). The screens that make their own
date fields (考试预约's 选择场次 and 结果公布, the counter's 考试计划, 审计日志, 成绩录入) show and
name their examples the same way (placeholder, with the screens' own lead word 如;
format_text), each from its rule module's or service's ``example_...`` of the clock's day."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # not imported: services.booking (which applications imports) uses format_text
    from .applications import FieldSpec, Prepared

SHAPE = "年-月-日"  # shown when no day is accepted (the form says why at 下一步)
_KEY = "date_examples"  # Prepared.context: field name -> its example, or None


def placeholder(example: date | None, lead: str = "例如") -> str:
    """例如 2026-11-28 (``lead``: 如 on the screens' own fields, as their 如 08:30), or 年-月-日."""
    return f"{lead} {example:%Y-%m-%d}" if example else SHAPE


def with_examples(fields: list[FieldSpec], context: dict[str, object],
                  examples: dict[str, date | None]) -> list[FieldSpec]:
    """``fields`` with each date field named in ``examples`` showing its example as its placeholder;
    the examples kept in ``context`` (the Prepared's) for format_message."""
    context[_KEY] = dict(examples)
    return [replace(f, placeholder=placeholder(examples[f.name])) if f.name in examples else f for f in fields]


def is_date(prepared: Prepared, name: str) -> bool:
    """Whether ``name`` is one of the form's date fields (with_examples): its format is what to say of
    a text too long for it (the service form's field says it), not the length limit."""
    return name in _examples(prepared)


def format_message(prepared: Prepared, name: str, what: str) -> str:
    """请按 2026-11-28 的格式输入``what``: the date field ``name``'s example (with_examples), or 年-月-日."""
    example = _examples(prepared).get(name)
    return format_text(example if isinstance(example, date) else None, what)


def _examples(prepared: Prepared) -> dict:
    """The examples with_examples kept in ``prepared``'s context (none: {})."""
    examples = prepared.context.get(_KEY)
    return examples if isinstance(examples, dict) else {}


def format_text(example: date | None, what: str) -> str:
    """请按 2026-11-28 的格式输入``what`` (``example``), or 请按 年-月-日 的格式... without one."""
    return f"请按 {example:%Y-%m-%d} 的格式输入{what}" if example else f"请按 {SHAPE} 的格式输入{what}"
