"""Regenerate ``examples/<name>/captured.jsonl``: ``python -m tests.report.captures``."""

from tests.report.captures import build_all

for capture in build_all():
    print(capture.write(), len(capture.events), "events")
