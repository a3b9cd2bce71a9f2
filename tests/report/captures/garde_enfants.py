"""What the Lab captured during « garde-enfants-parents » (16 and 17 March 2027, Créteil)."""

# ruff: noqa: E501 - sentences captured in the session, kept whole

from __future__ import annotations

from tests.report.captures import Capture
from tests.report.captures.garde_enfants_content import (
    CAFE,
    COMMITMENTS,
    GALERIE,
    INGREDIENTS,
    JOURNEYS_TODAY,
    JOURNEYS_TOMORROW,
    PROTOTYPE_TEST,
    WORDS,
)

# survey: (group, satisfaction, usefulness) — parents 4.7 and 3.8, advisers 4.8 and 4.1
SURVEY = (
    [("parents", s, u) for s, u in [(5, 4), (5, 4), (5, 3), (4, 4), (5, 4), (4, 4)]]
    + [("conseillers", s, u) for s, u in
       [(5, 4), (5, 5), (5, 4), (4, 4), (5, 4), (5, 4), (4, 4), (5, 4)]]
    + [("caf", s, u) for s, u in [(5, 4), (4, 4), (5, 5), (4, 4)]]
    + [("creches", s, u) for s, u in [(5, 5), (4, 4), (5, 4), (5, 5), (4, 4), (5, 4)]]
    + [("collectivites", s, u) for s, u in [(4, 4), (5, 4), (4, 3), (5, 4)]]
)  # fmt: skip
COMMENTS = {
    0: "Pour une fois on nous a écoutées. Merci pour la garderie sur place, sinon je ne serais pas venue.",
    3: "J'aurais aimé savoir plus tôt que ces crèches existaient, mon fils a 2 ans et demi maintenant.",
    7: "Très concret. Il faudra que le suivi à trois mois ait vraiment lieu.",
    12: "Les parcours de demain joués en direct : très parlant pour nos équipes.",
    19: "Un peu court pour le tableau des engagements, on aurait pu y passer plus de temps.",
}


def build() -> Capture:
    cap = Capture("garde-enfants-parents", device="portable-lab-1", recorder="Lucie")
    _day_one(cap)
    _day_two(cap)
    return cap


def _arrivals(cap: Capture, day: int, absent: dict[str, str], late: dict[str, str]) -> None:
    cap.now(day, "09:12")
    people = [p for p in cap.session.participants if p.attends(day)]
    for index, person in enumerate(people):
        if person.id in absent:
            cap.event("attendance.absent", participant_id=person.id, day=day,
                      reason=absent[person.id])  # fmt: skip
        elif person.id not in late:
            cap.event("attendance.arrived", timed=True, participant_id=person.id, day=day)
            if index % 3 == 0:
                cap.clock += cap.step * 2


def _late(cap: Capture, day: int, late: dict[str, str]) -> None:
    for person, hhmm in late.items():
        cap.now(day, hhmm)
        cap.event("attendance.arrived", timed=True, participant_id=person, day=day)


