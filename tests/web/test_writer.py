"""The server's group writer: posts arriving together share one transaction, one per participant."""

from __future__ import annotations

import asyncio
from pathlib import Path

from labkit.model import events as ev
from labkit.store.journal import Job, Journal, JournalState, Prepared
from labkit.web.writer import GroupWriter


def counting(pid: str) -> Job:
    """A job writing, as `pid`, how many contributions it found in the state."""

    def job(state: JournalState) -> Prepared:
        seen = len(state.contributions)
        return Prepared([ev.ContributionAdded(text=f"{pid} saw {seen}", kind="idea")],
                        recorder=pid, device="phone")  # fmt: skip

    return job


def refused(state: JournalState) -> Prepared:
    raise ValueError("not now")


def test_posts_arriving_together_share_a_transaction_one_per_participant(tmp_path: Path) -> None:
    with Journal.open(tmp_path, device="phone") as journal:
        writer = GroupWriter(journal)

        async def posts() -> list[object]:
            return await asyncio.gather(
                writer.submit("web-a", counting("web-a")),
                writer.submit("web-b", counting("web-b")),
                writer.submit("web-c", refused),
                writer.submit("web-a", counting("web-a")),
                return_exceptions=True,
            )

        outcomes = asyncio.run(posts())
        texts = [c.text for c in journal.state().contributions.values()]
    assert isinstance(outcomes[2], ValueError)
    assert all(isinstance(o, list) and len(o) == 1 for i, o in enumerate(outcomes) if i != 2)
    # a, b (and c, refused) in the first group; a's second post in the next, after its first
    assert texts == ["web-a saw 0", "web-b saw 0", "web-a saw 2"]
    assert writer.groups == 2


def test_a_failed_group_fails_each_of_its_posts(tmp_path: Path) -> None:
    with Journal.open(tmp_path, device="phone") as journal:
        writer = GroupWriter(journal)

        def broken(jobs: object) -> list[object]:
            raise OSError("disk gone")

        journal.record_each = broken  # type: ignore[method-assign,assignment]

        async def posts() -> list[object]:
            return await asyncio.gather(
                writer.submit("web-a", counting("web-a")),
                writer.submit("web-b", counting("web-b")),
                return_exceptions=True,
            )

        outcomes = asyncio.run(posts())
    assert [type(o) for o in outcomes] == [OSError, OSError]
    assert writer.groups == 0
