"""`labkit report`'s closing count line: babel plurals, never "1 engagements"."""

from types import SimpleNamespace

from labkit.cli.report import cli_summary
from labkit.i18n import set_ui_language


def test_summary_counts_agree_at_0_1_2() -> None:
    satisfaction = SimpleNamespace(overall=SimpleNamespace(respondents=0))
    report = SimpleNamespace(
        contribution_count=1,
        outputs=[1, 2],
        satisfaction=satisfaction,
        commitments=[SimpleNamespace(count=1)],
    )
    set_ui_language("fr")
    try:
        assert cli_summary(report) == "1 contribution, 2 modules, 1 engagement, 0 questionnaire"
    finally:
        set_ui_language(None)


def test_closing_words_count_as_contributions(tmp_path) -> None:
    """A day with only closing words and a questionnaire said « 0 contribution »: the words
    were not counted (the questionnaires have their own count)."""
    import shutil

    from labkit.report import build_report
    from labkit.tui.clock import ManualClock
    from labkit.tui.controller import LiveSession
    from tests.tui.conftest import DAY1_START, FIXTURE

    shutil.copytree(FIXTURE, tmp_path / "atelier")
    live = LiveSession.open(tmp_path / "atelier", day=2, clock=ManualClock(DAY1_START),
                            device="test")
    try:
        live.start_block("cloture")
        live.record({"type": "survey.answered", "group": "demandeurs",
                     "scores": {"satisfaction": 5}})
        for word in ("Confiance", "Énergie"):
            live.record({"type": "closing.word_added", "text": word, "block_id": "cloture"})
        report = build_report(live.session, live.state, lang="fr")
    finally:
        live.journal.close()
    set_ui_language("fr")
    try:
        assert cli_summary(report).startswith("2 contributions, ")
        assert cli_summary(report).endswith(", 1 questionnaire")
    finally:
        set_ui_language(None)
