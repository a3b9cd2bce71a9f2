"""Crossed interviews with `pair_across: [territory, group]` in the live app (issue 14): the
pairs formed with Ctrl+R come from different départements, and re-pairing after departures
keeps the pairs nobody left and the constraint."""

from __future__ import annotations

from pathlib import Path

from labkit.planning.pairs import same_territory_pairs
from labkit.planning.session_requests import seatable
from tests.tui.test_interviews_replan import pairs_of_18, re_pair_after_leaving


def across_territories(session_dir: Path) -> None:
    path = session_dir / "session.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "          regroup_minutes: 20\n"
    assert text.count(marker) == 1
    path.write_text(text.replace(marker, marker + "          pair_across: [territory, group]\n"),
                    encoding="utf-8")


async def test_pairs_and_re_pairs_cross_departements(make_app, session_dir):
    across_territories(session_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pairs_of_18(app, pilot)
        people = [seatable(p) for p in app.live.session.participants]
        info = {p.id: p for p in people}
        before = [tuple(p) for p in app.screen.pairs]
        assert len(before) == 9
        assert same_territory_pairs(before, people) == 0
        # two people of one département lose their partners
        stay, other = next((x, y) for g in before for h in before if g != h for x in g for y in h
                           if info[x].territory and info[x].territory == info[y].territory)
        gone = [next(p for p in g if p != x) for x in (stay, other) for g in before if x in g]
        after = await re_pair_after_leaving(app, pilot, gone)
        assert same_territory_pairs(after, people) == 0
        assert sorted(p for g in after for p in g) == sorted(
            p for g in before for p in g if p not in gone)
        assert len([g for g in before if g in after]) >= len(before) - 3  # 6 of 9 stay at least
