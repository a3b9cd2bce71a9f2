"""One home per method: each ASE method is a pure spec (`labkit.methods.spec.MethodSpec`) in its
own module, registered by its tag in `SPECS`. The live app, the report and the web pages ask the
spec; nothing else dispatches on method types.

Layering: `labkit.model` < `labkit.methods` < `labkit.planning` / `labkit.store` < … (see the
import contracts in `pyproject.toml`)."""

from labkit.methods.checks import check_session
from labkit.methods.registry import SPECS, round_count, round_minutes, spec_for, spec_of
from labkit.methods.spec import MethodSpec, ParticipantInput, TimedPart

__all__ = [
    "SPECS", "MethodSpec", "ParticipantInput", "TimedPart", "check_session", "round_count",
    "round_minutes", "spec_for", "spec_of",
]  # fmt: skip
