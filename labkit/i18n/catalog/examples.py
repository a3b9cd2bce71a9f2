"""Messages about the bundled examples."""

MESSAGES: dict[str, dict[str, str]] = {
    "examples.unknown": {
        "fr": "aucun exemple ne s'appelle «\u00a0{name}\u00a0» (exemples\u00a0: {names})",
        "en": "no example is called '{name}' (examples: {names})",
    },
    "examples.exists": {
        "fr": "{path} existe déjà (ajoutez --force pour le remplacer\u00a0; l'ancien est mis de côté)",
        "en": "{path} already exists (add --force to replace it; the old one is moved aside)",
    },
    "examples.copied": {
        "fr": "Exemple copié dans {path}",
        "en": "Example copied to {path}",
    },
    "examples.title": {"fr": "Exemples fournis", "en": "Bundled examples"},
    "examples.col.name": {"fr": "Nom", "en": "Name"},
    "examples.col.title": {"fr": "Titre", "en": "Title"},
    "examples.col.days": {"fr": "Jours", "en": "Days"},
    "examples.col.participants": {"fr": "Participants", "en": "Participants"},
    "examples.hint": {
        "fr": "Copier un exemple\u00a0: labkit examples copy NOM",
        "en": "Copy one: labkit examples copy NAME",
    },
    "cli.help.examples": {
        "fr": "Lister les sessions d'exemple fournies, ou en copier une dans sessions/.",
        "en": "List the bundled example sessions, or copy one into sessions/.",
    },
    "cli.help.examples_copy": {
        "fr": "Copier un exemple dans sessions/ (ou --to DOSSIER).",
        "en": "Copy an example into sessions/ (or --to FOLDER).",
    },
    "cli.help.force": {
        "fr": "Remplacer une session existante, mise de côté dans NOM.AAAAMMJJ-HHMMSS.bak.",
        "en": "Replace an existing session, moved aside to NAME.YYYYMMDD-HHMMSS.bak.",
    },
    "cli.help.blank": {
        "fr": "Copier le plan seul, sans les productions capturées\u00a0: pour animer l'exemple en direct.",
        "en": "Copy the plan only, without the captured outputs: to run the example live.",
    },
    "cli.help.to": {"fr": "Dossier des sessions.", "en": "Sessions folder."},
}
