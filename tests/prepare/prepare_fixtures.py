"""A small but complete session folder for the preparation tests (helpers; fixtures in conftest)."""

from __future__ import annotations

import json
from pathlib import Path

GROUPS = ["de", "cons", "caf", "creche"]
NAMES = [
    ("Hélène", "Durand", "France Travail"),
    ("Karim", "Benali", None),
    ("Sophie", "Martin", "CAF du Nord"),
    ("Julien", "Petit", "Crèche Les Lucioles"),
    ("Amina", "Diallo", None),
    ("Thomas", "Leroy", "France Travail"),
    ("Claire", "Moreau", "CAF du Nord"),
    ("Nadia", "Haddad", "Crèche AVIP Soleil"),
    ("Lucas", "Girard", None),
    ("Emma", "Roux", "France Travail"),
    ("Marc", "Fournier", "CAF du Nord"),
    ("Léa", "Bonnet", "Crèche Les Lucioles"),
]


def participants_yaml() -> str:
    lines = []
    for i, (first, last, org) in enumerate(NAMES, 1):
        lines.append(f"  - id: p{i:02d}")
        lines.append(f"    first_name: {first}")
        lines.append(f"    last_name: {last}")
        if org:
            lines.append(f"    organisation: {org}")
        lines.append(f"    group: {GROUPS[(i - 1) % 4]}")
        if i == 12:
            lines.append("    days: [1]")
    lines += [
        "  - id: f01",
        "    first_name: Camille",
        "    last_name: Lefèvre",
        "    organisation: Lab",
        "    group: cons",
        "    role: facilitator",
    ]
    return "\n".join(lines)


SESSION_YAML = """\
# Session de test — un commentaire que labkit doit garder
schema_version: 1
slug: garde-enfants
title: Garde d'enfants des parents en recherche d'emploi
lab: Lab de l'innovation
sponsor: Direction régionale
format: lab_session
mode: in_person
venue: Maison des associations, 12 rue de la Paix, Lille
language: fr
context: |
  Les parents de jeunes enfants peinent à trouver une place en crèche pour suivre une formation.
questions:
  - Comment faciliter l'accès des parents en recherche d'emploi aux places en crèche ?
objectives:
  - Modéliser les parcours des parents
  - Consolider l'accès aux crèches AVIP
urls:
  registration: https://example.org/inscription
  resources: https://example.org/ressources
groups:
  - key: de
    label: Demandeur·ses d'emploi
    colour: "#4C72B0"
    vulnerable: true
  - key: cons
    label: Conseiller·es
    colour: "#DD8452"
  - key: caf
    label: CAF
    colour: "#55A868"
  - key: creche
    label: Crèches
    colour: "#C44E52"
participants:
{participants}
days:
  - date: 2026-03-12
    start: "09:00"
    end: "17:00"
    agenda:
      - id: ouverture
        title: Ouverture par la directrice régionale
        phase: scan
        duration: 30
        method: {{type: plenary, kind: opening}}
      - id: interviews
        title: Interviews croisés
        phase: scan
        duration: 60
        method:
          type: crossed_interviews
          prompt: Une coopération qui a marché
      - id: pause-1
        title: Pause
        duration: 15
        method: break
      - id: cafe
        title: World café
        phase: focus
        duration: 95
        method:
          type: world_cafe
          tables: 3
          rounds: 3
          questions:
            - Comment repérer les besoins de garde dès l'inscription ?
            - Comment rendre les places AVIP visibles des conseiller·es ?
            - Comment accompagner le retour à l'emploi pendant les trois mois du contrat ?
          hosts: [p01, p02, p03]
      - id: dejeuner
        title: Déjeuner
        duration: 60
        method: lunch
      - id: parcours
        title: Parcours usager
        phase: focus
        duration: 120
        method:
          type: persona_journey
          personas: [{{id: ines, name: Inès, description: "Mère de deux enfants"}}]
          stages: [Inscription, Recherche de garde, Formation]
  - date: 2026-03-13
    start: "09:00"
    end: "16:30"
    agenda:
      - id: vote
        title: Vote des idées
        phase: focus
        duration: 60
        method: {{type: idea_vote, source_block: cafe}}
      - id: engagements
        title: Les engagements de notre coopération
        phase: act
        duration: 120
        method: commitments
      - id: dejeuner-2
        title: Déjeuner
        duration: 60
        method: lunch
      - id: cloture
        title: Déclusion et questionnaire
        phase: act
        duration: 45
        method: closing
"""


def write_session(root: Path, text: str | None = None) -> Path:
    """Write a session folder under `root`; return the folder."""
    folder = root / "garde-enfants"
    folder.mkdir(parents=True, exist_ok=True)
    body = text if text is not None else SESSION_YAML.format(participants=participants_yaml())
    (folder / "session.yaml").write_text(body, encoding="utf-8")
    return folder


CAFE_PLAN = {
    "block": "cafe",
    "rounds": [
        [["p01", "p04", "p07", "p10"], ["p02", "p05", "p08", "p11"], ["p03", "p06", "p09", "p12"]],
        [["p01", "p05", "p09", "p12"], ["p02", "p06", "p07", "p10"], ["p03", "p04", "p08", "p11"]],
        [["p01", "p06", "p08", "p11"], ["p02", "p04", "p09", "p12"], ["p03", "p05", "p07", "p10"]],
    ],
    "metrics": {"repeat_pairs": 0},
}
PAIRS_PLAN = {
    "block": "interviews",
    "rounds": [[["p01", "p02"], ["p03", "p04"], ["p05", "p06"], ["p07", "p08"],
                ["p09", "p10", "p11"], ["p12"]]],
}


def save_plans(folder: Path) -> None:
    rotations = folder / "rotations"
    rotations.mkdir(exist_ok=True)
    (rotations / "cafe.json").write_text(json.dumps(CAFE_PLAN), encoding="utf-8")
    (rotations / "interviews.json").write_text(json.dumps(PAIRS_PLAN), encoding="utf-8")
