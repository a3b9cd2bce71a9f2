"""The texts captured during « garde-enfants-parents » (data only, see garde_enfants.py)."""

# ruff: noqa: E501 - sentences captured in the session, kept whole

from __future__ import annotations

INGREDIENTS: dict[str, list[str]] = {
    "Une personne qui connaît les deux mondes": [
        "Une conseillère qui connaissait la directrice de la crèche et l'a appelée devant moi",
        "La puéricultrice de PMI a fait le lien avec la crèche du quartier",
        "Quelqu'un qui parle à la fois le langage de l'emploi et celui de la petite enfance",
    ],
    "Anticiper plutôt que courir": [
        "La demande de place déposée dès l'inscription en formation, pas la veille",
        "Connaître la date d'entrée en formation deux mois avant",
        "Un calendrier commun : rentrée de la crèche et rentrée de la formation",
    ],
    "Des horaires qui collent à la vraie vie": [
        "Une crèche ouverte à 7 h, ce qui m'a permis d'accepter le poste en horaires décalés",
        "Une adaptation raccourcie à une semaine parce que la formation commençait",
        "Une assistante maternelle en relais le samedi matin",
    ],
    "La confiance entre le parent et la crèche": [
        "On m'a laissée rester avec ma fille les deux premiers jours",
        "La directrice a expliqué le contrat sans jugement sur ma situation",
        "Un parent déjà passé par la crèche qui rassure les nouveaux",
    ],
    "L'information au bon moment": [
        "Le conseiller m'a parlé de la crèche AVIP dès le premier rendez-vous",
        "Une affiche dans la salle d'attente de la CAF avec un numéro direct",
        "Un courrier de la CAF qui mentionnait la possibilité d'une place réservée",
        "Le bouche-à-oreille entre mamans à la sortie de la PMI",
    ],
}

_STAGES = (
    "Le besoin de garde apparaît",
    "S'informer sur les solutions",
    "Chercher et demander une place",
    "Obtenir la place et préparer l'adaptation",
    "Démarrer la formation ou l'emploi",
    "La fin du contrat de retour à l'emploi",
)


def _journey(name: str, team: str, rows: list[tuple], description: str | None = None) -> dict:
    stages = [(stage, *row) for stage, row in zip(_STAGES, rows, strict=True)]
    return {"name": name, "team": team, "description": description, "stages": stages}


