"""Method-specific configuration of an agenda block, as a discriminated union on `type`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from labkit.model.participants import ID_PATTERN
from labkit.model.territories import normalise_territory
from labkit.model.text import clean_line, clean_text, not_a_bool


class _Config(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    # `rounds: true` is an error, not 1 round: only a yes/no field takes true/false
    _numbers_not_bools = field_validator(
        "minutes_per_person", "regroup_size", "regroup_minutes", "tables", "rounds",
        "minutes_per_round", "transition_minutes", "keep_per_question", "teams",
        "dots_per_voter", "top_n", "minutes_per_territory", "scale_min", "scale_max",
        "revision_minutes", mode="before", check_fields=False,
    )(not_a_bool)


class PlenaryKind(StrEnum):
    """What a plenary block is."""

    OPENING = "opening"
    PRESENTATION = "presentation"
    OTHER = "other"


class PlenaryConfig(_Config):
    """A plenary: the sponsor's opening, a presentation, a debrief."""

    type: Literal["plenary"] = "plenary"
    kind: PlenaryKind = PlenaryKind.PRESENTATION
    speakers: list[str] = Field(default_factory=list, description="Who speaks (free text).")


PairMix = Literal["territory", "organisation", "group"]
"""What crossed-interview pairs can mix (`labkit.planning.pairs.Mix`)."""
DEFAULT_PAIR_ACROSS: tuple[PairMix, ...] = ("organisation", "group")


class CrossedInterviewsConfig(_Config):
    """Crossed interviews: pairs interview each other, then regroup to extract ingredients."""

    type: Literal["crossed_interviews"] = "crossed_interviews"
    prompt: str = Field(min_length=1, description="The experience each person tells.")
    minutes_per_person: int = Field(default=8, ge=1, le=60)
    regroup_size: int = Field(default=4, ge=2, le=12, description="People per regroup (e.g. 4).")
    regroup_minutes: int = Field(default=20, ge=0, le=180, description="Harvest of ingredients.")
    pair_across: list[PairMix] = Field(
        default_factory=lambda: list(DEFAULT_PAIR_ACROSS),
        description="What each pair (and the trio) mixes, first first: territory (different "
        "territories, e.g. départements, whenever the numbers allow), organisation, group. "
        "Default: organisation, then group.",
    )

    _clean = field_validator("prompt", mode="before")(clean_text)

    @field_validator("pair_across")
    @classmethod
    def _once_each(cls, value: list[PairMix]) -> list[PairMix]:
        twice = sorted({x for x in value if value.count(x) > 1})
        if twice:
            from pydantic_core import PydanticCustomError

            raise PydanticCustomError("listed_twice", "listed twice: {names}",
                                      {"names": ", ".join(twice)})
        return value


class QuestionMode(StrEnum):
    """How world café questions are laid out."""

    PER_TABLE = "per_table"
    PER_ROUND = "per_round"


class WorldCafeConfig(_Config):
    """World café: tables, rounds of ~20 minutes, hosts who stay, a harvest per question."""

    type: Literal["world_cafe"] = "world_cafe"
    questions: list[str] = Field(min_length=1)
    question_mode: QuestionMode = Field(
        default=QuestionMode.PER_TABLE,
        description="per_table: each table holds its question; per_round: one question a round.",
    )
    tables: int = Field(ge=1, le=200)
    rounds: int = Field(ge=1, le=20)
    minutes_per_round: int = Field(default=20, ge=1, le=240)
    transition_minutes: int = Field(default=5, ge=0, le=60)
    hosts: list[str] = Field(
        default_factory=list, description="Participant ids of the table hosts, table 1 first."
    )
    keep_per_question: int = Field(
        default=3, ge=1, le=20, description="Structuring ideas kept per question at the harvest."
    )
    visit_once: bool = Field(
        default=False, description="Each participant visits each table at most once."
    )
    teams: list[str] = Field(
        default_factory=list,
        description="Names of teams that move together, team 1 first: team N starts at table N.",
    )

    _clean = field_validator("questions", "teams", mode="before")(
        lambda v: [clean_line(q) for q in v] if isinstance(v, list) else v
    )

    @property
    def rounds_minutes(self) -> int:
        """Minutes taken by the rounds and the transitions between them."""
        return self.rounds * self.minutes_per_round + (self.rounds - 1) * self.transition_minutes

    def question_at(self, table: int, round_number: int) -> int:
        """The 1-based question discussed at `table` (1-based) in `round_number`."""
        if self.question_mode == QuestionMode.PER_ROUND:
            return (max(round_number, 1) - 1) % len(self.questions) + 1
        return (table - 1) % len(self.questions) + 1


class Persona(_Config):
    """A persona whose journey a team models."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    description: str = ""

    _clean = field_validator("name", "description", mode="before")(clean_text)


class PersonaJourneyConfig(_Config):
    """Persona journeys: each team maps a persona's stages (actions, emotions, pain points)."""

    type: Literal["persona_journey"] = "persona_journey"
    personas: list[Persona] = Field(min_length=1)
    stages: list[str] = Field(min_length=1, description="Stages of the journey, in order.")
    teams: int = Field(default=1, ge=1, le=50, description="Teams; personas are dealt in turn.")


