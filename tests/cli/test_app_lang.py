"""The global --lang is read before the command name only."""

import pytest

from labkit.cli.app import _preselect_language
from labkit.i18n import set_ui_language, ui_language


@pytest.fixture(autouse=True)
def _reset_language():
    set_ui_language("fr")
    yield
    set_ui_language(None)


def test_global_lang_before_the_command_sets_the_interface() -> None:
    _preselect_language(["labkit", "--lang", "en", "validate", "x"])
    assert ui_language() == "en"


def test_lang_equals_form() -> None:
    _preselect_language(["labkit", "--lang=en", "agenda", "x"])
    assert ui_language() == "en"


def test_command_option_lang_is_the_sessions_not_the_interfaces() -> None:
    _preselect_language(["labkit", "new", "x", "--lang", "en"])
    assert ui_language() == "fr"
