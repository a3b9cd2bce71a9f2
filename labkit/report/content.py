"""What the restitution says: pure, immutable content built from the plan and the journal.

Nothing here knows about Word, Markdown or HTML (see `layout` and the writers). Every text is
already cleaned (`labkit.document.text.clean`), and people appear only as the naming policy allows
(`labkit.report.people`): a name with consent or ``--named``, never for a vulnerable group.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from labkit.methods.outputs import ModuleOutput
from labkit.model.record import Record

# --- cover, context, participation -----------------------------------------------------------


@dataclass(frozen=True, eq=False, repr=False)
class Cover(Record):
    title: str
    lab: str
    sponsor: str | None
    dates: tuple[dt.date, ...]
    venue: str | None
    mode: str
    """in_person, remote or traveling."""
    format: str
    resources_url: str | None
    remote_link: str | None = None
    logos: tuple[Logo, ...] = ()
    """The Lab's logo, then the sponsor's (paths relative to the session folder)."""
    document_date: dt.date | None = None
    version: str = "1.0"


@dataclass(frozen=True, eq=False, repr=False)
class Logo(Record):
    path: str
    owner: str
    """Whose logo it is (the Lab, the sponsor): its alternative text."""


@dataclass(frozen=True, eq=False, repr=False)
class Context(Record):
    text: str
    questions: tuple[str, ...]
    objectives: tuple[str, ...]


@dataclass(frozen=True, eq=False, repr=False)
class DayPresence(Record):
    day: int
    date: dt.date
    present: int
    """People who came (recorded in the journal), or the expected count when nothing was."""
    expected: int
    recorded: bool
    """Whether the journal holds attendance for this day."""


@dataclass(frozen=True, eq=False, repr=False)
class Count(Record):
    label: str
    count: int
    colour: str | None = None


@dataclass(frozen=True, eq=False, repr=False)
class NamedPerson(Record):
    name: str
    organisation: str | None
    group: str
    role: str


@dataclass(frozen=True, eq=False, repr=False)
class Participation(Record):
    days: tuple[DayPresence, ...]
    total: int
    """Distinct people who took part (seated or not), over every day."""
    by_group: tuple[Count, ...]
    by_organisation: tuple[Count, ...]
    named: tuple[NamedPerson, ...]
    unnamed: int
    """People who took part but are not named (no consent, or a group never named)."""


# --- agenda as it ran ------------------------------------------------------------------------


@dataclass(frozen=True, eq=False, repr=False)
class AgendaRow(Record):
    block_id: str
    title: str
    phase: str
    method: str
    planned_start: dt.datetime
    planned_end: dt.datetime
    actual_start: dt.datetime | None
    actual_end: dt.datetime | None
    """Local (naive) times in the session's time zone."""

    @property
    def start_drift(self) -> int | None:
        """Minutes late (positive) or early (negative) at the start; None when not recorded, or
        held on another date than planned (a rehearsal: « -181106 min » meant nothing)."""
        if self.actual_start is None or self.actual_start.date() != self.planned_start.date():
            return None
        return round((self.actual_start - self.planned_start).total_seconds() / 60)

    @property
    def held(self) -> bool:
        return self.actual_start is not None


@dataclass(frozen=True, eq=False, repr=False)
class AgendaDay(Record):
    day: int
    date: dt.date
    rows: tuple[AgendaRow, ...]
    recorded: bool
    """Whether the journal recorded any block of this day."""


# --- act: commitments, satisfaction, closing -------------------------------------------------


@dataclass(frozen=True, eq=False, repr=False)
class CommitmentRow(Record):
    commitment_id: str
    what: str
    owner: str | None
    due: dt.date | None
    indicator: str | None
    status: str


@dataclass(frozen=True, eq=False, repr=False)
class CommitmentGroup(Record):
    label: str | None
    rows: tuple[CommitmentRow, ...]


@dataclass(frozen=True, eq=False, repr=False)
class Commitments(Record):
    title: str | None
    grouped_by: str
    """team or territory."""
    groups: tuple[CommitmentGroup, ...]

    @property
    def count(self) -> int:
        return sum(len(g.rows) for g in self.groups)


@dataclass(frozen=True, eq=False, repr=False)
class SurveyQuestionResult(Record):
    question_id: str
    text: str
    scale_min: float
    scale_max: float


@dataclass(frozen=True, eq=False, repr=False)
class SatisfactionRow(Record):
    group: str
    """The stakeholder group's label ("" for every respondent together)."""
    respondents: int
    means: dict[str, float | None] = field(default_factory=dict)
    """question id -> mean score on the question's scale (None: no answer)."""
    colour: str | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Satisfaction(Record):
    questions: tuple[SurveyQuestionResult, ...]
    rows: tuple[SatisfactionRow, ...]
    overall: SatisfactionRow
    comments: tuple[str, ...]


@dataclass(frozen=True, eq=False, repr=False)
class ClosingWord(Record):
    text: str | None
    image: str | None


@dataclass(frozen=True, eq=False, repr=False)
class ClosingWords(Record):
    prompt: str | None
    words: tuple[ClosingWord, ...]
    """Every word said (or image picked, with what was said about it), in order."""
    images: tuple[Count, ...]
    """Images picked, with how many people picked each."""


@dataclass(frozen=True, eq=False, repr=False)
class NextStep(Record):
    text: str
    due: dt.date | None
    owner: str | None


@dataclass(frozen=True, eq=False, repr=False)
class NextMeeting(Record):
    date: dt.date
    what: str
    where: str | None


@dataclass(frozen=True, eq=False, repr=False)
class FollowUp(Record):
    """« Les suites » besides the retro-planning's tasks: the next meeting and who follows up."""

    next_meeting: NextMeeting | None
    follow_up: str | None


@dataclass(frozen=True, eq=False, repr=False)
class Foreword(Record):
    paragraphs: tuple[str, ...]
    signed_by: str | None


@dataclass(frozen=True, eq=False, repr=False)
class Credits(Record):
    """The closing page: thanks, the organisers and whom to contact."""

    thanks: str | None
    """The session file's thanks; None: the default sentence."""
    lab: str
    organisers: tuple[str, ...]
    """« DREETS (co-organisateur) »: already worded."""
    contact: tuple[str, ...]
    """The contact's name, e-mail and phone, those given."""


@dataclass(frozen=True, eq=False, repr=False)
class Attachment(Record):
    name: str
    caption: str | None
    path: str


# --- annex -----------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False, repr=False)
class AnnexEntry(Record):
    contribution_id: str
    kind: str
    where: str
    """Question, round, table, pair, team, territory — already worded."""
    text: str
    author: str | None


@dataclass(frozen=True, eq=False, repr=False)
class AnnexBlock(Record):
    block_id: str | None
    title: str
    day: int | None
    entries: tuple[AnnexEntry, ...]


# --- the whole report ------------------------------------------------------------------------


@dataclass(frozen=True, eq=False, repr=False)
class Report(Record):
    lang: str
    named: bool
    generated_on: dt.date
    cover: Cover
    context: Context
    participation: Participation
    agenda: tuple[AgendaDay, ...]
    outputs: tuple[ModuleOutput, ...]
    commitments: tuple[Commitments, ...]
    satisfaction: Satisfaction | None
    closing: ClosingWords | None
    next_steps: tuple[NextStep, ...]
    attachments: tuple[Attachment, ...]
    annex: tuple[AnnexBlock, ...]
    foreword: Foreword | None = None
    follow_up: FollowUp = FollowUp(None, None)
    credits: Credits | None = None

    @property
    def contribution_count(self) -> int:
        return sum(len(block.entries) for block in self.annex)
