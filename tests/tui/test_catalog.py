"""Every string of the live app exists in French and English."""

from __future__ import annotations

import re
from pathlib import Path

from labkit.i18n import _catalog
from labkit.methods.spec import AlertKind
from labkit.model.events.base import COMMITMENT_STATUSES, CONTRIBUTION_KINDS

TUI = Path(__file__).resolve().parents[2] / "labkit" / "tui"
MESSAGES = _catalog()
"""Every catalog: a method's live-app strings may live in its own catalog file."""


def test_every_key_used_exists_in_both_languages():
    used: set[str] = set()
    for path in TUI.rglob("*.py"):
        used |= set(re.findall(r'"(tui\.[a-z_.0-9-]+)"', path.read_text(encoding="utf-8")))
    static = {key for key in used if not key.endswith(".")}
    assert sorted(static - set(MESSAGES)) == []
    assert [k for k, texts in MESSAGES.items() if set(texts) != {"fr", "en"}] == []


def test_keys_built_at_run_time_exist():
    families = {
        "tui.status.": ("not_started", "running", "paused", "ended"),
        "tui.presence.": ("present", "expected", "absent", "left"),
        "tui.kind.": CONTRIBUTION_KINDS,
        "tui.commit.status.": COMMITMENT_STATUSES,
        "tui.alert.": ("block_end", *AlertKind.__args__),
        "tui.closing.mode.": ("survey", "word", "image"),
        "tui.emotion.": ("-2", "-1", "0", "1", "2"),
        "tui.qr.": ("questionnaire", "shared_folder", "registration", "resources",
                    "remote_link"),
        "tui.round.": ("world_cafe", "crossed_interviews", "peer_help"),
    }
    missing = [prefix + name for prefix, names in families.items() for name in names
               if prefix + name not in MESSAGES]
    assert missing == []


def test_no_message_names_a_bare_letter_key():
    """Round, step and turn keys are Ctrl+N / Ctrl+R since letters go into the capture line:
    « Tour 2/4 à venir (n) » or « Pas encore de binômes : r » sent a facilitator to a letter
    that types text."""
    stale = re.compile(r"\((n|r)\)|: (n|r)$")
    found = sorted(key for key, texts in MESSAGES.items() if key.startswith("tui.")
                   for text in texts.values() if stale.search(text))
    assert found == []
