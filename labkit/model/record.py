"""`Record`: equality, hash and repr written once, for frozen dataclasses built by the hundred.

On Python 3.11, ``@dataclass(frozen=True)`` compiles six methods from source for every class when
its module is imported; the report's content, its document elements and the journal's views are
some 60 classes, about 9 ms of every `labkit report`. Declared
``@dataclass(frozen=True, eq=False, repr=False)`` on a `Record`, a class gets its ``__eq__``,
``__hash__`` and ``__repr__`` from here instead, behaving as the generated ones do: equal to an
instance of the same class with equal compared fields, hashed on them, written
``Name(field=value, …)``.
"""

from __future__ import annotations

import dataclasses
from reprlib import recursive_repr
from typing import Any


class Record:
    """The base of a frozen dataclass declared with ``eq=False, repr=False``."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        names = _names(self.__class__)[0]
        return _values(self, names) == _values(other, names)

    def __hash__(self) -> int:
        return hash(_values(self, _names(self.__class__)[1]))

    @recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _names(self.__class__)[2])
        return f"{self.__class__.__qualname__}({shown})"


def _values(record: object, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(record, name) for name in names)


_Names = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
_NAMES: dict[type, _Names] = {}
"""By class: the fields compared, hashed and shown (found once per class)."""


def _names(cls: type) -> _Names:
    found = _NAMES.get(cls)
    if found is None:
        fields = dataclasses.fields(cls)
        found = _NAMES[cls] = (
            tuple(f.name for f in fields if f.compare),
            tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)),
            tuple(f.name for f in fields if f.repr),
        )
    return found
