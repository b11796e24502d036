"""Text on screen exactly as stored: never read as Textual markup.

Textual reads square brackets in a Static, a Label, a button label, a DataTable cell or a
notification as markup: a citizen's address typed as 「渝中区[/b]路1号」 stopped the kiosk with a
MarkupError, and 「[red]」 would have coloured the rest. Names, addresses, reasons, imported result
lines and audit details are typed by people, so every kiosk screen builds its text widgets from
here: ``Plain`` (a Static without markup) and ``PlainTable`` (a DataTable whose string cells are
plain text); an option or radio-button label built from stored data goes through ``plain`` (a
Label or a Button only ever shows a caption written in the code). Lines in bold or colour are
Rich ``Text`` with styles (``Text.assemble``), so nothing on screen is parsed as markup, and
``KioskApp.notify`` turns markup off as well. tests/ui/test_plain_text.py keeps screens to this.
"""
from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable, Static


def plain(value: Any) -> Any:
    """A string as a Rich ``Text`` (shown as it is); anything else unchanged."""
    return Text(value) if isinstance(value, str) else value


class Plain(Static):
    """A Static that shows its text as it is (``markup=False``)."""

    def __init__(self, content: Any = "", **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        super().__init__(content, **kwargs)


class PlainTable(DataTable):
    """A DataTable whose string cells are shown as they are."""

    def add_row(self, *cells: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        return super().add_row(*map(plain, cells), **kwargs)

    def update_cell(self, row_key: Any, column_key: Any, value: Any, **kwargs: Any) -> None:  # type: ignore[override]
        super().update_cell(row_key, column_key, plain(value), **kwargs)

    def update_cell_at(self, coordinate: Any, value: Any, **kwargs: Any) -> None:  # type: ignore[override]
        super().update_cell_at(coordinate, plain(value), **kwargs)
