"""Messages of the prototype / scenario test (`labkit.methods.prototype`), in every area it
speaks in: the method's name, its validation rules, the live screen and alerts, the report.

One file for the method rather than a few lines in each area's file: adding a method touches
the catalog once."""

# ruff: noqa: E501 - one message a line reads better than wrapped dict literals

MESSAGES: dict[str, dict[str, str]] = {
    "method.prototype_test": {"fr": "test de prototypes", "en": "prototype test"},
    # --- validation
    "validation.prototype_exceeds_block": {
        "fr": "«\u00a0{title}\u00a0»\u00a0: {rounds} {rounds:plural:visite|visites} de {minutes} min, les transitions et {revision} min de révision demandent {needed} min, le bloc n'en dure que {duration}",
        "en": "'{title}': {rounds} {rounds:plural:visit|visits} of {minutes} min, the transitions and {revision} min of revision need {needed} min, the block lasts {duration}",
    },
    "validation.prototype_too_few_teams": {
        "fr": "{teams} {teams:plural:équipe|équipes}\u00a0: il en faut au moins deux pour se rendre visite",
        "en": "{teams} {teams:plural:team|teams}: at least two are needed to visit each other",
    },
    "validation.prototype_rounds_exceed_teams": {
        "fr": "{rounds} {rounds:plural:tour|tours} de visite pour {teams} {teams:plural:équipe|équipes}\u00a0: {most} au plus, sinon une équipe revient voir le même prototype (ou le sien)",
        "en": "{rounds} {rounds:plural:round|rounds} of visits for {teams} {teams:plural:team|teams}: {most} at most, otherwise a team sees the same prototype again (or its own)",
    },
    "validation.prototype_duplicate_team": {
        "fr": "l'équipe «\u00a0{name}\u00a0» est déclarée deux fois",
        "en": "team '{name}' is declared twice",
    },
    "validation.prototype_more_prototypes": {
        "fr": "{prototypes} {prototypes:plural:prototype|prototypes} pour {teams} {teams:plural:équipe|équipes}\u00a0: un par équipe au plus",
        "en": "{prototypes} {prototypes:plural:prototype|prototypes} for {teams} {teams:plural:team|teams}: one per team at most",
    },
    "validation.prototype_more_teams_than_people": {
        "fr": "{teams} {teams:plural:équipe|équipes} pour {people} {people:plural:participant·e présent·e|participant·es présent·es}\u00a0: trop d'équipes",
        "en": "{teams} {teams:plural:team|teams} for {people} {people:plural:participant|participants} present: too many teams",
    },
    "validation.prototype_round_short": {
        "fr": "«\u00a0{title}\u00a0»\u00a0: des visites de {minutes} min sont très courtes (5 min au moins pour présenter et recueillir les retours)",
        "en": "'{title}': visits of {minutes} min are very short (5 min at least to present and gather feedback)",
    },
    "validation.prototype_no_revision": {
        "fr": "«\u00a0{title}\u00a0»\u00a0: aucun temps de révision prévu\u00a0; les équipes n'auront pas le temps de décider ce qu'elles gardent",
        "en": "'{title}': no revision time planned; the teams will have no time to decide what they keep",
    },
    # --- live app
    "tui.round.prototype_test": {"fr": "Étape {number}/{count}", "en": "Step {number}/{count}"},
    "tui.alert.visit_end": {"fr": "Fin de la visite {round}\u00a0: chaque équipe passe au prototype suivant\u00a0!", "en": "End of visit {round}: each team moves on to the next prototype!"},
    "tui.alert.revision_end": {"fr": "Fin de la révision\u00a0: chaque équipe énonce sa décision.", "en": "Revision over: each team states its decision."},
    "tui.kind.feedback": {"fr": "retour", "en": "feedback"},
    "tui.kind.decision": {"fr": "décision", "en": "decision"},
    "tui.key.facet": {"fr": "Facette (puis son n°)", "en": "Facet (then its no.)"},
    "tui.prototype.choose_facet": {"fr": "Facette n°\u00a0? (1–{last}) ›", "en": "Facet? (1–{last}) ›"},
    "tui.prototype.no_facet": {"fr": "Pas de facette {number}\u00a0: elles vont de 1 à {last}.", "en": "No facet {number}: they go from 1 to {last}."},
    "tui.key.next_visit": {"fr": "Visite suivante", "en": "Next visit"},
    "tui.prototype.placeholder": {"fr": "Retour des visiteurs (ou décision de l'équipe), puis Entrée", "en": "Visitors' feedback (or the team's decision), then Enter"},
    "tui.prototype.teams": {"fr": "Équipes et prototypes", "en": "Teams and prototypes"},
    "tui.prototype.visited_by": {"fr": "reçoit {visitor}", "en": "hosts {visitor}"},
    "tui.prototype.count": {"fr": "{count} {count:plural:retour|retours}", "en": "{count} feedback"},
    "tui.prototype.decided": {"fr": "décision", "en": "decision"},
    "tui.prototype.feedback_title": {"fr": "Retours à {team} ({count})", "en": "Feedback to {team} ({count})"},
    "tui.prototype.decision": {"fr": "Décision", "en": "Decision"},
    "tui.prototype.facets": {"fr": "Facette\u00a0: {facets}", "en": "Facet: {facets}"},
    "tui.prototype.facet_key": {"fr": "Ctrl+T\u00a0:", "en": "Ctrl+T:"},
    "tui.prototype.round_next": {"fr": "Visite {number}/{count} à venir (Ctrl+N)", "en": "Visit {number}/{count} to come (Ctrl+N)"},
    "tui.prototype.round": {"fr": "Visite {number}/{count}", "en": "Visit {number}/{count}"},
    "tui.prototype.revision": {"fr": "Révision et décisions", "en": "Revision and decisions"},
    "tui.prototype.revision_next": {"fr": "Visites terminées\u00a0: Ctrl+N pour la révision", "en": "Visits over: Ctrl+N for the revision"},
    "tui.prototype.done": {"fr": "Visites et révision terminées", "en": "Visits and revision over"},
    "tui.prototype.rotation": {"fr": "Visite {number}\u00a0: {moves} (chaque équipe va voir le prototype indiqué\u00a0; un membre reste présenter le sien).", "en": "Visit {number}: {moves} (each team goes to see the prototype shown; one member stays to present their own)."},
    "tui.prototype.revising": {"fr": "Révision\u00a0: chaque équipe reprend son prototype avec les retours reçus, puis énonce ce qu'elle garde, abandonne ou teste ensuite.", "en": "Revision: each team reworks its prototype with the feedback received, then states what it keeps, drops or tests next."},
    "tui.prototype.started": {"fr": "{label} lancée.", "en": "{label} started."},
    "tui.prototype.all_done": {"fr": "Toutes les étapes sont jouées.", "en": "Every step has been played."},
    # --- restitution
    "report.kind.feedback": {"fr": "retour", "en": "feedback"},
    "report.kind.decision": {"fr": "décision", "en": "decision"},
    "report.prototype.team_n": {"fr": "Équipe {n}", "en": "Team {n}"},
    "report.prototype.other": {"fr": "Autres retours", "en": "Other feedback"},
    "report.prototype.no_team": {"fr": "Sans équipe", "en": "No team"},
    "report.prototype.no_feedback": {"fr": "Aucun retour n'a été noté pour ce prototype.", "en": "No feedback was noted for this prototype."},
    "report.prototype.prototype": {"fr": "Prototype\u00a0: {title}", "en": "Prototype: {title}"},
    "report.prototype.decision": {"fr": "La décision de l'équipe", "en": "The team's decision"},
    "report.prototype.no_decision": {"fr": "Aucune décision n'a été notée.", "en": "No decision was noted."},
    "report.prototype.col.team": {"fr": "Équipe", "en": "Team"},
    "report.prototype.col.prototype": {"fr": "Prototype", "en": "Prototype"},
    "report.prototype.col.decision": {"fr": "Décision", "en": "Decision"},
    "report.prototype.caption": {"fr": "Retours reçus par facette et décision de chaque équipe", "en": "Feedback received per facet and each team's decision"},
}
