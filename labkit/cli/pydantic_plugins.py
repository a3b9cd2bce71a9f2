"""pydantic's plugins turned off without loading its plugin finder (issue 16: cold-start CLI).

pydantic looks for plugins (``importlib.metadata`` entry points) the first time it builds a
model, in ``pydantic.plugin._loader``, unless ``PYDANTIC_DISABLE_PLUGINS`` is ``__all__``, ``1``
or ``true``: then its `get_plugins` returns none. Yet importing that module imports
``importlib.metadata`` (with email, zipfile, socket…: about 7 ms of each command that validates
anything) before reading the variable. When the variable turns every plugin off, labkit answers
the import of that module (and only it, only when pydantic asks) with a module whose
`get_plugins` returns none, which is what pydantic's own does then.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import ModuleSpec

TYPE_CHECKING = False
if TYPE_CHECKING:
    import types
    from collections.abc import Sequence

LOADER = "pydantic.plugin._loader"
ALL_OFF = ("__all__", "1", "true")
"""The values of ``PYDANTIC_DISABLE_PLUGINS`` for which pydantic loads no plugin at all."""


def no_plugins() -> tuple[()]:
    """No plugin: what pydantic's `get_plugins` returns when every plugin is turned off."""
    return ()


class _NoPluginFinder:
    """A meta path finder and loader for pydantic's plugin finder module alone."""

    @staticmethod
    def find_spec(
        name: str, path: Sequence[str] | None, target: object = None
    ) -> ModuleSpec | None:
        return ModuleSpec(name, _NoPluginFinder) if name == LOADER else None  # type: ignore[arg-type]

    @staticmethod
    def create_module(spec: ModuleSpec) -> None:
        return None  # the default module

    @staticmethod
    def exec_module(module: types.ModuleType) -> None:
        module.get_plugins = no_plugins  # type: ignore[attr-defined]


def skip_plugin_finder() -> bool:
    """Stand in for pydantic's plugin finder if the environment turns every plugin off and
    pydantic has not imported its finder yet: whether the stand-in answers."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in ALL_OFF or LOADER in sys.modules:
        return False
    if _NoPluginFinder not in sys.meta_path:
        sys.meta_path.insert(0, _NoPluginFinder)
    return True
