"""What the phone and projector pages know of the session: the running block, what its spec lets
a participant contribute, and the journal writes those contributions become.

Each write goes to the session's journal as one more writer: device ``phone`` (a participant's
own entry) or ``host`` (a table host entering the table's ideas), the phone's pseudonymous id as
recorder. The method specs build the events (`WorldCafe.idea`, `IdeaVote.vote`…); the journal's
rules still check them.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from labkit.errors import InvalidInputError
from labkit.methods import ParticipantInput, spec_of, voting
from labkit.methods.idea_vote import IdeaVote
from labkit.methods.world_cafe import WorldCafe
from labkit.model import Block, ClosingConfig, IdeaVoteConfig, WorldCafeConfig
from labkit.model import events as ev
from labkit.model.naming import NamingGuard
from labkit.model.views import Vote
from labkit.planning.team_rotation import team_at_table
from labkit.store import seating
from labkit.store.journal import Job, Journal, JournalState, Prepared
from labkit.store.session_folder import SessionFolder
from labkit.web.control import table_count
from labkit.web.security import Visitor

SOURCES = ("phone", "host")
"""The journal devices of the web server's writes (a participant's phone, a table host)."""
PAGE_KINDS = frozenset({"idea", "ingredient", "note", "feedback", "decision", "commitment",
                        "vote", "survey", "closing_word"})  # fmt: skip
"""The contributions the phone pages have a form for (a journey step, which needs a persona and
a stage, is entered in the live app)."""


class Refused(Exception):
    """A contribution the page refuses: `key` is the message shown (nothing was written)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params


@dataclass(frozen=True)
class Position:
    """Where a café participant stands: round, table and its question."""

    round: int | None
    table: int | None
    question: int | None
    question_text: str | None
    team: str | None = None
    """The team at the table this round (a café with `teams`)."""


@dataclass(frozen=True)
class Candidate:
    item_id: str
    text: str
    question: int | None


