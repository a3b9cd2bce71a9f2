"""Method configurations: the discriminated union on `type`, defaults, bounds, cleaning."""

from __future__ import annotations

import typing
from typing import Any

import pytest
from pydantic import ValidationError

from labkit.model import (
    METHOD_TYPES,
    Block,
    BreakConfig,
    ClosingConfig,
    CommitmentGrouping,
    CommitmentsConfig,
    CrossedInterviewsConfig,
    IdeaVoteConfig,
    LunchConfig,
    MethodConfig,
    PeerHelpConfig,
    PersonaJourneyConfig,
    PlenaryConfig,
    PlenaryKind,
    QuestionMode,
    TerritorialDiagnosticConfig,
    VotingUnit,
    WorldCafeConfig,
)
from labkit.model.methods import PAUSE_TYPES, PrototypeTestConfig

# the smallest valid configuration of each method, and the class it must become
MINIMAL: dict[str, tuple[dict[str, Any], type]] = {
    "plenary": ({}, PlenaryConfig),
    "crossed_interviews": ({"prompt": "Une coopération réussie"}, CrossedInterviewsConfig),
    "world_cafe": ({"questions": ["Q"], "tables": 4, "rounds": 3}, WorldCafeConfig),
    "persona_journey": (
        {"personas": [{"id": "lea", "name": "Léa"}], "stages": ["Recherche"]},
        PersonaJourneyConfig,
    ),
    "idea_vote": ({}, IdeaVoteConfig),
    "commitments": ({}, CommitmentsConfig),
    "territorial_diagnostic": ({}, TerritorialDiagnosticConfig),
    "peer_help": ({}, PeerHelpConfig),
    "prototype_test": ({"teams": 4}, PrototypeTestConfig),
    "closing": ({}, ClosingConfig),
    "break": ({}, BreakConfig),
    "lunch": ({}, LunchConfig),
}


def block(method: Any, **fields: Any) -> Block:
    return Block.model_validate(
        {"id": "b1", "title": "Bloc", "duration": 60, "method": method, **fields}
    )


def test_method_types_list_every_member_of_the_union() -> None:
    union = typing.get_args(typing.get_args(MethodConfig)[0])
    tags = [member.model_fields["type"].default for member in union]
    assert tuple(tags) == METHOD_TYPES
    assert set(MINIMAL) == set(METHOD_TYPES)
    assert set(PAUSE_TYPES) == {"break", "lunch"}


@pytest.mark.parametrize("name", METHOD_TYPES)
def test_the_type_picks_the_configuration(name: str) -> None:
    settings, cls = MINIMAL[name]
    b = block({"type": name, **settings})
    assert isinstance(b.method, cls)
    assert b.method_type == name


@pytest.mark.parametrize("name", ["break", "lunch", "plenary", "commitments", "closing"])
def test_short_form_names_the_method(name: str) -> None:
    assert block(name).method_type == name


def test_short_form_of_a_method_with_required_settings_says_what_is_missing() -> None:
    with pytest.raises(ValidationError) as info:
        block("world_cafe")
    missing = {e["loc"][-1] for e in info.value.errors() if e["type"] == "missing"}
    assert missing == {"questions", "tables", "rounds"}


def test_unknown_method_name_is_an_unknown_tag() -> None:
    with pytest.raises(ValidationError) as info:
        block({"type": "brainstorm"})
    assert info.value.errors()[0]["type"] == "union_tag_invalid"


def test_settings_of_another_method_are_refused() -> None:
    with pytest.raises(ValidationError) as info:
        block({"type": "break", "tables": 3})
    assert info.value.errors()[0]["type"] == "extra_forbidden"


def test_defaults_match_the_brief() -> None:
    interviews = CrossedInterviewsConfig(prompt="x")
    assert (interviews.minutes_per_person, interviews.regroup_size) == (8, 4)
    cafe = WorldCafeConfig(questions=["Q"], tables=4, rounds=3)
    assert cafe.minutes_per_round == 20
    assert cafe.question_mode is QuestionMode.PER_TABLE
    assert cafe.keep_per_question == 3
    vote = IdeaVoteConfig()
    assert vote.dots_per_voter is None  # one dot per three options
    assert vote.voting is VotingUnit.PARTICIPANT and vote.top_n == 3
    assert CommitmentsConfig().grouped_by is CommitmentGrouping.TEAM
    assert PlenaryConfig().kind is PlenaryKind.PRESENTATION
    closing = ClosingConfig()
    assert closing.prompt and closing.survey == []


def test_world_cafe_rounds_minutes_count_transitions_between_rounds() -> None:
    cafe = WorldCafeConfig(questions=["Q"], tables=4, rounds=3, minutes_per_round=20,
                           transition_minutes=5)
    assert cafe.rounds_minutes == 3 * 20 + 2 * 5
    single = WorldCafeConfig(questions=["Q"], tables=4, rounds=1, minutes_per_round=25)
    assert single.rounds_minutes == 25


@pytest.mark.parametrize(
    ("cls", "fields"),
    [
        (WorldCafeConfig, {"questions": ["Q"], "tables": 0, "rounds": 3}),
        (WorldCafeConfig, {"questions": ["Q"], "tables": 4, "rounds": 0}),
        (WorldCafeConfig, {"questions": [], "tables": 4, "rounds": 3}),
        (CrossedInterviewsConfig, {"prompt": "x", "regroup_size": 1}),
        (CrossedInterviewsConfig, {"prompt": ""}),
        (PersonaJourneyConfig, {"personas": [], "stages": ["a"]}),
        (PersonaJourneyConfig, {"personas": [{"id": "a", "name": "A"}], "stages": []}),
        (IdeaVoteConfig, {"dots_per_voter": 0}),
        (IdeaVoteConfig, {"voting": "table"}),
        (CommitmentsConfig, {"grouped_by": "city"}),
        (PeerHelpConfig, {"minutes_per_territory": 0}),
    ],
)
def test_out_of_range_settings_are_refused(cls: type, fields: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        cls.model_validate(fields)


def test_text_settings_are_cleaned() -> None:
    cafe = WorldCafeConfig(questions=[" Comment\n accueillir ?\x00 "], tables=2, rounds=2)
    assert cafe.questions == ["Comment  accueillir ?"]
    interviews = CrossedInterviewsConfig(prompt="Une coopération\x07\r\nqui a marché")
    assert interviews.prompt == "Une coopération\nqui a marché"


def test_departements_typed_as_numbers_are_text() -> None:
    assert TerritorialDiagnosticConfig(territories=[93, "94 "]).territories == ["93", "94"]
    assert PeerHelpConfig(territories=[75]).territories == ["75"]


def test_survey_questions_carry_their_scale() -> None:
    closing = ClosingConfig.model_validate(
        {"survey": [{"id": "satisfaction", "text": "Satisfaction"},
                    {"id": "utilite", "text": "Utilité", "scale_min": 0, "scale_max": 10}]}
    )
    assert [(q.scale_min, q.scale_max) for q in closing.survey] == [(1, 5), (0, 10)]
