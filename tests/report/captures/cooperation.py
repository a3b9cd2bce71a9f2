"""What the Lab captured during « cooperation-territoriale » (8 April 2027, Arras)."""

# ruff: noqa: E501 - sentences captured in the session, kept whole

from __future__ import annotations

from tests.report.captures import Capture

OPENING = [
    ("Le préfet : « Le réseau pour l'emploi, ce n'est pas une structure de plus : c'est la "
     "promesse qu'une personne ou un employeur n'aura qu'une seule porte à pousser. »", "quote"),
    ("La directrice régionale de France Travail annonce un comité des financeurs commun par "
     "département d'ici l'été.", "note"),
]

INGREDIENTS = {
    "Se connaître, en vrai": [
        "On s'était rencontrés à un petit-déjeuner employeurs : après, un coup de fil suffisait",
        "Avoir le portable direct de la collègue de la mission locale",
        "Une immersion d'une journée dans la structure partenaire",
        "Les mêmes personnes autour de la table pendant plusieurs mois",
    ],
    "Un objectif commun centré sur la personne": [
        "On parlait du jeune, pas de nos dispositifs",
        "Une seule question : qu'est-ce qui débloque sa situation maintenant ?",
        "Accepter que ce ne soit pas ma structure qui « compte » le résultat",
    ],
    "Partager l'information, avec l'accord de la personne": [
        "Un compte rendu commun envoyé le soir même à tous les accompagnants",
        "La personne était présente à la réunion : elle a décidé avec nous",
        "Ne pas redemander les justificatifs déjà fournis à un partenaire",
    ],
    "Des rôles clairs et un pilote": [
        "Un référent unique désigné dès le départ",
        "Chacun savait qui faisait quoi et pour quand",
        "Le Département a pris le pilotage, les autres ont suivi sans rivalité",
    ],
    "Le soutien de la hiérarchie": [
        "Ma directrice m'a laissé le temps d'aller aux réunions partenaires",
        "Une convention signée en haut qui autorisait à travailler ensemble en bas",
        "Des marges de manœuvre pour adapter une prescription",
    ],
}

DIAGNOSTIC = {
    "59": [
        ("Ce qui marche : les comités techniques locaux réunissent déjà France Travail, mission locale et Département chaque mois à Roubaix.", "insight"),
        ("Ce qui coince : trois outils de suivi différents, on ressaisit tout.", "pain_point"),
        ("Qui nous échappe : les jeunes sans diplôme qui ne poussent aucune porte.", "insight"),
        ("Difficulté choisie pour l'entraide : partager l'information sans tout ressaisir.", "note"),
    ],
    "62": [
        ("Ce qui marche : le guichet commun emploi-insertion de Lens, ouvert en 2026.", "insight"),
        ("Ce qui coince : les allocataires du RSA orientés mais jamais reçus dans les délais.", "pain_point"),
        ("Qui nous échappe : les employeurs du bassin minier qui ne déposent plus d'offres.", "insight"),
        ("Difficulté choisie pour l'entraide : tenir le délai d'un mois entre orientation et premier rendez-vous.", "note"),
    ],
    "80": [
        ("Ce qui marche : la coopération avec Cap emploi sur les recrutements de l'agroalimentaire.", "insight"),
        ("Ce qui coince : un territoire rural, des rendez-vous à 40 km sans transport.", "pain_point"),
        ("Qui nous échappe : les personnes en situation de handicap qui ne se déclarent pas.", "insight"),
        ("Difficulté choisie pour l'entraide : aller vers les personnes éloignées des agences.", "note"),
    ],
    "02": [
        ("Ce qui marche : les forums emploi communs organisés par la sous-préfecture.", "insight"),
        ("Ce qui coince : turnover des équipes, on perd les contacts tous les six mois.", "pain_point"),
        ("Qui nous échappe : les saisonniers agricoles entre deux contrats.", "insight"),
        ("Difficulté choisie pour l'entraide : garder le lien quand les interlocuteurs changent.", "note"),
    ],
}

