"""Pydantic validation errors turned into plain words, one line per problem.

A facilitator reads "days[0] → agenda[2] → duration: doit être un nombre entier", never a raw
pydantic dump.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from labkit.i18n import has_key, t
from labkit.model.methods import METHOD_TYPES

_UNION_TAGS = frozenset(METHOD_TYPES)


# pydantic error types worded like another one of the catalog
_SAME_MESSAGE = {
    "model_attributes_type": "model_type",  # e.g. `method: 5` or an empty `method:`
    "date_from_datetime_inexact": "date_parsing",  # `date: 2026-03-12 10:00`
}


def field_path(loc: Sequence[str | int]) -> str:
    """A readable field path: ("days", 0, "agenda", 2, "duration") -> days[1] → agenda[3] → ...

    Positions are shown 1-based, as a person counts; union tags are dropped.
    """
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            if parts:
                parts[-1] += f"[{item + 1}]"
            else:
                parts.append(f"[{item + 1}]")
        elif item in _UNION_TAGS and parts and parts[-1] == "method":
            continue
        else:
            parts.append(str(item))
    return " → ".join(parts) or "(document)"


def clean_loc(loc: Sequence[str | int]) -> tuple[str | int, ...]:
    """The location without pydantic's union tags."""
    out: list[str | int] = []
    for item in loc:
        if isinstance(item, str) and item in _UNION_TAGS and out and out[-1] == "method":
            continue
        out.append(item)
    return tuple(out)


def explain(error: ErrorDetails, lang: str | None = None, known_fields: Sequence[str] = ()) -> str:
    """One pydantic error in plain words."""
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    value = error.get("input")
    if kind == "extra_forbidden":
        field = str(error["loc"][-1]) if error["loc"] else ""
        close = difflib.get_close_matches(field, known_fields, n=1)
        if close:
            return t("pydantic.extra_forbidden_hint", lang, hint=close[0])
        return t("pydantic.extra_forbidden", lang)
    if kind == "union_tag_invalid":
        return t(
            "pydantic.union_tag_invalid", lang, tag=ctx.get("tag"),
            expected=", ".join(sorted(_UNION_TAGS)),
        )
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    kind = _SAME_MESSAGE.get(kind, kind)
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return t("pydantic.enum", lang, expected=expected)
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if "@" in pattern:
            key = "pydantic.pattern_email"
        elif "https" in pattern:
            key = "pydantic.pattern_url"
        elif pattern.startswith("^#"):
            key = "pydantic.pattern_colour"
        elif pattern.startswith("^[a-z0-9]"):
            key = "pydantic.pattern_slug"
        else:
            key = "pydantic.pattern_id"
        return t(key, lang, value=value)
    key = f"pydantic.{kind}"
    if has_key(key):
        return t(key, lang, value=value, **ctx)
    return error["msg"]


def model_fields_at(model: type, loc: Sequence[str | int]) -> list[str]:
    """Field names of the model that holds the field at `loc` (for "did you mean" hints)."""
    from typing import get_args

    from pydantic import BaseModel

    current: Any = model
    for item in loc[:-1]:
        if isinstance(item, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(item))
            if field is None:
                # a union tag names the member model
                member = _member_for_tag(str(item))
                if member is not None:
                    current = member
                continue
            current = _unwrap(field.annotation, get_args)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any, get_args: Any) -> Any:
    from pydantic import BaseModel

    stack = [annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
        stack.extend(get_args(item))
    return None


def _member_for_tag(tag: str) -> type | None:
    from labkit.model import methods

    for name in dir(methods):
        obj = getattr(methods, name)
        fields = getattr(obj, "model_fields", None)
        if fields and "type" in fields and fields["type"].default == tag:
            return obj
    return None


def explain_all(
    exc: ValidationError, model: type, lang: str | None = None
) -> list[tuple[tuple[str | int, ...], str]]:
    """Every error of `exc` as (clean location, plain message)."""
    out = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        message = explain(error, lang, model_fields_at(model, loc))
        out.append((clean_loc(loc), message))
    return out
