"""What was captured during « atelier-collaboratif » (3 June 2027, Toulouse and remote)."""

# ruff: noqa: E501 - sentences captured in the session, kept whole

from __future__ import annotations

from tests.report.captures import Capture

_STAGES = ("Avant l'arrivée", "Le premier jour", "La première semaine", "Le premier mois",
           "Le premier portefeuille", "Trois mois après")  # fmt: skip

JOURNEYS = [
    ("Léa, 24 ans", "Salle", [
        (["Reçoit un courriel automatique avec une date"], ["Courriel RH"], 0,
         ["Aucun contact humain avant le jour J"], ["Un appel du tuteur la semaine d'avant"]),
        (["Attend 2 heures à l'accueil que quelqu'un soit disponible"], ["Accueil de l'agence"], -2,
         ["Pas de poste de travail, pas de badge"], ["Un bureau et un badge prêts, un café d'accueil"]),
        (["Observe des entretiens, prend des notes"], ["Tuteur", "Collègues"], 1,
         ["Trop d'outils présentés en même temps"], ["Un programme de la semaine écrit à l'avance"]),
        (["Commence à recevoir seule, sans formation initiale"], ["Manager"], -1,
         ["Peur de mal faire, n'ose pas demander"], ["Un point quotidien de 15 minutes avec le tuteur"]),
        (["Reçoit un portefeuille de 250 personnes"], ["Outil de gestion", "Manager"], -2,
         ["Portefeuille complet d'emblée"], ["Portefeuille progressif : 80, puis 150, puis complet"]),
        (["Se sent utile, commence à conseiller des collègues plus récents"], ["Équipe"], 1,
         [], ["Reconnaître ce rôle de relais"]),
    ]),
    ("Olivier, 45 ans", "À distance", [
        (["Prépare seul son arrivée à partir du site intranet"], ["Intranet"], 0,
         ["Informations dispersées et datées"], ["Un livret d'accueil à jour"]),
        (["Accueilli par son manager, visite de l'agence"], ["Manager"], 1,
         ["Ordinateur livré trois jours plus tard"], ["Matériel commandé un mois avant"]),
        (["Découvre les entreprises du bassin avec le conseiller entreprises"], ["Conseiller entreprises"], 2,
         [], ["S'appuyer sur son expérience bancaire"]),
        (["Se perd dans les règles d'indemnisation"], ["Formation à distance"], -2,
         ["Modules en ligne sans lien avec ses cas réels"], ["Des cas pratiques avec le tuteur"]),
        (["Gère son portefeuille avec des tableaux personnels"], ["Outil de gestion"], -1,
         ["Outils peu intuitifs"], ["Une demi-journée « astuces » entre pairs"]),
        (["Devient référent entreprises de l'équipe"], ["Équipe", "Manager"], 2, [], []),
    ]),
]

# question -> (idea, dots)
CAFE = {
    1: [("Un bureau, un badge et un ordinateur prêts le premier jour", 9),
        ("Un appel du tuteur la semaine précédant l'arrivée", 7),
        ("Un livret d'accueil d'agence tenu à jour par l'équipe", 4),
        ("Prévenir l'équipe et afficher le trombinoscope", 2),
        ("Un déjeuner d'accueil le premier jour", 3),
        ("Planifier la formation initiale avant l'arrivée", 5)],
    2: [("Un portefeuille progressif sur trois mois", 11),
        ("Un programme écrit des deux premières semaines", 6),
        ("Des binômes d'observation avec plusieurs collègues", 3),
        ("Une demi-journée par semaine sans rendez-vous pour apprendre", 6),
        ("Des cas pratiques à la place de certains modules en ligne", 4)],
    3: [("Du temps de tutorat reconnu dans la charge du tuteur (2 heures par semaine)", 10),
        ("Un point mensuel à trois : nouveau, tuteur, manager", 7),
        ("Une formation courte pour les tuteurs", 3),
        ("Une communauté des nouveaux arrivés du territoire", 4),
        ("Un parrainage par un conseiller d'une autre agence", 1)],
}

ACTIONS = {
    "Question 1 — Avant le premier jour": [
        ("Liste de contrôle « arrivée » : badge, poste, ordinateur et comptes prêts à J-5", "Laurent", "France Travail — agence de Colomiers", "2027-09-01", "100 % des arrivées de septembre avec un poste prêt"),
        ("Appel du tuteur la semaine précédant l'arrivée", "Christine", "France Travail — agence de Toulouse Saint-Cyprien", "2027-09-01", "Appel passé pour chaque arrivée"),
    ],
    "Question 2 — Les premières semaines": [
        ("Portefeuille progressif : 80, 150 puis complet à trois mois", "Sandrine", "Direction territoriale de la Haute-Garonne", "2027-10-01", "Règle appliquée dans les 6 agences"),
        ("Programme écrit des deux premières semaines, modèle commun", "Myriam", "France Travail — agence de Saint-Gaudens", "2027-07-15", "Modèle diffusé et utilisé"),
    ],
    "Question 3 — Le rôle du tuteur": [
        ("Reconnaître 2 heures de tutorat par semaine dans la charge du tuteur", "Sandrine", "Direction territoriale de la Haute-Garonne", "2027-09-30", "Temps inscrit dans les plannings"),
        ("Point mensuel à trois pendant les six premiers mois", "Nadège", "Direction territoriale — ressources humaines", "2027-09-30", "6 points par nouvel arrivant"),
    ],
}

