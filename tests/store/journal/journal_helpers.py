"""Shared helpers of the journal tests: a fixed clock and a session captured end to end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from labkit.store.journal import Journal
from labkit.store.journal.attachments import file_sha256

T0 = datetime(2026, 3, 12, 8, 0, tzinfo=UTC)
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")


def at(minutes: float) -> datetime:
    """T0 + `minutes`."""
    return T0 + timedelta(minutes=minutes)


def attachment_problems(journal: Journal) -> list[str]:
    """One line per recorded attachment whose file is missing or changed (empty when all good)."""
    problems = []
    for attachment in journal.state().attachments.values():
        path = journal.folder / attachment.path
        if not path.is_file():
            problems.append(f"{attachment.attachment_id}: {path} is missing")
        elif file_sha256(path) != attachment.sha256:
            problems.append(f"{attachment.attachment_id}: {path} was changed")
    return problems


def fill_scenario(journal: Journal, tmp: Path) -> dict[str, str]:
    """Record a small but complete session (every kind of event) into `journal`; useful ids."""
    ids: dict[str, str] = {}
    for number in range(1, 7):
        journal.arrive(f"p{number}", day=1, at=at(number))
    journal.mark_absent("p7", day=1, reason="malade")
    journal.leave("p2", day=1, at=at(300))
    journal.start_block("ouverture", at=at(0))
    journal.end_block("ouverture", at=at(25))
    journal.start_block("cafe", at=at(30))
    journal.start_round("cafe", at=at(31))
    ids["idea1"] = journal.add_contribution(
        "Un guichet unique pour la garde d'enfants", kind="idea", block_id="cafe", question=1,
        round=1, table=1,
    )  # fmt: skip
    ids["idea2"] = journal.add_contribution(
        "Places réservées en crèche AVIP\npour les parents en formation", kind="idea",
        block_id="cafe", question=1, round=1, table=2, author="Nadia",
    )  # fmt: skip
    ids["idea3"] = journal.add_contribution(
        "Horaires élargis à 12 h", kind="idea", block_id="cafe", question=2, table=3
    )
    ids["quote"] = journal.add_contribution("« On ne sait pas à qui demander »", kind="quote")
    ids["gone"] = journal.add_contribution("doublon", kind="idea", block_id="cafe", question=1)
    journal.record({"type": "contribution.deleted", "contribution_id": ids["gone"]})
    journal.record({"type": "contribution.edited", "contribution_id": ids["idea3"],
                    "text": "Horaires élargis à 12 h par jour", "round": 1})  # fmt: skip
    journal.end_round("cafe", at=at(51))
    journal.record(
        {
            "type": "rotation.replanned",
            "block_id": "cafe",
            "from_round": 2,
            "plan": [[["p1", "p3"], ["p4", "p5", "p6"]]],
            "reason": "p2 est partie",
        }
    )
    journal.start_round("cafe", at=at(52))
    journal.pause_block("cafe", at=at(60))
    journal.resume_block("cafe", at=at(70))
    journal.extend_block("cafe", 10)
    ids["note"] = journal.add_contribution(
        "Le Nord manque de places en crèche", kind="note", territory="59"
    )
    ids["ingredient"] = journal.add_contribution(
        "Se connaître avant d'avoir besoin l'un de l'autre", kind="ingredient", pair=3
    )
    cluster = journal.record({"type": "cluster.created", "title": "Accès aux places",
                              "block_id": "cafe", "question": 1,
                              "contribution_ids": [ids["idea1"], ids["idea2"]]})  # fmt: skip
    ids["cluster"] = str(cluster.event.new_id())
    journal.record({"type": "cluster.renamed", "cluster_id": ids["cluster"],
                    "title": "Accès aux places de crèche"})  # fmt: skip
    journal.vote(ids["cluster"], 3, participant_id="p1", block_id="cafe", question=1)
    journal.vote(ids["idea3"], 2, team="bleue", block_id="cafe", question=2)
    undone = journal.vote(ids["idea3"], 5)
    journal.undo(undone.id)
    journal.record({"type": "ideas.kept", "block_id": "cafe", "question": 1,
                    "item_ids": [ids["cluster"]]})  # fmt: skip
    persona = journal.record(
        {
            "type": "persona.created",
            "name": "Inès, 27 ans",
            "description": "Mère d'un enfant de 2 ans, en recherche d'emploi",
        }
    )
    ids["persona"] = str(persona.event.new_id())
    for position, (stage, emotion) in enumerate(
        [("S'inscrire", 0), ("Chercher une crèche", -2), ("Entrer en formation", 2)], start=1
    ):
        journal.record({"type": "journey_step.added", "persona_id": ids["persona"],
                        "stage": stage, "position": position, "emotion": emotion,
                        "actions": ["appeler"], "pain_points": ["attente"]})  # fmt: skip
    commitment = journal.record(
        {
            "type": "commitment.added",
            "what": "Réserver 20 % des places aux parents en recherche",
            "owner_organisation": "CAF",
            "due": "2026-06-30",
            "indicator": "nombre de places",
            "territory": "59",
        }
    )
    ids["commitment"] = str(commitment.event.new_id())
    journal.record({"type": "commitment.edited", "commitment_id": ids["commitment"],
                    "status": "committed", "owner_person": "Claire"})  # fmt: skip
    for group, score in [("demandeurs", 5), ("demandeurs", 4), ("conseillers", 5)]:
        journal.record({"type": "survey.answered", "group": group,
                        "scores": {"satisfaction": score, "utilite": score - 1},
                        "comment": "Merci !"})  # fmt: skip
    journal.record({"type": "closing.word_added", "text": "Confiance", "participant_id": "p1"})
    journal.record({"type": "closing.word_added", "image": "relais-4x100"})
    photo = tmp / "nappe table 1.png"
    photo.write_bytes(PNG)
    ids["attachment"] = journal.attach(photo, caption="Nappe de la table 1", table=1)
    journal.end_round("cafe", at=at(75))
    journal.end_block("cafe", at=at(100))
    return ids
