"""The teams of a team vote ("voting: team"): one team is one team whatever its spelling
(« verte », « Verte », « VERTE »), and the names offered are the café's teams.

A team is typed by hand on the vote screen; `team_name` gives it the spelling already known
(the café's `teams`, else the first one typed), `team_key` is what counting compares.
"""

from __future__ import annotations

from collections.abc import Iterable

from labkit.model import Block, IdeaVoteConfig, Session, WorldCafeConfig
from labkit.model.text import fold


def team_key(name: str) -> str:
    """What tells two teams apart: no case, accents or extra spaces."""
    return fold(name)


def cafe_teams(session: Session, block: Block) -> tuple[str, ...]:
    """The `teams` of the world café a vote block takes its ideas from (`source_block`),
    else of the session's only café with teams; empty when there are none."""
    config = block.method
    source = config.source_block if isinstance(config, IdeaVoteConfig) else None
    cafes = [b.method for _, b in session.blocks()
             if isinstance(b.method, WorldCafeConfig) and b.method.teams
             and (source is None or b.id == source)]
    return tuple(cafes[0].teams) if len(cafes) == 1 else ()


def known_teams(session: Session, block: Block, typed: Iterable[str | None] = ()
                ) -> tuple[str, ...]:  # fmt: skip
    """The team names to offer: the café's teams, then those typed so far at this vote (each
    team once, in its first spelling)."""
    out: dict[str, str] = {}
    for name in (*cafe_teams(session, block), *typed):
        if name and name.strip():
            out.setdefault(team_key(name), " ".join(name.split()))
    return tuple(out.values())


def team_name(typed: str, known: Iterable[str]) -> str:
    """`typed` in the spelling of the known team it names (« verte » → « Verte »), else as
    typed, spaces tidied."""
    text = " ".join(typed.split())
    key = team_key(text)
    return next((name for name in known if team_key(name) == key), text)
