"""The restitution as PDF: the .docx converted by LibreOffice (headless, its own profile, a timeout).

The conversion updates the table of contents (so the PDF has page numbers) and exports a tagged
PDF. "exit 0 but no PDF" is a failure, like a missing `soffice`.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from labkit.errors import InvalidInputError

PACKAGE = "libreoffice-writer-nogui"
TIMEOUT_S = 180
_FILTER = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'


class PdfUnavailableError(InvalidInputError):
    """LibreOffice is not installed, or the conversion produced no PDF."""


def soffice() -> str | None:
    """The LibreOffice executable, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes, *, timeout: float = TIMEOUT_S) -> bytes:
    """Convert .docx bytes to PDF bytes with LibreOffice."""
    exe = soffice()
    if exe is None:
        raise PdfUnavailableError(
            f"--format pdf needs LibreOffice: install it (e.g. `apt-get install {PACKAGE}`), "
            "or write a .docx and export it from Word."
        )
    with tempfile.TemporaryDirectory(prefix="labkit-pdf-") as tmp:
        work = Path(tmp)
        source = work / "restitution.docx"
        source.write_bytes(docx)
        command = [
            exe, "--headless", "--norestore", f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to", _FILTER, "--outdir", str(work / "out"), str(source),
        ]  # fmt: skip
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfUnavailableError(f"LibreOffice did not finish within {timeout:.0f} s") from None
        target = work / "out" / "restitution.pdf"
        if not target.is_file():
            detail = (done.stderr or done.stdout).decode(errors="replace").strip()[:300]
            raise PdfUnavailableError(
                f"LibreOffice wrote no PDF (exit {done.returncode}){': ' + detail if detail else ''}"
            )
        return target.read_bytes()
