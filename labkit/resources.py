"""Where labkit's bundled files are: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The bundled folder `name` ("examples" or "templates").

    A wheel carries them in `labkit/_data/`; an editable install or a checkout reads them from
    the repository's top level.
    """
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"labkit's bundled folder {name!r} is missing from this installation")
