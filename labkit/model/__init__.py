"""The session model: pydantic data, timings and checks. No I/O, no UI.

The names below are imported on first use (PEP 562 `__getattr__`): importing a submodule such as
`labkit.model.events` or `labkit.model.files` does not build the session's pydantic models.
"""

import importlib

TYPE_CHECKING = False
if TYPE_CHECKING:
    from labkit.model.methods import (
        METHOD_TYPES,
        BreakConfig,
        ClosingConfig,
        CommitmentGrouping,
        CommitmentsConfig,
        CrossedInterviewsConfig,
        IdeaVoteConfig,
        LunchConfig,
        MethodConfig,
        PeerHelpConfig,
        Persona,
        PersonaJourneyConfig,
        PlenaryConfig,
        PlenaryKind,
        QuestionMode,
        SurveyQuestion,
        TerritorialDiagnosticConfig,
        VotingUnit,
        WorldCafeConfig,
    )
    from labkit.model.migrations import migrate
    from labkit.model.participants import Participant, Role, StakeholderGroup
    from labkit.model.preparation import PreparationTask, TaskStatus
    from labkit.model.session import (
        SCHEMA_VERSION,
        Block,
        Day,
        Phase,
        Session,
        SessionFormat,
        SessionMode,
        SessionUrls,
    )
    from labkit.model.timing import (
        ScheduledBlock,
        minutes_per_phase,
        schedule_day,
        schedule_session,
    )
    from labkit.model.validation import Level, Problem, has_errors

_MODULE_OF = {
    "METHOD_TYPES": "labkit.model.methods",
    "BreakConfig": "labkit.model.methods",
    "ClosingConfig": "labkit.model.methods",
    "CommitmentGrouping": "labkit.model.methods",
    "CommitmentsConfig": "labkit.model.methods",
    "CrossedInterviewsConfig": "labkit.model.methods",
    "IdeaVoteConfig": "labkit.model.methods",
    "LunchConfig": "labkit.model.methods",
    "MethodConfig": "labkit.model.methods",
    "PeerHelpConfig": "labkit.model.methods",
    "Persona": "labkit.model.methods",
    "PersonaJourneyConfig": "labkit.model.methods",
    "PlenaryConfig": "labkit.model.methods",
    "PlenaryKind": "labkit.model.methods",
    "QuestionMode": "labkit.model.methods",
    "SurveyQuestion": "labkit.model.methods",
    "TerritorialDiagnosticConfig": "labkit.model.methods",
    "VotingUnit": "labkit.model.methods",
    "WorldCafeConfig": "labkit.model.methods",
    "migrate": "labkit.model.migrations",
    "Participant": "labkit.model.participants",
    "Role": "labkit.model.participants",
    "StakeholderGroup": "labkit.model.participants",
    "PreparationTask": "labkit.model.preparation",
    "TaskStatus": "labkit.model.preparation",
    "SCHEMA_VERSION": "labkit.model.session",
    "Block": "labkit.model.session",
    "Day": "labkit.model.session",
    "Phase": "labkit.model.session",
    "Session": "labkit.model.session",
    "SessionFormat": "labkit.model.session",
    "SessionMode": "labkit.model.session",
    "SessionUrls": "labkit.model.session",
    "ScheduledBlock": "labkit.model.timing",
    "minutes_per_phase": "labkit.model.timing",
    "schedule_day": "labkit.model.timing",
    "schedule_session": "labkit.model.timing",
    "Level": "labkit.model.validation",
    "Problem": "labkit.model.validation",
    "has_errors": "labkit.model.validation",
}
"""public name -> the submodule defining it."""


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "METHOD_TYPES",
    "SCHEMA_VERSION",
    "Block",
    "BreakConfig",
    "ClosingConfig",
    "CommitmentGrouping",
    "CommitmentsConfig",
    "CrossedInterviewsConfig",
    "Day",
    "IdeaVoteConfig",
    "Level",
    "LunchConfig",
    "MethodConfig",
    "Participant",
    "PeerHelpConfig",
    "Persona",
    "PersonaJourneyConfig",
    "Phase",
    "PlenaryConfig",
    "PlenaryKind",
    "PreparationTask",
    "Problem",
    "QuestionMode",
    "Role",
    "ScheduledBlock",
    "Session",
    "SessionFormat",
    "SessionMode",
    "SessionUrls",
    "StakeholderGroup",
    "SurveyQuestion",
    "TaskStatus",
    "TerritorialDiagnosticConfig",
    "VotingUnit",
    "WorldCafeConfig",
    "has_errors",
    "migrate",
    "minutes_per_phase",
    "schedule_day",
    "schedule_session",
]
