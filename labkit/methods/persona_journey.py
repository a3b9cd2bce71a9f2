"""Persona journeys: each team maps a persona's stages (actions, touchpoints, emotion, pain
points, opportunities); the report draws the map and the emotion curve on a landscape page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from labkit.document.text import clean, one_line, unwrap
from labkit.methods.captured import Captured, Harvest
from labkit.methods.outputs import ModuleOutput
from labkit.methods.spec import CheckContext, MethodSpec, ParticipantInput, TimedPart
from labkit.model import Block, PersonaJourneyConfig, Session
from labkit.model import events as ev
from labkit.model.validation import Problem, duplicates, error

if TYPE_CHECKING:
    from labkit.document import elements as e
    from labkit.document.wording import Words
    from labkit.model import views as v

STAGES_PER_TABLE = 6
"""Journey stages per map table (a landscape page holds about six readable columns)."""
EMOTION_MIN, EMOTION_MAX = -2, 2


@dataclass(frozen=True)
class JourneyStage:
    stage: str
    actions: tuple[str, ...]
    touchpoints: tuple[str, ...]
    emotion: int | None
    pain_points: tuple[str, ...]
    opportunities: tuple[str, ...]


@dataclass(frozen=True)
class JourneyMap:
    persona_id: str
    name: str
    description: str | None
    team: str | None
    stages: tuple[JourneyStage, ...]


@dataclass(frozen=True)
class JourneyOutput(ModuleOutput):
    maps: tuple[JourneyMap, ...] = ()


@dataclass(frozen=True)
class JourneysLive:
    """The personas of the block and each one's steps so far."""

    personas: tuple[v.Persona, ...]
    steps: dict[str, tuple[v.JourneyStep, ...]]
    """persona id -> its steps, by position (steps without one follow)."""

    def of_team(self, team: str) -> v.Persona | None:
        """The persona a team maps (the first made, should two have been)."""
        return next((p for p in self.personas if p.team == team), None)

    def stages(self, persona_id: str | None,
               planned: list[str]) -> list[tuple[str, v.JourneyStep | None]]:  # fmt: skip
        """The rows of a persona's map: each planned stage with its step (None: not filled
        yet; a step renamed in the live app keeps its stage's place), then the steps of stages
        the plan does not name."""
        steps = self.steps.get(persona_id, ()) if persona_id else ()
        rows: list[tuple[str, v.JourneyStep | None]] = []
        used: set[str] = set()
        for stage in planned:
            step = next((s for s in steps if s.stage == stage and s.step_id not in used), None)
            if step:
                used.add(step.step_id)
            rows.append((stage, step))
        names = set(planned)
        for index, (_, step) in enumerate(rows):
            if step is None:  # a planned stage renamed: the step in its place, by position
                renamed = next((s for s in steps if s.position == index + 1
                                and s.stage not in names and s.step_id not in used), None)
                if renamed is not None:
                    used.add(renamed.step_id)
                    rows[index] = (renamed.stage, renamed)
        rows += [(s.stage, s) for s in steps if s.step_id not in used]
        return rows