WORDS = [("p01", "Entendue"), ("p02", "Concret"), ("p03", "Soulagée"), ("p04", "Motivé"),
         ("p05", "Utile"), ("p06", "Enfin"), ("p07", "Engagée"), ("p08", "Responsabilité"),
         ("p09", "Clair"), ("p10", "Confiance"), ("p11", "Ensemble"), ("p12", "Suite")]
SURVEY = [("nouveaux", 5, 5), ("nouveaux", 5, 4), ("nouveaux", 4, 4), ("nouveaux", 5, 5),
          ("tuteurs", 4, 4), ("tuteurs", 5, 4), ("tuteurs", 4, 3), ("encadrement", 5, 4),
          ("encadrement", 4, 4), ("encadrement", 5, 5), ("rh-formation", 4, 4),
          ("rh-formation", 5, 4)]  # fmt: skip


def build() -> Capture:
    cap = Capture("atelier-collaboratif", device="portable-julie", recorder="Julie")
    cap.now(1, "09:20")
    for person in cap.session.participants:
        cap.event("attendance.arrived", timed=True, participant_id=person.id, day=1)
    cap.block("accueil", 1, "09:30", "09:52")
    cap.say("Connexion difficile pour deux collègues à distance : 7 minutes de retard au démarrage.",
            kind="note", block_id="accueil")  # fmt: skip
    cap.end("accueil")
    cap.block("ouverture", 1, "09:52", "10:05")
    cap.end("ouverture")

    cap.block("parcours", 1, "10:05", "11:04")
    for name, team, rows in JOURNEYS:
        persona = cap.event("persona.created", name=name, block_id="parcours", team=team)
        for position, (stage, row) in enumerate(zip(_STAGES, rows, strict=True), 1):
            actions, touchpoints, emotion, pains, opportunities = row
            cap.event("journey_step.added", persona_id=persona, stage=stage, position=position,
                      actions=actions, touchpoints=touchpoints, emotion=emotion,
                      pain_points=pains, opportunities=opportunities)  # fmt: skip
    cap.end("parcours")
    cap.block("pause-matin", 1, "11:04", "11:16")
    cap.end("pause-matin")

    cap.block("cafe", 1, "11:16", "12:33")
    ids: dict[int, list[tuple[str, int]]] = {}
    for question, (start, end) in zip(CAFE, (("11:17", "11:37"), ("11:42", "12:02"),
                                             ("12:07", "12:27")), strict=True):  # fmt: skip
        cap.now(1, start)
        cap.event("round.started", timed=True, block_id="cafe", round=question)
        for index, (text, dots) in enumerate(CAFE[question]):
            found = cap.say(text, block_id="cafe", question=question, round=question,
                            table=index % 3 + 1)  # fmt: skip
            ids.setdefault(question, []).append((found, dots))
        cap.now(1, end)
        cap.event("round.ended", timed=True, block_id="cafe", round=question)
    for question, items in ids.items():
        ranked = sorted(items, key=lambda pair: -pair[1])
        cap.event("ideas.kept", block_id="cafe", question=question,
                  item_ids=[item for item, _ in ranked[:5]])  # fmt: skip
    cap.end("cafe")
    cap.block("dejeuner", 1, "12:33", "13:31")
    cap.end("dejeuner")

    cap.block("vote", 1, "13:31", "13:58")
    voters = [p.id for p in cap.session.participants if p.role.seated]
    turn = 0
    cap.step = cap.step / 8  # dots are recorded in bursts
    for question, items in ids.items():
        for item, dots in items:
            for _ in range(dots):
                cap.event("vote.cast", item_id=item, participant_id=voters[turn % len(voters)],
                          block_id="vote", question=question)  # fmt: skip
                turn += 1
    cap.step = cap.step * 8
    cap.end("vote")

    cap.block("engagements", 1, "13:58", "15:34")
    for team, rows in ACTIONS.items():
        for what, person, organisation, due, indicator in rows:
            cap.event("commitment.added", what=what, owner_person=person,
                      owner_organisation=organisation, due=due, indicator=indicator, team=team,
                      status="committed", block_id="engagements")  # fmt: skip
    cap.end("engagements")
    cap.block("pause-apres-midi", 1, "15:34", "15:46")
    cap.end("pause-apres-midi")
    cap.block("cloture", 1, "15:46", "16:19")
    for person, word in WORDS:
        cap.event("closing.word_added", text=word, participant_id=person, block_id="cloture")
    for group, satisfaction, usefulness in SURVEY:
        cap.event("survey.answered", group=group,
                  scores={"satisfaction": satisfaction, "utilite": usefulness})  # fmt: skip
    cap.end("cloture")
    return cap
