"""Writing participants into a round-trip session.yaml document, keeping comments and key order.

Entries are written in the model's field order without empty or default values, their days on one
line (``days: [1, 2]``). Comment lines after the last participant belong to what follows (e.g. a
banner above ``days:``): they move to the new last participant, so that they stay in place.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from labkit.model.participants import Participant


def write_participants(
    document: CommentedMap,
    participants: Iterable[Participant],
    added: Iterable[Participant],
    *,
    replace: bool,
    updated: Iterable[Participant] = (),
) -> None:
    """Append `added` to the document's participants; with `replace`, make them `participants`.

    A replacement removes the entries whose id is not among `participants` and updates the others
    in place; `updated` entries are updated in place in any mode (their comments kept); `added`
    are appended in every mode.
    """
    changed = {p.id: p for p in updated}
    entries = document.get("participants")
    if not isinstance(entries, CommentedSeq):
        entries = CommentedSeq()
        _insert_participants_key(document, entries)
    if not entries:
        entries.fa.set_block_style()
    trailing = _detach_trailing_comment(entries)
    final = {p.id: p for p in participants}
    for index in reversed(range(len(entries))):
        entry = entries[index]
        entry_id = str(entry.get("id")) if isinstance(entry, dict) else None
        if replace and entry_id not in final:
            del entries[index]
        elif replace and entry_id is not None:
            _update_entry(entry, _yaml_entry(participant_entry(final[entry_id])))
        elif entry_id in changed:
            _update_entry(entry, _yaml_entry(participant_entry(changed[entry_id])))
    for person in added:
        entries.append(_yaml_entry(participant_entry(person)))
    if trailing is not None:
        _attach_trailing_comment(entries, trailing)


def participant_entry(person: Participant) -> dict[str, Any]:
    """The session.yaml fields of a participant, in model order, without empty or default values."""
    data = person.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data.update(id=person.id, first_name=person.first_name, group=person.group)
    return {name: data[name] for name in Participant.model_fields if name in data}


def _yaml_entry(data: dict[str, Any]) -> CommentedMap:
    """A participant entry for the YAML file; its days on one line (`days: [1, 2]`)."""
    entry = CommentedMap(data)
    if "days" in entry:
        days = CommentedSeq(entry["days"])
        days.fa.set_flow_style()
        entry["days"] = days
    return entry


def _last_comment_slot(node: Any) -> tuple[Any, Any, int] | None:
    """Where the comment after a block collection's last scalar lives: (container, key, slot)."""
    while isinstance(node, CommentedMap | CommentedSeq) and node and not node.fa.flow_style():
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        value = node[key]
        if isinstance(value, CommentedMap | CommentedSeq) and value and not value.fa.flow_style():
            node = value
            continue
        return node, key, 2 if isinstance(node, CommentedMap) else 0
    return None


def _detach_trailing_comment(entries: CommentedSeq) -> Any:
    """Take the full comment lines after the last entry, leaving its end-of-line comment.

    Returns a comment token holding those lines (with the value line's newline first), or None.
    """
    slot = _last_comment_slot(entries)
    if slot is None:
        return None
    container, key, index = slot
    comments = container.ca.items.get(key)
    token = comments[index] if comments and len(comments) > index else None
    if token is None or not isinstance(getattr(token, "value", None), str):
        return None
    end_of_line, newline, rest = token.value.partition("\n")
    if not rest.strip():
        return None
    moved = copy.copy(token)
    moved.value = "\n" + rest
    if end_of_line.strip():
        token.value = end_of_line + newline
    else:
        comments[index] = None
    return moved


def _attach_trailing_comment(entries: CommentedSeq, token: Any) -> None:
    slot = _last_comment_slot(entries)
    if slot is None:
        return
    container, key, index = slot
    comments = container.ca.items.setdefault(key, [None, None, None, None])
    current = comments[index]
    if current is not None and isinstance(getattr(current, "value", None), str):
        current.value = current.value.rstrip("\n") + token.value
    else:
        comments[index] = token


def _update_entry(entry: Any, wanted: dict[str, Any]) -> None:
    for key in [k for k in entry if k not in wanted]:
        del entry[key]
    for key, value in wanted.items():
        if entry.get(key) != value:
            entry[key] = value


def _insert_participants_key(document: CommentedMap, entries: CommentedSeq) -> None:
    keys = list(document)
    if "participants" in document:
        document["participants"] = entries
    elif "groups" in document:
        document.insert(keys.index("groups") + 1, "participants", entries)
    elif "days" in document:
        document.insert(keys.index("days"), "participants", entries)
    else:
        document["participants"] = entries