# question -> (idea, dots per team: bleue, rouge, verte, jaune)
CAFE = {
    1: [
        ("Un diagnostic partagé dès l'inscription, visible par tous les partenaires avec l'accord de la personne", (3, 2, 3, 2)),
        ("Un rendez-vous d'orientation commun à 3 (personne, France Travail, partenaire) pour les situations complexes", (2, 3, 1, 2)),
        ("Une fiche « qui fait quoi » du réseau par bassin d'emploi, tenue à jour", (2, 1, 2, 2)),
        ("Former les conseillers d'accueil aux offres des partenaires", (1, 1, 1, 0)),
        ("Un numéro unique pour les partenaires qui veulent orienter quelqu'un", (0, 1, 1, 1)),
        ("Ne plus demander deux fois les mêmes pièces", (1, 0, 0, 1)),
        ("Des permanences de la mission locale dans les agences France Travail", (0, 1, 0, 0)),
    ],
    2: [
        ("Une commission mensuelle des situations bloquées (santé, logement, mobilité, garde)", (3, 3, 2, 3)),
        ("Des places réservées en garde d'enfant et en auto-école sociale pour les personnes accompagnées", (2, 1, 3, 1)),
        ("Aller vers : des rendez-vous dans les mairies et les centres sociaux des zones rurales", (2, 2, 1, 3)),
        ("Un référent santé par département joignable par tous les conseillers", (1, 1, 1, 0)),
        ("Financer le permis de conduire plus tôt dans le parcours", (0, 1, 1, 1)),
        ("Associer les bailleurs sociaux aux réunions de suivi", (1, 0, 0, 0)),
    ],
    3: [
        ("Un interlocuteur unique par entreprise, désigné entre partenaires selon le secteur", (3, 3, 3, 2)),
        ("Une offre de services commune en une page, présentée ensemble aux employeurs", (2, 2, 1, 3)),
        ("Un outil partagé de suivi des contacts entreprises", (1, 2, 2, 1)),
        ("Des petits-déjeuners employeurs co-organisés chaque trimestre", (1, 0, 1, 1)),
        ("Arrêter de démarcher trois fois la même entreprise la même semaine", (1, 1, 0, 1)),
    ],
    4: [
        ("Des « job datings » communs par métier en tension, préparés avec les entreprises", (3, 2, 2, 3)),
        ("Des préparations opérationnelles à l'emploi collectives montées à plusieurs financeurs", (2, 3, 2, 1)),
        ("Faire découvrir les métiers en tension par des immersions courtes", (1, 1, 3, 2)),
        ("Un tableau de bord commun des besoins de recrutement par bassin", (2, 1, 0, 1)),
        ("Accompagner les employeurs sur les conditions de travail et l'attractivité", (0, 1, 1, 1)),
        ("Mobiliser les personnes en situation de handicap sur ces recrutements avec Cap emploi", (0, 0, 0, 0)),
    ],
}
TEAMS = ("Bleue", "Rouge", "Verte", "Jaune")

