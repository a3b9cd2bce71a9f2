"""The state's two tables of keys, which grow with the journal (issue 16: `labkit note` flat in
the journal's size): the identifiers ever created (`IdSet`) and the events folded (`KnownEvents`).

Both are only asked whether they hold a key, and told of new ones. `IdSet` keeps the usual
identifiers, a prefix and a number (``c12``), as one bit per number, so that a checkpoint of
20,000 events unpickles a few kilobytes instead of 20,000 strings. `KnownEvents` (uuid → event
id) can leave the events a checkpoint stood for unread until the first question about an event
it does not hold (an undo): a writer that only appends never reads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

_NUMBERED = re.compile(r"(.*?)([1-9][0-9]*)")
"""A prefix and a number written without leading zero (so that the number gives it back)."""
_MOST = 1 << 20
"""Numbers from this one on are kept as strings (a bitmap stays under 128 KB per prefix)."""


class IdSet:
    """A set of identifiers, those ending in a number stored as a bitmap per prefix."""

    def __init__(self) -> None:
        self._bits: dict[str, bytearray] = {}
        self._other: set[str] = set()
        self._size = 0

    def _split(self, key: str) -> tuple[str, int] | None:
        found = _NUMBERED.fullmatch(key) if key.isascii() else None
        if found is None or len(found[2]) > 7 or int(found[2]) >= _MOST:
            return None
        return found[1], int(found[2])

    def add(self, key: str) -> None:
        """Note `key` (an identifier created)."""
        if key in self:
            return
        self._size += 1
        split = self._split(key)
        if split is None:
            self._other.add(key)
            return
        prefix, number = split
        bits = self._bits.setdefault(prefix, bytearray())
        if len(bits) <= number >> 3:
            bits.extend(bytes((number >> 3) + 1 - len(bits) + len(bits) // 2))
        bits[number >> 3] |= 1 << (number & 7)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        split = self._split(key)
        if split is None:
            return key in self._other
        bits = self._bits.get(split[0])
        byte = split[1] >> 3
        return bits is not None and byte < len(bits) and bool(bits[byte] >> (split[1] & 7) & 1)

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[str]:
        yield from self._other
        for prefix, bits in self._bits.items():
            for byte, value in enumerate(bits):
                for bit in range(8) if value else ():
                    if value >> bit & 1:
                        yield f"{prefix}{byte * 8 + bit}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, IdSet):
            return NotImplemented
        return self._other == other._other and _trimmed(self._bits) == _trimmed(other._bits)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"IdSet({sorted(self)!r})"

    def copy(self) -> IdSet:
        """An independent copy."""
        other = IdSet()
        other._bits = {prefix: bytearray(bits) for prefix, bits in self._bits.items()}
        other._other, other._size = set(self._other), self._size
        return other


class KnownEvents:
    """uuid → id of every event folded; those a checkpoint stood for read on first need."""

    def __init__(self, stored: Callable[[], dict[str, int]] | None = None) -> None:
        self._table: dict[str, int] = {}
        self._stored = stored
        """Reads the events the checkpoint stood for (uuid → id), until they are read."""

    def _read(self) -> dict[str, int]:
        stored = self._stored
        if stored is not None:
            table = dict(stored())
            table.update(self._table)
            self._table, self._stored = table, None
        return self._table

    def table(self) -> dict[str, int]:
        """uuid → id of every event folded (the stored ones read if they were not)."""
        return self._read()

    def __setitem__(self, uuid: str, event_id: int) -> None:
        self._table[uuid] = event_id

    def __contains__(self, uuid: object) -> bool:
        return uuid in self._table or (self._stored is not None and uuid in self._read())

    def __len__(self) -> int:
        return len(self._read())

    def get(self, uuid: str) -> int | None:
        """The id of the event `uuid`, or None."""
        return self._table.get(uuid) if uuid in self else None

    def __eq__(self, other: object) -> bool:
        return self._read() == other._read() if isinstance(other, KnownEvents) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"KnownEvents({dict(sorted(self._read().items()))!r})"

    def __getstate__(self) -> dict[str, object]:
        return {"_table": self._read(), "_stored": None}

    def copy(self) -> KnownEvents:
        """An independent copy (which reads the stored events when it needs them, once)."""
        if self._stored is not None:
            self._stored = _once(self._stored)
        other = KnownEvents(self._stored)
        other._table = dict(self._table)
        return other


def _trimmed(bits: dict[str, bytearray]) -> dict[str, bytes]:
    """The bitmaps without their spare zero bytes (and without empty ones)."""
    return {prefix: bytes(b.rstrip(b"\0")) for prefix, b in bits.items() if b.strip(b"\0")}


def _once(read: Callable[[], dict[str, int]]) -> Callable[[], dict[str, int]]:
    """`read`, called at most once (the copies of a state share the events it gives)."""
    if getattr(read, "once", False):
        return read
    found: list[dict[str, int]] = []

    def once() -> dict[str, int]:
        if not found:
            found.append(read())
        return found[0]

    once.once = True  # type: ignore[attr-defined]
    return once
