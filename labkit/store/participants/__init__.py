"""Participants import: the registration spreadsheet a facilitator already has, into session.yaml.

One module a step:

- `reading`: the file's bytes into a `Table` (encodings, separator, CSV or XLSX, header row).
- `fields`: which column names which field, and reading a cell's value (role, consent, days...).
- `rows`: the table's columns and each row checked against the session's groups and days.
- `planning`: what the import does (append or replace, duplicates, ids), all or nothing, and the
  one-call `read_participants` / `import_participants`.
- `document`: the plan written into the round-trip session.yaml, comments and key order kept.

Columns the importer does not know (phone, job title...) are not imported and are named in a
notice.
"""

from labkit.store.participants.document import participant_entry, write_participants
from labkit.store.participants.fields import (
    FIELDS,
    fold,
    header_field,
    parse_consent,
    parse_days,
    parse_role,
    parse_territory,
)
from labkit.store.participants.planning import (
    REFERENCE_CODES,
    ImportPlan,
    Notice,
    compress_rows,
    import_participants,
    plan_import,
    read_participants,
)
from labkit.store.participants.reading import (
    CSV_SUFFIXES,
    XLSX_SUFFIXES,
    Table,
    clean_cell,
    decode_text,
    read_table,
    sniff_delimiter,
)

__all__ = [
    "CSV_SUFFIXES",
    "FIELDS",
    "REFERENCE_CODES",
    "XLSX_SUFFIXES",
    "ImportPlan",
    "Notice",
    "Table",
    "clean_cell",
    "compress_rows",
    "decode_text",
    "fold",
    "header_field",
    "import_participants",
    "parse_consent",
    "parse_days",
    "parse_role",
    "parse_territory",
    "participant_entry",
    "plan_import",
    "read_participants",
    "read_table",
    "sniff_delimiter",
    "write_participants",
]