JOURNEYS_TODAY = [
    _journey("Inès, 27 ans", "A", [
        (["Apprend qu'elle est retenue en formation d'aide-soignante"], ["Organisme de formation"],
         1, ["Six semaines pour tout organiser"], ["Prévenir la conseillère dès l'admission"]),
        (["Cherche sur internet, appelle la mairie"], ["Site de la ville", "Accueil mairie"], -1,
         ["Personne ne lui parle des AVIP", "Listes d'attente de 18 mois"],
         ["Carte des crèches AVIP remise par la conseillère"]),
        (["Dépose trois dossiers", "Relance chaque semaine"], ["Relais petite enfance", "Crèches"],
         -2, ["Dossiers différents pour chaque crèche", "Pas de réponse écrite"],
         ["Un dossier unique", "Une réponse sous 15 jours"]),
        (["Obtient une place à 8 km", "Négocie une adaptation courte"], ["Crèche AVIP"], 0,
         ["Trajet en bus de 50 minutes avec la poussette"], ["Place au plus près du lieu de stage"]),
        (["Dépose sa fille à 6 h 45", "Stage à l'hôpital à 7 h"], ["Crèche", "Hôpital"], -1,
         ["La crèche ouvre à 7 h : retards au stage"], ["Amplitude 6 h 30 – 19 h 30 en AVIP"]),
        (["Formation prolongée de 4 mois", "Demande le renouvellement"], ["Crèche", "Conseillère"],
         -2, ["Personne ne sait qui décide du renouvellement"],
         ["Point à 2 mois du contrat, décision écrite"]),
    ]),
    _journey("Karim, 34 ans", "B", [
        (["Reçoit une promesse d'embauche à Rungis, prise de poste à 6 h"], ["Employeur"], 2,
         ["Trois semaines seulement"], ["Signaler l'urgence au conseiller"]),
        (["Demande à sa conseillère, qui ne connaît pas les AVIP"], ["Agence France Travail"], -1,
         ["Le sujet de la garde n'est pas abordé en entretien"],
         ["Question systématique sur la garde au premier entretien"]),
        (["Cherche deux places pour des jumeaux"], ["Relais petite enfance", "CAF"], -2,
         ["Deux places au même endroit : quasi impossible"], ["Places réservées pour fratries"]),
        (["Solution provisoire : la grand-mère"], ["Famille"], -1,
         ["Solution fragile, la grand-mère travaille aussi"], ["Accueil d'urgence de 3 mois"]),
        (["Prend son poste", "Horaires 6 h – 13 h"], ["Employeur", "Assistante maternelle"], 0,
         ["Aucune crèche ouverte à 5 h 30"], ["Assistantes maternelles aux horaires atypiques"]),
        (["CDI signé, cherche une solution durable"], ["Mairie", "CAF"], 1,
         ["Repartir de zéro sur la liste d'attente"], ["Priorité en crèche classique après l'AVIP"]),
    ]),
    _journey("Fatou, 31 ans", "C", [
        (["Souhaite reprendre un emploi en restauration collective"], ["Accompagnement global"], 0,
         ["Ne sait pas que la garde peut être financée"], ["Aborder la garde dès le diagnostic"]),
        (["Demande à une voisine", "Ne lit pas les courriers de la CAF"], ["Voisinage", "CAF"],
         -1, ["Documents uniquement en français écrit"], ["Information orale, supports traduits"]),
        (["Accompagnée par la travailleuse sociale pour le dossier"], ["Département", "Crèche"], 0,
         ["Pièces justificatives nombreuses"], ["Liste courte des pièces, aide au dossier"]),
        (["Place obtenue pour le plus jeune", "Adaptation de deux semaines"], ["Crèche AVIP"], 1,
         ["Peur de laisser son enfant"], ["Parent-relais qui accompagne la première semaine"]),
        (["Commence un contrat de 20 h par semaine"], ["Employeur", "Crèche"], 2,
         ["Horaires qui changent chaque semaine"], ["Planning transmis à la crèche chaque vendredi"]),
        (["Le contrat AVIP se termine avant la fin de son CDD"], ["Crèche", "Conseillère"], -1,
         ["Trois semaines sans solution de garde"], ["Renouvellement aligné sur la fin du CDD"]),
    ]),
]

JOURNEYS_TOMORROW = [
    _journey("Inès, 27 ans — demain", "1", [
        (["Le conseiller pose la question de la garde à l'admission en formation"],
         ["Agence France Travail"], 1, [], ["Réflexe garde d'enfant"]),
        (["Reçoit la carte des crèches AVIP et le nom du référent garde"],
         ["Référent garde d'enfant"], 1, [], ["Un seul interlocuteur"]),
        (["Un dossier unique examiné en commission mensuelle"], ["Commission CAF–crèches–France Travail"],
         1, ["Attendre la commission si on la rate de peu"], ["Commission tous les 15 jours en été"]),
        (["Place proposée près du lieu de stage, adaptation d'une semaine"], ["Crèche AVIP"], 2,
         [], []),
        (["Horaires de crèche calés sur le planning de stage dès l'admission"], ["Crèche"], 2, [],
         []),
        (["Point à 2 mois : renouvellement décidé par écrit"], ["Crèche", "Référent", "Inès"], 1,
         [], ["Orientation vers une crèche classique pour la suite"]),
    ]),
    _journey("Karim, 34 ans — demain", "2", [
        (["Signale l'urgence au référent garde de son agence"], ["Référent garde d'enfant"], 1, [],
         []),
        (["Le référent consulte le tableau des places disponibles"], ["Tableau partagé"], 1, [],
         []),
        (["Deux places pour les jumeaux proposées en commission d'urgence"], ["Commission"], 1,
         ["Deux places au même endroit restent rares"], ["Places fratries dans le tableau"]),
        (["Accueil à 6 h 30 dans une crèche à amplitude élargie"], ["Crèche AVIP"], 2, [], []),
        (["Relais d'une assistante maternelle à 5 h 30 deux jours par semaine"],
         ["Relais petite enfance"], 1, ["Coût pour la famille"], ["Aide CAF au mode de garde"]),
        (["Point à 2 mois, entrée prioritaire en crèche classique"], ["Mairie", "CAF"], 2, [], []),
    ]),
]

