"""Messages of the session plan's checks (errors and warnings)."""

MESSAGES: dict[str, dict[str, str]] = {
    "validation.duplicate_group": {
        "fr": "le collège «\u00a0{key}\u00a0» est déclaré deux fois",
        "en": "stakeholder group '{key}' is declared twice",
    },
    "validation.duplicate_participant": {
        "fr": "l'identifiant de participant «\u00a0{id}\u00a0» est utilisé deux fois",
        "en": "participant id '{id}' is used twice",
    },
    "validation.unknown_group": {
        "fr": "{name} appartient au collège «\u00a0{group}\u00a0», qui n'est pas déclaré dans groups "
        "(collèges connus\u00a0: {known})",
        "en": "{name} belongs to group '{group}', which is not declared in groups "
        "(known groups: {known})",
    },
    "validation.participant_day_out_of_range": {
        "fr": "{name} vient le jour {day}, mais la session compte {count} {count:plural:jour|jours}",
        "en": "{name} attends day {day}, but the session has {count} {count:plural:day|days}",
    },
    "validation.day_dates_order": {
        "fr": "le jour {day} doit être postérieur au jour précédent",
        "en": "day {day} must come after the previous day",
    },
    "validation.day_end_before_start": {
        "fr": "le jour {day} finit avant de commencer",
        "en": "day {day} ends before it starts",
    },
    "validation.block_before_day_start": {
        "fr": "«\u00a0{title}\u00a0» commence à {start}, avant l'ouverture de la journée ({day_start})",
        "en": "'{title}' starts at {start}, before the day opens ({day_start})",
    },
    "validation.block_overlap": {
        "fr": "«\u00a0{title}\u00a0» commence à {start} alors que le bloc précédent finit à {previous_end}",
        "en": "'{title}' starts at {start} but the previous block ends at {previous_end}",
    },
    "validation.day_overrun": {
        "fr": "le jour {day} déborde\u00a0: «\u00a0{title}\u00a0» finit à {end}, après la fin prévue ({day_end}), "
        "soit {minutes} min de trop",
        "en": "day {day} overruns: '{title}' ends at {end}, after the day's end ({day_end}), "
        "{minutes} min too long",
    },
    "validation.no_break": {
        "fr": "plus de 3 h sans pause jusqu'à «\u00a0{title}\u00a0» ({hours} h {minutes:02d})",
        "en": "more than 3 hours without a break up to '{title}' ({hours} h {minutes:02d})",
    },
    "validation.duplicate_block": {
        "fr": "l'identifiant de bloc «\u00a0{id}\u00a0» est utilisé deux fois",
        "en": "block id '{id}' is used twice",
    },
    "validation.unknown_block": {
        "fr": "aucun bloc ne s'appelle «\u00a0{id}\u00a0»",
        "en": "no block has the id '{id}'",
    },
    "validation.unknown_participant": {
        "fr": "aucun participant n'a l'identifiant «\u00a0{id}\u00a0»",
        "en": "no participant has the id '{id}'",
    },
    "validation.interviews_exceed_block": {
        "fr": "«\u00a0{title}\u00a0»\u00a0: les interviews et le regroupement demandent {needed} min, "
        "le bloc n'en dure que {duration}",
        "en": "'{title}': the interviews and the regroup need {needed} min, "
        "the block lasts {duration}",
    },
    "validation.duplicate_persona": {
        "fr": "le persona «\u00a0{id}\u00a0» est déclaré deux fois",
        "en": "persona '{id}' is declared twice",
    },
    "validation.peer_help_exceeds_block": {
        "fr": "«\u00a0{title}\u00a0»\u00a0: les territoires demandent {needed} min, "
        "le bloc n'en dure que {duration}",
        "en": "'{title}': the territories need {needed} min, the block lasts {duration}",
    },
    "validation.cafe_rounds_exceed_block": {
        "fr": "«\u00a0{title}\u00a0»\u00a0: {rounds} {rounds:plural:tour|tours} de {minutes} min et les transitions de {transitions} min demandent {needed} min, le bloc n'en dure que {duration}",
        "en": "'{title}': {rounds} {rounds:plural:round|rounds} of {minutes} min plus {transitions}-min transitions need {needed} min, the block lasts {duration}",
    },
    "validation.cafe_round_short": {
        "fr": "«\u00a0{title}\u00a0»\u00a0: des tours de {minutes} min sont très courts (10 min au moins)",
        "en": "'{title}': rounds of {minutes} min are very short (10 min at least)",
    },
    "validation.cafe_fewer_hosts": {
        "fr": "{hosts} {hosts:plural:hôte|hôtes} de table pour {tables} {tables:plural:table|tables}\u00a0: il en faut un par table",
        "en": "{hosts} table {hosts:plural:host|hosts} for {tables} {tables:plural:table|tables}: one per table is needed",
    },
    "validation.cafe_more_hosts": {
        "fr": "{hosts} {hosts:plural:hôte|hôtes} de table pour {tables} {tables:plural:table|tables}\u00a0: un seul par table",
        "en": "{hosts} table {hosts:plural:host|hosts} for {tables} {tables:plural:table|tables}: only one per table",
    },
    "validation.cafe_duplicate_host": {
        "fr": "«\u00a0{id}\u00a0» est hôte de deux tables",
        "en": "'{id}' hosts two tables",
    },
    "validation.host_absent": {
        "fr": "l'hôte de table {name} n'est pas présent·e le jour {day}",
        "en": "table host {name} does not attend day {day}",
    },
    "validation.cafe_more_tables_than_people": {
        "fr": "{tables} {tables:plural:table|tables} pour {people} {people:plural:participant·e présent·e|participant·es présent·es}\u00a0: trop de tables",
        "en": "{tables} {tables:plural:table|tables} for {people} {people:plural:participant|participants} present: too many tables",
    },
    "validation.cafe_large_tables": {
        "fr": "des tables de {size} {size:plural:personne|personnes} avec {tables} {tables:plural:table|tables}\u00a0: un world café se joue plutôt à 4–6 par table",
        "en": "tables of {size} {size:plural:person|people} with {tables} {tables:plural:table|tables}: a world café works best with 4–6 per table",
    },
    "validation.cafe_teams_more_than_tables": {
        "fr": "{teams} {teams:plural:équipe|équipes} pour {tables} {tables:plural:table|tables}\u00a0: une équipe par table au plus (moins "
        "d'équipes, ou plus de tables)",
        "en": "{teams} {teams:plural:team|teams} for {tables} {tables:plural:table|tables}: one team a table at most (fewer teams, or "
        "more tables)",
    },
    "validation.cafe_teams_fewer_than_tables": {
        "fr": "{teams} {teams:plural:équipe|équipes} pour {tables} {tables:plural:table|tables}\u00a0: à chaque tour, "
        "une table n'aura que son hôte",
        "en": "{teams} {teams:plural:team|teams} for {tables} {tables:plural:table|tables}: in each round a table will "
        "have only its host",
    },
    "validation.cafe_teams_per_round": {
        "fr": "des équipes qui passent d'une table à l'autre demandent une question par table "
        "(question_mode: per_table)",
        "en": "teams moving from table to table need one question a table "
        "(question_mode: per_table)",
    },
    "validation.cafe_teams_round_again": {
        "fr": "{rounds} {rounds:plural:tour|tours} pour {tables} {tables:plural:table|tables}\u00a0: les équipes reviendront à une table déjà "
        "visitée",
        "en": "{rounds} {rounds:plural:round|rounds} for {tables} {tables:plural:table|tables}: the teams will come back to a table already "
        "visited",
    },
    "validation.cafe_duplicate_team": {
        "fr": "l'équipe «\u00a0{name}\u00a0» est nommée deux fois",
        "en": "team '{name}' is named twice",
    },
    "validation.cafe_teams_more_than_people": {
        "fr": "{teams} {teams:plural:équipe|équipes} pour {people} {people:plural:participant·e qui tourne|participant·es qui tournent}\u00a0: trop d'équipes",
        "en": "{teams} {teams:plural:team|teams} for {people} {people:plural:participant who moves|participants who move}: too many teams",
    },
    "validation.cafe_questions_per_round": {
        "fr": "une question par tour\u00a0: {rounds} {rounds:plural:tour|tours} mais {questions} {questions:plural:question|questions}",
        "en": "one question per round: {rounds} {rounds:plural:round|rounds} but {questions} {questions:plural:question|questions}",
    },
    "validation.cafe_questions_per_table": {
        "fr": "une question par table\u00a0: {questions} {questions:plural:question|questions} pour seulement {tables} {tables:plural:table|tables}",
        "en": "one question per table: {questions} {questions:plural:question|questions} for only {tables} {tables:plural:table|tables}",
    },
    "validation.cafe_question_again": {
        "fr": "{rounds} {rounds:plural:tour|tours} pour {questions} {questions:plural:question|questions} aux tables\u00a0: chacun·e retrouvera au moins une fois une question déjà discutée (moins de tours, ou plus de questions)",
        "en": "{rounds} {rounds:plural:round|rounds} for {questions} {questions:plural:question|questions} at the tables: everyone will meet a question already discussed at least once (fewer rounds, or more questions)",
    },
    "validation.cafe_question_crowded": {
        "fr": "la question {number} est à {count} {count:plural:table|tables} sur {tables}\u00a0: en {rounds} {rounds:plural:tour|tours}, certain·es la retrouveront forcément (répartir les questions sur les tables)",
        "en": "question {number} is at {count} of {tables} tables: over {rounds} {rounds:plural:round|rounds}, some people will meet it again (spread the questions over the tables)",
    },
    "validation.duplicate_survey_question": {
        "fr": "la question du questionnaire «\u00a0{id}\u00a0» est déclarée deux fois",
        "en": "survey question '{id}' is declared twice",
    },
    "validation.survey_scale": {
        "fr": "question «\u00a0{id}\u00a0»\u00a0: l'échelle va de {low} à {high}, le minimum doit être "
        "inférieur au maximum",
        "en": "question '{id}': the scale runs from {low} to {high}; the minimum must be "
        "below the maximum",
    },
    "validation.phase_order": {
        "fr": "«\u00a0{title}\u00a0» est en phase {phase} après un bloc en phase {reached} "
        "(ordre attendu\u00a0: Scan → Focus → Act)",
        "en": "'{title}' is in phase {phase} after a block in phase {reached} "
        "(expected order: Scan → Focus → Act)",
    },
}
