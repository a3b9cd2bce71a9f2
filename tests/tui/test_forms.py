"""Forms filled in a fast burst: each field gets what was typed before its Enter."""

from __future__ import annotations

from textual import events

from tests.tui.test_methods import open_block


def burst(app, keys: list[str]) -> None:
    """Keys reaching the app faster than it handles them (a fast typist, tmux send-keys)."""
    for key in keys:
        app.post_message(events.Key(key, "\r" if key == "enter" else key))


def form_keys(names: list[str], typed: dict[str, str]) -> list[str]:
    """Each field's text then Enter, field after field (empty where nothing is typed)."""
    keys: list[str] = []
    for name in names:
        keys += [*typed.get(name, ""), "enter"]
    return keys


async def test_a_commitment_typed_in_one_burst_fills_each_field(make_app):
    """« quoi ⏎ qui ⏎ … » at once: Enter (a binding) used to move to the next field only after
    the following keys, so everything landed in the first field (seen in the tmux pass)."""
    app = make_app(day=2)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "engagements")
        await pilot.press("n")
        await pilot.pause()
        names = [f.name for f in app.screen._fields]
        typed = {"what": "Un guichet commun", "owner_person": "Karim", "due": "06/2027",
                 "group": "59"}
        keys = form_keys(names, typed)
        burst(app, keys[:-1])  # the last Enter apart: check the fields before saving
        for _ in range(4):
            await pilot.pause()
        shown = {n: app.screen.query_one(f"#field-{n}").value for n in names}
        assert shown == {n: typed.get(n, "") for n in names}
        burst(app, ["enter"])
        for _ in range(4):
            await pilot.pause()
        assert type(app.screen).__name__ == "CommitmentsScreen"
    (item,) = app.live.state.commitments.values()
    assert (item.what, item.owner_person, item.territory) == ("Un guichet commun", "Karim", "59")


async def test_a_refused_field_takes_the_focus_back_for_its_correction(make_app):
    """A date typed « septembre »: the error names « Échéance » and the correction typed next
    goes there, not into the last field (seen in the tmux pass)."""
    app = make_app(day=2)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "engagements")
        await pilot.press("n")
        await pilot.pause()
        names = [f.name for f in app.screen._fields]
        typed = {"what": "Un guichet commun", "owner_person": "Karim", "due": "septembre",
                 "group": "59"}
        keys = form_keys(names, typed)
        burst(app, keys)
        for _ in range(6):
            await pilot.pause()
        assert type(app.screen).__name__ == "FormScreen"
        assert app.focused.id == "field-due"
        app.post_message(events.Key("ctrl+u", "\x15"))
        burst(app, [*"06/2027"])
        app.post_message(events.Key("ctrl+o", "\x0f"))
        for _ in range(6):
            await pilot.pause()
    (item,) = app.live.state.commitments.values()
    assert (item.what, str(item.due)) == ("Un guichet commun", "2027-06-30")


async def test_a_commitment_typed_in_one_burst_from_its_list_key(make_app):
    """« n quoi ⏎ qui ⏎ … » in one burst, the form opened by the list's key: every key reaches
    its field (the keys typed behind « n » used to wait behind Enter bindings or be lost)."""
    app = make_app(day=2)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "engagements")
        await pilot.pause()
        typed = ["Un guichet commun", "Karim", "", "06/2027", "", "59"]
        keys = ["n"]
        for text in typed:
            keys += [*text, "enter"]
        burst(app, keys)
        for _ in range(8):
            await pilot.pause()
        assert type(app.screen).__name__ == "CommitmentsScreen"
        # the form opens with its text selected: what is typed replaces it
        burst(app, ["enter", *"Un guichet commun (révisé)", *["enter"] * 6])
        for _ in range(8):
            await pilot.pause()
        assert type(app.screen).__name__ == "CommitmentsScreen"
    (item,) = app.live.state.commitments.values()
    assert (item.what, item.owner_person, item.territory) == (
        "Un guichet commun (révisé)", "Karim", "59")


