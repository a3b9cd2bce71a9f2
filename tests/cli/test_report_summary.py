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
