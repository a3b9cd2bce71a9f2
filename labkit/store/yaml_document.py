"""Round-trip YAML: load keeping comments, key order and line numbers; dump back unchanged.

Hand-edited session files keep the user's comments and layout when labkit saves them.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import PlainScalarString

from labkit.errors import InvalidInputError, StorageError
from labkit.i18n import t
from labkit.store.atomic import write_text_atomic

MAX_FILE_BYTES = 5 * 1024 * 1024
"""A session.yaml larger than this is refused (a real plan is well under 200 KB)."""
MAX_DEPTH = 64
"""Nesting deeper than this is refused (a plan nests about ten levels)."""


class _TooDeep(YAMLError):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _BoundedComposer(Composer):
    """ruamel's composer, refusing nesting deeper than MAX_DEPTH (it recurses per level)."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(self.parser.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Constructor(RoundTripConstructor):
    """Round-trip constructor where an impossible date (2027-02-29) stays text.

    ruamel raises a bare ValueError; as text, the field's validation names its line.
    """

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return PlainScalarString(node.value)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Composer = _BoundedComposer
    yaml.Constructor = _Constructor
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never re-wrap the user's long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    # an explicit `null` (as the skeleton writes it) stays `null` rather than becoming empty
    yaml.representer.add_representer(type(None), _represent_null)
    return yaml


def _represent_null(representer: Any, _data: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def read_text(path: Path) -> str:
    """The file's text (UTF-8, a BOM tolerated); a clear error when unreadable."""
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidInputError(
                t("store.too_large", None, path=path, size=_megabytes(size),
                  limit=_megabytes(MAX_FILE_BYTES))
            )  # fmt: skip
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise InvalidInputError(t("store.file_missing", None, path=path)) from None
    except OSError as exc:
        raise StorageError(f"{path}: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InvalidInputError(t("store.not_utf8", None, path=path, line=line)) from None


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


# contexts whose mark is where a bracket or quote opened: the line to fix, not where the parser
# noticed the problem (often the end of the file)
_OPENING_CONTEXTS = ("flow sequence", "flow mapping", "quoted scalar")


_COMMENT = re.compile(r"(?:^|\s)#")
_VALUE_START = re.compile(r"""(?:^\s*(?:-\s+)*|:\s+|[\[{,]\s*)(["'])""")


def spanning_quote(text: str, before_line: int) -> int | None:
    """The line (1-based) where the first quoted value that runs over several lines opened, when
    it closes at or before `before_line`: a quote left open there swallowed the lines after it, up
    to the next quote, and the parser only notices further down (the usual « title: "Atelier »
    typo). None when every quoted value before `before_line` closes on its own line."""
    lines = text.splitlines()
    number = 0
    while number < min(before_line, len(lines)):
        line = lines[number]
        position = 0
        while (found := _VALUE_START.search(line, position)) is not None:
            quote, start = found.group(1), found.end()
            if _COMMENT.search(line, position, found.start(1)):
                break  # the rest of the line is a comment
            end_line, end = _closing(lines, number, start, quote)
            if end_line is None:
                return number + 1
            if end_line > number:
                return number + 1 if end_line < before_line else None
            line, position = lines[number], end + 1
        number += 1
    return None


def _closing(lines: list[str], number: int, start: int, quote: str) -> tuple[int | None, int]:
    """Where the quoted value opened at `lines[number][start - 1]` closes: (line index, column)."""
    while number < len(lines):
        line, column = lines[number], start
        while column < len(line):
            char = line[column]
            if quote == "'" and char == "'" and line[column + 1 : column + 2] == "'":
                column += 2  # '' is a quote inside a single-quoted value
                continue
            if quote == '"' and char == "\\":
                column += 2
                continue
            if char == quote:
                return number, column
            column += 1
        number, start = number + 1, 0
    return None, 0


def parse_yaml(text: str, path: Path) -> Any:
    """Parse YAML text; syntax errors name the file, line and column.

    An unclosed bracket or quote is reported at the line where it opened. Nesting deeper than
    MAX_DEPTH is refused.
    """
    try:
        return _yaml().load(text)
    except _TooDeep as exc:
        where = f"{path}:{exc.line}"
        raise InvalidInputError(t("store.too_deep", None, where=where, limit=MAX_DEPTH)) from None
    except MarkedYAMLError as exc:
        opened = exc.context_mark is not None and any(
            c in (exc.context or "") for c in _OPENING_CONTEXTS
        )
        mark = exc.context_mark if opened else exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        reason = " ".join(filter(None, [exc.context, exc.problem])) or str(exc)
        noticed = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
        quote = spanning_quote(text, noticed) if noticed and not opened else None
        if quote is not None:
            where = f"{path}:{quote}"
            reason = t("store.yaml_quote", None, line=noticed)
        elif opened and noticed is not None:
            reason = t("store.yaml_opened", None, reason=reason, line=noticed)
        raise InvalidInputError(t("store.yaml_syntax", None, where=where, reason=reason)) from None
    except RecursionError:
        raise InvalidInputError(t("store.too_deep", None, where=path, limit=MAX_DEPTH)) from None
    except YAMLError as exc:
        raise InvalidInputError(t("store.yaml_syntax", None, where=path, reason=exc)) from None
    except TypeError as exc:  # a complex key ("? [a, b]") that no mapping can hold
        raise InvalidInputError(t("store.yaml_syntax", None, where=path, reason=exc)) from None


def dump_yaml(document: Any) -> str:
    """The YAML text of a round-trip document."""
    buffer = io.StringIO()
    _yaml().dump(document, buffer)
    return buffer.getvalue()


def save_yaml(path: Path, document: Any) -> None:
    """Write the document atomically (temporary file, then rename)."""
    write_text_atomic(path, dump_yaml(document))


def locate(document: Any, path: Sequence[str | int]) -> int | None:
    """The 1-based line of the field at `path` in a round-trip document, or the nearest parent's.

    Path elements that are not keys of the document (pydantic adds a union's tag, e.g.
    "world_cafe") are skipped.
    """
    node = document
    line: int | None = None
    for part in path:
        if isinstance(node, CommentedMap) and isinstance(part, str):
            if part not in node:
                continue
            with contextlib.suppress(KeyError, IndexError, TypeError, AttributeError):
                line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int):
            if not 0 <= part < len(node):
                break
            with contextlib.suppress(KeyError, IndexError, TypeError, AttributeError):
                line = node.lc.item(part)[0] + 1
            node = node[part]
        else:
            continue
    if line is None and isinstance(document, CommentedMap | CommentedSeq):
        line = document.lc.line + 1
    return line