PEER_HELP = {
    "02": [
        ("Difficulté : garder le lien quand les interlocuteurs changent tous les six mois.", "note"),
        ("Pratique du 62 : un annuaire partagé mis à jour à chaque comité technique, avec un binôme titulaire/suppléant.", "idea"),
        ("Pratique du 80 : chaque arrivée dans une structure est présentée au comité suivant.", "idea"),
        ("Ce que le 02 retient : le binôme titulaire/suppléant, à tester dès mai.", "note"),
    ],
    "80": [
        ("Difficulté : aller vers les personnes éloignées des agences en zone rurale.", "note"),
        ("Pratique du 59 : le bus de l'emploi qui passe chaque semaine dans 12 communes.", "idea"),
        ("Pratique du 02 : des permanences communes dans les maisons France services.", "idea"),
        ("Ce que le 80 retient : les permanences communes en maisons France services.", "note"),
    ],
    "62": [
        ("Difficulté : tenir le délai d'un mois entre orientation RSA et premier rendez-vous.", "note"),
        ("Pratique du 59 : des créneaux réservés chaque semaine pour les orientations du Département.", "idea"),
        ("Pratique du 80 : un rendez-vous collectif d'accueil tous les quinze jours.", "idea"),
        ("Ce que le 62 retient : les créneaux réservés, avec un point mensuel sur les délais.", "note"),
    ],
    "59": [
        ("Difficulté : partager l'information sans tout ressaisir dans trois outils.", "note"),
        ("Pratique du 62 : une fiche de liaison unique signée par la personne.", "idea"),
        ("Pratique du 02 : la personne apporte elle-même son « passeport » de parcours.", "idea"),
        ("Ce que le 59 retient : la fiche de liaison unique, en attendant un outil commun.", "note"),
    ],
}

# territory -> (what, person, organisation, due, indicator)
ROADMAPS = {
    "59": [
        ("Diffuser une fiche de liaison unique signée par la personne dans les 3 bassins", "Stéphanie", "France Travail — direction territoriale du Nord", "2027-06-30", "Fiche utilisée par les 4 réseaux"),
        ("Tenir un comité des situations bloquées chaque mois à Roubaix et Valenciennes", "Bruno", "Conseil départemental du Nord", "2027-05-31", "10 comités tenus d'ici décembre"),
        ("Organiser deux job datings communs sur la logistique", "Mohamed", "France Travail — agence de Roubaix", "2027-10-15", "200 candidats, 60 recrutements"),
    ],
    "62": [
        ("Réserver des créneaux hebdomadaires pour les orientations du Département", "Ludovic", "France Travail — agence de Lens", "2027-05-15", "80 % des premiers rendez-vous sous un mois"),
        ("Présenter une offre de services commune aux employeurs du bassin minier", "Amandine", "Mission locale de l'Artois", "2027-09-30", "Présentée à 50 entreprises"),
        ("Mettre en place un annuaire partagé avec binômes titulaire/suppléant", "Émilie", "DDETS du Pas-de-Calais", "2027-06-15", "Annuaire à jour à chaque comité"),
        ("Désigner un interlocuteur unique pour les 30 plus grands employeurs", "Frédéric", "Conseil départemental du Pas-de-Calais", "2027-12-31", "30 entreprises avec un interlocuteur unique"),
    ],
    "80": [
        ("Tenir des permanences communes dans 6 maisons France services", "Christophe", "Cap emploi Somme", "2027-09-01", "6 permanences mensuelles"),
        ("Monter une préparation opérationnelle à l'emploi collective dans l'agroalimentaire", "Marie", "Région Hauts-de-France — Maison de Région d'Amiens", "2027-11-30", "12 stagiaires, 9 embauches"),
        ("Réunir un référent santé et les conseillers chaque trimestre", "Hakim", "DDETS de la Somme", "2027-07-01", "4 réunions par an"),
    ],
    "02": [
        ("Créer un binôme titulaire/suppléant pour chaque structure du réseau", "Sébastien", "Conseil départemental de l'Aisne", "2027-05-31", "Tous les binômes nommés"),
        ("Organiser un forum saisonniers agricoles avec la sous-préfecture de Saint-Quentin", "Delphine", "France Travail — agence de Soissons", "2027-08-31", "Forum tenu, 150 saisonniers reçus"),
        ("Partager un tableau de bord des besoins de recrutement du bassin", "Cédric", "France Travail — agence de Saint-Quentin", "2027-10-31", "Tableau mis à jour chaque mois"),
    ],
}

