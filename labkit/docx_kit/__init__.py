"""The python-docx toolkit shared by the printed materials (`labkit.prepare`) and the
restitution (`labkit.report`), which are sibling layers and may not import each other.

- `labkit.docx_kit.tables`: fixed-layout tables, borders, cell shading and margins, row rules,
  with child elements inserted in the order OOXML requires (one tcPr/tblPr order table);
- `labkit.docx_kit.pictures`: QR codes as PNG, inline pictures whose alternative text goes
  through `xml_safe`, and reading those texts back;
- `labkit.docx_kit.page`: "page N / M" fields for headers and footers, a logo read as PNG;
- `labkit.docx_kit.meta`: language, Word compatibility mode, clean core and app properties
  (created now, by the Lab; no python-docx creator, date or comment);
- `labkit.docx_kit.textbox`: an inline text box that can be turned (the upside-down back of a
  table card), still editable text.

python-docx and qrcode are imported inside the functions, so that importing this package stays
cheap; nothing here knows about sessions or reports.
"""