async def test_a_commitment_is_deleted_with_suppr_after_one_question_not_with_x(make_app, clock):
    """Every other list deletes with Suppr: so do the commitments (asking once); `x` is a
    letter like any other. The form's hint writes « Ctrl+O », as the rest of the UI."""
    from . import scenario

    app = make_app(day=2)
    scenario.afternoon(app.live, clock, "engagements")
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "engagements")
        count = len(app.screen.query_one("DataTable").rows)
        assert count == 2
        await pilot.press("x")
        await pilot.pause()
        assert type(app.screen).__name__ == "CommitmentsScreen"
        await pilot.press("delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("o")
        await pilot.pause()
        assert len(app.screen.query_one("DataTable").rows) == 1
        hint = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Suppr\u00a0: supprimer" in hint and "x\u00a0: supprimer" not in hint
        await pilot.press("n")
        await pilot.pause()
        form_hint = str(app.screen.query_one(".overlay-hint").render())
        assert "Ctrl+O" in form_hint and "ctrl+o" not in form_hint


async def test_the_commitment_itself_keeps_room_at_120_columns(make_app):
    """At 120×40 the commitment's own text is the widest column, not cut after ten
    characters (« Un guiche… » beside a 26-column owner and a 24-column indicator)."""
    app = make_app(day=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_block(app, pilot, "engagements")
        await pilot.pause()
        table = app.screen.query_one("#commitments")
        widths = {key.value: column.width for key, column in table.columns.items()}
        assert widths["what"] >= 30, widths
        assert widths["what"] == max(widths.values()), widths


async def test_at_80_columns_the_highlighted_commitment_is_shown_in_full(make_app, clock):
    """At 80×24 the list cuts a commitment to ~15 characters (« Ouvrir un guic… », the 80x24
    tmux pass): the one under the cursor is shown whole under the list, with who and when."""
    from . import scenario

    app = make_app(day=2)
    scenario.afternoon(app.live, clock, "engagements")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_block(app, pilot, "engagements")
        await pilot.pause()
        table = app.screen.query_one("#commitments")
        for row in range(table.row_count):
            table.move_cursor(row=row)
            await pilot.pause()
            item = app.live.state.commitments[table.highlighted_key()]
            detail = app.screen.query_one("#commit-detail")
            shown = " ".join(str(detail.render()).split())
            assert " ".join(item.what.split()) in shown, shown
            assert item.due.strftime("%d/%m/%Y") in shown, shown
            assert detail.region.height >= 2


async def _refused_date(app, pilot) -> list[str]:
    """A new commitment whose date « 31/13/2027 » is refused (the focus is back on it)."""
    await open_block(app, pilot, "engagements")
    await pilot.press("n")
    await pilot.pause()
    names = [f.name for f in app.screen._fields]
    typed = {"what": "Un guichet commun", "owner_person": "Delphine", "due": "31/13/2027",
             "group": "59"}
    burst(app, form_keys(names, typed))
    for _ in range(6):
        await pilot.pause()
    assert type(app.screen).__name__ == "FormScreen"
    assert app.focused.id == "field-due"
    return names


async def test_keys_typed_after_shift_tab_act_on_the_field_it_reached(make_app):
    """« Maj+Tab Maj+Tab Ctrl+U 30/11/2027 Ctrl+O » at once after a refused date: Ctrl+U
    emptied « Porteur » (the field Maj+Tab reached) while the date went into « Échéance »
    (where the keys had been queued), and the form saved without its owner (tmux pass at
    120×40). Each key now acts where the focus is when its turn comes, as typed slowly:
    the date lands in « Porteur », « Échéance » is still refused, nothing is lost."""
    app = make_app(day=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await _refused_date(app, pilot)
        app.post_message(events.Key("shift+tab", None))
        app.post_message(events.Key("shift+tab", None))
        app.post_message(events.Key("ctrl+u", "\x15"))
        burst(app, [*"30/11/2027"])
        app.post_message(events.Key("ctrl+o", "\x0f"))
        for _ in range(8):
            await pilot.pause()
        assert type(app.screen).__name__ == "FormScreen"
        value = {n: app.screen.query_one(f"#field-{n}").value for n in ("owner_person", "due")}
        assert value == {"owner_person": "30/11/2027", "due": "31/13/2027"}
        assert app.focused.id == "field-due"
    assert not app.live.state.commitments


async def test_two_fields_corrected_in_one_burst_of_tabs(make_app):
    """« Maj+Tab Maj+Tab Ctrl+U Karim Tab Tab Ctrl+U 30/11/2027 Ctrl+O » at once: the owner
    becomes Karim and the date is corrected, as typed slowly (the names used to go into
    « Échéance » while Ctrl+U emptied « Porteur »: saved with no owner)."""
    app = make_app(day=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await _refused_date(app, pilot)
        keys = ["shift+tab", "shift+tab", "ctrl+u", *"Karim", "tab", "tab", "ctrl+u",
                *"30/11/2027", "ctrl+o"]
        for key in keys:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        for _ in range(8):
            await pilot.pause()
        assert type(app.screen).__name__ == "CommitmentsScreen"
    (item,) = app.live.state.commitments.values()
    assert (item.what, item.owner_person, str(item.due), item.territory) == (
        "Un guichet commun", "Karim", "2027-11-30", "59")
