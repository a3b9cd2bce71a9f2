"""Messages about the files of a session folder: paths, permissions, the live lock, backups."""

MESSAGES: dict[str, dict[str, str]] = {
    "files.outside": {
        "fr": "{path} mène hors de {root} (lien symbolique vers {target})\u00a0: labkit n'écrit "
        "qu'à l'intérieur\u00a0; remplacez le lien par un vrai dossier ou fichier",
        "en": "{path} leads outside {root} (a symbolic link to {target}): labkit writes only "
        "inside it; replace the link with a real folder or file",
    },
    "files.dangling": {
        "fr": "{path} est un lien symbolique vers {target}, qui n'existe pas\u00a0: supprimez le lien",
        "en": "{path} is a symbolic link to {target}, which does not exist: remove the link",
    },
    "files.not_folder": {
        "fr": "{path} existe et n'est pas un dossier",
        "en": "{path} exists and is not a folder",
    },
    "files.special": {
        "fr": "{path} n'est pas un fichier ordinaire ({kind})\u00a0: labkit ne le remplace pas\u00a0; "
        "choisissez un autre chemin",
        "en": "{path} is not a regular file ({kind}): labkit does not replace it; "
        "choose another path",
    },
    "files.kind.folder": {"fr": "un dossier", "en": "a folder"},
    "files.kind.fifo": {"fr": "un tube nommé", "en": "a named pipe"},
    "files.kind.device": {"fr": "un périphérique", "en": "a device"},
    "files.kind.socket": {"fr": "une socket", "en": "a socket"},
    "files.kind.other": {"fr": "un fichier spécial", "en": "a special file"},
    "files.journal_empty": {
        "fr": "{path} est vide (0 octet)\u00a0: ce n'est pas un journal labkit\u00a0; supprimez-le (ou "
        "remettez la copie d'origine) pour que labkit en crée un",
        "en": "{path} is empty (0 bytes): not a labkit journal; delete it (or put the original "
        "copy back) so that labkit creates one",
    },
    "files.locked": {
        "fr": "La session {root} est déjà ouverte en direct par «\u00a0labkit {command}\u00a0» (processus "
        "{pid} sur {host}, depuis {started}). Fermez-la d'abord\u00a0; une seule application en "
        "direct par session (labkit note reste possible).",
        "en": "Session {root} is already open live by 'labkit {command}' (process {pid} on "
        "{host}, since {started}). Close it first; one live app per session (labkit note "
        "still works).",
    },
    "files.locked_unknown": {
        "fr": "La session {root} est déjà ouverte en direct par un autre processus labkit. "
        "Fermez-le d'abord (labkit note reste possible).",
        "en": "Session {root} is already open live by another labkit process. Close it first "
        "(labkit note still works).",
    },
    "files.lock_failed": {
        "fr": "Impossible de créer le verrou de la session {path}\u00a0: {detail}. Une session en "
        "lecture seule ne s'anime pas en direct\u00a0: copiez-la dans un dossier modifiable.",
        "en": "Cannot create the session's lock {path}: {detail}. A read-only session cannot "
        "be run live: copy it into a folder you can write to.",
    },
    "files.backed_up": {
        "fr": "La session existante a été mise de côté dans {path}",
        "en": "The existing session was moved aside to {path}",
    },
}