class Room:
    """The session as the pages see it; its journal writes the phones' contributions."""

    def __init__(self, folder: SessionFolder) -> None:
        self.folder = folder
        self.session = folder.session
        self.lang = self.session.language
        self.journal = Journal.open(folder.root, device="phone")
        """One connection for the whole server (each write says its device: phone or host)."""
        self.guard = NamingGuard.for_session(self.session, named=False)
        """What the room's screens show of a contribution: no one who may not be named."""

    @property
    def root(self) -> Path:
        return self.folder.root

    def close(self) -> None:
        self.journal.close()

    def tables(self) -> int:
        """How many tables the session's table cards number."""
        return table_count(self.session)

    # --- reading -----------------------------------------------------------------------------

    def reading(self) -> contextlib.AbstractContextManager[JournalState]:
        """The journal's current state, without a copy, for the ``with`` block only (see
        `Journal.reading`): a page reads what it shows inside it, a post checks and writes."""
        return self.journal.reading()

    def running(self, state: JournalState) -> Block | None:
        """The block that runs now (started, not ended), if any."""
        current = state.current_block()
        return self.session.block(current.block_id) if current else None

    def mine(self, block: Block, pid: str, state: JournalState, last: int = 5) -> list[str]:
        """The texts `pid` contributed to `block`, the `last` latest (newest last)."""
        found: list[str] = []
        contributions = state.contributions
        for contribution_id in reversed(state.block_contributions.get(block.id, {})):
            contribution = contributions.get(contribution_id)
            if contribution is not None and contribution.recorder == pid:
                found.append(contribution.text)
                if len(found) == last:
                    break
        return found[::-1]

    def phase(self, state: JournalState) -> str:
        """Where the day stands when no block runs: ``before`` (nothing started yet),
        ``between`` (the next activity is to come), ``day_over`` (the last block of a day that
        is not the last ended) or ``over`` (no block is left after the last one run)."""
        blocks = self.session.blocks()
        started = [i for i, (_, b) in enumerate(blocks) if state.block(b.id).started_at]
        if not started:
            return "before"
        last = started[-1]
        if last == len(blocks) - 1:
            return "over" if state.block(blocks[last][1].id).status == "ended" else "between"
        day = blocks[last][0]
        return "day_over" if blocks[last + 1][0] != day else "between"

    def inputs(self, block: Block, visitor: Visitor) -> tuple[ParticipantInput, ...]:
        """What `visitor` may contribute to `block`: its spec's contributions, the host-only
        ones for a table host only (and then instead of the participant's own)."""
        own = tuple(i for i in spec_of(block).contributions if i.kind in PAGE_KINDS)
        if visitor.host and any(i.host_only for i in own):
            return tuple(i for i in own if i.host_only)
        return tuple(i for i in own if not i.host_only)

    def position(self, block: Block, table: int | None, state: JournalState) -> Position:
        """The round running in `block` and the question of `table` in it."""
        running = state.current_round(block.id)
        number = running.round if running else None
        config = block.method
        if not isinstance(config, WorldCafeConfig) or table is None:
            return Position(number, table, None, None)
        question = config.question_at(table, number or 1)
        team = team_at_table(config.teams, table, number or 1, config.tables)
        return Position(number, table, question, config.questions[question - 1], team)

    def moves(self, block: Block, state: JournalState) -> list[tuple[str, int]]:
        """Who moves to which table at the next round (first names; a member of a vulnerable
        group by their participant id only)."""
        running = state.current_round(block.id)
        if running is None or not isinstance(block.method, WorldCafeConfig):
            return []
        try:
            saved = seating.read_plan(seating.rotations_dir(self.root), block.id, self.lang)
        except InvalidInputError:
            return []
        journal = self.journal
        replanned = seating.replans(journal.events(types=["rotation.replanned"]), block.id,
                                    journal.is_undone)  # fmt: skip
        rounds = seating.plan_in_force(saved.rounds if saved else None, replanned)
        if not rounds or len(rounds) <= running.round:
            return []
        vulnerable = {g.key for g in self.session.groups if g.vulnerable}
        moves = []
        for table, people in enumerate(rounds[running.round], 1):
            for person_id in people:
                if seating.table_of(rounds, running.round, person_id) == table:
                    continue
                person = self.session.participant(person_id)
                shown = person_id if person is None or person.group in vulnerable \
                    else person.first_name  # fmt: skip
                moves.append((shown, table))
        return moves

    def ends_at(self, block: Block, state: JournalState) -> datetime | None:
        """When the running round (else the block) is planned to end, paused time excluded."""
        timing = state.block(block.id)
        if timing.started_at is None:
            return None
        now = datetime.now(UTC)
        running = state.current_round(block.id)
        if running is not None:
            minutes = spec_of(block).round_minutes(block.method, running.round) or block.duration
            return now + timedelta(minutes=minutes) - running.elapsed(timing, now)
        return now + timing.remaining(block.duration, now)

    def candidates(self, block: Block, state: JournalState) -> list[Candidate]:
        """The ideas up for the vote (every question), with their text."""
        config: IdeaVoteConfig = block.method  # type: ignore[assignment]
        numbers: list[int | None] = list(range(1, len(config.questions) + 1)) or [None]
        found: dict[str, Candidate] = {}
        for number in numbers:
            for item in voting.candidates(self.session, block, config, state, number):
                text = state.contributions[item].text if item in state.contributions \
                    else state.clusters[item].title  # fmt: skip
                found.setdefault(item, Candidate(item, self.guard.mask(text), number))
        return list(found.values())

    def budget(self, block: Block, state: JournalState) -> int:
        return voting.budget(block.method, len(self.candidates(block, state)))  # type: ignore[arg-type]

    def my_votes(self, block: Block, pid: str, state: JournalState) -> dict[int, Vote]:
        """event id -> the vote `pid` gave in `block` that still counts."""
        return {n: v for n, v in state.votes.items()
                if v.participant_id == pid and v.block_id == block.id}  # fmt: skip

    def answered(self, pid: str) -> bool:
        """Whether `pid` already filled the questionnaire."""
        journal = self.journal
        return any(e.recorder == pid and not journal.is_undone(e)
                   for e in journal.events(types=["survey.answered"]))  # fmt: skip

    # --- writing -----------------------------------------------------------------------------

    def _check_running(self, block_id: str, state: JournalState) -> Block:
        block = self.running(state)
        if block is None or block.id != block_id:
            raise Refused("web.error.not_now")
        return block

    @staticmethod
    def _write(visitor: Visitor, events: list[ev.EventModel], host: bool = False) -> Prepared:
        return Prepared(events, recorder=visitor.pid, device="host" if host else "phone")

    # Each write below is a job (`labkit.store.journal.Job`) for the server's group writer
    # (`labkit.web.writer`): it checks the post against the state it is given and builds the
    # events, or raises Refused; the journal's rules check them again as they are written.

    def contribute(self, visitor: Visitor, block_id: str, kind: str, text: str,
                   team: str | None = None) -> Job:  # fmt: skip
        """A text contribution (idea, ingredient, note, feedback, decision, commitment)."""
        return lambda state: self._contribute(state, visitor, block_id, kind, text, team)

    def _contribute(self, state: JournalState, visitor: Visitor, block_id: str, kind: str,
                    text: str, team: str | None) -> Prepared:  # fmt: skip
        block = self._check_running(block_id, state)
        wanted = next((i for i in self.inputs(block, visitor) if i.kind == kind), None)
        if wanted is None:
            raise Refused("web.error.not_now")
        text = " ".join(text.split()) if kind == "commitment" else text.strip()
        if not text:
            raise Refused("web.error.empty")
        author = visitor.name
        by_territory = "territory" in wanted.placed_by
        territory = (team or None) if by_territory else None
        team = None if by_territory else (team or None)
        if wanted.event == "commitment.added":
            event: ev.EventModel = ev.CommitmentAdded(what=text, block_id=block.id,
                                                      status="proposed", team=team,
                                                      territory=territory)  # fmt: skip
        elif "table" in wanted.placed_by and visitor.table is None:
            raise Refused("web.error.no_table")
        else:
            where = self.position(block, visitor.table, state)
            base = WorldCafe.idea(block, text, round_number=where.round, table=visitor.table,
                                  question=where.question) if kind == "idea" else \
                ev.ContributionAdded(block_id=block.id, text=text, kind=kind,  # type: ignore[arg-type]
                                     table=visitor.table, team=team,
                                     territory=territory)  # fmt: skip
            event = base.model_copy(update={"author": author}) if author else base
        return self._write(visitor, [event], host=wanted.host_only)

    def vote(self, visitor: Visitor, block_id: str, items: list[str]) -> Job:
        """Replace `visitor`'s dots in the vote by one dot on each of `items`."""
        return lambda state: self._vote(state, visitor, block_id, items)

    def _vote(self, state: JournalState, visitor: Visitor, block_id: str,
              items: list[str]) -> Prepared:  # fmt: skip
        block = self._check_running(block_id, state)
        known = {c.item_id: c for c in self.candidates(block, state)}
        if any(i not in known for i in items):
            raise Refused("web.vote.unknown")
        chosen = list(dict.fromkeys(items))
        limit = voting.budget(block.method, len(known))  # type: ignore[arg-type]
        if len(chosen) > limit:
            raise Refused("web.vote.over_budget", n=len(chosen), budget=limit)
        events: list[ev.EventModel] = [
            ev.EventUndone(target=self.journal.get(n).uuid, reason="vote changed")
            for n in self.my_votes(block, visitor.pid, state)
        ]
        events += [IdeaVote.vote(block, i, 1, question=known[i].question,
                                 participant_id=visitor.pid) for i in chosen]  # fmt: skip
        return self._write(visitor, events)

    def survey(self, visitor: Visitor, block_id: str, group: str,
               scores: dict[str, float], comment: str) -> Job:  # fmt: skip
        """A questionnaire answer: one per participant, every question scored."""
        return lambda state: self._survey(state, visitor, block_id, group, scores, comment)

    def _survey(self, state: JournalState, visitor: Visitor, block_id: str, group: str,
                scores: dict[str, float], comment: str) -> Prepared:  # fmt: skip
        block = self._check_running(block_id, state)
        config: ClosingConfig = block.method  # type: ignore[assignment]
        wanted = {q.id for q in config.survey}
        if self.session.group(group) is None or set(scores) != wanted:
            raise Refused("web.survey.incomplete")
        if self.answered(visitor.pid):
            raise Refused("web.survey.twice")
        event = ev.SurveyAnswered(group=group, scores=scores,
                                  comment=comment.strip() or None)  # fmt: skip
        return self._write(visitor, [event])

    def closing_word(self, visitor: Visitor, block_id: str, word: str, *,
                     image: bool = False) -> Job:
        """A closing word (or short phrase) for the closing block's word cloud, or with
        `image` the picture card chosen (its number or title), as the live app records it."""
        word = " ".join(word.split())

        def job(state: JournalState) -> Prepared:
            block = self._check_running(block_id, state)
            if not word:
                raise Refused("web.error.empty")
            said = (ev.ClosingWordAdded(image=word, block_id=block.id) if image
                    else ev.ClosingWordAdded(text=word, block_id=block.id))
            return self._write(visitor, [said])

        return job
