"""A plan's values without their line numbers, through ruamel's C parser (`ruamel.yaml.clib`).

Loading a session needs its values; the round-trip document (comments, key order, the line of
each value, see `yaml_document`) is needed only to name the line of a problem or to save a change.
Its pure-Python parse is most of a plan's loading time (about 50 ms for a 600-line plan against
under 10 ms here, issue 16). This path answers only when it is sure to give the same values as
the round-trip parse: with no C parser, on a text that might nest deeper than `MAX_DEPTH` (the C
parser recurses without a limit: a text the quick bound `might_nest_deeper` cannot clear, a flow or
JSON plan with its many brackets, has its nesting counted on the C parser's events first, see
`flow_depth`), on any YAML error and on a timestamp with a time of day
(constructed differently), it returns None and the caller parses round-trip, whose errors name
the file, line and field.
"""

from __future__ import annotations

import importlib.util
from datetime import date
from typing import Any

from labkit.store.yaml_document import MAX_DEPTH

_LEADING = " -?:"


def might_nest_deeper(text: str, limit: int = MAX_DEPTH) -> bool:
    """Whether `text` may nest more than `limit` levels: a bound, never an underestimate.

    A block level starts further right or after a « - », « ? » or « : » of its line (an
    indentless sequence shares its key's column), so two levels per character of a line's
    leading run of spaces and markers bound the block nesting; every bracket may open a level.
    """
    lead = max((len(line) - len(line.lstrip(_LEADING)) for line in text.splitlines()), default=0)
    return 2 * lead + 2 + text.count("[") + text.count("{") > limit


def flow_depth(text: str) -> int:
    """How many collections `text` nests, counted on the C parser's events (no recursion: the
    parser is a state machine; only the composer recurses). About 3 ms for a 1,800-line JSON
    plan whose brackets defeat `might_nest_deeper`. YAML errors propagate."""
    from ruamel.yaml.cyaml import CParser
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

    parser = CParser(text)
    depth = deepest = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, CollectionStartEvent):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    finally:
        parser.dispose()
    return deepest


def _shallow(text: str) -> bool:
    """Whether `text` surely nests no deeper than MAX_DEPTH (a scalar adds one level to its
    collections' count)."""
    if not might_nest_deeper(text):
        return True
    try:
        return flow_depth(text) + 1 <= MAX_DEPTH
    except Exception:  # a YAML error: the round-trip parse names its line
        return False


class _Unsure(Exception):
    """A value this path does not construct as the round-trip parse would."""


def _safe_yaml() -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import SafeConstructor

    class Constructor(SafeConstructor):
        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            value = super().construct_yaml_timestamp(node, values)  # an impossible date raises
            if type(value) is not date:
                raise _Unsure(node.value)
            return value

    Constructor.add_constructor("tag:yaml.org,2002:timestamp",
                                Constructor.construct_yaml_timestamp)  # fmt: skip
    yaml = YAML(typ="safe", pure=False)
    yaml.Constructor = Constructor
    return yaml


def load_values(text: str) -> Any | None:
    """The values of the YAML `text` (dicts, lists, scalars; aliases shared, not copied), or None
    when the round-trip parse must say (see the module's docstring)."""
    if importlib.util.find_spec("_ruamel_yaml") is None or not _shallow(text):
        return None
    try:
        return _safe_yaml().load(text)
    except Exception:  # any doubt: the round-trip parse reports it precisely
        return None
