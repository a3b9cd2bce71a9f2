"""Messages of the rotation and pairs commands (world café seating, interview pairs)."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- help
    "planning.help.rotate": {
        "fr": "Calculer les tables d'un world café\u00a0: qui s'assoit où à chaque tour (hôtes fixes, mélange des collèges et des structures, le moins de rencontres répétées possible).",
        "en": "Plan a world café: who sits where in each round (fixed hosts, mixed groups and "
        "organisations, as few repeated meetings as possible).",
    },
    "planning.help.pairs": {
        "fr": "Former les binômes des interviews croisées (un trio si le nombre est impair), sans jamais reformer le même binôme.",
        "en": "Form crossed-interview pairs (one trio when the count is odd), never the same pair "
        "twice.",
    },
    "planning.help.session": {
        "fr": "Dossier de session, ou son session.yaml (sinon\u00a0: forme libre avec --size).",
        "en": "Session folder or its session.yaml (otherwise: ad-hoc form with --size).",
    },
    "planning.help.block": {
        "fr": "Identifiant du bloc (utile si la session en a plusieurs).",
        "en": "Block id (needed when the session has several).",
    },
    "planning.help.save": {
        "fr": "Enregistre le plan dans le dossier de session (rotations/<bloc>.json) pour "
        "l'application du jour J et les cartes de parcours.",
        "en": "Save the plan in the session folder (rotations/<block>.json) for the live app and "
        "the route cards.",
    },
    "planning.help.size": {
        "fr": "Nombre de participants (numérotés de 0 à N-1).",
        "en": "Number of participants (numbered 0 to N-1).",
    },
    "planning.help.tables": {"fr": "Nombre de tables.", "en": "Number of tables."},
    "planning.help.rounds": {"fr": "Nombre de tours.", "en": "Number of rounds."},
    "planning.help.hosts": {
        "fr": "Les T premiers participants sont les hôtes des tables 1 à T.",
        "en": "The first T participants host tables 1 to T.",
    },
    "planning.help.groups": {
        "fr": 'Collèges des participants suivants, dans l\'ordre\u00a0: "A=16,B=8,C=6,D=6".',
        "en": 'Groups of the next participants, in order: "A=16,B=8,C=6,D=6".',
    },
    "planning.help.visit_once": {
        "fr": "Chacun passe au plus une fois par table (une question par table).",
        "en": "Everyone visits each table at most once (one question per table).",
    },
    "planning.help.seed": {
        "fr": "Graine\u00a0: même graine, même plan.",
        "en": "Seed: same seed, same plan.",
    },
    "planning.help.time_limit": {
        "fr": "Temps de calcul maximal de toute la commande, en secondes de CPU (démarrage "
              "compris\u00a0; plafond de trois fois en temps réel).",
        "en": "Longest computing time of the whole command, in CPU seconds (start-up included; "
              "capped at three times that in wall-clock time).",
    },
    "planning.help.json": {
        "fr": "Affiche un seul objet JSON (pour les scripts).",
        "en": "Print a single JSON object (for scripts).",
    },
    "planning.help.pairs_rounds": {
        "fr": "Nombre de tours d'interviews.",
        "en": "Number of interview rounds.",
    },
    # -- usage and input errors
    "planning.err.session_and_adhoc": {
        "fr": "donnez soit SESSION, soit --size/--tables/--rounds, pas les deux",
        "en": "give either SESSION or --size/--tables/--rounds, not both",
    },
    "planning.err.adhoc_needs": {
        "fr": "sans SESSION, {options} est nécessaire",
        "en": "without SESSION, {options} is required",
    },
    "planning.err.session_only": {
        "fr": "{option} ne s'utilise qu'avec SESSION",
        "en": "{option} only works with SESSION",
    },
    "planning.err.groups_syntax": {
        "fr": "«\u00a0{value}\u00a0»\u00a0: attendu NOM=NOMBRE séparés par des virgules, p. ex. A=16,B=8",
        "en": "'{value}': expected NAME=COUNT separated by commas, e.g. A=16,B=8",
    },
    "planning.err.bad_adhoc": {
        "fr": "les paramètres du world café ne conviennent pas",
        "en": "the world café settings do not fit",
    },
    "planning.err.groups_too_many": {
        "fr": "les collèges comptent {total} {total:plural:personne|personnes}, mais il n'y a que {available} {available:plural:participant|participants} hors hôtes",
        "en": "the groups hold {total} {total:plural:person|people} but there are only {available} {available:plural:participant|participants} besides the hosts",
    },
    "planning.err.hosts_too_many": {
        "fr": "--hosts\u00a0: {tables} {tables:plural:hôte|hôtes} pour {size} {size:plural:participant|participants}",
        "en": "--hosts: {tables} {tables:plural:host|hosts} for {size} {size:plural:participant|participants}",
    },
    "planning.err.no_block": {
        "fr": "la session {session} n'a aucun bloc de type {method}",
        "en": "session {session} has no {method} block",
    },
    "planning.err.which_block": {
        "fr": "la session {session} a plusieurs blocs de type {method}\u00a0: choisissez avec "
        "--block ({ids})",
        "en": "session {session} has several {method} blocks: pick one with --block ({ids})",
    },
    "planning.err.unknown_block": {
        "fr": "la session {session} n'a pas de bloc «\u00a0{block}\u00a0»",
        "en": "session {session} has no block '{block}'",
    },
    "planning.err.wrong_method": {
        "fr": "le bloc «\u00a0{block}\u00a0» n'est pas un bloc de type {method}",
        "en": "block '{block}' is not a {method} block",
    },
    "planning.err.host_absent": {
        "fr": "Hôte absent·e ({names})\u00a0: désignez un autre hôte dans session.yaml (hosts) avant de replanifier.",
        "en": "Table host absent ({names}): name another host in session.yaml (hosts) before re-planning.",
    },
    "planning.err.teams_more_than_tables": {
        "fr": "{teams} {teams:plural:équipe|équipes} pour {tables} {tables:plural:table|tables} (teams)\u00a0: une équipe par table au plus",
        "en": "{teams} {teams:plural:team|teams} for {tables} {tables:plural:table|tables} (teams): one team a table at most",
    },
    "planning.err.no_participants": {
        "fr": "personne à placer pour le bloc «\u00a0{block}\u00a0» (jour {day})",
        "en": "nobody to seat for block '{block}' (day {day})",
    },
    # -- human output
    "planning.out.cafe_title": {
        "fr": "World café\u00a0: {people} {people:plural:participant|participants}, {tables} {tables:plural:table|tables}, {rounds} {rounds:plural:tour|tours}",
        "en": "World café: {people} {people:plural:participant|participants}, {tables} {tables:plural:table|tables}, {rounds} {rounds:plural:round|rounds}",
    },
    "planning.out.pairs_title": {
        "fr": "Interviews croisées\u00a0: {people} {people:plural:participant|participants}, {rounds} {rounds:plural:tour|tours}",
        "en": "Crossed interviews: {people} {people:plural:participant|participants}, {rounds} {rounds:plural:round|rounds}",
    },
    "planning.out.round": {"fr": "Tour {number}", "en": "Round {number}"},
    "planning.out.table": {"fr": "Table", "en": "Table"},
    "planning.out.people": {"fr": "Participants", "en": "Participants"},
    "planning.out.group": {"fr": "Binôme", "en": "Pair"},
    "planning.out.regroup": {"fr": "Regroupement", "en": "Regroup"},
    "planning.out.regroups": {
        "fr": "Tour {number}\u00a0: regroupements par 4",
        "en": "Round {number}: regroups of 4",
    },
    "planning.out.host": {"fr": "hôte", "en": "host"},
    "planning.out.team": {"fr": "Équipe {team}", "en": "Team {team}"},
    "planning.out.bye": {"fr": "Tour {number}\u00a0: {name} ne participe pas", "en": "Round {number}: "
                         "{name} sits out"},
    "planning.out.routes": {"fr": "Parcours", "en": "Routes"},
    "planning.out.route_step": {"fr": "Tour {round}\u00a0: table {table}",
                                "en": "Round {round}: table {table}"},
    "planning.out.route_away": {"fr": "Tour {round}\u00a0: —", "en": "Round {round}: —"},
    "planning.out.metrics": {"fr": "Qualité du plan", "en": "Plan quality"},
    "planning.out.method": {
        "fr": "Méthode\u00a0: {method} · {seconds} s",
        "en": "Method: {method} · {seconds} s",
    },
    "planning.out.optimal": {
        "fr": "Optimal\u00a0: rencontres répétées au minimum possible.",
        "en": "Optimal: repeated meetings at the lowest possible.",
    },
    "planning.out.gap": {
        "fr": "Au plus {gap} {gap:plural:rencontre répétée|rencontres répétées} de plus que l'optimum possible.",
        "en": "At most {gap} repeated {gap:plural:meeting|meetings} above the best possible.",
    },
    "planning.out.gap_none": {
        "fr": "Rencontres répétées au minimum possible.",
        "en": "Repeated meetings at the lowest possible.",
    },
    "planning.out.optimal_questions": {
        "fr": "Optimal\u00a0: rencontres répétées et questions retrouvées au minimum possible.",
        "en": "Optimal: repeated meetings and questions met again at the lowest possible.",
    },
    "planning.out.gap_questions": {
        "fr": "Au plus {gap} {gap:plural:rencontre répétée ou question retrouvée|rencontres répétées ou questions retrouvées} de plus que "
        "l'optimum possible.",
        "en": "At most {gap} repeated {gap:plural:meeting or question|meetings or questions} met again above the best "
        "possible.",
    },
    "planning.out.teams_together": {
        "fr": "Les équipes restent ensemble (teams)\u00a0: {teammates} {teammates:plural:rencontre répétée|rencontres répétées} "
        "entre coéquipier·es (c'est voulu)\u00a0; {others} {others:plural:rencontre|rencontres} entre personnes d'équipes différentes.",
        "en": "Teams stay together (teams): {teammates} repeated {teammates:plural:meeting|meetings} between teammates, "
        "on purpose; {others} {others:plural:meeting|meetings} between people of different teams.",
    },
    "planning.metric.teammate_repeats": {
        "fr": "dont entre coéquipier·es (voulues)",
        "en": "of which between teammates (on purpose)",
    },
    "planning.note.team_joined": {
        "fr": "{person} arrive et rejoint l'équipe {team} (la plus petite).",
        "en": "{person} arrives and joins team {team} (the smallest).",
    },
    "planning.out.gap_questions_none": {
        "fr": "Rencontres répétées et questions retrouvées au minimum possible.",
        "en": "Repeated meetings and questions met again at the lowest possible.",
    },
    "planning.out.saved": {"fr": "Plan enregistré\u00a0: {path}", "en": "Plan saved: {path}"},
    "planning.metric.repeats": {
        "fr": "Rencontres répétées",
        "en": "Repeated meetings",
    },
    "planning.metric.max_meetings": {
        "fr": "Nombre maximal de rencontres d'une même paire",
        "en": "Most meetings of one pair",
    },
    "planning.metric.pairs_met_more_than_once": {
        "fr": "Paires qui se revoient",
        "en": "Pairs meeting again",
    },
    "planning.metric.repeats_lower_bound": {
        "fr": "Minimum possible de rencontres répétées",
        "en": "Lowest possible repeated meetings",
    },
    "planning.metric.repeats_lower_bound_at_max": {
        "fr": "Minimum possible avec ce maximum par paire",
        "en": "Lowest possible with this most per pair",
    },
    "planning.metric.group_spread_deviation": {
        "fr": "Écart au mélange des collèges",
        "en": "Group spread deviation",
    },
    "planning.metric.organisation_clashes": {
        "fr": "Paires d'une même structure à la même table",
        "en": "Same-organisation pairs at a table",
    },
    "planning.metric.table_revisits": {
        "fr": "Retours à une table déjà visitée",
        "en": "Returns to a table already visited",
    },
    "planning.metric.question_revisits": {
        "fr": "Questions retrouvées (même table ou même question)",
        "en": "Questions met again (same table or same question)",
    },
    "planning.metric.question_revisits_lower_bound": {
        "fr": "Minimum possible de questions retrouvées",
        "en": "Lowest possible questions met again",
    },
    "planning.metric.hard_violations": {
        "fr": "Contraintes obligatoires non tenues",
        "en": "Hard constraints broken",
    },
    "planning.metric.same_organisation": {
        "fr": "Binômes d'une même structure",
        "en": "Same-organisation pairs",
    },
    "planning.metric.same_territory": {
        "fr": "Binômes d'un même territoire",
        "en": "Same-territory pairs",
    },
    "planning.metric.same_group": {
        "fr": "Binômes d'un même collège",
        "en": "Same-group pairs",
    },
    # -- notes attached to a plan (PlanNote codes)
    "planning.note.visit_once_infeasible": {
        "fr": "Passer une seule fois par table est impossible ({rounds} {rounds:plural:tour|tours} pour {tables} {tables:plural:table|tables})\u00a0: le plan limite les retours.",
        "en": "Visiting each table once is impossible ({rounds} {rounds:plural:round|rounds} for {tables} {tables:plural:table|tables}): the plan keeps returns to a minimum.",
    },
    "planning.note.visit_once_unmet": {
        "fr": "Attention\u00a0: {count} {count:plural:retour|retours} à une table déjà visitée.",
        "en": "Warning: {count} {count:plural:return|returns} to a table already visited.",
    },
    "planning.note.must_not_meet_unmet": {
        "fr": "Attention\u00a0: {count} {count:plural:rencontre interdite n'a pu être évitée|rencontres interdites n'ont pu être évitées}.",
        "en": "Warning: {count} forbidden {count:plural:meeting|meetings} could not be avoided.",
    },
    "planning.note.keep_together_unmet": {
        "fr": "Attention\u00a0: {count} fois, des personnes à garder ensemble sont séparées.",
        "en": "Warning: {count} {count:plural:time|times}, people to keep together are apart.",
    },
    "planning.note.unbalanced": {
        "fr": "Attention\u00a0: tables déséquilibrées dans {count} {count:plural:tour|tours}.",
        "en": "Warning: unbalanced tables in {count} {count:plural:round|rounds}.",
    },
    "planning.note.time_limit_reached": {
        "fr": "Calcul arrêté par la limite de temps ({seconds} s)\u00a0: une autre exécution peut "
        "donner un autre plan.",
        "en": "Search stopped by the time limit ({seconds} s): another run may give another plan.",
    },
}
