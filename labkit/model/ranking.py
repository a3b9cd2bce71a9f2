"""Ranking of voted items: dots in order, the top N, ties — shared by the live app and the report.

Equal dots share a rank (competition ranking: 1, 2, 3, 3, 5). An item "ties at the cut" when its
dots are within `near` of an item on the other side of the top-N cut: the room decides those.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class RankedItem:
    """An item of a vote with its dots, rank and position against the top-N cut."""

    item_id: str
    dots: int
    rank: int
    in_top: bool
    """Among the first `top_n` positions."""
    tied: bool
    """Shares its number of dots with another item."""
    tie_at_cut: bool
    """Within `near` dots of an item on the other side of the cut (and has dots)."""


def rank_votes(
    items: Sequence[str], totals: Mapping[str, int], top_n: int, near: int = 0
) -> list[RankedItem]:
    """Items ordered by dots (then as given), the top N marked, ties and near-ties flagged."""
    order = sorted(items, key=lambda i: -totals.get(i, 0))
    dots = [totals.get(i, 0) for i in order]
    shared = Counter(dots)
    inside, outside = dots[:top_n], dots[top_n:]
    lowest_in = min(inside) if inside else None
    highest_out = max(outside) if outside else None
    result = []
    rank = 0
    for position, (item, count) in enumerate(zip(order, dots, strict=True)):
        if position == 0 or count != dots[position - 1]:
            rank = position + 1
        in_top = position < top_n
        at_cut = False
        if lowest_in is not None and highest_out is not None:
            at_cut = count - highest_out <= near if in_top else lowest_in - count <= near
        result.append(
            RankedItem(item, count, rank, in_top, shared[count] > 1, at_cut and count > 0)
        )
    return result
