"""Helpers shared by the screens' tables."""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey


def fill_width(table: DataTable[Any], key: str, minimum: int = 10) -> None:
    """Give column `key` the width the other columns leave, so that no row scrolls sideways.

    Long texts in that column end with an ellipsis (on a projector, a sideways scroll bar
    hides information; the full text is one Enter away).
    """
    column = table.columns.get(ColumnKey(key))
    if column is None or not table.size.width:
        return
    others = sum(
        c.get_render_width(table) for k, c in table.columns.items() if k.value != key
    )
    width = max(minimum, table.size.width - others - 2 * table.cell_padding - 1)
    if column.auto_width or column.width != width:
        column.auto_width = False
        column.width = width
        table._require_update_dimensions = True
        table.refresh()
