"""Messages of the administrative documents: working days, sign-in sheet, calendar invitations."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- working days --------------------------------------------------------------------------
    "prepare.workdays.weekend": {"fr": "week-end", "en": "weekend"},
    "prepare.workdays.moved_earlier": {
        "fr": "avancé\u00a0: le {date} n'est pas travaillé ({reason})",
        "en": "moved earlier: {date} is not a working day ({reason})",
    },
    "prepare.workdays.moved_later": {
        "fr": "repoussé\u00a0: le {date} n'est pas travaillé ({reason})",
        "en": "moved later: {date} is not a working day ({reason})",
    },
    "prepare.workdays.short": {
        "fr": "au lieu de {date} ({reason})",
        "en": "instead of {date} ({reason})",
    },
    "prepare.workdays.bad_country": {
        "fr": "pays des jours fériés inconnu\u00a0: {value!r} (un code ISO à deux lettres\u00a0: FR, BE, CH…)",
        "en": "unknown country for public holidays: {value!r} (a two-letter ISO code: FR, BE, CH...)",
    },
    "prepare.workdays.bad_subdivision": {
        "fr": "calendar.subdivision\u00a0: {value!r} n'est pas une région de {country}\u00a0; connues\u00a0: {known}",
        "en": "calendar.subdivision: {value!r} is not a region of {country}; known: {known}",
    },
    "prepare.help.country": {
        "fr": "Pays des jours fériés (code ISO, ex. FR, BE)\u00a0; par défaut calendar.country de la session.",
        "en": "Country of the public holidays (ISO code, e.g. FR, BE); default: the session's calendar.country.",
    },
    "prepare.out.moved_tasks": {
        "fr": "{count} {count:plural:échéance déplacée|échéances déplacées} sur un jour ouvré (week-end ou jour férié, {country}).",
        "en": "{count} due {count:plural:date|dates} moved to a working day (weekend or public holiday, {country}).",
    },
    "prepare.col.note": {"fr": "Remarque", "en": "Note"},
    # -- calendar ------------------------------------------------------------------------------
    "prepare.ics.no_organiser": {
        "fr": "une invitation (--invite) a besoin d'un organisateur\u00a0: renseignez contact (name, "
        "email) dans session.yaml",
        "en": "an invitation (--invite) needs an organiser: fill in contact (name, email) in "
        "session.yaml",
    },
    "prepare.ics.invite_milestones": {
        "fr": "--invite et --milestones ne vont pas ensemble\u00a0: les jalons sont pour l'équipe, "
        "pas pour les invité·es (écrivez deux fichiers)",
        "en": "--invite and --milestones do not go together: milestones are for the team, not "
        "the guests (write two files)",
    },
    "prepare.help.utc": {
        "fr": "Heures en UTC, sans bloc de fuseau horaire (le plus sûr pour les vieux logiciels).",
        "en": "Times in UTC, without a time-zone block (safest for old software).",
    },
    "prepare.help.invite": {
        "fr": "Une vraie invitation (METHOD:REQUEST)\u00a0: organisateur = contact de la session, "
        "invité·es = participant·es avec e-mail et consent_contact\u00a0; un fichier par jour.",
        "en": "A real invitation (METHOD:REQUEST): organiser = the session's contact, attendees = "
        "participants with an e-mail and consent_contact; one file per day.",
    },
    "prepare.out.uid_saved": {
        "fr": "Identifiant de calendrier {uid} enregistré dans {path} (calendar.uid)\u00a0: les "
        "prochains exports mettront à jour les mêmes événements.",
        "en": "Calendar id {uid} saved in {path} (calendar.uid): later exports will update the "
        "same events.",
    },
    "prepare.out.invite_written": {
        "fr": "Invitation écrite\u00a0: {path} ({attendees} {attendees:plural:invité·e|invité·es}).",
        "en": "Invitation written: {path} ({attendees} {attendees:plural:attendee|attendees}).",
    },
    "prepare.out.utc_fallback": {
        "fr": "Le fuseau {zone} n'a pas de règle annuelle simple\u00a0: heures écrites en UTC.",
        "en": "Time zone {zone} has no simple yearly rule: times written in UTC.",
    },
    # -- invitation ----------------------------------------------------------------------------
    "prepare.inv.closing": {"fr": "Clôture", "en": "Closing"},
    "prepare.inv.date": {"fr": "Date", "en": "Date"},
    "prepare.inv.contact_label": {"fr": "Contact", "en": "Contact"},
    "prepare.inv.contact_named": {
        "fr": "Une question\u00a0? Contactez {contact}.",
        "en": "Any question? Contact {contact}.",
    },
    "prepare.inv.access": {"fr": "Accès", "en": "Getting there"},
    # -- sign-in sheet -------------------------------------------------------------------------
    "prepare.sheet.surname": {"fr": "NOM", "en": "SURNAME"},
    "prepare.sheet.first_name": {"fr": "Prénom", "en": "First name"},
    "prepare.sheet.structure": {"fr": "Structure", "en": "Organisation"},
    "prepare.sheet.function": {"fr": "Fonction / qualité", "en": "Job title"},
    "prepare.sheet.remote": {"fr": "À distance", "en": "Remote"},
    "prepare.sheet.signature": {"fr": "Signature", "en": "Signature"},
    "prepare.sheet.page": {"fr": "Page {page} / {pages}", "en": "Page {page} / {pages}"},
    "prepare.sheet.page_word": {"fr": "Page", "en": "Page"},
    "prepare.sheet.organised_by": {"fr": "Organisé par", "en": "Organised by"},
    "prepare.sheet.team": {"fr": "Équipe d'animation", "en": "Facilitation team"},
    "prepare.sheet.role.facilitator": {"fr": "Animation", "en": "Facilitation"},
    "prepare.sheet.role.graphic_facilitator": {
        "fr": "Facilitation graphique", "en": "Graphic facilitation",
    },
    "prepare.sheet.privacy_title": {
        "fr": "Information sur vos données personnelles (RGPD)",
        "en": "About your personal data (GDPR)",
    },
    "prepare.sheet.privacy_default": {
        "fr": "Cette feuille d'émargement est conservée par {keeper}, responsable du traitement, "
        "pour justifier de la tenue de la session et de la présence des participant·es "
        "(base légale\u00a0: mission d'intérêt public). Elle n'est communiquée qu'aux organisateurs "
        "et, sur demande, aux autorités de contrôle, et elle est conservée {duration} puis "
        "détruite. Vous pouvez demander l'accès à vos données, leur rectification ou leur "
        "effacement{contact}. Vous pouvez aussi saisir la CNIL (www.cnil.fr).",
        "en": "This sign-in sheet is kept by {keeper}, the data controller, as proof that the "
        "session took place and of who attended (legal basis: public-interest task). It is "
        "shared only with the organisers and, on request, with auditing bodies, kept {duration} "
        "and then destroyed. You may ask to access, correct or erase your data{contact}.",
    },
    "prepare.sheet.privacy_duration": {"fr": "trois ans", "en": "for three years"},
    "prepare.sheet.privacy_contact": {"fr": " auprès {who:de}", "en": " by writing to {who}"},
    "prepare.sheet.certify": {
        "fr": "Je soussigné·e, ______________________________, {role}, certifie l'exactitude des "
        "présences ci-dessus.",
        "en": "I, ______________________________, {role}, certify that the attendance above is "
        "accurate.",
    },
    "prepare.sheet.certify_role": {"fr": "pour l'équipe d'animation", "en": "for the facilitation team"},
    "prepare.sheet.certify_place": {
        "fr": "Fait à ____________________, le ____ / ____ / ________        Signature\u00a0:",
        "en": "Place: ____________________   Date: ____ / ____ / ________        Signature:",
    },
    "prepare.sheet.role_column": {"fr": "Rôle", "en": "Role"},
    "prepare.sheet.logo_alt": {"fr": "Logo", "en": "Logo"},
    "prepare.sheet.file_all": {"fr": "emargement.docx", "en": "sign-in.docx"},
    "prepare.sheet.day_heading": {"fr": "Jour {n}", "en": "Day {n}"},
    "prepare.bad_logo": {
        "fr": "logo introuvable ou illisible (une image PNG ou JPEG est attendue)\u00a0: {path}",
        "en": "logo missing or unreadable (a PNG or JPEG image is expected): {path}",
    },
    "prepare.help.card_back": {
        "fr": "Verso des chevalets\u00a0: text (cadre de texte retourné, modifiable dans Word) ou "
        "image (retournée partout, y compris LibreOffice).",
        "en": "Back of the table cards: text (an upside-down text box, editable in Word) or "
        "image (upside down everywhere, LibreOffice included).",
    },
    "prepare.note.card_back_text": {
        "fr": "chevalets\u00a0: le verso est un cadre de texte retourné, modifiable dans Word, que LibreOffice affiche à l'endroit\u00a0; pour imprimer depuis LibreOffice, relancez avec --card-back image",
        "en": "table cards: the back is an upside-down text box, editable in Word, which LibreOffice shows upright; to print from LibreOffice, run again with --card-back image",
    },
    "prepare.help.sheet_per_day": {
        "fr": "Une feuille d'émargement par jour (par défaut\u00a0: une seule, une colonne de "
        "signature par demi-journée de chaque jour).",
        "en": "One sign-in sheet per day (default: one sheet, a signature column per half-day "
        "of each day).",
    },
    "prepare.help.remote_column": {
        "fr": "Ajoute une case «\u00a0À distance\u00a0» par jour sur la feuille d'émargement.",
        "en": "Add a \"Remote\" box per day on the sign-in sheet.",
    },
}