class VotingUnit(StrEnum):
    """Who holds the dots in a vote."""

    PARTICIPANT = "participant"
    TEAM = "team"


class IdeaVoteConfig(_Config):
    """Dot voting on ideas; the top N per question are kept, near-ties flagged."""

    type: Literal["idea_vote"] = "idea_vote"
    source_block: str | None = Field(
        default=None, description="Id of the block whose ideas are voted on (e.g. the café)."
    )
    questions: list[str] = Field(default_factory=list, description="Questions voted on.")
    dots_per_voter: int | None = Field(
        default=None, ge=1, le=50, description="Fixed budget; absent: one dot per three options."
    )
    voting: VotingUnit = VotingUnit.PARTICIPANT
    top_n: int = Field(default=3, ge=1, le=20)


class CommitmentGrouping(StrEnum):
    """How commitments are grouped."""

    TEAM = "team"
    TERRITORY = "territory"


class CommitmentsConfig(_Config):
    """Commitments or roadmaps: what, owner, by when, indicator; per team or per territory."""

    type: Literal["commitments"] = "commitments"
    grouped_by: CommitmentGrouping = CommitmentGrouping.TEAM
    title: str | None = Field(
        default=None, description='e.g. "Les engagements de notre coopération".'
    )


class TerritorialDiagnosticConfig(_Config):
    """Groups by territory describe their situation."""

    type: Literal["territorial_diagnostic"] = "territorial_diagnostic"
    territories: list[str] = Field(
        default_factory=list, description="Départements or regions (93, Ardèche, R84)."
    )
    prompt: str | None = None

    _clean = field_validator("territories", mode="before")(
        lambda v: [normalise_territory(clean_line(x)) for x in v] if isinstance(v, list) else v
    )


class PeerHelpConfig(_Config):
    """Peer help: each territory presents a difficulty, the others share practices."""

    type: Literal["peer_help"] = "peer_help"
    territories: list[str] = Field(default_factory=list)
    minutes_per_territory: int = Field(default=20, ge=1, le=240)

    _clean = field_validator("territories", mode="before")(
        lambda v: [normalise_territory(clean_line(x)) for x in v] if isinstance(v, list) else v
    )


class SurveyQuestion(_Config):
    """A question of the satisfaction questionnaire, scored on a scale."""

    id: str = Field(pattern=ID_PATTERN)
    text: str = Field(min_length=1)
    scale_min: int = 1
    scale_max: int = 5


class ClosingConfig(_Config):
    """Closing round ("déclusion") and satisfaction questionnaire."""

    type: Literal["closing"] = "closing"
    prompt: str = Field(
        default="Un mot pour dire comment vous repartez", description="Closing-round prompt."
    )
    survey: list[SurveyQuestion] = Field(default_factory=list)


class PrototypeTestConfig(_Config):
    """Prototype or scenario test: each team builds a quick model of a solution; in timed rounds
    the other teams visit it and give structured feedback; each team then revises it and states
    its decision. Its rules, events and report are in `labkit.methods.prototype`."""

    type: Literal["prototype_test"] = "prototype_test"
    teams: int | list[str] = Field(
        description="How many teams (2 or more), or their names, team 1 first."
    )
    prototypes: list[str] = Field(
        default_factory=list, description="What each team prototypes (titles, team 1 first)."
    )
    rounds: int | None = Field(
        default=None, ge=1, le=20,
        description="Rounds of visits; absent: each team visits every other team once.",
    )
    minutes_per_round: int = Field(default=10, ge=1, le=120)
    transition_minutes: int = Field(default=2, ge=0, le=30)
    revision_minutes: int = Field(
        default=15, ge=0, le=180, description="Revision, then each team states its decision."
    )
    prompts: list[str] = Field(
        default_factory=lambda: ["Ce qui marche", "Ce qui manque", "Et si…"],
        min_length=1, max_length=6, description="The facets of the visitors' feedback.",
    )

    _clean = field_validator("teams", "prototypes", "prompts", mode="before")(
        lambda v: [clean_line(x) for x in v] if isinstance(v, list) else v
    )


class BreakConfig(_Config):
    """A break."""

    type: Literal["break"] = "break"


class LunchConfig(_Config):
    """Lunch."""

    type: Literal["lunch"] = "lunch"


MethodConfig = Annotated[
    PlenaryConfig
    | CrossedInterviewsConfig
    | WorldCafeConfig
    | PersonaJourneyConfig
    | IdeaVoteConfig
    | CommitmentsConfig
    | TerritorialDiagnosticConfig
    | PeerHelpConfig
    | PrototypeTestConfig
    | ClosingConfig
    | BreakConfig
    | LunchConfig,
    Field(discriminator="type"),
]

METHOD_TYPES: tuple[str, ...] = (
    "plenary",
    "crossed_interviews",
    "world_cafe",
    "persona_journey",
    "idea_vote",
    "commitments",
    "territorial_diagnostic",
    "peer_help",
    "prototype_test",
    "closing",
    "break",
    "lunch",
)
PAUSE_TYPES: frozenset[str] = frozenset({"break", "lunch"})
