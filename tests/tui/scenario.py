"""A session half-way through, written in the journal at fixed times (for snapshots)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from labkit.methods.crossed_interviews import CrossedInterviews
from labkit.methods.territories import territory_note
from labkit.methods.world_cafe import WorldCafe
from labkit.tui.clock import ManualClock
from labkit.tui.controller import LiveSession

PARIS = ZoneInfo("Europe/Paris")
DAY1 = datetime(2027, 3, 16, 9, 3, tzinfo=PARIS)
DAY2 = datetime(2027, 3, 17, 9, 0, tzinfo=PARIS)
IDEAS = [
    "Un guichet unique pour les familles",
    "Des permanences de la CAF dans les agences",
    "Former les conseillers aux modes de garde",
    "Un annuaire partagé des places disponibles",
    "Des horaires de crèche alignés sur les formations",
    "Un référent unique par famille",
]


def morning(live: LiveSession, clock: ManualClock) -> None:
    """Day 1: check-in, opening, interviews with pairs and ingredients, café round 2 running."""
    clock.set(DAY1)
    for number in range(1, 18):
        live.arrive(f"p{number:02d}")
    live.mark_absent("p18")
    live.start_block("ouverture")
    clock.advance(minutes=17)
    live.start_block("interviews")
    room = live.room()
    pairs = [room[i:i + 2] for i in range(0, len(room) - 3, 2)] + [room[-3:]]
    live.record({"type": "rotation.replanned", "block_id": "interviews", "from_round": 1,
                 "plan": [pairs]})
    live.start_round("interviews")
    clock.advance(minutes=8)
    live.start_round("interviews")
    clock.advance(minutes=8)
    live.start_round("interviews")
    for group, text in enumerate(["La confiance entre les acteurs", "Un langage commun",
                                  "Se connaître avant d'avoir besoin"], 1):
        live.write(CrossedInterviews.ingredient, live.block("interviews"), text, group)
    clock.advance(minutes=29)
    live.start_block("cafe")
    live.start_round("cafe")
    for index, text in enumerate(IDEAS[:4]):
        table = index % 3 + 1
        live.write(WorldCafe.idea, live.block("cafe"), text, round_number=1, table=table,
                   question=table)
    clock.advance(minutes=21)
    live.start_round("cafe")
    for index, text in enumerate(IDEAS[4:]):
        table = index % 3 + 1
        live.write(WorldCafe.idea, live.block("cafe"), text, round_number=2, table=table,
                   question=table)
    clock.advance(minutes=12, seconds=30)


def harvest(live: LiveSession) -> None:
    """Two ideas of question 1 clustered and kept."""
    ideas = [c.contribution_id for c in live.state.contributions_where(block_id="cafe",
                                                                       question=1)]
    cluster = live.created_id(WorldCafe.cluster, live.block("cafe"), "Un point d'entrée unique",
                              1, ideas)
    live.record({"type": "ideas.kept", "block_id": "cafe", "question": 1,
                 "item_ids": [cluster]})


def vote(live: LiveSession, clock: ManualClock) -> None:
    """The vote on the café's ideas: dots counted, a tie at the cut."""
    live.start_block("vote")
    ids = [c.contribution_id for c in live.state.contributions_where(block_id="cafe")][:5]
    for item, dots in zip(ids, (14, 9, 6, 6, 2), strict=True):
        live.record({"type": "vote.cast", "item_id": item, "dots": dots, "block_id": "vote"})
    clock.advance(minutes=6)


def afternoon(live: LiveSession, clock: ManualClock, until: str = "cloture") -> None:
    """Day 2: diagnostic notes, peer help turn 2, commitments, questionnaires and words;
    stops with block `until` running."""
    clock.set(DAY2)
    live.start_block("diagnostic")
    for territory, text in (("02", "Peu de transports en commun"),
                            ("02", "Des crèches saturées"),
                            ("59", "Un CLEE très actif")):
        live.write(territory_note, live.block("diagnostic"), text, territory)
    clock.advance(minutes=45)
    live.start_block("entraide")
    live.start_round("entraide")
    live.write(territory_note, live.block("entraide"), "Une permanence mobile", "02",
               "insight")
    clock.advance(minutes=20)
    live.start_round("entraide")
    clock.advance(minutes=7)
    if until == "entraide":
        return
    live.start_block("engagements")
    live.record({"type": "commitment.added", "block_id": "engagements",
                 "what": "Ouvrir un guichet commun CAF–France Travail", "owner_person": "Karim",
                 "owner_organisation": "CAF de l'Aisne", "territory": "02",
                 "due": "2027-06-30", "indicator": "Guichet ouvert", "status": "committed"})
    live.record({"type": "commitment.added", "block_id": "engagements",
                 "what": "Réserver 20 % des places aux parents en recherche d'emploi",
                 "owner_organisation": "Département du Nord", "territory": "59",
                 "due": "2027-09-01", "indicator": "Places réservées"})
    clock.advance(minutes=25)
    if until == "engagements":
        return
    clock.advance(minutes=35)
    live.start_block("cloture")
    for group, scores, comment in (
        ("demandeurs", {"satisfaction": 5, "utilite": 4}, "Enfin écouté·es"),
        ("demandeurs", {"satisfaction": 4, "utilite": 4}, None),
        ("conseillers", {"satisfaction": 5, "utilite": 3}, None),
        ("partenaires", {"satisfaction": 4, "utilite": 5}, "À refaire"),
    ):
        event = {"type": "survey.answered", "group": group, "scores": scores}
        if comment:
            event["comment"] = comment
        live.record(event)
    for word in ("Confiance", "Énergie", "Ensemble"):
        live.record({"type": "closing.word_added", "text": word, "block_id": "cloture"})
    clock.advance(minutes=9)
