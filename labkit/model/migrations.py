"""Upgrades of older session.yaml layouts to the current `schema_version`.

Each migration takes the raw mapping of version N and returns the mapping of version N+1. They run
before validation, so that a file written by an older labkit keeps loading.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from labkit.model.session import SCHEMA_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

# version N -> function turning a version-N mapping into version N+1
MIGRATIONS: dict[int, Migration] = {}


def migrate(data: dict[str, Any], target: int = SCHEMA_VERSION) -> dict[str, Any]:
    """Bring `data` up to schema `target`; a missing version counts as 1.

    A version newer than `target` is left as it is: validation then says labkit is too old.
    """
    version = data.get("schema_version", 1)
    if not isinstance(version, int):
        return data
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"no migration from schema_version {version}")
        data = step(data)
        version += 1
        data["schema_version"] = version
    return data
