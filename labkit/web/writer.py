"""Group commit for the server's posts: one writer task, one transaction for the posts that
arrive together.

Each post's handler submits a job (`labkit.store.journal.Job`: build the events from the state,
or refuse) and awaits its outcome; the writer writes every job waiting, at most one per
participant (their jobs may depend on their own earlier writes), with `Journal.record_each` on a
worker thread, while the next ones queue. A post is answered only once its transaction is
committed: nothing accepted is lost, and a refused job writes nothing while the others land.
"""

from __future__ import annotations

import asyncio

from starlette.concurrency import run_in_threadpool

from labkit.store.journal import Job, Journal, RecordedEvent

Waiting = tuple[str, Job, "asyncio.Future[list[RecordedEvent]]"]
"""A submitted job: its participant, the job, the future its post awaits."""


class GroupWriter:
    """The server's one writer to its journal (see the module's docstring)."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self._waiting: list[Waiting] = []
        self._task: asyncio.Task[None] | None = None
        self.groups = 0
        """Transactions written so far (a test's or a benchmark's count)."""

    async def submit(self, key: str, job: Job) -> list[RecordedEvent]:
        """Write `job` (participant `key`'s) in the next group; its stored events once
        committed, or the exception that refused it (raised)."""
        future: asyncio.Future[list[RecordedEvent]] = asyncio.get_running_loop().create_future()
        self._waiting.append((key, job, future))
        if self._task is None:
            self._task = asyncio.create_task(self._run())
        return await future

    async def _run(self) -> None:
        try:
            while self._waiting:
                group: list[Waiting] = []
                later: list[Waiting] = []
                keys: set[str] = set()
                for item in self._waiting:
                    (later if item[0] in keys else group).append(item)
                    keys.add(item[0])
                self._waiting = later
                await self._write(group)
        finally:
            self._task = None
            for _, _, future in self._waiting:  # cancelled with the server: nothing was written
                future.cancel()
            self._waiting = []

    async def _write(self, group: list[Waiting]) -> None:
        try:
            outcomes = await run_in_threadpool(self.journal.record_each, [j for _, j, _ in group])
        except Exception as failed:  # the commit failed: none of the group was written
            for _, _, future in group:
                if not future.done():
                    future.set_exception(failed)
            return
        self.groups += 1
        for (_, _, future), outcome in zip(group, outcomes, strict=True):
            if future.done():  # the phone went away; what it sent is written all the same
                continue
            if isinstance(outcome, Exception):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)
