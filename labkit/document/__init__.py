"""The document model: what a restitution, a deck or a printed sheet shows (headings, lists,
tables, charts), independent of the format it is drawn in, with the text and wording helpers
that go with it. Pure: no I/O, no UI; the writers in `labkit.report` draw it."""
