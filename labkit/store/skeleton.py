"""The commented skeleton `labkit new` writes: a valid session to fill in."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from labkit.errors import InvalidInputError
from labkit.i18n import t
from labkit.store.atomic import write_text_atomic
from labkit.store.safe_paths import folder_in, private_folder
from labkit.store.session_folder import SESSION_FILE, validate_document
from labkit.store.yaml_document import parse_yaml

_HEADER = {
    "fr": """\
# yaml-language-server: $schema=../session.schema.json
# Session labkit — à compléter. Vérifier : labkit validate {slug}   Agenda : labkit agenda {slug}
# Les heures s'écrivent 09:30 ou 9h30 ; les durées sont en minutes.
schema_version: 1
slug: {slug_value}
title: {title}
lab: {lab}            # le Lab qui anime la session
sponsor: null        # le commanditaire (ex. une direction régionale)
format: {format}    # lab_session | collaborative_workshop | event
mode: in_person      # in_person | remote | traveling
venue: null          # le lieu, ou remote_link: https://... pour une session à distance
language: {lang}
context: ""          # le contexte, repris dans la restitution
questions: []        # la ou les questions de la session
objectives: []
urls: {{}}             # questionnaire, shared_folder, registration, resources (QR codes)

# Documents administratifs (facultatif) : décommentez ce qui sert.
# organisers: [DREETS]             # co-organisateurs, après le Lab (invitation, émargement)
# contact: {{name: Prénom Nom, email: prenom.nom@exemple.fr, phone: 01 23 45 67 89}}
# access: "Métro, parking, accessibilité PMR…"   # repris dans l'invitation
# privacy_notice: "Qui conserve la feuille d'émargement, pourquoi, combien de temps, qui contacter"
# logo: logo.png                   # image PNG ou JPEG dans ce dossier
# calendar: {{country: FR, subdivision: null}}   # jours fériés ; "57" pour la Moselle
# restitution:                     # le document de restitution (labkit report)
#   foreword: "Le mot du commanditaire…"   # avant-propos ; foreword_by: "Prénom Nom, fonction"
#   sponsor_logo: logo-commanditaire.png   # sur la couverture, à côté du logo du Lab
#   follow_up: Le Lab et la DREETS         # qui suit les engagements (« Les suites »)
#   next_meeting: {{date: 2027-09-15, what: Comité de suivi}}
#   thanks: "Merci à…"                     # remerciements ; version: "1.0"

# Les collèges : key (identifiant court), label, colour (#RRGGBB), vulnerable (jamais nommés)
groups:
  - key: participants
    label: Participant·es
    colour: "#4C72B0"

# Les participant·es : importez un tableur avec « labkit participants import {slug} FICHIER »
participants: []

# Les jours (1 à 3) : date, start, end, et l'agenda : des blocs dans l'ordre.
# Chaque bloc : id, title, phase (scan | focus | act | none), duration (min), method.
# Méthodes : plenary, crossed_interviews, world_cafe, persona_journey, idea_vote, commitments,
# territorial_diagnostic, peer_help, closing, break, lunch (voir les exemples : labkit examples).
days:
""",
    "en": """\
# yaml-language-server: $schema=../session.schema.json
# labkit session — fill it in. Check: labkit validate {slug}   Agenda: labkit agenda {slug}
# Times are written 09:30; durations are in minutes.
schema_version: 1
slug: {slug_value}
title: {title}
lab: {lab}            # the Lab running the session
sponsor: null        # the sponsor (e.g. a regional directorate)
format: {format}    # lab_session | collaborative_workshop | event
mode: in_person      # in_person | remote | traveling
venue: null          # the place, or remote_link: https://... for a remote session
language: {lang}
context: ""          # the context, shown in the restitution
questions: []        # the session's question(s)
objectives: []
urls: {{}}             # questionnaire, shared_folder, registration, resources (QR codes)

# Administrative documents (optional): uncomment what you need.
# organisers: [DREETS]             # co-organisers after the Lab (invitation, sign-in sheet)
# contact: {{name: First Last, email: first.last@example.org, phone: 01 23 45 67 89}}
# access: "Transport, parking, accessibility..."   # shown on the invitation
# privacy_notice: "Who keeps the sign-in sheet, why, how long, whom to ask"
# logo: logo.png                   # a PNG or JPEG image in this folder
# calendar: {{country: FR, subdivision: null}}   # public holidays; "57" for Moselle
# restitution:                     # the restitution document (labkit report)
#   foreword: "The sponsor's word..."      # foreword; foreword_by: "First Last, role"
#   sponsor_logo: sponsor-logo.png         # on the cover, beside the Lab's logo
#   follow_up: The Lab and the DREETS      # who follows the commitments up ("Next steps")
#   next_meeting: {{date: 2027-09-15, what: Follow-up committee}}
#   thanks: "Thanks to..."                 # thanks; version: "1.0"

