"""Messages of the session folder: files, YAML, field errors."""

MESSAGES: dict[str, dict[str, str]] = {
    "store.file_missing": {"fr": "{path}\u00a0: fichier introuvable", "en": "{path}: no such file"},
    "store.not_utf8": {
        "fr": "{path}:{line}\u00a0: ce fichier n'est pas en UTF-8 (enregistrez-le en UTF-8)",
        "en": "{path}:{line}: this file is not UTF-8 (save it as UTF-8)",
    },
    "store.yaml_syntax": {
        "fr": "{where}\u00a0: YAML illisible\u00a0: {reason}",
        "en": "{where}: unreadable YAML: {reason}",
    },
    "store.yaml_quote": {
        "fr": "un guillemet ouvert sur cette ligne n'est pas refermé sur la même ligne\u00a0: la valeur avale les lignes suivantes (le YAML cesse d'être lisible ligne {line})",
        "en": "a quote opened on this line is not closed on it: the value swallows the next lines (the YAML stops being readable at line {line})",
    },
    "store.yaml_opened": {
        "fr": "{reason} (ouvert ici, jamais refermé\u00a0; remarqué ligne {line})",
        "en": "{reason} (opened here, never closed; noticed at line {line})",
    },
    "store.too_deep": {
        "fr": "{where}\u00a0: imbrication trop profonde (au plus {limit} {limit:plural:niveau|niveaux})",
        "en": "{where}: nested too deeply ({limit} {limit:plural:level|levels} at most)",
    },
    "store.too_large": {
        "fr": "{path}\u00a0: fichier trop gros ({size}\u00a0; au plus {limit} pour un session.yaml)",
        "en": "{path}: file too large ({size}; {limit} at most for a session.yaml)",
    },
    "store.too_many_nodes": {
        "fr": "{path}\u00a0: trop de valeurs une fois les alias (*nom) développés "
        "(au plus {limit})\u00a0; supprimez les alias en cascade",
        "en": "{path}: too many values once aliases (*name) are expanded ({limit} at most); "
        "remove the nested aliases",
    },
    "store.not_a_mapping": {
        "fr": "{path}\u00a0: le fichier doit décrire une session (des champs «\u00a0clé: valeur\u00a0»)",
        "en": "{path}: the file must describe a session (\"key: value\" fields)",
    },
    "store.invalid_session": {
        "fr": "{path}\u00a0: {count} {count:plural:problème|problèmes} à corriger",
        "en": "{path}: {count} {count:plural:problem|problems} to fix",
    },
    "store.problem_line": {
        "fr": "{path}:{line}\u00a0: {field}\u00a0: {message}",
        "en": "{path}:{line}: {field}: {message}",
    },
    "store.session_not_found": {
        "fr": "«\u00a0{arg}\u00a0»\u00a0: aucune session trouvée (ni dossier avec session.yaml, "
        "ni fichier session.yaml, ni sessions/{arg})",
        "en": "'{arg}': no session found (no folder with session.yaml, no session.yaml file, "
        "no sessions/{arg})",
    },
    "store.migration_failed": {
        "fr": "{path}\u00a0: migration impossible\u00a0: {reason}",
        "en": "{path}: cannot migrate: {reason}",
    },
    "store.plan.problem": {
        "fr": "{path}\u00a0: {field}\u00a0: {reason}",
        "en": "{path}: {field}: {reason}",
    },
    "store.plan.problem_file": {"fr": "{path}\u00a0: {reason}", "en": "{path}: {reason}"},
    "store.plan.not_utf8": {"fr": "fichier non UTF-8", "en": "not a UTF-8 file"},
    "store.plan.not_json": {
        "fr": "JSON illisible (ligne {line})\u00a0: {reason}",
        "en": "unreadable JSON (line {line}): {reason}",
    },
    "store.plan.not_object": {
        "fr": 'le fichier doit être un objet JSON avec «\u00a0block\u00a0» et «\u00a0rounds\u00a0»',
        "en": 'the file must be a JSON object with "block" and "rounds"',
    },
    "store.plan.other_block": {
        "fr": "ce plan est celui du bloc «\u00a0{found}\u00a0», pas de «\u00a0{block}\u00a0»",
        "en": "this plan is block '{found}''s, not '{block}''s",
    },
    "store.plan.missing": {"fr": "champ manquant", "en": "missing field"},
    "store.plan.not_rounds": {
        "fr": "doit être une liste de tours",
        "en": "must be a list of rounds",
    },
    "store.plan.not_groups": {
        "fr": "un tour doit être une liste de groupes (tables, binômes)",
        "en": "a round must be a list of groups (tables, pairs)",
    },
    "store.plan.not_ids": {
        "fr": "un groupe doit être une liste d'identifiants de participants",
        "en": "a group must be a list of participant ids",
    },
    "store.plan.not_id": {
        "fr": "«\u00a0{value}\u00a0» n'est pas un identifiant de participant",
        "en": "'{value}' is not a participant id",
    },
    "store.plan.twice": {
        "fr": "«\u00a0{person}\u00a0» est placé deux fois au tour {round}",
        "en": "'{person}' is placed twice in round {round}",
    },
    "pydantic.listed_twice": {
        "fr": "valeur donnée deux fois\u00a0: {names}",
        "en": "listed twice: {names}",
    },
    "pydantic.unknown_timezone": {
        "fr": "fuseau horaire inconnu «\u00a0{zone}\u00a0» (un nom IANA comme Europe/Paris, "
        "America/Cayenne, Indian/Reunion)",
        "en": "unknown time zone '{zone}' (an IANA name such as Europe/Paris, "
        "America/Cayenne, Indian/Reunion)",
    },
    "pydantic.missing": {"fr": "champ obligatoire manquant", "en": "required field missing"},
    "pydantic.extra_forbidden": {
        "fr": "champ inconnu (faute de frappe\u00a0?)",
        "en": "unknown field (a typo?)",
    },
    "pydantic.extra_forbidden_hint": {
        "fr": "champ inconnu\u00a0: vouliez-vous dire «\u00a0{hint}\u00a0»\u00a0?",
        "en": "unknown field: did you mean '{hint}'?",
    },
    "pydantic.union_tag_invalid": {
        "fr": "méthode inconnue «\u00a0{tag}\u00a0» (méthodes\u00a0: {expected})",
        "en": "unknown method '{tag}' (methods: {expected})",
    },
    "pydantic.union_tag_not_found": {
        "fr": "indiquez la méthode avec «\u00a0type: …\u00a0»",
        "en": "name the method with 'type: …'",
    },
    "pydantic.enum": {"fr": "valeur attendue\u00a0: {expected}", "en": "expected one of: {expected}"},
    "pydantic.pattern_email": {
        "fr": "«\u00a0{value}\u00a0» n'est pas une adresse e-mail",
        "en": "'{value}' is not an email address",
    },
    "pydantic.pattern_url": {
        "fr": "«\u00a0{value}\u00a0» n'est pas une adresse web (http:// ou https://)",
        "en": "'{value}' is not a web address (http:// or https://)",
    },
    "pydantic.pattern_id": {
        "fr": "«\u00a0{value}\u00a0»\u00a0: format non valide (lettres sans accent, chiffres, tirets)",
        "en": "'{value}': invalid format (plain letters, digits, dashes)",
    },
    "pydantic.pattern_colour": {
        "fr": "«\u00a0{value}\u00a0» n'est pas une couleur #RRVVBB (ex. #1F77B4)",
        "en": "'{value}' is not a #RRGGBB colour (e.g. #1F77B4)",
    },
    "pydantic.pattern_slug": {
        "fr": "«\u00a0{value}\u00a0»\u00a0: lettres minuscules sans accent, chiffres et tirets (ex. atelier-mars)",
        "en": "'{value}': lowercase plain letters, digits and dashes (e.g. march-workshop)",
    },
    "pydantic.schema_too_new": {
        "fr": "ce fichier est au format {version}, plus récent que ce que labkit comprend "
        "({supported})\u00a0: mettez labkit à jour",
        "en": "this file uses format {version}, newer than this labkit understands "
        "({supported}): update labkit",
    },
    "pydantic.string_too_short": {"fr": "ne peut pas être vide", "en": "cannot be empty"},
    "pydantic.string_too_long": {
        "fr": "trop long ({max_length} {max_length:plural:caractère|caractères} au plus)",
        "en": "too long ({max_length} {max_length:plural:character|characters} at most)",
    },
    "pydantic.string_type": {"fr": "un texte est attendu", "en": "text expected"},
    "pydantic.int_parsing": {
        "fr": "«\u00a0{value}\u00a0» n'est pas un nombre entier",
        "en": "'{value}' is not a whole number",
    },
    "pydantic.int_type": {"fr": "un nombre entier est attendu", "en": "a whole number expected"},
    "pydantic.int_from_bool": {
        "fr": "un nombre entier est attendu, pas «\u00a0{found}\u00a0»",
        "en": "a whole number expected, not '{found}'",
    },
    "pydantic.int_from_float": {
        "fr": "un nombre entier est attendu",
        "en": "a whole number expected",
    },
    "pydantic.greater_than_equal": {"fr": "doit valoir au moins {ge}", "en": "must be at least {ge}"},
    "pydantic.less_than_equal": {"fr": "doit valoir au plus {le}", "en": "must be at most {le}"},
    "pydantic.bool_parsing": {
        "fr": "«\u00a0{value}\u00a0»\u00a0: oui/non attendu (true ou false)",
        "en": "'{value}': yes/no expected (true or false)",
    },
    "pydantic.date_from_datetime_parsing": {
        "fr": "«\u00a0{value}\u00a0» n'est pas une date (AAAA-MM-JJ)",
        "en": "'{value}' is not a date (YYYY-MM-DD)",
    },
    "pydantic.date_parsing": {
        "fr": "«\u00a0{value}\u00a0» n'est pas une date (AAAA-MM-JJ)",
        "en": "'{value}' is not a date (YYYY-MM-DD)",
    },
    "pydantic.date_type": {
        "fr": "«\u00a0{value}\u00a0» n'est pas une date (AAAA-MM-JJ)",
        "en": "'{value}' is not a date (YYYY-MM-DD)",
    },
    "pydantic.time_parsing": {
        "fr": "«\u00a0{value}\u00a0» n'est pas une heure (HH:MM, par ex. 09:30 ou 9h30)",
        "en": "'{value}' is not a time (HH:MM, e.g. 09:30)",
    },
    "pydantic.time_type": {
        "fr": "«\u00a0{value}\u00a0» n'est pas une heure (HH:MM, par ex. 09:30 ou 9h30)",
        "en": "'{value}' is not a time (HH:MM, e.g. 09:30)",
    },
    "pydantic.list_type": {"fr": "une liste est attendue", "en": "a list expected"},
    "pydantic.model_type": {
        "fr": "des champs «\u00a0clé: valeur\u00a0» sont attendus",
        "en": "\"key: value\" fields expected",
    },
    "pydantic.dict_type": {
        "fr": "des champs «\u00a0clé: valeur\u00a0» sont attendus",
        "en": "\"key: value\" fields expected",
    },
    "pydantic.too_short": {
        "fr": "il faut au moins {min_length} {min_length:plural:élément|éléments}",
        "en": "at least {min_length} {min_length:plural:item|items} needed",
    },
    "pydantic.too_long": {
        "fr": "au plus {max_length} {max_length:plural:élément|éléments}",
        "en": "at most {max_length} {max_length:plural:item|items}",
    },
}