def _day_one(cap: Capture) -> None:
    late = {"p06": "10:05"}
    _arrivals(cap, 1, {}, late)
    cap.block("accueil", 1, "09:31", "09:52")
    cap.end("accueil")
    cap.block("ouverture", 1, "09:52", "10:24")
    cap.say("Catherine : « La garde d'enfant est le premier frein au retour à l'emploi des "
            "parents que nous accompagnons ; nous voulons repartir avec des engagements datés. »",
            kind="quote", block_id="ouverture")  # fmt: skip
    cap.say("La direction régionale réunira les signataires à trois mois pour faire le point.",
            kind="note", block_id="ouverture")  # fmt: skip
    _late(cap, 1, late)
    cap.end("ouverture")

    cap.block("interviews", 1, "10:24", "11:12")
    ids_by_cluster: dict[str, list[str]] = {}
    for table, (cluster, texts) in enumerate(INGREDIENTS.items(), 1):
        for offset, text in enumerate(texts):
            found = cap.say(text, kind="ingredient", block_id="interviews",
                            table=(table + offset) % 7 + 1)  # fmt: skip
            ids_by_cluster.setdefault(cluster, []).append(found)
    for cluster, ids in ids_by_cluster.items():
        cap.cluster(cluster, ids, block_id="interviews")
    cap.end("interviews")

    cap.block("pause-matin", 1, "11:12", "11:27")
    cap.end("pause-matin")
    cap.block("apport-avip", 1, "11:27", "11:52")
    for text in (
        "Question de la salle : une place AVIP peut-elle être proposée avant la signature du "
        "contrat de formation ? Réponse : oui, sur attestation d'entrée en formation.",
        "Beaucoup de conseillers découvrent que le contrat de retour à l'emploi est renouvelable "
        "une fois (3 + 3 mois).",
    ):
        cap.say(text, kind="note", block_id="apport-avip")
    cap.end("apport-avip")

    cap.block("parcours", 1, "11:52", "13:05")
    _journeys(cap, "parcours", JOURNEYS_TODAY)
    cap.end("parcours")
    cap.block("dejeuner", 1, "13:05", "14:02")
    cap.end("dejeuner")

    cap.block("galerie", 1, "14:02", "14:40")
    for text in GALERIE:
        cap.say(text, kind="pain_point", block_id="galerie")
    cap.end("galerie")

    cap.block("cafe", 1, "14:40", "16:31")
    _cafe(cap)
    cap.end("cafe")
    cap.block("meteo-j1", 1, "16:31", "16:44")
    for word in ("Curieuse", "Rassurée", "Fatigué mais content", "Motivée", "Pleine d'idées"):
        cap.say(word, kind="note", block_id="meteo-j1")
    cap.end("meteo-j1")
    for person in ("p01", "p05"):
        cap.event("attendance.left", timed=True, participant_id=person, day=1)


def _journeys(cap: Capture, block: str, journeys: list[dict]) -> None:
    for journey in journeys:
        persona = cap.event("persona.created", name=journey["name"], block_id=block,
                            team=journey["team"], description=journey.get("description"))  # fmt: skip
        for position, (stage, actions, touchpoints, emotion, pains, opps) in enumerate(
            journey["stages"], 1
        ):
            cap.event("journey_step.added", persona_id=persona, stage=stage, position=position,
                      actions=actions, touchpoints=touchpoints, emotion=emotion,
                      pain_points=pains, opportunities=opps)  # fmt: skip


