"""The wording of the printed documents: plain words, without point médian ("participants",
"Je soussigné"), as the circular of 21 November 2017 asks of official texts, unless the session
asks for inclusive writing (`Session.inclusive_writing`). User text is never changed."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec, TypeVar

from labkit.i18n import plain_writing
from labkit.model import Session

P = ParamSpec("P")
R = TypeVar("R")


Build = Callable[Concatenate[Session, P], R]


def session_wording(build: Build[P, R]) -> Build[P, R]:
    """`build(session, ...)` with its catalog messages worded as `session` asks."""

    @wraps(build)
    def worded(session: Session, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with plain_writing(not session.inclusive_writing):
            return build(session, *args, **kwargs)

    return worded
