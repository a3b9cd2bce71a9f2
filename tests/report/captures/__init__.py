"""The captured outputs of the bundled examples, written as code and saved as JSON Lines.

Each example has a module here describing, in French, what a Lab team would have captured during
the session (attendance, block times, ingredients, café ideas, journeys, votes, commitments,
survey answers, closing words). ``python -m tests.report.captures``, run from the repository
root, writes them to ``examples/<name>/captured.jsonl``: one journal event per line, in the
journal's export format (id, uuid, ts, device, recorder, type, payload), with stable uuids so
that the files diff well.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from labkit.model.events import EVENT_ADAPTER, MODELS
from labkit.store.session_folder import open_session

ROOT = Path(__file__).resolve().parents[3]
NAMESPACE = uuid.UUID("6c1b2a8e-3f55-4f0e-9a57-0d1ab0c0ffee")
CAPTURED_NAME = "captured.jsonl"


class Capture:
    """Builds the events of one example in journal order, on a clock that moves forward."""

    def __init__(self, example: str, device: str = "portable-lab", recorder: str | None = None):
        self.example = example
        self.session = open_session(ROOT / "examples" / example).session
        self.zone = ZoneInfo(self.session.timezone)
        self.device, self.recorder = device, recorder
        self.events: list[dict[str, Any]] = []
        self.counters: dict[str, int] = defaultdict(int)
        self.clock = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
        self.step = dt.timedelta(seconds=23)
        self._ends: list[tuple[str, int, str]] = []

    # --- clock -------------------------------------------------------------------------------

    def at(self, day: int, hhmm: str) -> dt.datetime:
        """Day `day` (1-based) at local time `hhmm`, as an aware UTC datetime."""
        hours, minutes = (int(x) for x in hhmm.split(":"))
        date = self.session.days[day - 1].date
        local = dt.datetime.combine(date, dt.time(hours, minutes), tzinfo=self.zone)
        return local.astimezone(dt.UTC)

    def now(self, day: int, hhmm: str) -> None:
        """Move the clock to day `day` at `hhmm` (never backwards)."""
        self.clock = max(self.clock, self.at(day, hhmm))

    # --- events ------------------------------------------------------------------------------

    def event(self, event_type: str, *, timed: bool = False, device: str | None = None,
              **payload: Any) -> str | None:  # fmt: skip
        """Record one event at the clock's time; its new id (``c12``) if it creates one."""
        self.clock += self.step
        model = MODELS[event_type]
        if model.id_field and payload.get(model.id_field) is None:
            self.counters[model.id_prefix] += 1
            payload[model.id_field] = f"{model.id_prefix}{self.counters[model.id_prefix]}"
        if timed:
            payload["at"] = self.clock.isoformat()
        validated = EVENT_ADAPTER.validate_python({"type": event_type, **payload})
        number = len(self.events) + 1
        self.events.append({
            "id": number,
            "uuid": str(uuid.uuid5(NAMESPACE, f"{self.example}:{number}")),
            "ts": self.clock.isoformat(),
            "device": device or self.device,
            "recorder": self.recorder,
            "type": event_type,
            "payload": validated.payload(),
        })  # fmt: skip
        return validated.new_id()

    def block(self, block_id: str, day: int, start: str, end: str) -> None:
        """A block that started at `start` and ended at `end` (the clock ends at `start`)."""
        self.now(day, start)
        self.event("block.started", timed=True, block_id=block_id)
        self._ends.append((block_id, day, end))

    def end(self, block_id: str) -> None:
        """Record the end of `block_id` at its planned end given to `block`."""
        for index, (found, day, end) in enumerate(self._ends):
            if found == block_id:
                self.now(day, end)
                self.event("block.ended", timed=True, block_id=block_id)
                del self._ends[index]
                return
        raise KeyError(block_id)

    def say(self, text: str, kind: str = "idea", **placement: Any) -> str:
        """A contribution; its id."""
        return str(self.event("contribution.added", text=text, kind=kind, **placement))

    def cluster(self, title: str, ids: list[str], **placement: Any) -> str:
        return str(self.event("cluster.created", title=title, contribution_ids=ids, **placement))

    def lines(self) -> list[str]:
        return [json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in self.events]

    def write(self) -> Path:
        target = ROOT / "examples" / self.example / CAPTURED_NAME
        target.write_text("\n".join(self.lines()) + "\n", encoding="utf-8")
        return target


EXAMPLES = ("garde_enfants", "cooperation", "atelier")


def build_all() -> list[Capture]:
    """The captures of every example."""
    import importlib

    return [importlib.import_module(f"tests.report.captures.{name}").build() for name in EXAMPLES]
