"""Each café idea once in the body (kept first, then the others, in the café or in the vote's
table); team votes counted as teams."""

from __future__ import annotations

import pytest

from labkit.document import elements as e
from labkit.i18n import plain_writing
from labkit.methods.world_cafe import CafeOutput
from labkit.report import build_report, layout
from labkit.resources import data_dir
from labkit.store.journal.captured import captured_state
from labkit.store.session_folder import open_session

EXAMPLES = ("garde-enfants-parents", "cooperation-territoriale", "atelier-collaboratif")


def _report(name: str):  # noqa: ANN202
    folder = open_session(data_dir("examples") / name)
    with plain_writing():
        report = build_report(folder.session, captured_state(folder.root))
        return report, layout(report)


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_cafe_idea_is_listed_once_kept_ones_first(name: str) -> None:
    report, doc = _report(name)
    cafe = next(o for o in report.outputs if isinstance(o, CafeOutput))
    start = next(i for i, x in enumerate(doc.elements)
                 if isinstance(x, e.Heading) and x.text == cafe.title)  # fmt: skip
    body = doc.elements
    end = next(i for i in range(start + 1, len(body))
               if isinstance(body[i], e.Heading) and body[i].level <= 2)  # fmt: skip
    listed = [item for x in doc.elements[start:end] if isinstance(x, e.Bullets)
              for item in (*x.items, *(s for sub in x.sub for s in sub))]  # fmt: skip
    voted = [row[1] for x in doc.elements[end:] if isinstance(x, e.Table)
             and x.header[:2] == ("Rang", "Idée") for row in x.rows]  # fmt: skip
    for question in cafe.questions:
        for group in question.groups:
            for idea in group.items:
                hits = [t for t in listed if idea.text in t]
                if idea.kept:  # the kept ones first, in the café's section
                    assert len(hits) == 1, (idea.text, hits)
                else:  # the others once: in the café's section, or in the vote's table
                    in_vote = any(idea.text in row for row in voted)
                    assert len(hits) + in_vote == 1, (idea.text, hits, in_vote)


def test_a_team_vote_counts_teams() -> None:
    _, doc = _report("cooperation-territoriale")
    notes = [x.text for x in doc.elements
             if isinstance(x, e.Paragraph) and " gommettes · " in x.text]  # fmt: skip
    assert notes and all("4 équipes" in n and "votant" not in n for n in notes), notes
