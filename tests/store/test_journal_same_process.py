"""Two journals open on one file in one process (the web server and a check, the live app and a
report) while other processes write and close: the file stays sound and nothing is lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from labkit.store.journal import Journal

WRITER = """
import sys
from labkit.store.journal import Journal
with Journal.open(sys.argv[1], device="other") as j:
    for n in range(20):
        j.add_contribution(f"autre {n}")
"""


def test_a_second_open_in_the_process_keeps_the_first_ones_locks(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    first = Journal.open(path, device="a")
    first.add_contribution("avant")
    second = Journal.open(path, device="b")
    for round_number in range(3):
        subprocess.run([sys.executable, "-c", WRITER, str(path)], check=True)
        first.add_contribution(f"a {round_number}")
        second.add_contribution(f"b {round_number}")
    second.close()
    first.close()
    with Journal.open(path, device="check") as journal:
        assert journal.integrity_check() == []
        texts = [c.text for c in journal.state().contributions.values()]
    assert len(texts) == 1 + 3 * 22 and len(set(texts)) == 1 + 3 * 2 + 20
