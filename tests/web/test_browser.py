"""The pages in a real browser: Playwright driving Debian's Chromium (no download, loopback only).

A phone at 360×640 with JavaScript off joins by its table's link, posts an idea, votes and fills
the questionnaire; the projector (JavaScript on) shows each of them live, and a `labkit note`
from another process too; axe-core finds no WCAG A/AA violation on any page. Screenshots go to
``LABKIT_SCREENSHOTS`` (default: the test's temporary folder).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import Served

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parent / "fixtures" / "axe.min.js"
PHONE: dict[str, Any] = {"viewport": {"width": 360, "height": 640}, "is_mobile": True,
                         "has_touch": True, "locale": "fr-FR"}  # fmt: skip

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield launched
        launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("LABKIT_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def axe_violations(page: Any) -> list[str]:
    """The WCAG 2 A/AA rules axe-core finds broken on `page` (JavaScript must be on)."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"
        ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )
    return list(found)


def test_a_phone_without_javascript_and_the_projector(browser: Any, cafe: Served,
                                                       shots: Path) -> None:  # fmt: skip
    screen = browser.new_context(viewport={"width": 1280, "height": 800}, locale="fr-FR")
    projector = screen.new_page()
    projector.goto(cafe.projector_url())
    projector.get_by_text("Table 1 — Q1").wait_for()

    phone_context = browser.new_context(java_script_enabled=False, **PHONE)
    phone = phone_context.new_page()
    phone.goto(cafe.join_url(1))
    assert "Vous êtes à la table 1." in phone.content()
    phone.select_option("#group", "cons")
    phone.get_by_role("button", name="Rejoindre").click()
    assert phone.url.endswith("/me")
    assert "Q1" in phone.inner_text(".question")
    phone.fill("#text-idea", "Des places réservées <script>alert(1)</script>")
    phone.get_by_role("button", name="Envoyer").click()
    phone.get_by_text("Merci, c'est enregistré.").wait_for()
    phone.screenshot(path=str(shots / "phone-cafe.png"), full_page=True)
    projector.get_by_text("Des places réservées <script>alert(1)</script>").wait_for(timeout=5000)

    note = [sys.executable, "-m", "labkit", "note", str(cafe.root), "Noté au tableau",
            "--block", "cafe", "--kind", "idea"]  # fmt: skip
    subprocess.run(note, check=True, capture_output=True)
    projector.get_by_text("Noté au tableau").wait_for(timeout=5000)
    projector.screenshot(path=str(shots / "projector-cafe.png"), full_page=True)

    cafe.journal.end_round("cafe")
    cafe.journal.end_block("cafe")
    cafe.journal.start_block("vote")
    projector.get_by_text("Résultats du vote").wait_for(timeout=5000)
    phone.goto(f"{cafe.url}/me")
    phone.get_by_label("Noté au tableau").check()
    phone.get_by_role("button", name="Valider mon vote").click()
    phone.get_by_text("Votre vote est enregistré (1 gommette).").wait_for()
    phone.screenshot(path=str(shots / "phone-vote.png"), full_page=True)
    projector.get_by_text("1 gommette posée").wait_for(timeout=5000)
    from labkit.web import control

    control.switch(cafe.root, 2, revealed=True)
    projector.locator(".results").get_by_text("Noté au tableau").wait_for(timeout=5000)
    projector.screenshot(path=str(shots / "projector-vote.png"), full_page=True)

    cafe.journal.end_block("vote")
    cafe.journal.start_block("cloture")
    phone.goto(f"{cafe.url}/me")
    phone.fill("#word", "Confiance")
    phone.locator("form.word button").click()
    phone.get_by_text("Merci, c'est enregistré.").wait_for()
    phone.check("#q-satisfaction-5")
    phone.check("#q-utilite-4")
    phone.fill("#comment", "Très utile")
    phone.locator("form.survey button").click()
    phone.get_by_text("Merci, votre questionnaire est enregistré.").wait_for()
    phone.screenshot(path=str(shots / "phone-closing.png"), full_page=True)
    projector.locator(".cloud").get_by_text("confiance").wait_for(timeout=5000)
    projector.get_by_text("1 questionnaire rempli").wait_for(timeout=5000)
    projector.screenshot(path=str(shots / "projector-closing.png"), full_page=True)

    state = cafe.journal.state()
    assert {c.text: c.device for c in state.contributions.values()} == {
        "Des places réservées <script>alert(1)</script>": "phone",
        "Noté au tableau": f"note-{socket.gethostname()}"}  # `labkit note` names its machine
    assert [v.item_id for v in state.votes.values()] == [
        c.contribution_id for c in state.contributions.values() if c.text == "Noté au tableau"]
    assert [r.group for r in state.survey.values()] == ["cons"]
    phone_context.close()
    screen.close()


def test_axe_finds_no_wcag_violation_on_any_page(browser: Any, cafe: Served) -> None:
    context = browser.new_context(bypass_csp=True, **PHONE)  # axe is injected inline
    page = context.new_page()
    pages: dict[str, list[str]] = {}

    def check(name: str) -> None:
        pages[name] = axe_violations(page)

    page.goto(f"{cafe.url}/")
    check("home")
    page.goto(cafe.join_url(2))
    check("join")
    page.get_by_role("button", name="Rejoindre").click()
    check("cafe")
    page.fill("#text-idea", "Une idée")
    page.get_by_role("button", name="Envoyer").click()
    check("cafe-sent")
    page.goto(f"{cafe.url}/me/name")
    check("name (no group: redirected)")
    cafe.journal.end_round("cafe")
    cafe.journal.end_block("cafe")
    cafe.journal.start_block("vote")
    page.goto(f"{cafe.url}/me")
    check("vote")
    page.goto(f"{cafe.url}/j/wrong")
    check("refused")
    cafe.journal.end_block("vote")
    cafe.journal.start_block("cloture")
    page.goto(f"{cafe.url}/me")
    check("closing")
    wide = {"width": 1280, "height": 800}
    screen = browser.new_context(bypass_csp=True, viewport=wide).new_page()
    screen.goto(cafe.projector_url())
    pages["projector"] = axe_violations(screen)
    context.close()
    assert {name: found for name, found in pages.items() if found} == {}
    page = browser.new_context(bypass_csp=True).new_page()
    page.set_content("<html><body><img src='x.png'><button></button></body></html>")
    assert axe_violations(page), "axe finds a broken page broken"


def test_a_phone_with_javascript_follows_the_session_live(browser: Any, cafe: Served) -> None:
    """The page refreshes itself (SSE) when the facilitator moves on, unless a field is typed."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(cafe.join_url(1))
    page.get_by_role("button", name="Rejoindre").click()
    page.get_by_label("Votre idée").wait_for()
    cafe.journal.add_contribution("Idée pour le vote", kind="idea", block_id="cafe", question=1)
    cafe.journal.end_round("cafe")
    cafe.journal.end_block("cafe")
    cafe.journal.start_block("vote")
    page.get_by_role("button", name="Valider mon vote").wait_for(timeout=5000)
    assert page.url.endswith("/me")
    context.close()