IMAGES = [
    ("p01", "Relais 4 × 100 m", "Le passage du témoin : on ne lâche pas avant que l'autre ait saisi."),
    ("p02", "Aviron à huit", "Ramer en rythme, sinon le bateau tourne en rond."),
    ("p03", "Cordée en montagne", "On est attachés : si l'un tombe, les autres le retiennent."),
    ("p04", "Relais 4 × 100 m", "Chacun son tronçon, mais une seule course."),
    ("p05", "Tandem", "Deux pédaliers, un seul guidon."),
    ("p06", "Rugby : la mêlée", "Pousser ensemble dans la même direction."),
    ("p07", "Aviron à huit", "Le barreur ne rame pas, mais sans lui on n'avance pas."),
    ("p08", "Voile : équipage", "Le vent change, on ajuste ensemble."),
    ("p09", "Football : la passe décisive", "Faire marquer l'autre, c'est aussi gagner."),
    ("p10", "Relais 4 × 100 m", "Le témoin, c'est la personne accompagnée."),
    ("p11", "Cordée en montagne", "Le premier de cordée change selon le terrain."),
    ("p12", "Handball : la contre-attaque", "Aller vite quand une occasion se présente."),
    ("p14", "Rugby : la mêlée", "Solides parce que liés."),
    ("p15", "Aviron à huit", None),
    ("p16", "Voile : équipage", "Chacun à son poste, tous dans le même bateau."),
    ("p17", "Football : la passe décisive", None),
    ("p18", "Relais 4 × 100 m", None),
    ("p19", "Tandem", "Celui de derrière voit moins mais pédale autant."),
    ("p20", "Cordée en montagne", None),
    ("p21", "Aviron à huit", "Le rythme commun vaut mieux que la force de chacun."),
    ("p22", "Rugby : la mêlée", None),
    ("p23", "Relais 4 × 100 m", None),
    ("p24", "Voile : équipage", None),
    ("p25", "Football : la passe décisive", None),
    ("p26", "Cordée en montagne", "Avancer au pas du plus fragile."),
    ("p27", "Handball : la contre-attaque", None),
    ("p28", "Tandem", None),
    ("p29", "Aviron à huit", "Tous tournés dans le même sens."),
    ("p30", "Relais 4 × 100 m", None),
    ("p31", "Voile : équipage", None),
    ("p32", "Cordée en montagne", "Ce qui compte, c'est que toute la cordée arrive au sommet."),
]

# survey: group -> list of (satisfaction, roadmap usefulness, knows whom to call)
SURVEY = {
    "france-travail": [(5, 4, 5), (4, 4, 4), (5, 5, 5), (4, 4, 5), (5, 4, 4), (4, 3, 4), (5, 4, 5)],
    "missions-locales": [(5, 5, 5), (4, 4, 5), (5, 4, 4), (4, 4, 4), (5, 5, 5)],
    "cap-emploi": [(5, 4, 5), (4, 4, 4), (5, 5, 5)],
    "departements": [(4, 4, 4), (5, 4, 5), (4, 3, 4)],
    "etat": [(5, 5, 4), (4, 4, 4), (5, 4, 5), (5, 5, 5)],
    "region": [(4, 3, 4), (4, 4, 4), (5, 4, 4)],
}
COMMENTS = ["Enfin une journée où l'on se parle entre départements.",
            "Il faudra revoir les feuilles de route dans six mois, sinon elles dormiront.",
            "Le café était dense : 20 minutes par question, c'est court."]