def _cafe(cap: Capture) -> None:
    rounds = [("14:42", "15:02"), ("15:07", "15:27"), ("15:32", "15:52"), ("15:57", "16:17")]
    kept: dict[int, list[str]] = {}
    ideas: dict[int, list[tuple[str, bool]]] = {q: CAFE[q] for q in CAFE}
    for number, (start, end) in enumerate(rounds, 1):
        cap.now(1, start)
        cap.event("round.started", timed=True, block_id="cafe", round=number)
        for question, items in ideas.items():
            share = items[(number - 1) * len(items) // 4 : number * len(items) // 4]
            for text, is_kept in share:
                found = cap.say(text, block_id="cafe", question=question, table=question,
                                round=number)  # fmt: skip
                if is_kept:
                    kept.setdefault(question, []).append(found)
        cap.now(1, end)
        cap.event("round.ended", timed=True, block_id="cafe", round=number)
    cap.now(1, "16:20")
    for question in sorted(kept):
        cap.event("ideas.kept", block_id="cafe", question=question, item_ids=kept[question])
    _CAFE_KEPT.clear()
    _CAFE_KEPT.extend(i for q in sorted(kept) for i in kept[q])


_CAFE_KEPT: list[str] = []
# dots given to the 15 kept ideas (in question order), 5 dots for each of 29 voters = 145
_DOTS = [14, 6, 9, 21, 8, 5, 7, 4, 3, 19, 6, 11, 17, 9, 6]


def _day_two(cap: Capture) -> None:
    absent = {"p07": "Enfant malade"}
    late = {"p22": "09:58"}
    people_day2 = [p for p in cap.session.participants if p.attends(2)]
    _arrivals(cap, 2, absent, late)
    cap.block("accueil-j2", 2, "09:34", "09:50")
    cap.end("accueil-j2")
    _late(cap, 2, late)

    cap.block("vote", 2, "09:58", "10:27")
    cap.step = cap.step / 8  # dots are recorded in bursts, table by table
    voters = [p.id for p in people_day2 if p.role.seated and p.id not in absent][:29]
    remaining = list(_DOTS)
    budget = {v: 5 for v in voters}
    for item_index, item in enumerate(_CAFE_KEPT):
        for voter in voters:
            if remaining[item_index] == 0:
                break
            if budget[voter] == 0:
                continue
            dots = min(2 if remaining[item_index] > 8 else 1, budget[voter],
                       remaining[item_index])  # fmt: skip
            cap.event("vote.cast", item_id=item, dots=dots, participant_id=voter,
                      block_id="vote", question=1)  # fmt: skip
            budget[voter] -= dots
            remaining[item_index] -= dots
    cap.step = cap.step * 8
    cap.end("vote")

    cap.block("parcours-cible", 2, "10:24", "11:42")
    _journeys(cap, "parcours-cible", JOURNEYS_TOMORROW)
    cap.end("parcours-cible")
    cap.block("pause-j2", 2, "11:42", "11:55")
    cap.end("pause-j2")
    cap.block("presentation-prototypes", 2, "11:55", "12:46")
    _prototype_test(cap)
    cap.end("presentation-prototypes")
    cap.block("dejeuner-j2", 2, "12:46", "13:45")
    cap.end("dejeuner-j2")

    cap.block("engagements", 2, "13:45", "15:20")
    for team, rows in COMMITMENTS.items():
        for what, person, organisation, due, indicator in rows:
            cap.event("commitment.added", what=what, owner_person=person,
                      owner_organisation=organisation, due=due, indicator=indicator,
                      team=team, status="committed", block_id="engagements")  # fmt: skip
    cap.end("engagements")
    cap.block("pause-j2-apres-midi", 2, "15:20", "15:33")
    cap.end("pause-j2-apres-midi")
    cap.block("partage-engagements", 2, "15:33", "16:02")
    cap.say("Catherine : la direction régionale reprend les engagements des pistes 1 et 4 dans "
            "sa feuille de route 2027 ; réunion de suivi fixée au mardi 22 juin 2027.",
            kind="note", block_id="partage-engagements")  # fmt: skip
    cap.end("partage-engagements")

    cap.block("cloture", 2, "16:02", "16:38")
    for person, word in WORDS:
        cap.event("closing.word_added", text=word, participant_id=person, block_id="cloture")
    for index, (group, satisfaction, usefulness) in enumerate(SURVEY):
        cap.event("survey.answered", group=group,
                  scores={"satisfaction": satisfaction, "utilite": usefulness},
                  comment=COMMENTS.get(index))  # fmt: skip
    cap.end("cloture")


def _prototype_test(cap: Capture) -> None:
    """Three visits of 8 minutes (feedback noted by facet for the team visited), then the
    revision where each team states what it keeps, drops and tests next."""
    block = "presentation-prototypes"
    parts = [("11:57", "12:05"), ("12:07", "12:15"), ("12:17", "12:25"), ("12:27", "12:43")]
    for number, (start, end) in enumerate(parts, 1):
        cap.now(2, start)
        cap.event("round.started", timed=True, block_id=block, round=number)
        for team, (feedback, decisions) in PROTOTYPE_TEST.items():
            for text in decisions if number == len(parts) else ():
                cap.say(text, kind="decision", block_id=block, team=team)
            for round_number, facet, text in feedback:
                if round_number == number:
                    cap.say(text, kind="feedback", block_id=block, team=team,
                            round=round_number, question=facet)  # fmt: skip
        cap.now(2, end)
        cap.event("round.ended", timed=True, block_id=block, round=number)