GALERIE = [
    "Personne ne pose la question de la garde au premier entretien",
    "Des dossiers d'inscription différents pour chaque crèche",
    "La fin du contrat de retour à l'emploi arrive sans solution pour la suite",
    "Les horaires des crèches ne couvrent pas les prises de poste avant 7 h",
    "Les parents ne savent pas que les places AVIP existent",
]

# question -> (idea, kept at the harvest)
CAFE: dict[int, list[tuple[str, bool]]] = {
    1: [
        ("Un « réflexe garde d'enfant » dès l'inscription : le conseiller pose la question et "
         "oriente vers le relais petite enfance", True),
        ("Informer aussi les pères, pas seulement les mères", False),
        ("Une fiche AVIP simple, traduite, remise par la CAF avec la notification de droits", True),
        ("Passer par les PMI et les maternités, là où sont les parents de jeunes enfants", False),
        ("Des permanences des crèches AVIP dans les agences France Travail une fois par mois", True),
        ("Un QR code sur les affiches des agences vers la carte des crèches AVIP", False),
        ("Des témoignages vidéo de parents passés par une crèche AVIP", False),
        ("Former les conseillers à présenter le dispositif en deux minutes", False),
    ],
    2: [
        ("Une commission d'attribution mensuelle commune CAF–crèches–France Travail pour les "
         "places AVIP", True),
        ("Un tableau partagé des places AVIP disponibles, mis à jour chaque semaine", True),
        ("Compter les places réservées crèche par crèche et le publier", False),
        ("Réserver la place sur attestation d'entrée en formation, sans attendre le contrat", True),
        ("Garder une place d'urgence par crèche pour les reprises d'emploi rapides", False),
        ("Des places pour les fratries (jumeaux, frères et sœurs)", False),
        ("Un bonus de financement CAF pour les crèches qui dépassent 20 %", False),
    ],
    3: [
        ("Caler les horaires de crèche sur le planning réel de la formation ou du poste, dès "
         "l'entretien d'admission", True),
        ("Un relais assistante maternelle pour les horaires atypiques (avant 7 h, après 19 h)", True),
        ("Demander aux organismes de formation des plannings connus un mois à l'avance", True),
        ("Ouvrir une crèche par secteur à 6 h 30", False),
        ("Accueil le samedi matin dans une crèche du département", False),
        ("Transmettre le planning de la semaine suivante chaque vendredi", False),
    ],
    4: [
        ("Un point à 2 mois du contrat entre le parent, la crèche et le conseiller pour préparer "
         "la suite", True),
        ("Renouveler automatiquement si la formation se poursuit", True),
        ("Une priorité d'accès en crèche classique à la sortie du contrat AVIP", True),
        ("Expliquer le contrat de retour à l'emploi par écrit et à l'oral, avec un exemple", False),
        ("Prévenir le parent un mois avant la fin du contrat", False),
        ("Un contrat qui suit la durée réelle du CDD plutôt que 3 mois fixes", False),
        ("Garder le même référent tout au long du contrat", False),
    ],
    5: [
        ("Un référent garde d'enfant identifié dans chaque agence, connu des crèches et de la "
         "CAF", True),
        ("Une fiche de liaison unique, avec l'accord du parent, pour ne pas raconter son "
         "histoire trois fois", True),
        ("Une réunion trimestrielle du réseau AVIP du département", True),
        ("Un annuaire des interlocuteurs petite enfance par commune", False),
        ("Inviter les crèches aux réunions d'équipe des agences", False),
        ("Un groupe de messagerie sécurisé entre référents", False),
        ("Associer des parents au comité de suivi", False),
    ],
}

