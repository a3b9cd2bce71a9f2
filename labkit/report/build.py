"""Build the restitution's content from a session plan and its journal's state (pure)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from labkit.document.text import clean, one_line, unwrap
from labkit.i18n import t
from labkit.methods import MethodSpec, spec_of
from labkit.model import Block, ClosingConfig, CommitmentsConfig, Session, schedule_session
from labkit.model import views as v
from labkit.model.naming import NamingGuard
from labkit.model.territories import territory_heading
from labkit.report import content as c
from labkit.report.naming_guard import guard_report
from labkit.report.outputs import module_outputs
from labkit.report.people import NamingPolicy
from labkit.store.journal import JournalState


def build_report(
    session: Session,
    state: JournalState | None = None,
    *,
    lang: str | None = None,
    named: bool = False,
    today: dt.date | None = None,
    guard: NamingGuard | None = None,
) -> c.Report:
    """What the restitution of `session` says, given what its journal captured.

    `lang` defaults to the session's language; `named` prints the names of every participant
    except the members of vulnerable groups (by default only those who consented are named).
    Every text then goes through the naming guard (`labkit.model.naming`); pass `guard` to read
    afterwards what it masked (``guard.masked``).
    """
    state = state or JournalState()
    lang = lang or session.language
    guard = guard or NamingGuard.for_session(session, named=named, lang=lang)
    policy = NamingPolicy(session, named=named, lang=lang, guard=guard)
    builder = _Builder(session, state, lang, policy)
    report = c.Report(
        lang=lang,
        named=named,
        generated_on=today or dt.date.today(),
        cover=builder.cover(),
        context=c.Context(
            unwrap(clean(session.context)),
            tuple(clean(q) for q in session.questions),
            tuple(clean(o) for o in session.objectives),
        ),
        participation=builder.participation(),
        agenda=builder.agenda(),
        outputs=module_outputs(session, state, lang),
        commitments=builder.commitments(),
        satisfaction=builder.satisfaction(),
        closing=builder.closing(),
        next_steps=builder.next_steps(),
        attachments=builder.attachments(),
        annex=builder.annex(),
        foreword=builder.foreword(),
        follow_up=builder.follow_up(),
        credits=builder.credits(),
    )
    return guard_report(report, guard)


PARTICIPANT_SOURCES = ("phone", "host")
"""Journal devices of entries made by participants themselves (`labkit serve`)."""


class _Builder:
    def __init__(
        self, session: Session, state: JournalState, lang: str, policy: NamingPolicy
    ) -> None:
        self.session, self.state, self.lang, self.policy = session, state, lang, policy
        self.zone: dt.tzinfo = session.zone

    def local(self, moment: dt.datetime | None) -> dt.datetime | None:
        """A journal instant (UTC) as a naive local time of the session."""
        if moment is None:
            return None
        return moment.astimezone(self.zone).replace(tzinfo=None)

    def cover(self) -> c.Cover:
        s = self.session
        return c.Cover(
            title=one_line(s.title),
            lab=one_line(s.lab),
            sponsor=one_line(s.sponsor) if s.sponsor else None,
            dates=tuple(day.date for day in s.days),
            venue=one_line(s.venue) if s.venue else None,
            mode=s.mode.value,
            format=s.format.value,
            resources_url=s.urls.resources or s.urls.shared_folder,
            remote_link=s.remote_link,
            logos=tuple(
                c.Logo(path, one_line(owner))
                for path, owner in ((s.logo, s.lab), (s.restitution.sponsor_logo, s.sponsor))
                if path and owner
            ),
            document_date=s.restitution.date,
            version=one_line(s.restitution.version),
        )

    def foreword(self) -> c.Foreword | None:
        r = self.session.restitution
        paragraphs = tuple(p for p in unwrap(clean(r.foreword)).split("\n\n") if p)
        if not paragraphs:
            return None
        return c.Foreword(paragraphs, one_line(r.foreword_by) if r.foreword_by else None)

    def follow_up(self) -> c.FollowUp:
        r = self.session.restitution
        meeting = r.next_meeting
        return c.FollowUp(
            c.NextMeeting(meeting.date, one_line(meeting.what),
                          one_line(meeting.where) if meeting.where else None)
            if meeting else None,
            one_line(r.follow_up) if r.follow_up else None,
        )  # fmt: skip

    def credits(self) -> c.Credits:
        s = self.session
        organisers = tuple(
            one_line(f"{o.name} ({o.role})" if o.role else o.name) for o in s.organisers
        )
        contact: tuple[str, ...] = ()
        if s.contact:
            contact = tuple(one_line(x) for x in (s.contact.name, s.contact.email,
                                                  s.contact.phone) if x)  # fmt: skip
        thanks = unwrap(clean(s.restitution.thanks)) if s.restitution.thanks.strip() else None
        return c.Credits(thanks, one_line(s.lab), organisers, contact)

    # --- participation -----------------------------------------------------------------------

    def participation(self) -> c.Participation:
        days, came = [], set()
        for number, day in enumerate(self.session.days, 1):
            expected = [p.id for p in self.session.participants if p.attends(number)]
            records = self.state.attendance.get(number, {})
            recorded = bool(records)
            present = [pid for pid, a in records.items() if a.status != "absent"]
            chosen = present if recorded else expected
            came.update(chosen)
            days.append(c.DayPresence(number, day.date, len(chosen), len(expected), recorded))
        people = [self.session.participant(pid) for pid in sorted(came)]
        known = [p for p in people if p is not None]
        groups = Counter(p.group for p in known)
        by_group = [
            c.Count(one_line(g.label), groups[g.key], g.colour)
            for g in self.session.groups if groups[g.key]
        ]  # fmt: skip
        declared = {g.key for g in self.session.groups}
        strays = sum(n for key, n in groups.items() if key not in declared)
        strays += len(people) - len(known)
        if strays:
            by_group.append(c.Count(t("report.group.other", self.lang), strays))
        organisations = Counter(
            one_line(p.organisation) if p.organisation else t("report.no_organisation", self.lang)
            for p in known
        )
        ranked = sorted(organisations.items(), key=lambda x: (-x[1], x[0]))
        by_organisation = tuple(c.Count(name, n) for name, n in ranked)
        order = {p.id: n for n, p in enumerate(self.session.participants)}
        named = [
            c.NamedPerson(
                self.policy.name(p),
                one_line(p.organisation) if p.organisation else None,
                self._group_label(p.group),
                t(f"role.{p.role.value}", self.lang),
            )
            for p in sorted(known, key=lambda p: order[p.id])
            if self.policy.may_name(p)
        ]
        return c.Participation(
            tuple(days), len(came), tuple(by_group), by_organisation, tuple(named),
            len(came) - len(named),
        )  # fmt: skip

    def _group_label(self, key: str) -> str:
        group = self.session.group(key)
        return one_line(group.label) if group else key

    # --- agenda ------------------------------------------------------------------------------

    def agenda(self) -> tuple[c.AgendaDay, ...]:
        result: list[c.AgendaDay] = []
        for placed_day in schedule_session(self.session):
            rows = []
            for placed in placed_day:
                timing = self.state.blocks.get(placed.block.id)
                rows.append(c.AgendaRow(
                    placed.block.id, clean(placed.block.title), placed.block.phase.value,
                    placed.block.method_type, placed.start, placed.end,
                    self.local(timing.started_at) if timing else None,
                    self.local(timing.ended_at) if timing else None,
                ))  # fmt: skip
            number = placed_day[0].day_number if placed_day else len(result) + 1
            date = self.session.days[number - 1].date
            result.append(c.AgendaDay(number, date, tuple(rows), any(r.held for r in rows)))
        return tuple(result)

    # --- commitments -------------------------------------------------------------------------

    def commitments(self) -> tuple[c.Commitments, ...]:
        items = sorted(self.state.commitments.values(), key=lambda x: x.event_id)
        blocks = [b for _, b in self.session.blocks() if isinstance(b.method, CommitmentsConfig)]
        sections = []
        claimed: set[str] = set()
        for block in blocks:
            config = block.method
            assert isinstance(config, CommitmentsConfig)  # the blocks were chosen by config type
            mine = [x for x in items if x.block_id == block.id]
            if block is blocks[0]:
                known = {b.id for b in blocks}
                mine += [x for x in items if x.block_id not in known]
            claimed.update(x.commitment_id for x in mine)
            if mine:
                title = clean(config.title) if config.title else clean(block.title)
                sections.append(self._commitments(title, config.grouped_by.value, mine))
        rest = [x for x in items if x.commitment_id not in claimed]
        if rest:
            by = "territory" if any(x.territory for x in rest) else "team"
            sections.append(self._commitments(None, by, rest))
        return tuple(sections)

    def _commitments(self, title: str | None, by: str, items: list[v.Commitment]) -> c.Commitments:
        groups: dict[str | None, list[c.CommitmentRow]] = defaultdict(list)
        for x in sorted(items, key=lambda x: (x.due or dt.date.max, x.event_id)):
            key = (x.territory if by == "territory" else x.team) or (x.team or x.territory)
            groups[key].append(c.CommitmentRow(
                x.commitment_id, clean(x.what),
                self.policy.owner(x.owner_person, x.owner_organisation),
                x.due, clean(x.indicator) if x.indicator else None, x.status,
            ))  # fmt: skip
        order = sorted(groups, key=lambda k: (k is None, str(k).zfill(6)))
        return c.Commitments(
            title, by,
            tuple(c.CommitmentGroup(self._group_name(by, k), tuple(groups[k])) for k in order),
        )  # fmt: skip

    def _group_name(self, by: str, key: str | None) -> str | None:
        if key is None:
            return None
        if by == "territory":
            return territory_heading(one_line(key), self.lang)
        if key.isdigit() or len(key) <= 3:
            word = "territory" if by == "territory" else "team"
            return t(f"report.{word}", self.lang, name=key)
        return one_line(key)

    # --- closing -----------------------------------------------------------------------------

    def _closing_blocks(self) -> list[ClosingConfig]:
        return [b.method for _, b in self.session.blocks() if isinstance(b.method, ClosingConfig)]

    def satisfaction(self) -> c.Satisfaction | None:
        responses = sorted(self.state.survey.values(), key=lambda r: r.event_id)
        if not responses:
            return None
        questions: dict[str, c.SurveyQuestionResult] = {}
        for config in self._closing_blocks():
            for q in config.survey:
                questions.setdefault(q.id, c.SurveyQuestionResult(
                    q.id, clean(q.text), q.scale_min, q.scale_max))  # fmt: skip
        for response in responses:
            for qid in response.scores:
                questions.setdefault(qid, c.SurveyQuestionResult(qid, qid, 1, 5))
        by_group: dict[str, list[v.SurveyResponse]] = defaultdict(list)
        for response in responses:
            by_group[response.group].append(response)
        keys = [g.key for g in self.session.groups if g.key in by_group]
        keys += sorted(k for k in by_group if k not in keys)
        rows = []
        for key in keys:
            group = self.session.group(key)
            colour = group.colour if group else None
            rows.append(self._survey_row(self._group_label(key), by_group[key], questions, colour))
        overall = self._survey_row("", responses, questions, None)
        comments = tuple(clean(r.comment) for r in responses if r.comment)
        return c.Satisfaction(tuple(questions.values()), tuple(rows), overall, comments)

    @staticmethod
    def _survey_row(
        label: str,
        responses: list[v.SurveyResponse],
        questions: dict[str, c.SurveyQuestionResult],
        colour: str | None,
    ) -> c.SatisfactionRow:
        means: dict[str, float | None] = {}
        for qid in questions:
            scores = [r.scores[qid] for r in responses if qid in r.scores]
            means[qid] = sum(scores) / len(scores) if scores else None
        return c.SatisfactionRow(label, len(responses), means, colour)

    def closing(self) -> c.ClosingWords | None:
        words = sorted(self.state.closing_words.values(), key=lambda w: w.event_id)
        if not words:
            return None
        configs = self._closing_blocks()
        prompt = clean(configs[0].prompt) if configs else None
        images = Counter(one_line(w.image) for w in words if w.image)
        return c.ClosingWords(
            prompt,
            tuple(
                c.ClosingWord(one_line(w.text) if w.text else None,
                              one_line(w.image) if w.image else None)
                for w in words
            ),
            tuple(c.Count(name, n) for name, n in images.most_common()),
        )  # fmt: skip

    def next_steps(self) -> tuple[c.NextStep, ...]:
        first = self.session.days[0].date
        tasks = [task for task in self.session.preparation or [] if task.offset_days > 0]
        return tuple(
            c.NextStep(clean(task.title), task.due(first), one_line(task.owner) if task.owner
                       else None)
            for task in sorted(tasks, key=lambda x: x.offset_days)
        )  # fmt: skip

    def attachments(self) -> tuple[c.Attachment, ...]:
        found = sorted(self.state.attachments.values(), key=lambda a: a.event_id)
        return tuple(
            c.Attachment(one_line(a.original_name), clean(a.caption) if a.caption else None,
                         a.path)
            for a in found
        )  # fmt: skip

    # --- annex -------------------------------------------------------------------------------

    def annex(self) -> tuple[c.AnnexBlock, ...]:
        by_block: dict[str | None, list[v.Contribution]] = defaultdict(list)
        for x in sorted(self.state.contributions.values(), key=lambda x: x.event_id):
            by_block[x.block_id].append(x)
        result = []
        for day, block in self.session.blocks():
            if block.id in by_block:
                entries = self._entries(by_block.pop(block.id), block)
                result.append(c.AnnexBlock(block.id, clean(block.title), day, entries))
        for key in sorted((k for k in by_block if k is not None), key=str):
            title = t("report.annex.unknown_block", self.lang, id=key)
            result.append(c.AnnexBlock(key, title, None, self._entries(by_block[key])))
        if None in by_block:
            title = t("report.annex.no_block", self.lang)
            result.append(c.AnnexBlock(None, title, None, self._entries(by_block[None])))
        return tuple(result)

    def _entries(
        self, contributions: list[v.Contribution], block: Block | None = None
    ) -> tuple[c.AnnexEntry, ...]:
        spec = spec_of(block) if block is not None else None
        entries = []
        for x in contributions:
            where = spec.placement(block.method, x, self.lang) if spec and block else None
            if where is None:
                where = self.where(x, (spec or MethodSpec).table_word)
            if x.edited_at is not None:  # corrected after it was recorded (the journal keeps both)
                where = ", ".join(filter(None, [where, t("report.edited", self.lang)]))
            entries.append(c.AnnexEntry(
                x.contribution_id, t(f"report.kind.{x.kind}", self.lang), where, clean(x.text),
                self.policy.author(x.author),
            ))  # fmt: skip
        return tuple(entries)

    def where(self, x: v.Contribution, table_word: str) -> str:
        """Where a contribution was said: question, round, table (`table_word`: its name, e.g.
        an interview regroup's), pair, team, territory."""
        parts = []
        for name in ("question", "round", "table", "pair"):
            value = getattr(x, name)
            if name == "table" and x.team and x.question is not None:
                continue  # a team café: the team sits at its question's table, named below
            if value is not None:
                key = table_word if name == "table" else f"report.where.{name}"
                parts.append(t(key, self.lang, n=value))
        if x.team:
            parts.append(t("report.team", self.lang, name=one_line(x.team)))
        if x.territory:
            parts.append(territory_heading(one_line(x.territory), self.lang))
        if x.device in PARTICIPANT_SOURCES:  # the rest was captured by the facilitators
            parts.append(t(f"report.source.{x.device}", self.lang))
        return ", ".join(parts)