class PersonaJourney(MethodSpec[PersonaJourneyConfig]):
    tag = "persona_journey"
    config_type = PersonaJourneyConfig
    events = ("persona.created", "persona.edited", "persona.deleted", "journey_step.added",
              "journey_step.edited", "journey_step.deleted")  # fmt: skip
    contributions = (ParticipantInput("journey_step", "journey_step.added", ("team", "persona")),)
    landscape = True

    def parts(self, config: PersonaJourneyConfig) -> tuple[TimedPart, ...]:
        return ()

    @staticmethod
    def persona(block: Block, name: str, *, description: str | None = None,
                team: str | None = None) -> ev.PersonaCreated:  # fmt: skip
        """A persona whose journey a team maps."""
        return ev.PersonaCreated(block_id=block.id, name=name, description=description,
                                 team=team)  # fmt: skip

    @staticmethod
    def persona_edited(persona_id: str, **changes: object) -> ev.PersonaEdited:
        """A persona's name, description or team changed (None clears a field)."""
        return ev.PersonaEdited.model_validate({"persona_id": persona_id, **changes})

    @staticmethod
    def step(persona_id: str, stage: str, **details: object) -> ev.JourneyStepAdded:
        """A stage of a persona's journey (position, actions, touchpoints, emotion…); empty
        details are left out."""
        return ev.JourneyStepAdded.model_validate(
            {"persona_id": persona_id, "stage": stage,
             **{k: x for k, x in details.items() if x not in (None, [])}}
        )  # fmt: skip

    @staticmethod
    def step_deleted(step_id: str) -> ev.JourneyStepDeleted:
        """A journey step removed (the journal keeps it)."""
        return ev.JourneyStepDeleted(step_id=step_id)

    @staticmethod
    def step_edited(step_id: str, **changes: object) -> ev.JourneyStepEdited:
        """Fields of a journey step changed (only those given; None clears a field)."""
        return ev.JourneyStepEdited.model_validate({"step_id": step_id, **changes})

    def check(self, context: CheckContext, config: PersonaJourneyConfig) -> Iterator[Problem]:
        for p in sorted(duplicates([p.id for p in config.personas])):
            yield error("duplicate_persona", (*context.path, "personas"), id=p)

    def live(self, session: Session, block: Block, config: PersonaJourneyConfig,
             captured: Captured) -> JourneysLive:  # fmt: skip
        personas = tuple(sorted((p for p in captured.personas.values() if p.block_id == block.id),
                                key=lambda p: p.event_id))  # fmt: skip
        return JourneysLive(personas, {p.persona_id: tuple(captured.journey(p.persona_id))
                                       for p in personas})  # fmt: skip

    def report(self, block: Block, config: PersonaJourneyConfig, day: int,
               harvest: Harvest) -> JourneyOutput | None:  # fmt: skip
        captured = harvest.captured
        personas = sorted((p for p in captured.personas.values()
                           if harvest.belongs(block, p.block_id)),
                          key=lambda p: p.event_id)  # fmt: skip
        order = {one_line(s).casefold(): n for n, s in enumerate(config.stages)}
        planned = {key: p for p in config.personas for key in (p.id, one_line(p.name).casefold())}
        maps = []
        for persona in personas:
            steps = captured.journey(persona.persona_id)
            plan = planned.get(persona.persona_id) or planned.get(one_line(persona.name).casefold())
            description_text = persona.description or (plan.description if plan else None)
            if not steps and not description_text:
                continue
            if all(s.position is None for s in steps):
                steps = sorted(steps, key=lambda s: (order.get(s.stage.casefold(), 99), s.event_id))
            stages = tuple(
                JourneyStage(one_line(s.stage), tuple(clean(x) for x in s.actions),
                             tuple(clean(x) for x in s.touchpoints), s.emotion,
                             tuple(clean(x) for x in s.pain_points),
                             tuple(clean(x) for x in s.opportunities))
                for s in steps
            )  # fmt: skip
            description = unwrap(clean(description_text)) if description_text else None
            team = one_line(persona.team) if persona.team else None
            maps.append(JourneyMap(persona.persona_id, one_line(persona.name), description,
                                   team, stages))  # fmt: skip
        if not maps:
            return None
        return JourneyOutput(block.id, clean(block.title), self.tag, day, maps=tuple(maps))

    def layout(self, output: ModuleOutput, words: Words) -> list[e.Element]:
        from labkit.document import elements as e
        from labkit.document.chart_labels import figure

        assert isinstance(output, JourneyOutput)
        out: list[e.Element] = []
        for journey in output.maps:  # no page break between them: no half-empty landscape page
            title = journey.name + (f" — {words('team', name=journey.team)}"
                                    if journey.team else "")  # fmt: skip
            out.append(e.Heading(3, title))
            if journey.description:
                out.append(e.Paragraph(journey.description, "quote"))
            if not journey.stages:
                out.append(e.Paragraph(words("journey.no_steps"), "note"))
                continue
            for start in range(0, len(journey.stages), STAGES_PER_TABLE):
                out.append(_journey_table(journey.stages[start : start + STAGES_PER_TABLE], words))
            emotions = tuple(float(s.emotion) if s.emotion is not None else None
                             for s in journey.stages)  # fmt: skip
            if any(x is not None for x in emotions):
                labels = tuple((float(n), words(f"emotion.{n}"))
                               for n in range(EMOTION_MIN, EMOTION_MAX + 1))  # fmt: skip
                chart = e.Chart(
                    "line", words("chart.emotion", name=journey.name),
                    tuple(s.stage for s in journey.stages), (e.Series(journey.name, emotions),),
                    value_min=EMOTION_MIN, value_max=EMOTION_MAX, value_labels=labels,
                )  # fmt: skip
                out.append(figure(chart, words, chart.title))
        return out


def _journey_table(stages: tuple[JourneyStage, ...], w: Words) -> e.Table:
    from labkit.document import elements as e

    def cell(values: tuple[str, ...]) -> str:
        return "\n".join(f"• {x}" for x in values) if len(values) > 1 else "".join(values)

    rows = (
        (w("journey.actions"), *(cell(s.actions) for s in stages)),
        (w("journey.touchpoints"), *(cell(s.touchpoints) for s in stages)),
        (w("journey.emotion"), *(w(f"emotion.{s.emotion}") if s.emotion is not None else "—"
                                 for s in stages)),
        (w("journey.pain_points"), *(cell(s.pain_points) for s in stages)),
        (w("journey.opportunities"), *(cell(s.opportunities) for s in stages)),
    )  # fmt: skip
    return e.Table(
        (w("journey.stage"), *(s.stage for s in stages)), rows,
        (1.6, *([3.0] * len(stages))), compact=True, first_column_header=True,
    )  # fmt: skip
