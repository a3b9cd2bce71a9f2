"""Messages of session preparation: retro-planning, calendar, invitation, printed materials."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- retro-planning: default template ------------------------------------------------------
    "prepare.task.scoping": {
        "fr": "Réunion de cadrage avec le commanditaire",
        "en": "Scoping meeting with the sponsor",
    },
    "prepare.task.invitations": {"fr": "Invitations envoyées", "en": "Invitations sent"},
    "prepare.task.registrations": {"fr": "Clôture des inscriptions", "en": "Registrations closed"},
    "prepare.task.agenda": {
        "fr": "Agenda validé avec le commanditaire",
        "en": "Agenda validated with the sponsor",
    },
    "prepare.task.participants": {
        "fr": "Liste des participant·es et groupes arrêtés",
        "en": "Participant list and groups final",
    },
    "prepare.task.materials": {
        "fr": "Supports imprimés et salle réservée",
        "en": "Materials printed and room booked",
    },
    "prepare.task.room-setup": {"fr": "Installation de la salle", "en": "Room set up"},
    "prepare.task.thanks": {
        "fr": "Remerciements et relance du questionnaire",
        "en": "Thanks and questionnaire reminder",
    },
    "prepare.task.restitution": {"fr": "Restitution remise", "en": "Restitution delivered"},
    "prepare.yaml_comment": {
        "fr": "Rétroplanning : offset_days compte les jours depuis le premier jour (-45 = J-45).\n"
        "status : todo | done ; owner : qui s'en charge. Marquer fait : labkit plan SESSION --done ID",
        "en": "Backward schedule: offset_days counts days from the first day (-45 = J-45).\n"
        "status: todo | done; owner: who does it. Mark done: labkit plan SESSION --done ID",
    },
    "prepare.urgency.done": {"fr": "fait", "en": "done"},
    "prepare.urgency.overdue": {"fr": "en retard", "en": "overdue"},
    "prepare.urgency.this_week": {"fr": "cette semaine", "en": "this week"},
    "prepare.urgency.later": {"fr": "à venir", "en": "later"},
    "prepare.status": {"fr": "Statut", "en": "Status"},
    "prepare.status.todo": {"fr": "à faire", "en": "to do"},
    "prepare.status.done": {"fr": "fait", "en": "done"},
    "prepare.done_on": {"fr": "fait le {date}", "en": "done on {date}"},
    "prepare.due": {"fr": "Échéance", "en": "Due"},
    "prepare.owner": {"fr": "Responsable", "en": "Owner"},
    "prepare.task_unknown": {
        "fr": "aucune tâche « {key} » dans le rétroplanning. Tâches : {known}",
        "en": 'no task "{key}" in the backward schedule. Tasks: {known}',
    },
    "prepare.task_ambiguous": {
        "fr": "« {key} » désigne plusieurs tâches ({ids}) : indiquez l'identifiant",
        "en": '"{key}" names several tasks ({ids}): give the id',
    },
    # -- calendar ------------------------------------------------------------------------------
    "prepare.bad_timezone": {
        "fr": "fuseau horaire inconnu : « {zone} » (exemple : Europe/Paris)",
        "en": 'unknown time zone: "{zone}" (e.g. Europe/Paris)',
    },
    "prepare.place": {"fr": "Lieu", "en": "Place"},
    "prepare.remote_link": {"fr": "Lien de connexion", "en": "Remote link"},
    "prepare.registration": {"fr": "Inscription", "en": "Registration"},
    "prepare.agenda_heading": {"fr": "Programme :", "en": "Agenda:"},
    # -- invitation agenda ---------------------------------------------------------------------
    "prepare.qr.registration": {"fr": "Inscription", "en": "Register"},
    "prepare.qr.remote": {"fr": "Rejoindre à distance", "en": "Join remotely"},
    "prepare.inv.context": {"fr": "Contexte", "en": "Context"},
    "prepare.inv.question": {"fr": "La question", "en": "The question"},
    "prepare.inv.questions": {"fr": "Les questions", "en": "The questions"},
    "prepare.inv.objectives": {"fr": "Objectifs", "en": "Objectives"},
    "prepare.inv.sponsor": {"fr": "Commanditaire", "en": "Sponsor"},
    "prepare.inv.dates": {"fr": "Date(s)", "en": "Date(s)"},
    "prepare.inv.organiser": {"fr": "Organisé par", "en": "Organised by"},
    "prepare.inv.agenda": {"fr": "Programme", "en": "Agenda"},
    "prepare.inv.col.time": {"fr": "Horaire", "en": "Time"},
    "prepare.inv.col.sequence": {"fr": "Séquence", "en": "Session"},
    "prepare.inv.col.phase": {"fr": "Phase", "en": "Phase"},
    "prepare.inv.phase.scan": {
        "fr": "Scan : partager le problème et ouvrir les possibles",
        "en": "Scan: share the problem and open possibilities",
    },
    "prepare.inv.phase.focus": {
        "fr": "Focus : concevoir et tester des solutions",
        "en": "Focus: design and test solutions",
    },
    "prepare.inv.phase.act": {
        "fr": "Act : décider et s'engager ensemble",
        "en": "Act: decide and commit together",
    },
    "prepare.inv.practical": {"fr": "Informations pratiques", "en": "Practical information"},
    "prepare.inv.hours": {
        "fr": "Horaires : de {start} à {end}.",
        "en": "Hours: from {start} to {end}.",
    },
    "prepare.inv.lunch": {
        "fr": "Pause déjeuner de {start} à {end}{day}.",
        "en": "Lunch break from {start} to {end}{day}.",
    },
    "prepare.inv.venue": {"fr": "Lieu : {venue}.", "en": "Place: {venue}."},
    "prepare.inv.remote": {
        "fr": "Lien de connexion : {link} — pensez à le tester avant la session.",
        "en": "Remote link: {link} — please test it before the session.",
    },
    "prepare.inv.register": {
        "fr": "Inscription avant le {date} : {url} (ou par le QR code).",
        "en": "Please register before {date}: {url} (or through the QR code).",
    },
    "prepare.inv.first_names": {
        "fr": "Pendant la session, nous nous appelons par nos prénoms.",
        "en": "During the session, we call each other by first names.",
    },
    "prepare.inv.contact": {
        "fr": "Une question ? Contactez l'équipe du {lab}.",
        "en": "Any question? Contact the {lab} team.",
    },
    # -- route cards ---------------------------------------------------------------------------
    "prepare.plan_unreadable": {
        "fr": "{path} : plan de table illisible ({reason}) ; ignoré",
        "en": "{path}: unreadable seating plan ({reason}); ignored",
    },
    "prepare.route.table": {"fr": "table {table}", "en": "table {table}"},
    "prepare.route.round": {"fr": "Tour {n}", "en": "Round {n}"},
    "prepare.route.host": {"fr": "hôte", "en": "host"},
    "prepare.route.host_note": {
        "fr": "Vous êtes hôte de la table {table} : vous y restez et accueillez les nouveaux venus.",
        "en": "You host table {table}: you stay there and welcome the newcomers.",
    },
    "prepare.route.host_no_plan": {
        "fr": "Vous êtes hôte de la table {table} : vous y restez à chaque tour. "
        "Le plan des tours n'est pas encore enregistré.",
        "en": "You host table {table}: you stay there every round. "
        "The rotation plan is not saved yet.",
    },
    "prepare.route.no_cafe_plan": {
        "fr": "Plan de table non enregistré : votre table à chaque tour vous sera indiquée sur place.",
        "en": "No seating plan saved yet: your table for each round will be given on the day.",
    },
    "prepare.route.no_pair_plan": {
        "fr": "Binômes non enregistrés : votre binôme vous sera indiqué sur place.",
        "en": "No pairs saved yet: your partner will be given on the day.",
    },
    "prepare.route.partner": {"fr": "Binôme", "en": "Partner"},
    "prepare.route.trio": {"fr": "Trio", "en": "Trio"},
    "prepare.route.title": {"fr": "Feuilles de route", "en": "Route cards"},
    "prepare.route.heading": {
        "fr": "Feuilles de route — {title} (à découper)",
        "en": "Route cards — {title} (cut along the dashed lines)",
    },
    # -- table cards ---------------------------------------------------------------------------
    "prepare.cards.title": {"fr": "Chevalets de table", "en": "Table cards"},
    "prepare.cards.table": {"fr": "Table {n}", "en": "Table {n}"},
    "prepare.cards.back_alt": {
        "fr": "Table {n} (face arrière, à l'envers)",
        "en": "Table {n} (back face, upside down)",
    },
    "prepare.cards.host": {"fr": "Hôte de table : {name}", "en": "Table host: {name}"},
    "prepare.cards.qr": {"fr": "Ressources de la session", "en": "Session resources"},
    # -- badges --------------------------------------------------------------------------------
    "prepare.badges.title": {"fr": "Badges", "en": "Name badges"},
    # -- sign-in sheets ------------------------------------------------------------------------
    "prepare.sheet.title": {"fr": "Feuille d'émargement", "en": "Attendance sign-in sheet"},
    "prepare.sheet.file": {"fr": "emargement-jour-{n}.docx", "en": "sign-in-day-{n}.docx"},
    "prepare.sheet.name": {"fr": "Nom, prénom", "en": "Name"},
    "prepare.sheet.organisation": {"fr": "Organisation", "en": "Organisation"},
    "prepare.sheet.morning": {"fr": "Matin", "en": "Morning"},
    "prepare.sheet.afternoon": {"fr": "Après-midi", "en": "Afternoon"},
    "prepare.sheet.count": {"fr": "Nombre de présent·es :", "en": "Number present:"},
    "prepare.sheet.certified": {
        "fr": "Certifié exact par l'équipe d'animation (nom et signature) :",
        "en": "Certified by the facilitation team (name and signature):",
    },
    # -- materials notes -----------------------------------------------------------------------
    "prepare.note.no_cafe": {
        "fr": "pas de world café dans l'agenda : pas de chevalets de table",
        "en": "no world café on the agenda: no table cards",
    },
    "prepare.note.no_card_url": {
        "fr": "aucune adresse pour le QR code des chevalets (urls.resources ou --url) : "
        "chevalets sans QR code",
        "en": "no address for the table cards' QR code (urls.resources or --url): "
        "cards without a QR code",
    },
    "prepare.note.no_plan": {
        "fr": "aucun plan enregistré pour {blocks} : feuilles de route sans numéros de table "
        "(lancez la rotation, puis réimprimez)",
        "en": "no saved plan for {blocks}: route cards without table numbers "
        "(run the rotation, then print again)",
    },
    "prepare.note.no_routes": {
        "fr": "ni world café ni interviews croisés : pas de feuilles de route",
        "en": "neither world café nor crossed interviews: no route cards",
    },
    "prepare.note.no_participants": {
        "fr": "aucun·e participant·e dans la session : pas de badges",
        "en": "no participants in the session: no badges",
    },
}
