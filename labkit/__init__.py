"""labkit: prepare, run live and restitute collective-intelligence Lab sessions."""

__version__ = "0.1.0"

import logging as _logging

# A library's log stays silent unless an entry point attaches a handler (the live app and the
# session commands attach ``<session>/labkit.log``, see `labkit.store.session_log`).
_logging.getLogger("labkit").addHandler(_logging.NullHandler())
