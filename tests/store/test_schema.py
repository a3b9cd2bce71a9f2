"""The JSON Schema of session.yaml: valid JSON, the session's shape, the method union, and the
files labkit itself writes (skeleton, bundled examples) pass it — else editors would flag them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from labkit.model import METHOD_TYPES
from labkit.resources import data_dir
from labkit.store.schema import CLOCK_PATTERN, schema_text, write_schema
from labkit.store.skeleton import skeleton_text
from labkit.store.yaml_document import parse_yaml

SCHEMA = json.loads(schema_text())
DEFS = SCHEMA["$defs"]


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = DEFS[node["$ref"].removeprefix("#/$defs/")]
    return node


def problems(value: Any, node: dict[str, Any], where: str = "") -> list[str]:
    """A small JSON Schema checker for the keywords pydantic writes (formats aside)."""
    node = resolve(node)
    if "anyOf" in node or "oneOf" in node:
        options = node.get("anyOf") or node["oneOf"]
        found = [problems(value, option, where) for option in options]
        matching = sum(1 for f in found if not f)
        if "oneOf" in node and matching > 1:
            return [f"{where}: matches {matching} members of oneOf"]
        return [] if matching else min(found, key=len)
    out: list[str] = []
    kinds = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
             "integer": int, "number": (int, float)}
    expected = node.get("type")
    if expected:
        ok = isinstance(value, kinds[expected])
        if expected in ("integer", "number") and isinstance(value, bool):
            ok = False
        if not ok:
            return [f"{where}: {value!r} is not {expected}"]
    if "const" in node and value != node["const"]:
        out.append(f"{where}: {value!r} != {node['const']!r}")
    if "enum" in node and value not in node["enum"]:
        out.append(f"{where}: {value!r} not in {node['enum']}")
    if "pattern" in node and isinstance(value, str) and not re.search(node["pattern"], value):
        out.append(f"{where}: {value!r} does not match {node['pattern']}")
    if isinstance(value, str) and len(value) < node.get("minLength", 0):
        out.append(f"{where}: too short")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and not node.get("minimum", value) <= value <= node.get("maximum", value):
        out.append(f"{where}: {value} out of range")
    if isinstance(value, list):
        if not node.get("minItems", 0) <= len(value) <= node.get("maxItems", len(value)):
            out.append(f"{where}: {len(value)} items")
        for i, item in enumerate(value):
            out += problems(item, node.get("items", {}), f"{where}[{i}]")
    if isinstance(value, dict):
        properties = node.get("properties", {})
        for key in node.get("required", []):
            if key not in value:
                out.append(f"{where}.{key}: missing")
        for key, item in value.items():
            if key in properties:
                out += problems(item, properties[key], f"{where}.{key}")
            elif node.get("additionalProperties") is False:
                out.append(f"{where}.{key}: not allowed")
    return out


def as_json(document: Any) -> Any:
    """A loaded session.yaml as JSON data (YAML dates become text, as an editor sees them)."""
    def plain(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        raise TypeError(value)

    return json.loads(json.dumps(document, default=plain))


def test_schema_is_json_of_the_2020_12_draft() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["title"] == "labkit session.yaml"
    assert SCHEMA["type"] == "object" and SCHEMA["additionalProperties"] is False
    assert set(SCHEMA["required"]) == {"slug", "title", "lab", "days"}
    assert schema_text().endswith("}\n")


def test_session_properties() -> None:
    props = SCHEMA["properties"]
    assert {"days", "participants", "groups", "slug", "language", "urls",
            "schema_version"} <= set(props)
    assert (props["days"]["minItems"], props["days"]["maxItems"]) == (1, 3)
    assert resolve(props["days"]["items"])["title"] == "Day"
    assert resolve(props["participants"]["items"])["title"] == "Participant"
    assert resolve(props["groups"]["items"])["title"] == "StakeholderGroup"
    assert resolve(props["language"])["enum"] == ["fr", "en"]


def test_every_reference_resolves() -> None:
    refs = re.findall(r'"\$ref": "#/\$defs/([^"]+)"', schema_text())
    assert refs and all(ref in DEFS for ref in refs)


def test_method_is_a_union_on_type_or_a_method_name() -> None:
    method = DEFS["Block"]["properties"]["method"]
    short, union = method["anyOf"]
    assert short == {"type": "string", "enum": list(METHOD_TYPES)}
    assert union["discriminator"]["propertyName"] == "type"
    mapping = union["discriminator"]["mapping"]
    assert set(mapping) == set(METHOD_TYPES)
    assert len(union["oneOf"]) == len(METHOD_TYPES)
    for tag, ref in mapping.items():
        assert resolve({"$ref": ref})["properties"]["type"]["const"] == tag
    cafe = resolve({"$ref": mapping["world_cafe"]})
    assert {"questions", "tables", "rounds", "hosts"} <= set(cafe["properties"])


@pytest.mark.parametrize("text", ["09:30", "9:30", "9h30", "14h", "9 h 30", "17H00", "09:30:15"])
def test_clock_times_as_written_match_the_schema(text: str) -> None:
    assert re.search(CLOCK_PATTERN, text)


@pytest.mark.parametrize("text", ["9", "midi", "9.30", ""])
def test_other_texts_are_not_clock_times(text: str) -> None:
    assert not re.search(CLOCK_PATTERN, text)


def test_no_rfc3339_time_format_is_left() -> None:
    assert '"format": "time"' not in schema_text()
    assert DEFS["Day"]["properties"]["start"]["default"] == "09:00"


def test_the_checker_above_catches_mistakes() -> None:
    bad = {"slug": "Atelier", "title": "T", "lab": "L", "days": [{
        "date": "2026-03-12", "start": "midi",
        "agenda": [{"id": "a", "title": "A", "duration": 0, "method": "brainstorm",
                    "colour": "x"}],
    }]}
    found = problems(bad, SCHEMA)
    assert len(found) == 5, found


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("days", [1, 3])
def test_the_skeleton_passes_the_schema(lang: str, days: int) -> None:
    text = skeleton_text("atelier", "Atelier", dt.date(2026, 3, 12), days, lang, "Lab")
    assert problems(as_json(parse_yaml(text, Path("s.yaml"))), SCHEMA) == []


def bundled_examples() -> list[Path]:
    return sorted(data_dir("examples").glob("*/session.yaml"))


@pytest.mark.parametrize("path", bundled_examples(), ids=lambda p: p.parent.name)
def test_the_bundled_examples_pass_the_schema(path: Path) -> None:
    document = parse_yaml(path.read_text(encoding="utf-8"), path)
    assert problems(as_json(document), SCHEMA) == []


def test_there_are_bundled_examples_to_check() -> None:
    assert len(bundled_examples()) >= 3


def test_write_schema(tmp_path: Path) -> None:
    target = tmp_path / "session.schema.json"
    write_schema(target)
    assert json.loads(target.read_text(encoding="utf-8")) == SCHEMA
