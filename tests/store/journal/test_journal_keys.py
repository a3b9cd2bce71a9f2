"""The state's tables of keys (issue 16): a compact set of identifiers, events read on need."""

from __future__ import annotations

import pickle

from labkit.store.journal.keys import IdSet, KnownEvents


def test_an_id_set_holds_what_it_was_given_and_nothing_else() -> None:
    given = ["c1", "c12", "c1000", "p3", "c0", "c007", "x", "été9", "a12b34", "c9999999", ""]
    ids = IdSet()
    for key in given:
        ids.add(key)
    ids.add("c12")
    assert len(ids) == len(given) and sorted(ids) == sorted(given)
    for key in given:
        assert key in ids
    for key in ["c2", "c11", "c120", "c7", "p1", "a12b3", "c1001", 12, "c99999999"]:
        assert key not in ids
    assert vars(ids)["_other"] == {"c0", "x", "été9", "c9999999", ""}  # c007: "c00" + 7
    copy = ids.copy()
    copy.add("c2")
    assert "c2" not in ids and copy != ids
    again = pickle.loads(pickle.dumps(ids))
    assert again == ids and repr(again) == repr(ids)


def test_known_events_read_the_stored_ones_on_the_first_question_they_cannot_answer() -> None:
    reads: list[int] = []

    def stored() -> dict[str, int]:
        reads.append(1)
        return {"u1": 1, "u2": 2}

    known = KnownEvents(stored)
    known["u3"] = 3
    assert "u3" in known and reads == []
    copy = known.copy()
    assert "u1" in known and "u9" not in known and reads == [1]
    assert "u2" in copy and copy.get("u1") == 1 and reads == [1]  # the copies share one read
    assert known == copy and len(known) == 3
    assert pickle.loads(pickle.dumps(known)).table() == {"u1": 1, "u2": 2, "u3": 3}
