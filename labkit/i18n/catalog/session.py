"""Messages of the session commands (new, validate, agenda, schema)."""

MESSAGES: dict[str, dict[str, str]] = {
    "session.exists": {
        "fr": "{path} existe déjà\u00a0: choisissez un autre identifiant",
        "en": "{path} already exists: choose another slug",
    },
    "session.days_range": {
        "fr": "une session dure de 1 à 3 jours (demandé\u00a0: {days})",
        "en": "a session lasts 1 to 3 days (asked: {days})",
    },
    "session.bad_date": {
        "fr": "«\u00a0{value}\u00a0» n'est pas une date AAAA-MM-JJ",
        "en": "'{value}' is not a YYYY-MM-DD date",
    },
    "session.bad_slug": {
        "fr": "«\u00a0{value}\u00a0»\u00a0: lettres minuscules sans accent, chiffres et tirets (ex. atelier-mars)",
        "en": "'{value}': lowercase plain letters, digits and dashes (e.g. march-workshop)",
    },
    "session.created": {"fr": "Session créée\u00a0: {path}", "en": "Session created: {path}"},
    "session.next_steps": {
        "fr": "Ensuite\u00a0: complétez-la, puis «\u00a0labkit validate {slug}\u00a0» et «\u00a0labkit agenda {slug}\u00a0».",
        "en": "Next: fill it in, then 'labkit validate {slug}' and 'labkit agenda {slug}'.",
    },
    "session.summary": {
        "fr": "{errors} {errors:plural:erreur|erreurs}, {warnings} {warnings:plural:avertissement|avertissements}",
        "en": "{errors} {errors:plural:error|errors}, {warnings} {warnings:plural:warning|warnings}",
    },
    "session.written": {"fr": "Écrit\u00a0: {path}", "en": "Written: {path}"},
    "agenda.col.time": {"fr": "Horaire", "en": "Time"},
    "agenda.col.phase": {"fr": "Phase", "en": "Phase"},
    "agenda.col.title": {"fr": "Séquence", "en": "Block"},
    "agenda.col.method": {"fr": "Méthode", "en": "Method"},
    "agenda.col.duration": {"fr": "Durée", "en": "Duration"},
    "agenda.totals": {"fr": "Total par phase\u00a0:", "en": "Total per phase:"},
    "agenda.other": {"fr": "autres (pauses, repas)", "en": "other (breaks, meals)"},
    "cli.help.new": {
        "fr": "Créer une session (squelette commenté et valide) dans sessions/.",
        "en": "Create a session (a valid, commented skeleton) under sessions/.",
    },
    "cli.help.validate": {
        "fr": "Vérifier une ou plusieurs sessions\u00a0: erreurs et avertissements (code de sortie 1 en cas d'erreur).",
        "en": "Check one or more sessions: errors and warnings (exit 1 on any error).",
    },
    "cli.help.agenda": {
        "fr": "Afficher l'agenda jour par jour (horaires, phases, méthodes), ou l'écrire en .docx.",
        "en": "Print the agenda day by day (times, phases, methods), or write it as .docx.",
    },
    "cli.help.agenda_docx": {
        "fr": "Écrire l'agenda d'invitation dans ce fichier Word.",
        "en": "Write the invitation agenda to this Word file.",
    },
    "cli.help.schema": {
        "fr": "Écrire le schéma JSON de session.yaml (autocomplétion dans l'éditeur).",
        "en": "Write the JSON Schema of session.yaml (editor autocompletion).",
    },
    "cli.help.schema_out": {
        "fr": "Fichier à écrire (par défaut\u00a0: la sortie standard).",
        "en": "File to write (default: standard output).",
    },
    "cli.help.slug": {
        "fr": "Identifiant de la session (ex. atelier-mars-2027).",
        "en": "Session identifier (e.g. march-workshop-2027).",
    },
    "cli.help.title": {"fr": "Titre de la session.", "en": "Session title."},
    "cli.help.date": {"fr": "Premier jour (AAAA-MM-JJ).", "en": "First day (YYYY-MM-DD)."},
    "cli.help.days": {"fr": "Nombre de jours (1 à 3).", "en": "Number of days (1 to 3)."},
    "cli.help.session_lang": {
        "fr": "Langue de la session et de ses documents\u00a0: fr ou en.",
        "en": "Language of the session and its documents: fr or en.",
    },
    "cli.help.lab": {"fr": "Nom du Lab.", "en": "Name of the Lab."},
    "cli.help.session": {
        "fr": "La session\u00a0: son dossier, son session.yaml ou son identifiant (dans sessions/).",
        "en": "The session: its folder, its session.yaml, or its slug under sessions/.",
    },
    "cli.help.sessions": {
        "fr": "Une ou plusieurs sessions (dossier, session.yaml ou identifiant).",
        "en": "One or more sessions (folder, session.yaml or slug).",
    },
}
