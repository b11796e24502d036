"""The example a service form's date field shows (例如 2026-11-28) and its format message names:
a date the form accepts on the day it is shown. A fixed date in the field's spec was refused as
time passed (例如 2026-11-20 under 体检日期, six months on; 例如 2028-06-30 under 延期至 for a licence
valid to 2036: tester), and an elderly user copies the example. The service's prepare works the
date out from the clock and the citizen (each rule module has its ``example_...``) and hands it
here, once: with_examples sets the fields' placeholders and keeps the dates in the context, where
its validate finds them for the format message (format_message)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from .applications import FieldSpec, Prepared

SHAPE = "年-月-日"  # shown when no day is accepted (the form says why at 下一步)
_KEY = "date_examples"  # Prepared.context: field name -> its example, or None


def placeholder(example: date | None) -> str:
    return f"例如 {example:%Y-%m-%d}" if example else SHAPE


def with_examples(fields: list[FieldSpec], context: dict[str, object],
                  examples: dict[str, date | None]) -> list[FieldSpec]:
    """``fields`` with each date field named in ``examples`` showing its example as its placeholder;
    the examples kept in ``context`` (the Prepared's) for format_message."""
    context[_KEY] = dict(examples)
    return [replace(f, placeholder=placeholder(examples[f.name])) if f.name in examples else f for f in fields]


def format_message(prepared: Prepared, name: str, what: str) -> str:
    """请按 2026-11-28 的格式输入``what``: the date field ``name``'s example (with_examples), or 年-月-日."""
    examples = prepared.context.get(_KEY)
    example = examples.get(name) if isinstance(examples, dict) else None
    return f"请按 {example:%Y-%m-%d} 的格式输入{what}" if isinstance(example, date) else f"请按 {SHAPE} 的格式输入{what}"
