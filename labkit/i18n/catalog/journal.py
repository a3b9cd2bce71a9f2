"""Messages of the live capture journal (labkit.store.journal) and its CLI commands."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- storage errors ---
    "journal.error.disk_full": {
        "fr": "Disque plein\u00a0: rien n'a été écrit dans le journal {path}, qui reste intact. "
        "Libérez de la place puis recommencez.",
        "en": "Disk full: nothing was written to the journal {path}, which is intact. "
        "Free some space and try again.",
    },
    "journal.error.read_only": {
        "fr": "Impossible d'écrire dans le journal {path}\u00a0: le dossier ou le fichier est en "
        "lecture seule. Copiez la session dans un dossier modifiable.",
        "en": "Cannot write the journal {path}: the folder or the file is read-only. "
        "Copy the session to a writable folder.",
    },
    "journal.error.low_space": {
        "fr": "Disque presque plein\u00a0: {free} Mo libres pour le journal {path} (il en faut au "
        "moins {needed}). Libérez de la place ou copiez la session sur un autre disque.",
        "en": "Disk almost full: {free} MB free for the journal {path} (at least {needed} "
        "needed). Free some space or copy the session to another disk.",
    },
    "journal.error.cannot_open": {
        "fr": "Impossible d'ouvrir le journal {path} (dossier en lecture seule ou introuvable\u00a0?).",
        "en": "Cannot open the journal {path} (read-only or missing folder?).",
    },
    "journal.error.not_sqlite": {
        "fr": "{path} n'est pas un journal labkit\u00a0: ce n'est pas une base SQLite. "
        "Le fichier n'a pas été modifié.",
        "en": "{path} is not a labkit journal: it is not an SQLite database. "
        "The file was left untouched.",
    },
    "journal.error.not_journal": {
        "fr": "{path} est une base SQLite mais pas un journal labkit\u00a0; elle n'a pas été modifiée.",
        "en": "{path} is an SQLite database but not a labkit journal; it was left untouched.",
    },
    "journal.error.newer_schema": {
        "fr": "Le journal {path} a été écrit par une version plus récente de labkit (schéma "
        "{version}, cette version lit jusqu'au schéma {supported}). Mettez labkit à jour\u00a0; "
        "le journal n'a pas été modifié.",
        "en": "The journal {path} was written by a newer labkit (schema {version}; this version "
        "reads up to schema {supported}). Upgrade labkit; the journal was left untouched.",
    },
    "journal.error.corrupt": {
        "fr": "Le journal {path} est endommagé ({detail}). Gardez une copie du fichier et de "
        "ses fichiers -wal/-shm avant toute réparation.",
        "en": "The journal {path} is damaged ({detail}). Keep a copy of the file and its "
        "-wal/-shm files before any repair.",
    },
    "journal.error.io": {
        "fr": "Erreur d'entrée-sortie sur le journal {path} ({detail})\u00a0: disque retiré ou "
        "défaillant\u00a0? Rien n'a été écrit.",
        "en": "Input/output error on the journal {path} ({detail}): disk removed or failing? "
        "Nothing was written.",
    },
    "journal.error.busy": {
        "fr": "Le journal {path} est occupé par un autre programme depuis trop longtemps\u00a0; "
        "rien n'a été écrit. Réessayez.",
        "en": "The journal {path} has been busy in another program for too long; nothing was "
        "written. Try again.",
    },
    "journal.error.sqlite": {
        "fr": "Erreur SQLite sur le journal {path}\u00a0: {detail}. Rien n'a été écrit.",
        "en": "SQLite error on the journal {path}: {detail}. Nothing was written.",
    },
    "journal.error.os": {
        "fr": "Erreur du système de fichiers pour {path}\u00a0: {detail}",
        "en": "File system error for {path}: {detail}",
    },
    "journal.error.no_wal": {
        "fr": "Le journal {path} ne peut pas passer en mode WAL (mode actuel\u00a0: {mode})\u00a0; "
        "le système de fichiers ne le permet peut-être pas (partage réseau\u00a0?).",
        "en": "The journal {path} cannot use WAL mode (current mode: {mode}); the file system "
        "may not allow it (network share?).",
    },
    "journal.error.old_read_only": {
        "fr": "Le journal {path} utilise un ancien schéma et doit être mis à jour, ce qui est "
        "impossible en lecture seule.",
        "en": "The journal {path} uses an older schema and must be upgraded, which is "
        "impossible read-only.",
    },
    "journal.error.opened_read_only": {
        "fr": "Le journal {path} est ouvert en lecture seule.",
        "en": "The journal {path} is open read-only.",
    },
    "journal.error.is_folder": {
        "fr": "{path} est un dossier, pas un fichier de journal.",
        "en": "{path} is a folder, not a journal file.",
    },
    "journal.error.missing": {
        "fr": "Aucun journal à l'emplacement {path}.",
        "en": "No journal at {path}.",
    },
    "journal.error.no_folder": {
        "fr": "Le dossier {path} n'existe pas.",
        "en": "The folder {path} does not exist.",
    },
    "journal.error.bad_event": {
        "fr": "L'événement n° {id} ({type}) du journal {path} est illisible.",
        "en": "Event #{id} ({type}) of the journal {path} is unreadable.",
    },
    # --- refused events ---
    "journal.refused": {
        "fr": "Événement «\u00a0{type}\u00a0» refusé\u00a0:",
        "en": 'Event "{type}" refused:',
    },
    "journal.unknown_type": {
        "fr": "Type d'événement inconnu\u00a0: {type} (types connus\u00a0: {known}).",
        "en": "Unknown event type: {type} (known types: {known}).",
    },
    "journal.no_device": {
        "fr": "Indiquez l'appareil qui enregistre (par exemple «\u00a0cli\u00a0»).",
        "en": 'Name the recording device (e.g. "cli").',
    },
    "journal.problem.text_too_long": {
        "fr": "texte de {length} {length:plural:caractère|caractères}, {max} au maximum",
        "en": "text of {length} {length:plural:character|characters}, at most {max}",
    },
    "journal.problem.text_empty": {"fr": "texte vide", "en": "empty text"},
    "journal.problem.edit_empty": {"fr": "rien à modifier", "en": "nothing to change"},
    "journal.problem.field_cleared": {
        "fr": "le champ {field} ne peut pas être vidé",
        "en": "the field {field} cannot be cleared",
    },
    "journal.problem.zero_minutes": {
        "fr": "une prolongation de 0 minute",
        "en": "an extension of 0 minutes",
    },
    "journal.problem.twice_in_round": {
        "fr": "{person} est placé·e deux fois au tour {round}",
        "en": "{person} is seated twice in round {round}",
    },
    "journal.problem.duplicate_items": {
        "fr": "une idée est retenue deux fois",
        "en": "an idea is kept twice",
    },
    "journal.problem.two_voters": {
        "fr": "un vote est soit d'un·e participant·e, soit d'une équipe, pas des deux",
        "en": "a vote is by a participant or by a team, not both",
    },
    "journal.problem.word_or_image": {
        "fr": "un mot de clôture demande un mot ou une image",
        "en": "a closing word needs a word or an image",
    },
    "journal.problem.bad_sha256": {"fr": "empreinte sha256 invalide", "en": "invalid sha256"},
    "journal.problem.bad_path": {
        "fr": "une pièce jointe doit se trouver dans attachments/",
        "en": "an attachment must live in attachments/",
    },
    "journal.problem.bad_uuid": {
        "fr": "identifiant d'événement (uuid) invalide",
        "en": "invalid event uuid",
    },
    "journal.problem.missing": {"fr": "champ obligatoire", "en": "required field"},
    "journal.problem.extra_forbidden": {"fr": "champ inconnu", "en": "unknown field"},
    "journal.problem.literal_error": {
        "fr": "valeur attendue\u00a0: {expected}",
        "en": "expected: {expected}",
    },
    "journal.problem.greater_than_equal": {
        "fr": "doit être au moins {ge}",
        "en": "must be at least {ge}",
    },
    "journal.problem.less_than_equal": {
        "fr": "doit être au plus {le}",
        "en": "must be at most {le}",
    },
    "journal.problem.too_long": {
        "fr": "{actual_length} {actual_length:plural:élément|éléments}, {max_length} au maximum",
        "en": "{actual_length} {actual_length:plural:item|items}, at most {max_length}",
    },
    "journal.problem.too_short": {
        "fr": "au moins {min_length} {min_length:plural:élément|éléments}",
        "en": "at least {min_length} {min_length:plural:item|items}",
    },
    "journal.problem.int_parsing": {"fr": "nombre entier attendu", "en": "a whole number"},
    "journal.problem.int_type": {"fr": "nombre entier attendu", "en": "a whole number"},
    "journal.problem.int_from_float": {"fr": "nombre entier attendu", "en": "a whole number"},
    "journal.problem.float_parsing": {"fr": "nombre attendu", "en": "a number"},
    "journal.problem.string_type": {"fr": "texte attendu", "en": "text expected"},
    "journal.problem.timezone_aware": {
        "fr": "date et heure avec fuseau horaire attendues",
        "en": "a date and time with a time zone",
    },
    "journal.problem.datetime_parsing": {
        "fr": "date et heure ISO attendues (2026-03-12T09:30:00+01:00)",
        "en": "an ISO date and time (2026-03-12T09:30:00+01:00)",
    },
    "journal.problem.date_from_datetime_parsing": {
        "fr": "date ISO attendue (2026-03-12)",
        "en": "an ISO date (2026-03-12)",
    },
    # --- rules checked against the state ---
    "journal.rule.id_taken": {
        "fr": "l'identifiant {id} est déjà utilisé",
        "en": "the id {id} is already used",
    },
    "journal.rule.unknown_contribution": {
        "fr": "aucune contribution {id}",
        "en": "no contribution {id}",
    },
    "journal.rule.unknown_cluster": {"fr": "aucun regroupement {id}", "en": "no cluster {id}"},
    "journal.rule.unknown_persona": {"fr": "aucun persona {id}", "en": "no persona {id}"},
    "journal.rule.unknown_step": {
        "fr": "aucune étape de parcours {id}",
        "en": "no journey step {id}",
    },
    "journal.rule.unknown_commitment": {"fr": "aucun engagement {id}", "en": "no commitment {id}"},
    "journal.rule.unknown_item": {
        "fr": "{id} n'est ni une contribution ni un regroupement existant",
        "en": "{id} is neither an existing contribution nor a cluster",
    },
    "journal.rule.not_in_cluster": {
        "fr": "{id} n'est pas dans le regroupement {cluster}",
        "en": "{id} is not in the cluster {cluster}",
    },
    "journal.rule.unknown_event": {"fr": "aucun événement {uuid}", "en": "no event {uuid}"},
    "journal.rule.already_undone": {
        "fr": "l'événement {uuid} est déjà annulé",
        "en": "the event {uuid} is already undone",
    },
    "journal.rule.block_cannot_start": {
        "fr": "le bloc {block} ne peut pas démarrer\u00a0: il est {status}",
        "en": "the block {block} cannot start: it is {status}",
    },
    "journal.rule.block_cannot_pause": {
        "fr": "le bloc {block} ne peut pas être mis en pause\u00a0: il est {status}",
        "en": "the block {block} cannot be paused: it is {status}",
    },
    "journal.rule.block_cannot_resume": {
        "fr": "le bloc {block} ne peut pas reprendre\u00a0: il est {status}",
        "en": "the block {block} cannot resume: it is {status}",
    },
    "journal.rule.block_cannot_extend": {
        "fr": "le bloc {block} ne peut plus être prolongé\u00a0: il est {status}",
        "en": "the block {block} can no longer be extended: it is {status}",
    },
    "journal.rule.block_cannot_end": {
        "fr": "le bloc {block} ne peut pas se terminer\u00a0: il est {status}",
        "en": "the block {block} cannot end: it is {status}",
    },
    "journal.rule.before_start": {
        "fr": "cet horaire précède le début du bloc {block}",
        "en": "this time is before the start of the block {block}",
    },
    "journal.rule.round_block_not_running": {
        "fr": "un tour ne peut démarrer que dans un bloc en cours\u00a0; le bloc {block} est {status}",
        "en": "a round can only start in a running block; the block {block} is {status}",
    },
    "journal.rule.round_running": {
        "fr": "le tour {round} du bloc {block} est encore en cours",
        "en": "round {round} of the block {block} is still running",
    },
    "journal.rule.round_done": {
        "fr": "le tour {round} du bloc {block} a déjà eu lieu",
        "en": "round {round} of the block {block} already took place",
    },
    "journal.rule.round_not_running": {
        "fr": "le tour {round} du bloc {block} n'est pas en cours",
        "en": "round {round} of the block {block} is not running",
    },
    "journal.rule.already_present": {
        "fr": "{participant} est déjà présent·e le jour {day}",
        "en": "{participant} is already present on day {day}",
    },
    "journal.rule.not_present": {
        "fr": "{participant} n'est pas présent·e le jour {day}",
        "en": "{participant} is not present on day {day}",
    },
    "journal.rule.present_not_absent": {
        "fr": "{participant} est présent·e le jour {day}\u00a0: enregistrez d'abord son départ",
        "en": "{participant} is present on day {day}: record their departure first",
    },
    "journal.status.not_started": {"fr": "pas commencé", "en": "not started"},
    "journal.status.running": {"fr": "en cours", "en": "running"},
    "journal.status.paused": {"fr": "en pause", "en": "paused"},
    "journal.status.ended": {"fr": "terminé", "en": "ended"},
    # --- attachments ---
    "journal.attach.missing": {
        "fr": "{path} n'est pas un fichier lisible.",
        "en": "{path} is not a readable file.",
    },
    "journal.attach.too_big": {
        "fr": "{path} est trop gros pour une pièce jointe ({max} Mo au maximum).",
        "en": "{path} is too big for an attachment (at most {max} MB).",
    },
    "journal.attach.disk_full": {
        "fr": "Disque plein\u00a0: {name} n'a pas été joint (rien n'a été écrit dans {path}).",
        "en": "Disk full: {name} was not attached (nothing was written to {path}).",
    },
    "journal.attach.failed": {
        "fr": "{name} n'a pas pu être copié dans {path}\u00a0: {detail}",
        "en": "{name} could not be copied into {path}: {detail}",
    },
    # --- import ---
    "journal.import.unreadable": {
        "fr": "Impossible de lire {path}\u00a0: {detail}",
        "en": "Cannot read {path}: {detail}",
    },
    "journal.import.not_json": {
        "fr": "{path} n'est pas un export JSON de journal labkit.",
        "en": "{path} is not a labkit journal JSON export.",
    },
    "journal.import.json_at": {
        "fr": "ligne {line}, colonne {column}",
        "en": "line {line}, column {column}",
    },
    "journal.import.event": {"fr": "événement n° {id} ({type})", "en": "event #{id} ({type})"},
    "journal.import.duplicate_id": {
        "fr": "identifiant déjà donné à un autre élément plus haut dans le fichier",
        "en": "id already given to another item earlier in the file",
    },
    "journal.import.duplicate": {
        "fr": "uuid déjà présent plus haut dans le fichier",
        "en": "uuid already present earlier in the file",
    },
    "journal.import.more": {
        "fr": "… et {count} {count:plural:autre problème|autres problèmes}",
        "en": "… and {count} more {count:plural:problem|problems}",
    },
    "journal.import.invalid": {
        "fr": "L'export {path} est invalide\u00a0; rien n'a été importé\u00a0:",
        "en": "The export {path} is invalid; nothing was imported:",
    },
    "journal.import.diverged": {
        "fr": "Le journal {journal} contient déjà {count} {count:plural:événement qui n'est pas|événements qui ne sont pas} le début "
        "de l'historique de {path}\u00a0; rien n'a été importé. Importez dans une session vide.",
        "en": "The journal {journal} already holds {count} {count:plural:event that is not|events that are not} the beginning "
        "of the history in {path}; nothing was imported. Import into an empty session.",
    },
    # --- CLI ---
    "journal.cli.help.note": {
        "fr": "Ajouter une contribution au journal de la session et afficher son identifiant.",
        "en": "Add a contribution to the session's journal and print its id.",
    },
    "journal.cli.help.history": {
        "fr": "Lister les événements du journal, du plus ancien au plus récent.",
        "en": "List the journal's events, oldest first.",
    },
    "journal.cli.help.export": {
        "fr": "Exporter tout ce qui a été saisi\u00a0: JSON (historique complet) ou CSV (un fichier "
        "par type, lisible dans Excel).",
        "en": "Export everything captured: JSON (the full history) or CSV (one file per kind, "
        "Excel-ready).",
    },
    "journal.cli.help.import": {
        "fr": "Restaurer un export JSON dans le journal d'une session.",
        "en": "Restore a JSON export into a session's journal.",
    },
    "journal.cli.help.session": {
        "fr": "La session\u00a0: son dossier, son session.yaml ou son identifiant.",
        "en": "The session: its folder, its session.yaml or its slug.",
    },
    "journal.cli.help.text": {"fr": "Le texte de la contribution.", "en": "The contribution."},
    "journal.cli.help.block": {"fr": "Identifiant du bloc (par défaut\u00a0: celui en cours).",
                               "en": "Block id (default: the running one)."},
    "journal.cli.help.device": {
        "fr": "Nom du poste qui saisit (par défaut\u00a0: note-<nom de la machine>).",
        "en": "Name of the recording device (default: note-<host name>).",
    },
    "journal.cli.help.by": {
        "fr": "Qui saisit (par exemple un prénom).",
        "en": "Who is recording (a first name, for instance).",
    },
    "journal.cli.help.question": {"fr": "Numéro de la question.", "en": "Question number."},
    "journal.cli.help.table": {"fr": "Numéro de la table.", "en": "Table number."},
    "journal.cli.help.kind": {
        "fr": "idea, ingredient, insight, question, pain_point, quote ou note.",
        "en": "idea, ingredient, insight, question, pain_point, quote or note.",
    },
    "journal.cli.help.round": {"fr": "Numéro du tour de world café.", "en": "World café round."},
    "journal.cli.help.team": {"fr": "Équipe.", "en": "Team."},
    "journal.cli.help.territory": {
        "fr": "Territoire\u00a0: un département (7, 07 ou Ardèche) ou une région (R84, "
        "Auvergne-Rhône-Alpes).",
        "en": "Territory: a département (7, 07 or Ardèche) or a region (R84, "
        "Auvergne-Rhône-Alpes).",
    },
    "journal.cli.help.author": {
        "fr": "Auteur·rice, seulement avec son accord.",
        "en": "Author, only with their consent.",
    },
    "journal.cli.help.last": {
        "fr": "N'afficher que les N derniers événements.",
        "en": "Show only the last N events.",
    },
    "journal.cli.help.type": {
        "fr": "N'afficher qu'un type d'événement (par exemple vote.cast, ou vote).",
        "en": "Show one event type only (e.g. vote.cast, or vote).",
    },
    "journal.cli.help.out": {"fr": "Dossier de destination.", "en": "Destination folder."},
    "journal.cli.help.format": {"fr": "json ou csv.", "en": "json or csv."},
    "journal.cli.help.file": {"fr": "L'export JSON à importer.", "en": "The JSON export."},
    "journal.cli.unknown_block": {
        "fr": "aucun bloc «\u00a0{block}\u00a0» dans la session (blocs\u00a0: {known})",
        "en": 'no block "{block}" in the session (blocks: {known})',
    },
    "journal.cli.unknown_kind": {
        "fr": "type de contribution inconnu «\u00a0{kind}\u00a0» (types\u00a0: {known})",
        "en": 'unknown contribution kind "{kind}" (kinds: {known})',
    },
    "journal.cli.empty": {
        "fr": "Le journal ne contient encore aucun événement.",
        "en": "The journal holds no event yet.",
    },
    "journal.cli.undone": {"fr": "annulé", "en": "undone"},
    "journal.cli.exported": {
        "fr": "{count} {count:plural:événement exporté|événements exportés} dans {out} ({files} {files:plural:fichier|fichiers})\u00a0:",
        "en": "{count} {count:plural:event|events} exported to {out} ({files} {files:plural:file|files}):",
    },
    "journal.cli.imported": {
        "fr": "{added} {added:plural:événement importé|événements importés}\u00a0; le journal en compte {total}.",
        "en": "{added} {added:plural:event|events} imported; the journal holds {total}.",
    },
}
