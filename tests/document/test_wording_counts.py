"""French counted phrases at 0, 1 and 2 (babel: 0 and 1 are "one"), and chart alt texts."""

import pytest

from labkit.document.elements import Chart, Series
from labkit.document.wording import Words, describe_chart


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (
            "people_took_part",
            [
                "Aucune personne n'a participé à la session.",
                "Une personne a participé à la session.",
                "2 personnes ont participé à la session.",
            ],
        ),
        (
            "commitments_count",
            ["Aucun engagement n'a été pris.", "Un engagement pris.", "2 engagements pris."],
        ),
        (
            "respondents",
            [
                "Aucun questionnaire n'a été rempli.",
                "Un questionnaire rempli.",
                "2 questionnaires remplis. Moyennes par collège, sur l'échelle de chaque question"
                "\u00a0:",
            ],
        ),
        (
            "essentials.owners",
            ["Aucun porteur n'a été désigné.", "Un seul porteur.", "2 porteurs différents."],
        ),
        ("cafe.kept", ["Aucune idée retenue", "L'idée retenue", "Les 2 idées retenues"]),
        (
            "cafe.others",
            ["Aucune autre idée exprimée", "L'autre idée exprimée", "Les 2 autres idées exprimées"],
        ),
        (
            "annex.intro",
            [
                "Aucune contribution n'a été saisie pendant la session.",
                "La contribution saisie pendant la session, telle quelle\u00a0: rien de ce qui"
                " a été"
                " dit n'est perdu.",
                "Les 2 contributions saisies pendant la session, telles quelles et par"
                " séquence\u00a0:"
                " rien de ce qui a été dit n'est perdu.",
            ],
        ),
        ("dots", ["0 gommette", "1 gommette", "2 gommettes"]),
        ("teams", ["0 équipe", "1 équipe", "2 équipes"]),
    ],
)
def test_counted_phrases_read_right_at_0_1_2(key: str, expected: list[str]) -> None:
    words = Words("fr")
    assert [words.count(key, n) for n in (0, 1, 2)] == expected


def test_chart_alt_text_has_a_french_colon() -> None:
    chart = Chart(
        kind="bar",
        title="Gommettes par idée",
        categories=("Idée A",),
        series=(Series(name="", values=(3,)),),
    )
    assert "Idée A : 3" in describe_chart(chart, Words("fr"))
    assert "Idée A: 3" in describe_chart(chart, Words("en"))


def test_chart_alt_text_separates_its_values_with_a_french_semicolon() -> None:
    chart = Chart(kind="bar", title="Gommettes par idée", categories=("Idée A", "Idée B"),
                  series=(Series(name="", values=(3, 1)),))  # fmt: skip
    assert "Idée A : 3 ; Idée B : 1" in describe_chart(chart, Words("fr"))
    assert "Idée A: 3; Idée B: 1" in describe_chart(chart, Words("en"))
