"""Typed keys first, the frame after them (`labkit.tui.frames`): an entry is drawn in its Enter's
turn, before the keys typed after it are read; phones' ideas picked up together redraw each
table card once."""

from __future__ import annotations

from textual import events
from textual.widgets import DataTable, Input

from labkit.store.journal import Journal
from labkit.tui.frames import keys_waiting
from labkit.tui.widgets.cafe.table_card import TableCard
from tests.tui.test_incremental import fill


async def test_an_entry_is_drawn_before_the_keys_typed_after_it_are_read(make_app, session_dir):
    """« idée ⏎ suite » arrives in one burst: the first frame holding the idea's row is drawn
    while the capture line is still empty (none of « suite » read yet), and nothing is lost."""
    fill(session_dir, 3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#ideas", DataTable)
        line = screen.query_one("#capture Input", Input)
        before = table.row_count
        drawn: list[tuple[int, str]] = []
        composed = app._display

        def recording(target, renderable):  # type: ignore[no-untyped-def]
            composed(target, renderable)
            if renderable is not None:
                drawn.append((table.row_count, line.value))

        app._display = recording  # type: ignore[method-assign]
        for key in [*"idée", "enter", *"suite"]:
            app.post_message(events.Key(key, "\r" if key == "enter" else key))
        assert keys_waiting(app)  # queued, not read yet
        await pilot.pause()
        first = next(value for rows, value in drawn if rows == before + 1)
        assert first == ""
        assert line.value == "suite"
        assert not keys_waiting(app)



async def test_an_entrys_row_is_measured_for_its_own_frame(make_app, session_dir):
    """« idée ⏎ suite » in one burst: the list's scrollable height counts the idea's row in the
    frame drawn in the Enter's turn (DataTable measured it when idle, after « suite »: drawn
    a second time then, while the keys waited)."""
    fill(session_dir, 3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#ideas", DataTable)
        line = app.screen.query_one("#capture Input", Input)
        before = table.row_count
        drawn: list[tuple[int, int, str]] = []
        composed = app._display

        def recording(target, renderable):  # type: ignore[no-untyped-def]
            composed(target, renderable)
            if renderable is not None:
                drawn.append((table.row_count, table.virtual_size.height, line.value))

        app._display = recording  # type: ignore[method-assign]
        for key in [*"idée", "enter", *"suite"]:
            app.post_message(events.Key(key, "\r" if key == "enter" else key))
        await pilot.pause()
        first = next((height, value) for rows, height, value in drawn if rows == before + 1)
        assert first == (before + 1, "")


async def test_phone_ideas_picked_up_together_redraw_each_card_once(make_app, session_dir,
                                                                      monkeypatch):  # fmt: skip
    """Ten ideas from phones read in one pick-up (with the facilitator's next entry): each table
    card they change is redrawn once for the batch, not once per idea."""
    fill(session_dir, 3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        drawn: list[int] = []
        original = TableCard.watch_view

        def counting(self, view):  # type: ignore[no-untyped-def]
            drawn.append(view.number if view is not None else 0)
            return original(self, view)

        monkeypatch.setattr(TableCard, "watch_view", counting)
        with Journal.open(session_dir, device="phone") as phone:
            phone.record_many([{"type": "contribution.added", "kind": "idea",
                                "text": f"Téléphone {n}", "block_id": "cafe", "round": 1,
                                "table": 2, "question": 1} for n in range(10)])  # fmt: skip
        await pilot.press(*"ici", "enter")
        await pilot.pause()
        assert sorted(drawn) == [1, 2]  # table 1 (the entry) and table 2 (the phones), once each
        assert app.screen.query_one("#table-2", TableCard).view.ideas == 10


async def test_the_journal_poll_waits_while_keys_wait_for_the_capture_line(
    make_app, session_dir
):
    """A phone's idea in the journal and a burst of keys queued: the poll picks nothing up (its
    reading and redrawing would come before the keys); once they are read, it does."""
    fill(session_dir, 3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        with Journal.open(session_dir, device="phone") as phone:
            phone.record({"type": "contribution.added", "kind": "idea", "text": "Téléphone",
                          "block_id": "cafe", "round": 1, "table": 2, "question": 1})  # fmt: skip
        revision = app.revision
        for key in "suite":
            app.post_message(events.Key(key, key))
        assert keys_waiting(app)
        app.poll()
        assert app.revision == revision
        await pilot.pause()
        assert not keys_waiting(app)
        app.poll()
        assert app.revision == revision + 1
        assert app.screen.query_one("#table-2", TableCard).view.ideas == 1
