"""Messages of the participants import and list."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- reading the file
    "participants.file_missing": {"fr": "{path}\u00a0: fichier introuvable", "en": "{path}: no such file"},
    "participants.unsupported_format": {
        "fr": "{path}\u00a0: format non pris en charge\u00a0; enregistrez le tableau en .xlsx ou en .csv",
        "en": "{path}: unsupported format; save the spreadsheet as .xlsx or .csv",
    },
    "participants.unreadable": {
        "fr": "{path}\u00a0: fichier illisible ({reason})",
        "en": "{path}: unreadable file ({reason})",
    },
    "participants.no_header": {
        "fr": "{path}\u00a0: aucune ligne d'en-tête avec une colonne «\u00a0Prénom\u00a0» dans les 10 premières lignes",
        "en": "{path}: no header row with a 'First name' column in the first 10 rows",
    },
    "participants.expected_columns": {
        "fr": "colonnes reconnues\u00a0: Prénom, Nom, Structure (ou Organisation, Organisme), Collège "
        "(ou Groupe), Rôle, Email (ou Courriel), Département (ou Territoire), Consentement, Jours, "
        "Id\u00a0; Prénom et Collège sont obligatoires",
        "en": "recognised columns: First name, Last name, Organisation (or Structure), Group (or "
        "Collège), Role, Email, Territory (or Département), Consent, Days, Id; First name and "
        "Group are required",
    },
    "participants.bad_columns": {
        "fr": "{path}\u00a0: en-tête (ligne {row}) à corriger",
        "en": "{path}: header (row {row}) to fix",
    },
    "participants.column_missing": {
        "fr": "colonne «\u00a0{field}\u00a0» manquante",
        "en": "column '{field}' missing",
    },
    "participants.column_twice": {
        "fr": "deux colonnes pour «\u00a0{field}\u00a0»\u00a0: «\u00a0{first}\u00a0» et «\u00a0{second}\u00a0» (gardez-en une)",
        "en": "two columns for '{field}': '{first}' and '{second}' (keep one)",
    },
    "participants.no_groups": {
        "fr": "la session ne déclare aucun collège\u00a0: ajoutez-les sous «\u00a0groups:\u00a0» dans "
        "session.yaml avant d'importer {path}",
        "en": "the session declares no stakeholder group: add them under 'groups:' in "
        "session.yaml before importing {path}",
    },
    "participants.no_rows": {
        "fr": "{path}\u00a0: aucun participant dans le fichier",
        "en": "{path}: no participant in the file",
    },
    # -- bad rows
    "participants.import_failed": {
        "fr": "{path}\u00a0: {count} {count:plural:ligne|lignes} à corriger\u00a0; rien n'a été importé",
        "en": "{path}: {count} {count:plural:row|rows} to fix; nothing was imported",
    },
    "participants.bad_row": {"fr": "ligne {row}\u00a0: {reasons}", "en": "row {row}: {reasons}"},
    "participants.reason_separator": {"fr": "\u00a0; ", "en": "; "},
    "participants.reason.too_many_cells": {
        "fr": "{count} {count:plural:cellule|cellules} pour {expected} {expected:plural:colonne|colonnes} (une valeur contient-elle le séparateur «\u00a0{separator}\u00a0»\u00a0? mettez-la entre guillemets)",
        "en": "{count} {count:plural:cell|cells} for {expected} {expected:plural:column|columns} (does a value contain the separator '{separator}'? put it in quotes)",
    },
    "participants.reason.field": {"fr": "{field}\u00a0: {message}", "en": "{field}: {message}"},
    "participants.reason.first_name_missing": {
        "fr": "prénom manquant",
        "en": "first name missing",
    },
    "participants.reason.bad_id": {
        "fr": "identifiant «\u00a0{value}\u00a0» non valide (lettres sans accent, chiffres, tirets)",
        "en": "id '{value}' is invalid (plain letters, digits, dashes)",
    },
    "participants.reason.group_missing": {
        "fr": "collège manquant (collèges\u00a0: {known})",
        "en": "group missing (groups: {known})",
    },
    "participants.reason.group_unknown": {
        "fr": "collège «\u00a0{value}\u00a0» inconnu (collèges\u00a0: {known})",
        "en": "unknown group '{value}' (groups: {known})",
    },
    "participants.reason.role_unknown": {
        "fr": "rôle «\u00a0{value}\u00a0» inconnu (rôles\u00a0: participant, hôte de table, animateur, "
        "commanditaire, observateur, facilitateur graphique)",
        "en": "unknown role '{value}' (roles: participant, table host, facilitator, sponsor, "
        "observer, graphic facilitator)",
    },
    "participants.reason.consent_unknown": {
        "fr": "consentement «\u00a0{value}\u00a0» illisible (oui ou non)",
        "en": "consent '{value}' unreadable (yes or no)",
    },
    "participants.reason.days_unreadable": {
        "fr": "jours «\u00a0{value}\u00a0» illisibles (par ex. «\u00a01\u00a0», «\u00a01,2\u00a0», «\u00a01 et 2\u00a0» ou «\u00a0tous\u00a0»)",
        "en": "days '{value}' unreadable (e.g. '1', '1,2', '1 and 2' or 'all')",
    },
    "participants.reason.day_out_of_range": {
        "fr": "{days:plural:jour|jours} {day}\u00a0: la session compte {count} {count:plural:jour|jours}",
        "en": "{days:plural:day|days} {day}: the session has {count} {count:plural:day|days}",
    },
    "participants.reason.bad_email": {
        "fr": "«\u00a0{value}\u00a0» n'est pas une adresse e-mail",
        "en": "'{value}' is not an email address",
    },
    "participants.reason.conflicting_duplicate": {
        "fr": "{name} figure déjà ligne {row} avec d'autres informations ({fields})\u00a0: "
        "gardez une seule ligne",
        "en": "{name} is already on row {row} with other details ({fields}): keep one row",
    },
    "participants.reason.id_twice": {
        "fr": "identifiant «\u00a0{id}\u00a0» déjà utilisé ligne {row}",
        "en": "id '{id}' already used on row {row}",
    },
    "participants.reason.id_taken": {
        "fr": "identifiant «\u00a0{id}\u00a0» déjà attribué à {name} dans la session",
        "en": "id '{id}' already belongs to {name} in the session",
    },
    "participants.reason.ambiguous": {
        "fr": "«\u00a0{name}\u00a0» désigne plusieurs personnes de la session\u00a0: {candidates}\u00a0; ajoutez "
        "leur e-mail (ou une colonne Id) pour choisir",
        "en": "'{name}' names several people of the session: {candidates}; add their e-mail (or "
        "an Id column) to choose",
    },
    "participants.reason.same_person": {
        "fr": "{name} est déjà mis·e à jour par la ligne {row}",
        "en": "{name} is already updated by row {row}",
    },
    "participants.update_or_replace": {
        "fr": "--update et --replace ne vont pas ensemble\u00a0: --update met à jour et ajoute, "
        "--replace remplace toute la liste",
        "en": "--update and --replace do not go together: --update updates and adds, --replace "
        "replaces the whole list",
    },
    "participants.update_refused": {
        "fr": "{path}\u00a0: mise à jour refusée, le programme deviendrait incohérent. Rien n'a été "
        "importé",
        "en": "{path}: update refused, the agenda would no longer hold together. Nothing was "
        "imported",
    },
    "participants.change": {"fr": "{field}\u00a0: {before} → {after}", "en": "{field}: {before} → {after}"},
    "participants.value.yes": {"fr": "oui", "en": "yes"},
    "participants.value.no": {"fr": "non", "en": "no"},
    "participants.value.every_day": {"fr": "tous les jours", "en": "every day"},
    "participants.replace_refused": {
        "fr": "{path}\u00a0: remplacement refusé, il retirerait des personnes citées dans le "
        "programme\u00a0; ajoutez-les au fichier ou retirez-les du programme. Rien n'a été importé",
        "en": "{path}: replacement refused, it would remove people the agenda names; add them "
        "to the file or remove them from the agenda. Nothing was imported",
    },
    # -- fields, as a facilitator names them
    "participants.field.id": {"fr": "Id", "en": "Id"},
    "participants.field.first_name": {"fr": "Prénom", "en": "First name"},
    "participants.field.last_name": {"fr": "Nom", "en": "Last name"},
    "participants.field.organisation": {"fr": "Structure", "en": "Organisation"},
    "participants.field.group": {"fr": "Collège", "en": "Group"},
    "participants.field.function": {"fr": "Fonction / qualité", "en": "Job title"},
    "participants.field.full_name": {"fr": "Nom, prénom", "en": "Name"},
    "participants.field.consent_contact": {
        "fr": "Consentement à recevoir l'invitation",
        "en": "Consent to receive the invitation",
    },
    "participants.field.role": {"fr": "Rôle", "en": "Role"},
    "participants.field.email": {"fr": "Email", "en": "Email"},
    "participants.field.territory": {"fr": "Département", "en": "Territory"},
    "participants.field.consent_named": {"fr": "Consentement", "en": "Consent"},
    "participants.field.days": {"fr": "Jours", "en": "Days"},
    # -- notices
    "participants.notice.ignored_columns": {
        "fr": "colonnes non importées\u00a0: {columns}",
        "en": "columns not imported: {columns}",
    },
    "participants.notice.nameless_rows": {
        "fr": "lignes sans nom ignorées\u00a0: {rows}",
        "en": "rows without a name skipped: {rows}",
    },
    "participants.notice.duplicate": {
        "fr": "ligne {row}\u00a0: doublon de la ligne {first} ({name}), ignorée",
        "en": "row {row}: duplicate of row {first} ({name}), skipped",
    },
    "participants.notice.skipped_existing": {
        "fr": "{count} {count:plural:personne|personnes} déjà dans la session, {count:plural:ignorée|ignorées} ({count:plural:ligne|lignes} {rows})\u00a0; "
        "--update {count:plural:la|les} met à jour, --replace remplace toute la liste",
        "en": "{count} {count:plural:person|people} already in the session, skipped ({count:plural:row|rows} {rows}); "
        "--update updates them, --replace replaces the whole list",
    },
    "participants.notice.unchanged": {
        "fr": "{count} {count:plural:personne|personnes} déjà à jour",
        "en": "{count} {count:plural:person|people} already up to date",
    },
    # -- command line
    "participants.help.group": {
        "fr": "Participants\u00a0: importer un tableau d'inscrits, lister par collège.",
        "en": "Participants: import a registration spreadsheet, list by stakeholder group.",
    },
    "participants.help.import": {
        "fr": "Importer les participants d'un fichier CSV ou XLSX (tout ou rien). Par défaut, ajoute les nouvelles personnes et ignore celles déjà présentes (même prénom, nom et structure).",
        "en": "Import participants from a CSV or XLSX file (all or nothing). By default, adds "
        "new people and skips those already present (same first name, last name and "
        "organisation).",
    },
    "participants.help.list": {
        "fr": "Lister les participants par collège, avec les effectifs.",
        "en": "List the participants by stakeholder group, with counts.",
    },
    "participants.help.session": {
        "fr": "La session\u00a0: son dossier, son session.yaml ou son identifiant (dans sessions/).",
        "en": "The session folder, its session.yaml, or its name under sessions/.",
    },
    "participants.help.file": {
        "fr": "Tableau des participants (.csv ou .xlsx).",
        "en": "Participants spreadsheet (.csv or .xlsx).",
    },
    "participants.help.replace": {
        "fr": "Remplace toute la liste par le fichier (les personnes déjà présentes gardent leur "
        "identifiant).",
        "en": "Replace the whole list with the file (people already present keep their id).",
    },
    "participants.help.update": {
        "fr": "Met à jour les personnes déjà présentes (même e-mail, sinon même prénom et nom) avec les colonnes du fichier (consentement, rôle, collège, fonction, département…) et ajoute les autres\u00a0; personne n'est retiré.",
        "en": "Update the people already present (same e-mail, else same first name and surname) with the file's columns (consent, role, group, job title, territory…) and add the others; nobody is removed.",
    },
    "participants.help.dry_run": {
        "fr": "Vérifie le fichier et affiche le résultat sans rien enregistrer.",
        "en": "Check the file and show the outcome without saving anything.",
    },
    "participants.out.added": {
        "fr": "{count} {count:plural:participant ajouté|participants ajoutés} à {session} (total\u00a0: {total}).",
        "en": "{count} {count:plural:participant|participants} added to {session} (total: {total}).",
    },
    "participants.out.replaced": {
        "fr": "Liste {session:de} remplacée\u00a0: {total} {total:plural:participant|participants} ({added} "
        "{added:plural:nouveau|nouveaux}, {updated} mis à jour, {kept} {kept:plural:inchangé|inchangés}, "
        "{removed} {removed:plural:retiré|retirés}).",
        "en": "{session} list replaced: {total} {total:plural:participant|participants} ({added} new, {updated} updated, "
        "{kept} unchanged, {removed} removed).",
    },
    "participants.out.updated": {
        "fr": "{session} mis à jour\u00a0: {updated} {updated:plural:personne modifiée|personnes modifiées}, {added} "
        "{added:plural:ajoutée|ajoutées}, {kept} {kept:plural:inchangée|inchangées}\u00a0; {total} "
        "{total:plural:participant|participants}.",
        "en": "{session} updated: {updated} {updated:plural:person|people} changed, {added} added, {kept} unchanged; "
        "{total} {total:plural:participant|participants}.",
    },
    "participants.out.person_changes": {
        "fr": "{name} (ligne {row})\u00a0: {changes}",
        "en": "{name} (row {row}): {changes}",
    },
    "participants.out.new_person": {
        "fr": "{name}\u00a0: ajouté·e ({group})",
        "en": "{name}: added ({group})",
    },
    "participants.out.nothing": {
        "fr": "Rien à importer\u00a0: {session} est déjà à jour ({total} {total:plural:participant|participants}).",
        "en": "Nothing to import: {session} is already up to date ({total} {total:plural:participant|participants}).",
    },
    "participants.out.dry_run": {
        "fr": "Essai à blanc\u00a0: rien n'a été enregistré.",
        "en": "Dry run: nothing was saved.",
    },
    "participants.out.removed": {"fr": "{count:plural:retiré|retirés}\u00a0: {names}", "en": "removed: {names}"},
    "participants.out.title": {
        "fr": "Participants — {session}",
        "en": "Participants — {session}",
    },
    "participants.out.none": {
        "fr": "Aucun participant dans {session}. Importez-les\u00a0: labkit participants import "
        "{session} inscrits.xlsx",
        "en": "No participant in {session}. Import them: labkit participants import "
        "{session} registrations.xlsx",
    },
    "participants.out.unknown_group": {
        "fr": "collège inconnu «\u00a0{key}\u00a0»",
        "en": "unknown group '{key}'",
    },
    "participants.out.total": {
        "fr": "Total\u00a0: {count} {count:plural:participant|participants} dans {groups} {groups:plural:collège|collèges}",
        "en": "Total: {count} {count:plural:participant|participants} in {groups} {groups:plural:group|groups}",
    },
    "participants.col.group": {"fr": "Collège", "en": "Group"},
    "participants.col.name": {"fr": "Participant·e", "en": "Participant"},
    "participants.col.organisation": {"fr": "Structure", "en": "Organisation"},
    "participants.col.role": {"fr": "Rôle", "en": "Role"},
    "participants.col.territory": {"fr": "Dépt", "en": "Territory"},
    "participants.col.id": {"fr": "Id", "en": "Id"},
}
