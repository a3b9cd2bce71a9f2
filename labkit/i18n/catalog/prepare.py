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
        "fr": "Liste des participant·es et des collèges arrêtée",
        "en": "Participant and group lists final",
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
        "fr": "Rétroplanning\u00a0: offset_days compte les jours depuis le premier jour (-45 = J-45).\n"
        "status\u00a0: todo | done\u00a0; owner\u00a0: qui s'en charge. Marquer une tâche faite\u00a0: labkit plan SESSION --done ID",
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
        "fr": "aucune tâche «\u00a0{key}\u00a0» dans le rétroplanning. Tâches\u00a0: {known}",
        "en": 'no task "{key}" in the backward schedule. Tasks: {known}',
    },
    "prepare.task_ambiguous": {
        "fr": "«\u00a0{key}\u00a0» désigne plusieurs tâches ({ids})\u00a0: indiquez l'identifiant",
        "en": '"{key}" names several tasks ({ids}): give the id',
    },
    # -- calendar ------------------------------------------------------------------------------
    "prepare.bad_timezone": {
        "fr": "fuseau horaire inconnu\u00a0: «\u00a0{zone}\u00a0» (exemple\u00a0: Europe/Paris)",
        "en": 'unknown time zone: "{zone}" (e.g. Europe/Paris)',
    },
    "prepare.place": {"fr": "Lieu", "en": "Place"},
    "prepare.remote_link": {"fr": "Lien de connexion", "en": "Remote link"},
    "prepare.registration": {"fr": "Inscription", "en": "Registration"},
    "prepare.agenda_heading": {"fr": "Programme\u00a0:", "en": "Agenda:"},
    # -- invitation agenda ---------------------------------------------------------------------
    "prepare.qr.registration": {"fr": "Inscription", "en": "Register"},
    "prepare.qr.remote": {"fr": "Rejoindre à distance", "en": "Join remotely"},
    "prepare.inv.context": {"fr": "Contexte", "en": "Context"},
    "prepare.inv.question": {"fr": "La question", "en": "The question"},
    "prepare.inv.questions": {"fr": "Les questions", "en": "The questions"},
    "prepare.inv.objectives": {"fr": "Objectifs", "en": "Objectives"},
    "prepare.inv.sponsor": {"fr": "Commanditaire", "en": "Sponsor"},
    "prepare.inv.dates": {"fr": "Dates", "en": "Dates"},
    "prepare.inv.organiser": {"fr": "Organisé par", "en": "Organised by"},
    "prepare.inv.agenda": {"fr": "Programme", "en": "Agenda"},
    "prepare.inv.col.time": {"fr": "Horaire", "en": "Time"},
    "prepare.inv.col.sequence": {"fr": "Séquence", "en": "Session"},
    "prepare.inv.col.phase": {"fr": "Phase", "en": "Phase"},
    "prepare.inv.phase.scan": {
        "fr": "Scan\u00a0: partager le problème et ouvrir les possibles",
        "en": "Scan: share the problem and open possibilities",
    },
    "prepare.inv.phase.focus": {
        "fr": "Focus\u00a0: concevoir et tester des solutions",
        "en": "Focus: design and test solutions",
    },
    "prepare.inv.phase.act": {
        "fr": "Act\u00a0: décider et s'engager ensemble",
        "en": "Act: decide and commit together",
    },
    "prepare.inv.practical": {"fr": "Informations pratiques", "en": "Practical information"},
    "prepare.inv.hours": {
        "fr": "Horaires\u00a0: de {start} à {end}.",
        "en": "Hours: from {start} to {end}.",
    },
    "prepare.inv.lunch": {
        "fr": "Pause déjeuner de {start} à {end}{day}.",
        "en": "Lunch break from {start} to {end}{day}.",
    },
    "prepare.inv.venue": {"fr": "Lieu\u00a0: {venue}.", "en": "Place: {venue}."},
    "prepare.inv.remote": {
        "fr": "Lien de connexion\u00a0: {link} — pensez à le tester avant la session.",
        "en": "Remote link: {link} — please test it before the session.",
    },
    "prepare.inv.register": {
        "fr": "Inscription avant le {date}\u00a0: {url} (ou par le QR code).",
        "en": "Please register before {date}: {url} (or through the QR code).",
    },
    "prepare.inv.first_names": {
        "fr": "Pendant la session, nous nous appelons par nos prénoms.",
        "en": "During the session, we call each other by first names.",
    },
    "prepare.inv.contact": {
        "fr": "Une question\u00a0? Contactez l'équipe du {lab}.",
        "en": "Any question? Contact the {lab} team.",
    },
    # -- route cards ---------------------------------------------------------------------------
    "prepare.plan_unreadable": {
        "fr": "{path}\u00a0: plan de table illisible ({reason})\u00a0; ignoré",
        "en": "{path}: unreadable seating plan ({reason}); ignored",
    },
    "prepare.route.table": {"fr": "table {table}", "en": "table {table}"},
    "prepare.route.round": {"fr": "Tour {n}", "en": "Round {n}"},
    "prepare.route.host": {"fr": "hôte", "en": "host"},
    "prepare.route.host_note": {
        "fr": "Vous êtes hôte de la table {table}\u00a0: vous y restez et accueillez les nouveaux venus.",
        "en": "You host table {table}: you stay there and welcome the newcomers.",
    },
    "prepare.route.host_no_plan": {
        "fr": "Vous êtes hôte de la table {table}\u00a0: vous y restez à chaque tour et accueillez "
        "les participant·es qui arrivent.",
        "en": "You host table {table}: you stay there every round and welcome those who come.",
    },
    "prepare.route.no_cafe_plan": {
        "fr": "Votre table à chaque tour vous sera indiquée le jour même.",
        "en": "Your table for each round will be shown on the day.",
    },
    "prepare.route.no_pair_plan": {
        "fr": "Votre binôme vous sera indiqué le jour même.",
        "en": "Your partner will be shown on the day.",
    },
    "prepare.route.partner": {"fr": "Binôme", "en": "Partner"},
    "prepare.route.team": {"fr": "Équipe", "en": "Team"},
    "prepare.cards.teams": {"fr": "Équipes\u00a0: {rounds}", "en": "Teams: {rounds}"},
    "prepare.cards.team_round": {
        "fr": "{team} (tour {round})",
        "en": "{team} (round {round})",
    },
    "prepare.route.trio": {"fr": "Trio", "en": "Trio"},
    "prepare.route.title": {"fr": "Cartes de parcours", "en": "Route cards"},
    "prepare.route.heading": {
        "fr": "Cartes de parcours — {title} (à découper)",
        "en": "Route cards — {title} (cut along the dashed lines)",
    },
    # -- table cards ---------------------------------------------------------------------------
    "prepare.cards.title": {"fr": "Chevalets de table", "en": "Table cards"},
    "prepare.cards.table": {"fr": "Table {n}", "en": "Table {n}"},
    "prepare.cards.back_alt": {
        "fr": "Table {n} (face arrière, à l'envers)",
        "en": "Table {n} (back face, upside down)",
    },
    "prepare.cards.host": {"fr": "Hôte de table\u00a0: {name}", "en": "Table host: {name}"},
    "prepare.cards.qr": {"fr": "Ressources de la session", "en": "Session resources"},
    "prepare.cards.qr_phone": {"fr": "Participez depuis votre téléphone", "en": "Take part from your phone"},
    # -- badges --------------------------------------------------------------------------------
    "prepare.badges.title": {"fr": "Badges", "en": "Name badges"},
    "prepare.badges.event": {"fr": "{title} · {dates}", "en": "{title} · {dates}"},
    # -- sign-in sheets ------------------------------------------------------------------------
    "prepare.sheet.title": {"fr": "Feuille d'émargement", "en": "Attendance sign-in sheet"},
    "prepare.sheet.file": {"fr": "emargement-jour-{n}.docx", "en": "sign-in-day-{n}.docx"},
    "prepare.sheet.name": {"fr": "Nom, prénom", "en": "Name"},
    "prepare.sheet.organisation": {"fr": "Structure", "en": "Organisation"},
    "prepare.sheet.morning": {"fr": "Matin", "en": "Morning"},
    "prepare.sheet.afternoon": {"fr": "Après-midi", "en": "Afternoon"},
    "prepare.sheet.count": {"fr": "Nombre de présent·es\u00a0:", "en": "Number present:"},
    "prepare.sheet.certified": {
        "fr": "Certifié exact par l'équipe d'animation (nom et signature)\u00a0:",
        "en": "Certified by the facilitation team (name and signature):",
    },
    # -- materials notes -----------------------------------------------------------------------
    "prepare.note.no_cafe": {
        "fr": "pas de world café dans l'agenda\u00a0: pas de chevalets de table",
        "en": "no world café on the agenda: no table cards",
    },
    "prepare.note.no_card_url": {
        "fr": "aucune adresse pour le QR code des chevalets (urls.resources ou --url)\u00a0: "
        "chevalets sans QR code",
        "en": "no address for the table cards' QR code (urls.resources or --url): "
        "cards without a QR code",
    },
    "prepare.note.no_plan": {
        "fr": "aucun plan enregistré pour {blocks}\u00a0: cartes de parcours sans numéros de table "
        "(lancez la rotation, puis réimprimez)",
        "en": "no saved plan for {blocks}: route cards without table numbers "
        "(run the rotation, then print again)",
    },
    "prepare.note.no_routes": {
        "fr": "ni world café ni interviews croisées\u00a0: pas de cartes de parcours",
        "en": "neither world café nor crossed interviews: no route cards",
    },
    "prepare.note.no_route_people": {
        "fr": "aucun·e participant·e assis·e aux tables\u00a0: pas de cartes de parcours",
        "en": "no seated participants: no route cards",
    },
    "prepare.note.no_participants": {
        "fr": "aucun·e participant·e dans la session\u00a0: pas de badges",
        "en": "no participants in the session: no badges",
    },
    # -- command line ------------------------------------------------------------------------
    "prepare.help.plan": {
        "fr": "Afficher le rétroplanning de la préparation (J-60 … J+14)\u00a0; --done marque une tâche faite.",
        "en": "Show the backward schedule of the preparation (J-60 … J+14); --done marks a task done.",
    },
    "prepare.help.ics": {
        "fr": "Exporter les journées (et les jalons) au format calendrier .ics.",
        "en": "Export the session days (and milestones) as an .ics calendar.",
    },
    "prepare.help.materials": {
        "fr": "Écrire les supports à imprimer\u00a0: chevalets, cartes de parcours, badges, émargement.",
        "en": "Write the printed materials: table cards, route cards, badges, sign-in sheets.",
    },
    "prepare.help.session": {
        "fr": "La session\u00a0: son dossier, son session.yaml ou son identifiant.",
        "en": "The session: its folder, its session.yaml or its slug.",
    },
    "prepare.help.today": {
        "fr": "La date du jour à prendre en compte (AAAA-MM-JJ\u00a0; par défaut\u00a0: aujourd'hui).",
        "en": "The date to count from (YYYY-MM-DD; default: today).",
    },
    "prepare.help.done": {
        "fr": "Marque cette tâche faite (identifiant, ou libellé comme J-45).",
        "en": "Mark this task done (its id, or a label such as J-45).",
    },
    "prepare.help.ics_out": {"fr": "Le fichier .ics à écrire.", "en": "The .ics file to write."},
    "prepare.help.milestones": {
        "fr": "Ajoute les jalons du rétroplanning (événements d'une journée entière).",
        "en": "Add the backward-schedule milestones (all-day events).",
    },
    "prepare.help.tz": {
        "fr": "Fuseau horaire (par défaut\u00a0: celui de la session, Europe/Paris).",
        "en": "Time zone (default: the session's, Europe/Paris).",
    },
    "prepare.help.materials_out": {
        "fr": "Le dossier où écrire les documents (créé si besoin).",
        "en": "The folder to write the documents into (created if needed).",
    },
    "prepare.help.join_url": {
        "fr": "Adresse de «\u00a0labkit serve\u00a0» (--public-url, ou l'adresse fixe du routeur de la salle)\u00a0: chaque chevalet porte le QR code de sa table pour participer depuis un téléphone.",
        "en": "Address of \"labkit serve\" (--public-url, or the room router's fixed address): each table card carries its table's QR code to take part from a phone.",
    },
    "prepare.help.url": {
        "fr": "Adresse du QR code des chevalets (par défaut\u00a0: urls.resources de la session).",
        "en": "Address of the table cards' QR code (default: the session's urls.resources).",
    },
    "prepare.bad_date": {
        "fr": "date invalide\u00a0: «\u00a0{value}\u00a0» (attendu AAAA-MM-JJ)",
        "en": 'invalid date: "{value}" (expected YYYY-MM-DD)',
    },
    "prepare.bad_url": {
        "fr": "adresse invalide\u00a0: «\u00a0{value}\u00a0» (attendu https://…)",
        "en": 'invalid address: "{value}" (expected https://…)',
    },
    "prepare.col.id": {"fr": "Id", "en": "Id"},
    "prepare.col.label": {"fr": "J", "en": "J"},
    "prepare.col.due": {"fr": "Échéance", "en": "Due"},
    "prepare.col.task": {"fr": "Tâche", "en": "Task"},
    "prepare.col.owner": {"fr": "Responsable", "en": "Owner"},
    "prepare.col.status": {"fr": "Statut", "en": "Status"},
    "prepare.out.plan_title": {
        "fr": "Rétroplanning — {title}\nPremier jour\u00a0: {first} · aujourd'hui\u00a0: {today}",
        "en": "Backward schedule — {title}\nFirst day: {first} · today: {today}",
    },
    "prepare.out.late_by": {"fr": "en retard de {days} j", "en": "{days} d overdue"},
    "prepare.out.due_today": {"fr": "aujourd'hui", "en": "today"},
    "prepare.out.due_in": {"fr": "dans {days} j", "en": "in {days} d"},
    "prepare.out.summary": {
        "fr": "{overdue} {overdue:plural:tâche|tâches} en retard, {this_week} à faire cette semaine.",
        "en": "{overdue} {overdue:plural:task|tasks} overdue, {this_week} due this week.",
    },
    "prepare.out.marked_done": {
        "fr": "«\u00a0{task}\u00a0» marquée faite ({path} enregistré).",
        "en": '"{task}" marked done ({path} saved).',
    },
    "prepare.out.already_done": {
        "fr": "«\u00a0{task}\u00a0» était déjà faite\u00a0: rien à changer.",
        "en": '"{task}" was already done: nothing to change.',
    },
    "prepare.out.ics_written": {
        "fr": "Calendrier écrit\u00a0: {path} ({events} {events:plural:événement|événements}, fuseau {zone}).",
        "en": "Calendar written: {path} ({events} {events:plural:event|events}, time zone {zone}).",
    },
    "prepare.out.materials_written": {
        "fr": "{count} {count:plural:document écrit|documents écrits} dans {out}\u00a0:",
        "en": "{count} {count:plural:document|documents} written to {out}:",
    },
}
