"""The plan's values through ruamel's C parser: the same values as the round-trip parse, or no
answer (issue 16: the pure-Python round-trip parse was most of `labkit validate`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ruamel.yaml.comments import CommentedMap

from labkit.resources import data_dir
from labkit.store.session_folder import MAX_NODES, _plain, open_session
from labkit.store.yaml_document import MAX_DEPTH, parse_yaml
from labkit.store.yaml_fast import flow_depth, load_values, might_nest_deeper

EXAMPLES = sorted(data_dir("examples").glob("*/session.yaml"))


def _round_trip_values(text: str) -> object:
    return _plain(parse_yaml(text, Path("session.yaml")), [MAX_NODES], Path("session.yaml"))


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda p: p.parent.name)
def test_the_bundled_plans_load_their_values_through_the_c_parser(plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    values = load_values(text)
    assert values is not None
    assert _plain(values, [MAX_NODES], plan) == _round_trip_values(text)


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda p: p.parent.name)
def test_a_json_plan_loads_its_values_through_the_c_parser(plan: Path) -> None:
    """JSON is YAML: its many brackets defeat the quick nesting bound, the parser's events
    show it shallow (the benchmark's plans are JSON, issue 16)."""
    values = _round_trip_values(plan.read_text(encoding="utf-8"))
    text = json.dumps(values, ensure_ascii=False, indent=1, default=str)
    assert might_nest_deeper(text)
    loaded = load_values(text)
    assert loaded is not None
    assert _plain(loaded, [MAX_NODES], plan) == _round_trip_values(text)


def test_flow_nesting_is_counted_on_the_events() -> None:
    assert flow_depth("a: [" + "[1], " * 500 + "{b: {c: [2]}}]\n") == 5  # the top mapping too
    assert flow_depth("[" * MAX_DEPTH + "]" * MAX_DEPTH) == MAX_DEPTH
    assert load_values("[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)) is not None
    assert load_values("[" * MAX_DEPTH + "]" * MAX_DEPTH) is None  # one past: round-trip


TRICKY = """\
defaults: &defaults
  room: Salle 1
  seats: 0o14
block:
  <<: *defaults
  title: "Atelier « cité »"
  quoted: 'l''atelier'
  numbers: [1_000, 0x1F, 1.5e3, .inf, -0]
  flags: [yes, no, on, true, False, ~, null]
  day: 2027-03-02
  time: 08:30
  text: |
    deux lignes
      dont une en retrait
  folded: >-
    plié
    en une
"""


def test_tricky_values_are_the_round_trip_ones() -> None:
    values = load_values(TRICKY)
    assert values is not None
    assert _plain(values, [MAX_NODES], Path("x")) == _round_trip_values(TRICKY)


@pytest.mark.parametrize("text", [
    "at: 2027-03-02T09:00:00+02:00\n",  # a time of day: constructed differently
    "day: 2027-02-29\n",  # impossible: the round-trip parse keeps it as text for the check
    "title: [unclosed\n",  # a syntax error: the round-trip parse names its line
    "a: 1\na: 2\n",  # a duplicated key
    "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",  # the C parser would recurse
])  # fmt: skip
def test_no_answer_when_the_round_trip_parse_must_say(text: str) -> None:
    assert load_values(text) is None


@pytest.mark.parametrize("text", [
    "[" * 40 + "]" * 40,
    "- " * 40 + "x",
    "".join(" " * (2 * depth) + f"k{depth}:\n" for depth in range(40)) + " " * 80 + "v\n",
    "a:\n" + "".join(" " * (2 * d) + "- b:\n" for d in range(20)),
])
def test_the_nesting_bound_never_underestimates(text: str) -> None:
    """Every text nesting 40 levels or more is beyond a bound of 40."""
    assert might_nest_deeper(text, limit=40)


def test_a_loaded_folder_parses_its_round_trip_document_on_first_need(tmp_path: Path) -> None:
    plan = EXAMPLES[0]
    (tmp_path / "session.yaml").write_text(plan.read_text(encoding="utf-8"), encoding="utf-8")
    folder = open_session(tmp_path)
    assert folder._document is None  # validated from its values alone
    (tmp_path / "session.yaml").write_text("changed: on disk\n", encoding="utf-8")
    document = folder.document  # from the text that was validated, not the changed file
    assert isinstance(document, CommentedMap) and document["title"] == folder.session.title
    assert document.lc.key("title")[0] >= 0
