"""The JSON Schema of session.yaml, so that editors autocomplete and check it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from labkit.model import METHOD_TYPES, Session
from labkit.store.atomic import write_text_atomic

# What the model accepts for a clock time: "09:30", "9:30", "9h30", "14h" (see parse_clock);
# pydantic's `format: time` means RFC 3339 ("09:30:00Z"), which editors would flag.
CLOCK_PATTERN = r"^\s*\d{1,2}\s*[:hH]\s*(\d{2}(:\d{2})?)?\s*$"


def schema_text() -> str:
    """The JSON Schema of a session file, as indented JSON."""
    schema = Session.model_json_schema(mode="validation")
    _accept_what_the_model_accepts(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "labkit session.yaml"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path) -> None:
    """Write the schema to `path` atomically."""
    write_text_atomic(path, schema_text())


def _accept_what_the_model_accepts(schema: dict[str, Any]) -> None:
    """Describe the short forms the model reads, so that editors do not flag valid files.

    `method: break` stands for `method: {type: break}`; clock times are written "09:30" or
    "9h30", or as a bare hour.
    """
    method = schema["$defs"]["Block"]["properties"]["method"]
    description = method.pop("description", None)
    title = method.pop("title", None)
    union = dict(method)
    method.clear()
    method.update(
        {"anyOf": [{"type": "string", "enum": list(METHOD_TYPES)}, union]},
        **({"title": title} if title else {}),
        **({"description": description} if description else {}),
    )
    _replace_time_formats(schema)


def _replace_time_formats(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("format") == "time" and node.get("type") == "string":
            del node["format"]
            node["pattern"] = CLOCK_PATTERN
            if isinstance(node.get("default"), str):
                node["default"] = node["default"][:5]  # "09:00:00" -> "09:00"
        for value in node.values():
            _replace_time_formats(value)
    elif isinstance(node, list):
        for value in node:
            _replace_time_formats(value)
