"""The HTML report is the accessible version (issue 12, point 6): axe-core, in Debian's Chromium,
finds no WCAG 2.1 A/AA violation in the restitution of any bundled example."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from labkit.report import render_report
from labkit.store.examples import copy_example
from labkit.store.session_folder import open_session

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parents[1] / "web" / "fixtures" / "axe.min.js"
EXAMPLES = ("garde-enfants-parents", "cooperation-territoriale", "atelier-collaboratif")

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


def _violations(page: Any) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"
    )
    return list(found)


@pytest.mark.parametrize("name", EXAMPLES)
def test_axe_finds_no_wcag_violation_in_the_html_report(
    browser: Any, name: str, tmp_path: Path
) -> None:
    target = copy_example(name, tmp_path)
    html = render_report(open_session(target), "html", tmp_path / "report.html").path
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900},
                                  locale="fr-FR", java_script_enabled=True)  # fmt: skip
    page = context.new_page()
    page.goto(html.as_uri())
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert _violations(page) == []
    context.close()


def test_axe_sees_a_broken_report_as_broken(browser: Any, tmp_path: Path) -> None:
    page = browser.new_page()
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><img src='x.png'><table><tr><td>1</td></tr></table></body>"
                      "</html>", encoding="utf-8")  # fmt: skip
    page.goto(broken.as_uri())
    assert _violations(page)
    page.close()
