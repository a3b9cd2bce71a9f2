"""`Record`: the report's content, document elements and journal views compile fewer methods at
import (issue 16: `labkit report` at 1k contributions), and behave as plain frozen dataclasses."""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass, field

import pytest

from labkit.document import elements
from labkit.model import views
from labkit.model.record import Record
from labkit.report import content


@pytest.mark.parametrize("module", [content, elements, views], ids=lambda m: m.__name__)
def test_every_dataclass_of_the_module_takes_eq_hash_and_repr_from_record(module: object) -> None:
    classes = [c for _, c in inspect.getmembers(module, inspect.isclass)
               if c.__module__ == module.__name__ and dataclasses.is_dataclass(c)]  # fmt: skip
    assert classes
    for cls in classes:
        assert issubclass(cls, Record), cls
        assert cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]
        for method in ("__eq__", "__hash__", "__repr__"):  # not generated again, class by class
            assert getattr(cls, method) is getattr(Record, method), (cls, method)
        assert "__slots__" not in vars(cls), cls  # slots=True builds every class twice


@dataclass(frozen=True, eq=False, repr=False)
class Point(Record):
    x: int
    label: str = field(default="", compare=False)
    tags: tuple[str, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class Twin:
    x: int
    label: str = field(default="", compare=False)
    tags: tuple[str, ...] = field(default=(), repr=False)


def test_equality_hash_and_repr_are_the_generated_ones() -> None:
    a, b, c = Point(1, "a", ("t",)), Point(1, "b", ("t",)), Point(2)
    ta, tb, tc = Twin(1, "a", ("t",)), Twin(1, "b", ("t",)), Twin(2)
    assert (a == b, a == c, a != c) == (ta == tb, ta == tc, ta != tc) == (True, False, True)
    assert hash(a) == hash(b) == hash(ta) == hash(tb)  # the same fields, the same tuple hashed
    assert a != Twin(1) and Point.__eq__(a, 1) is NotImplemented
    assert repr(a) == "Point(x=1, label='a')" and repr(ta) == "Twin(x=1, label='a')"
    assert {a, b, c} == {a, c}
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.x = 3  # type: ignore[misc]
    assert dataclasses.replace(a, x=2) == Point(2, tags=("t",)) != c


def test_a_record_holding_itself_is_written_without_recursing() -> None:
    @dataclass(frozen=True, eq=False, repr=False)
    class Box(Record):
        items: list[object]

    box = Box([])
    box.items.append(box)
    assert repr(box) == "test_a_record_holding_itself_is_written_without_recursing.<locals>." \
        "Box(items=[...])"  # fmt: skip
