"""The JSON Schema of session.yaml, so that editors autocomplete and check it."""

from __future__ import annotations

import json
from pathlib import Path

from labkit.model import Session
from labkit.store.atomic import write_text_atomic


def schema_text() -> str:
    """The JSON Schema of a session file, as indented JSON."""
    schema = Session.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "labkit session.yaml"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path) -> None:
    """Write the schema to `path` atomically."""
    write_text_atomic(path, schema_text())
