"""Messages of `labkit check`."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.help.check": {
        "fr": "Signaler les problèmes d'un dossier de session sans rien y modifier.",
        "en": "Report the problems of a session folder without changing anything.",
    },
    "check.ok": {"fr": "{path} — aucun problème", "en": "{path} — no problem"},
    "check.summary": {
        "fr": "{path} — {errors} {errors:plural:problème|problèmes}, {warnings} {warnings:plural:avertissement|avertissements}",
        "en": "{path} — {errors} {errors:plural:problem|problems}, {warnings} {warnings:plural:warning|warnings}",
    },
    "check.no_folder": {"fr": "{path}\u00a0: pas de dossier de session", "en": "{path}: no session folder"},
    "check.journal_not_file": {
        "fr": "{path}\u00a0: n'est pas un fichier", "en": "{path}: is not a file",
    },
    "check.journal_empty": {
        "fr": "{path}\u00a0: fichier vide (pas un journal labkit)",
        "en": "{path}: empty file (not a labkit journal)",
    },
    "check.journal_unreadable": {"fr": "{path}\u00a0: {detail}", "en": "{path}: {detail}"},
    "check.integrity": {
        "fr": "{path}\u00a0: contrôle d'intégrité SQLite\u00a0: {detail}",
        "en": "{path}: SQLite integrity check: {detail}",
    },
    "check.bad_event": {
        "fr": "{path}\u00a0: événement n° {id} ({type}) illisible",
        "en": "{path}: event #{id} ({type}) cannot be read",
    },
    "check.wal_without_shm": {
        "fr": "{path}\u00a0: un fichier -wal sans -shm (journal mal fermé)\u00a0; il n'a pas été lu",
        "en": "{path}: a -wal file without -shm (journal not closed cleanly); it was not read",
    },
    "check.temp_file": {
        "fr": "{path}\u00a0: fichier temporaire laissé par une écriture interrompue",
        "en": "{path}: temporary file left by an interrupted write",
    },
    "check.readable_by_others": {
        "fr": "{path}\u00a0: lisible par d'autres utilisateurs (droits {mode})",
        "en": "{path}: readable by other users (mode {mode})",
    },
    "check.missing_attachment": {
        "fr": "{path}\u00a0: pièce jointe {id} enregistrée mais absente",
        "en": "{path}: attachment {id} recorded but missing",
    },
    "check.plan_unknown_block": {
        "fr": "{path}\u00a0: plan enregistré pour un bloc «\u00a0{block}\u00a0» absent de session.yaml",
        "en": "{path}: saved plan for a block \"{block}\" that session.yaml does not have",
    },
    "check.plan_unknown_person": {
        "fr": "{path}\u00a0: le plan place {ids}, {count:plural:absent|absents} des participants",
        "en": "{path}: the plan seats {ids}, not among the participants",
    },
    "check.plan_unreadable": {"fr": "{detail}", "en": "{detail}"},
}
