"""Issue 15: arbitrary YAML-like text given to the session loader never gives a traceback: a valid
session, or a plain InvalidInputError (exit 1), within a time bound per input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from labkit.errors import LabkitError
from labkit.model import Session
from labkit.store.session_folder import open_session

VALID = """slug: fuzz
title: Fuzz
lab: Lab
days:
  - date: 2027-06-03
    agenda:
      - {id: a, title: Ouverture, duration: 30, method: plenary}
"""
PIECES = st.sampled_from([
    "[", "]", "{", "}", "'", '"', "&a ", "*a", "<<: *a", "- ", ": ", "\n", "\n  ", "\t", "#",
    "!!binary ", "!!python/object ", "%YAML 1.1\n", "---\n", "...\n", "? ", "|\n", ">-\n",
    "2027-02-29", "2027-13-01", "true", "null", "~", "1e309", "0x1F", "duration: ", "date: ",
    "timezone: ", "days:", "agenda:", "method: ", "«Œuvre»", "\x00", "\ufeff", "\u2028",
])
TEXTS = st.one_of(
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join),
    st.tuples(st.integers(0, len(VALID)), st.lists(PIECES, max_size=6).map("".join)).map(
        lambda cut: VALID[: cut[0]] + cut[1] + VALID[cut[0]:]
    ),
)


@settings(max_examples=200, deadline=2000,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_the_loader_gives_a_session_or_a_plain_error(text: str, tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    started = time.monotonic()
    try:
        folder = open_session(path)
    except LabkitError as error:
        assert error.exit_code == 1
        assert str(error).strip()
    else:
        assert isinstance(folder.session, Session)
    assert time.monotonic() - started < 2


def test_a_complex_key_is_a_plain_error(tmp_path: Path) -> None:
    """« ? » opens a complex key: a list as a key, which no mapping can hold (found by the
    fuzzer above: it raised a TypeError)."""
    path = tmp_path / "session.yaml"
    path.write_text(VALID[:32] + "? " + VALID[32:], encoding="utf-8")
    with pytest.raises(LabkitError) as caught:
        open_session(path)
    assert caught.value.exit_code == 1 and str(path) in str(caught.value)