def build() -> Capture:
    cap = Capture("cooperation-territoriale", device="portable-lab-hdf", recorder="Sarah")
    cap.now(1, "08:30")
    late = {"p08": "09:35"}
    for index, person in enumerate(cap.session.participants):
        if person.id == "p13":
            cap.event("attendance.absent", participant_id="p13", day=1, reason="Arrêt maladie")
        elif person.id not in late:
            cap.event("attendance.arrived", timed=True, participant_id=person.id, day=1)
            cap.clock += cap.step * (index % 2)
    cap.block("accueil", 1, "08:47", "09:04")
    cap.end("accueil")
    cap.block("ouverture", 1, "09:04", "09:31")
    for text, kind in OPENING:
        cap.say(text, kind=kind, block_id="ouverture")
    cap.end("ouverture")
    cap.now(1, late["p08"])
    cap.event("attendance.arrived", timed=True, participant_id="p08", day=1)

    cap.block("interviews", 1, "09:31", "10:14")
    for table, (title, texts) in enumerate(INGREDIENTS.items(), 1):
        ids = [cap.say(text, kind="ingredient", block_id="interviews", table=(table + n) % 8 + 1)
               for n, text in enumerate(texts)]  # fmt: skip
        cap.cluster(title, ids, block_id="interviews")
    cap.end("interviews")

    cap.block("diagnostic", 1, "10:14", "10:50")
    for territory, notes in DIAGNOSTIC.items():
        for text, kind in notes:
            cap.say(text, kind=kind, block_id="diagnostic", territory=territory)
    cap.end("diagnostic")
    cap.block("pause-matin", 1, "10:50", "11:03")
    cap.end("pause-matin")

    cap.block("cafe", 1, "11:03", "12:44")
    ideas: dict[int, list[tuple[str, tuple[int, ...]]]] = {}
    times = [("11:05", "11:25"), ("11:30", "11:50"), ("11:55", "12:15"), ("12:20", "12:40")]
    for number, (start, end) in enumerate(times, 1):
        cap.now(1, start)
        cap.event("round.started", timed=True, block_id="cafe", round=number)
        for question, items in CAFE.items():
            share = items[(number - 1) * len(items) // 4 : number * len(items) // 4]
            for text, dots in share:
                found = cap.say(text, block_id="cafe", question=question, table=question,
                                round=number, team=TEAMS[(question + number) % 4])  # fmt: skip
                ideas.setdefault(question, []).append((found, dots))
        cap.now(1, end)
        cap.event("round.ended", timed=True, block_id="cafe", round=number)
    cap.end("cafe")
    cap.block("dejeuner", 1, "12:44", "13:38")
    cap.end("dejeuner")

    cap.block("vote", 1, "13:38", "14:09")
    for question, items in ideas.items():
        for team_index, team in enumerate(TEAMS):
            for item, dots in items:
                if dots[team_index]:
                    cap.event("vote.cast", item_id=item, dots=dots[team_index], team=team,
                              block_id="vote", question=question)  # fmt: skip
        ranked = sorted(items, key=lambda pair: -sum(pair[1]))
        cap.event("ideas.kept", block_id="cafe", question=question,
                  item_ids=[item for item, _ in ranked[:3]])  # fmt: skip
    cap.end("vote")

    cap.block("entraide", 1, "14:09", "15:41")
    for territory, notes in PEER_HELP.items():
        for text, kind in notes:
            cap.say(text, kind=kind, block_id="entraide", territory=territory)
    cap.end("entraide")
    cap.block("pause-apres-midi", 1, "15:41", "15:54")
    cap.end("pause-apres-midi")

    cap.block("feuilles-de-route", 1, "15:54", "16:52")
    for territory, rows in ROADMAPS.items():
        for what, person, organisation, due, indicator in rows:
            cap.event("commitment.added", what=what, owner_person=person,
                      owner_organisation=organisation, due=due, indicator=indicator,
                      territory=territory, status="committed", block_id="feuilles-de-route")  # fmt: skip
    cap.end("feuilles-de-route")

    cap.block("cloture", 1, "16:52", "17:21")
    for person, image, text in IMAGES:
        cap.event("closing.word_added", image=image, text=text, participant_id=person,
                  block_id="cloture")  # fmt: skip
    comment = iter(COMMENTS)
    for group, answers in SURVEY.items():
        for index, (satisfaction, roadmap, network) in enumerate(answers):
            cap.event("survey.answered", group=group,
                      scores={"satisfaction": satisfaction, "utilite": roadmap, "reseau": network},
                      comment=next(comment, None) if index == 1 else None)  # fmt: skip
    cap.end("cloture")
    return cap