# prototype test: team -> feedback received (round, facet, text) and its decision lines;
# facets: 1 « Ce qui marche », 2 « Ce qui manque », 3 « Et si… »; in round r, team i visits i + r
PROTOTYPE_TEST: dict[str, tuple[list[tuple[int, int, str]], list[str]]] = {
    "Piste 1 — Une commission d'attribution commune": ([
        (1, 1, "Un seul dossier pour la CAF, la crèche et France Travail : le parent ne raconte son histoire qu'une fois"),
        (1, 2, "La commission mensuelle est trop lente en été, période des entrées en formation"),
        (2, 1, "La CAF peut héberger le tableau partagé des places"),
        (2, 3, "Et si la commission se réunissait tous les 15 jours de juin à septembre ?"),
        (3, 2, "Personne ne présente le dossier quand le conseiller est absent le jour de la commission"),
        (3, 3, "Et si le parent pouvait assister à la commission qui examine son dossier ?"),
    ], [
        "On garde : le dossier unique et la commission mensuelle, avec le tableau des places hébergé par la CAF.",
        "On abandonne : la présence du parent en commission (trop lourde à organiser).",
        "On teste : une commission tous les 15 jours de juin à septembre 2027.",
    ]),
    "Piste 2 — Le point à 2 mois du contrat": ([
        (1, 1, "Le point à 2 mois rassure : on sait tôt si le contrat sera renouvelé"),
        (1, 2, "Rien n'est prévu si le parent n'a pas encore trouvé d'emploi au bout de 2 mois"),
        (2, 1, "Les crèches Pirouette et Les Lucioles peuvent tester le point à 2 mois dès avril"),
        (2, 3, "Et si l'assistante maternelle du relais petite enfance était invitée au point ?"),
        (3, 2, "Le parent ne sait pas qui organise le point"),
        (3, 3, "Et si le point se faisait à la crèche, à l'heure où le parent vient chercher l'enfant ?"),
    ], [
        "On garde : un point à trois (parent, crèche, conseiller), organisé par la crèche.",
        "On abandonne : le bilan écrit à remplir par le parent avant le point.",
        "On teste : dès avril dans les crèches Pirouette et Les Lucioles, à l'heure de la sortie.",
    ]),
    "Piste 3 — Un référent garde d'enfant par agence": ([
        (1, 1, "Un seul interlocuteur : je n'aurai plus à tout réexpliquer (collège des parents)"),
        (1, 2, "La charge de travail du référent si rien n'est retiré par ailleurs (collège des conseillers)"),
        (2, 3, "Et si le référent avait une demi-journée par semaine dédiée à la garde d'enfant ?"),
        (2, 2, "Rien n'est prévu quand le parent trouve un emploi dans un autre département"),
        (3, 1, "La fiche de liaison tient sur une page : les crèches la liront"),
        (3, 3, "Et si la fiche de liaison était relue par un groupe de parents ?"),
    ], [
        "On garde : un référent par agence et la fiche de liaison d'une page.",
        "On teste : une demi-journée dédiée par semaine dans 3 agences pilotes, et la fiche relue par des parents.",
    ]),
    "Piste 4 — Le réflexe garde d'enfant dès l'inscription": ([
        (1, 1, "La question de la garde dès le premier entretien : personne ne passe à travers"),
        (1, 2, "Les parents qui ne disent pas qu'ils ont un enfant ne sont pas repérés"),
        (2, 3, "Et si la carte des crèches AVIP avait un QR code, affichée aussi dans les PMI ?"),
        (2, 2, "Le conseiller ne connaît pas toujours les crèches AVIP de son secteur"),
        (3, 1, "Le jeu de rôle montre que la question prend deux minutes"),
        (3, 3, "Et si des parents de la session relisaient les supports d'information ?"),
    ], [
        "On garde : la question de la garde posée au premier entretien.",
        "On abandonne : le questionnaire écrit avant l'entretien (il inquiète les parents).",
        "On teste : la carte AVIP avec QR code dans 6 agences et 12 PMI, relue par des parents.",
    ]),
}