# Stakeholder groups: key (short id), label, colour (#RRGGBB), vulnerable (never named)
groups:
  - key: participants
    label: Participants
    colour: "#4C72B0"

# Participants: import a spreadsheet with "labkit participants import {slug} FILE"
participants: []

# Days (1 to 3): date, start, end, and the agenda: blocks in order.
# Each block: id, title, phase (scan | focus | act | none), duration (min), method.
# Methods: plenary, crossed_interviews, world_cafe, persona_journey, idea_vote, commitments,
# territorial_diagnostic, peer_help, closing, break, lunch (see the examples: labkit examples).
days:
""",
}

_BLOCKS = {
    "fr": [
        ("ouverture", "Ouverture et tour de table", 30, "plenary"),
        ("travail-matin", "Travail en sous-groupes", 90, "plenary"),
        ("pause-matin", "Pause", 15, "break"),
        ("suite-matin", "Mise en commun", 75, "plenary"),
        ("dejeuner", "Déjeuner", 60, "lunch"),
        ("travail-apres-midi", "Travail en sous-groupes", 150, "plenary"),
        ("cloture", "Déclusion et questionnaire", 30, "closing"),
    ],
    "en": [
        ("opening", "Opening and round of introductions", 30, "plenary"),
        ("morning-work", "Work in small groups", 90, "plenary"),
        ("morning-break", "Break", 15, "break"),
        ("morning-sharing", "Sharing in plenary", 75, "plenary"),
        ("lunch", "Lunch", 60, "lunch"),
        ("afternoon-work", "Work in small groups", 150, "plenary"),
        ("closing", "Closing round and questionnaire", 30, "closing"),
    ],
}

# Phases of (opening, morning work, afternoon work, end of day) for each day, by session length:
# the ASE phases run Scan -> Focus -> Act over the whole session.
_PHASES = {
    1: [("scan", "scan", "focus", "act")],
    2: [("scan", "scan", "focus", "none"), ("focus", "focus", "act", "act")],
    3: [("scan", "scan", "scan", "none"), ("focus", "focus", "focus", "none"),
        ("act", "act", "act", "act")],
}


def skeleton_text(slug: str, title: str, first_day: dt.date, days: int, lang: str, lab: str) -> str:
    """The YAML text of a new session: header comments, one group, a plain agenda per day."""
    fmt = "lab_session" if days > 1 else "collaborative_workshop"
    text = _HEADER[lang].format(
        slug=slug, slug_value=json.dumps(slug),  # quoted: a slug such as 2026 stays text
        title=json.dumps(title, ensure_ascii=False),
        lab=json.dumps(lab, ensure_ascii=False), format=fmt, lang=lang,
    )
    for n in range(days):
        date = first_day + dt.timedelta(days=n)
        suffix = "" if n == 0 else f"-j{n + 1}"
        opening, morning, afternoon, end = _PHASES[days][n]
        phases = [opening, morning, "none", morning, "none", afternoon, end]
        text += f"  - date: {date.isoformat()}\n    start: \"09:00\"\n    end: \"17:00\"\n"
        text += "    agenda:\n"
        for block, phase in zip(_BLOCKS[lang], phases, strict=True):
            block_id, block_title, minutes, method = block
            if method == "closing" and n < days - 1:
                block_id, block_title, method = "bilan", _day_review(lang), "plenary"
            text += (
                f"      - id: {block_id}{suffix}\n"
                f"        title: {json.dumps(block_title, ensure_ascii=False)}\n"
                f"        phase: {phase}\n        duration: {minutes}\n        method: {method}\n"
            )
    return text


def _day_review(lang: str) -> str:
    return "Bilan de la journée" if lang == "fr" else "Review of the day"


def create_session(
    root: Path, slug: str, title: str, first_day: dt.date, days: int, lang: str, lab: str
) -> Path:
    """Write `root/<slug>/session.yaml` from the skeleton; refuse to overwrite a session."""
    folder = root / slug
    path = folder / SESSION_FILE
    if path.exists():
        raise InvalidInputError(t("session.exists", None, path=path))
    if not 1 <= days <= 3:
        raise InvalidInputError(t("session.days_range", None, days=days))
    text = skeleton_text(slug, title, first_day, days, lang, lab)
    validate_document(parse_yaml(text, path), path)
    private_folder(root)
    folder_in(root, folder)  # owner-only; an existing link to elsewhere is refused
    write_text_atomic(path, text)
    return path
