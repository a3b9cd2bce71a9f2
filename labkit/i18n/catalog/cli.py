"""Messages of the command line."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.error_prefix": {"fr": "Erreur\u00a0:", "en": "Error:"},
    "cli.warning_prefix": {"fr": "Attention\u00a0:", "en": "Warning:"},
    "cli.help.app": {
        "fr": "labkit — préparer, animer en direct et restituer les sessions d'intelligence "
        "collective d'un Lab.",
        "en": "labkit — prepare, run live and restitute collective-intelligence Lab sessions.",
    },
    "cli.help.lang": {
        "fr": "Langue de l'interface\u00a0: fr ou en (par défaut\u00a0: $LABKIT_LANG, puis la locale).",
        "en": "Interface language: fr or en (default: $LABKIT_LANG, then the locale).",
    },
    "cli.help.version": {"fr": "Affiche la version.", "en": "Show the version."},
    "cli.usage": {"fr": "Usage", "en": "Usage"},
    "cli.options": {"fr": "Options", "en": "Options"},
    "cli.commands": {"fr": "Commandes", "en": "Commands"},
    "cli.help.help": {"fr": "Affiche cette aide.", "en": "Show this message and exit."},
    "cli.help.more": {
        "fr": "Aide d'une commande\u00a0: labkit COMMANDE --help",
        "en": "Help on a command: labkit COMMAND --help",
    },
}