# team -> (what, owner person, owner organisation, due, indicator)
COMMITMENTS: dict[str, list[tuple]] = {
    "Piste 1 — Une commission d'attribution commune": [
        ("Mettre en place une commission mensuelle d'attribution des places AVIP du Val-de-Marne",
         "Véronique", "CAF du Val-de-Marne", "2027-06-30",
         "Première commission tenue ; places attribuées chaque mois"),
        ("Publier chaque lundi le tableau des places AVIP disponibles", "Nathalie",
         "Crèche AVIP Les Lucioles", "2027-05-15", "Tableau à jour 4 semaines sur 4"),
        ("Accepter l'attestation d'entrée en formation comme justificatif de la demande", "Karim",
         "CAF du Val-de-Marne — action sociale", "2027-05-31",
         "Règlement des commissions modifié"),
    ],
    "Piste 2 — Le point à 2 mois du contrat": [
        ("Instaurer un point à 2 mois de chaque contrat de retour à l'emploi (parent, crèche, "
         "conseiller)", "Samia", "Crèche AVIP Pirouette", "2027-09-01",
         "80 % des contrats avec un point à 2 mois"),
        ("Proposer une place en crèche classique ou chez une assistante maternelle avant la fin "
         "du contrat", "Olivier", "Ville de Vitry-sur-Seine", "2027-12-31",
         "Aucune sortie de contrat sans solution de garde"),
    ],
    "Piste 3 — Un référent garde d'enfant par agence": [
        ("Nommer un référent garde d'enfant dans chacune des 6 agences du Val-de-Marne",
         "Catherine", None, "2027-04-30", "6 référents nommés"),
        ("Former les référents au dispositif AVIP (une demi-journée avec la CAF et deux crèches)",
         "Céline", None, "2027-06-15", "Formation tenue, 6 référents présents"),
        ("Créer la fiche de liaison unique, relue par un groupe de parents", "Rachid", None,
         "2027-07-01", "Fiche utilisée dans 3 agences pilotes"),
    ],
    "Piste 4 — Le réflexe garde d'enfant dès l'inscription": [
        ("Ajouter la question de la garde d'enfant au premier entretien", "Thomas", None,
         "2027-05-31", "Question posée dans tous les premiers entretiens (contrôle sur 50 dossiers)"),
        ("Diffuser la carte des crèches AVIP du département avec un QR code dans les agences et "
         "les PMI", "Marion", "CAF du Val-de-Marne", "2027-04-15", "Affiches dans 6 agences et 12 PMI"),
        ("Faire relire les supports d'information par des parents de la session", "Inès",
         "Collectif des parents de la session", "2027-04-30", "Supports validés par 3 parents"),
    ],
}

WORDS = [
    ("p01", "Écoutée"), ("p02", "Soulagé"), ("p03", "Confiante"), ("p05", "Fière"),
    ("p06", "Optimiste"), ("p08", "Enfin"), ("p09", "Concret"), ("p10", "Motivé"),
    ("p11", "Ensemble"), ("p12", "Engagé"), ("p13", "Inspirée"), ("p14", "Utile"),
    ("p15", "Déterminée"), ("p16", "Confiance"), ("p17", "Lien"), ("p18", "Simplifier"),
    ("p19", "Énergie"), ("p20", "Suite"), ("p21", "Reconnaissance"), ("p22", "Ouverture"),
    ("p23", "Humain"), ("p24", "Réseau"), ("p25", "Espoir"), ("p26", "Pont"),
    ("p27", "Coordination"), ("p28", "Action"), ("p29", "Rassuré"), ("p30", "Clarté"),
]
