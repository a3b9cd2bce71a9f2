"""The restitution as PDF: the .docx converted by LibreOffice (headless, own profile, timeout).

The conversion updates the table of contents (so the PDF has page numbers) and exports a tagged
PDF. "exit 0 but no PDF" is a failure, like a missing `soffice`.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
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


@functools.cache
def uno_python() -> str | None:
    """A Python that can `import uno` (LibreOffice's bridge), to update the TOC before export
    (looked for once per process: each probe starts an interpreter)."""
    for candidate in (sys.executable, "/usr/bin/python3", shutil.which("python3")):
        if candidate and Path(candidate).is_file():
            check = subprocess.run([candidate, "-c", "import uno"], capture_output=True,
                                   timeout=30, check=False)  # fmt: skip
            if check.returncode == 0:
                return candidate
    return None


def _convert_with_uno(exe: str, python: str, profile: str, source: Path, target: Path,
                      timeout: float) -> subprocess.CompletedProcess[bytes]:  # fmt: skip
    """LibreOffice listening on a pipe of its own; `lo_convert.py` updates indexes, exports."""
    pipe = f"labkit-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    office = subprocess.Popen(
        [exe, "--headless", "--invisible", "--norestore", "--nologo", profile,
         f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    target.parent.mkdir(parents=True, exist_ok=True)
    script = Path(__file__).with_name("lo_convert.py")
    try:
        return subprocess.run([python, str(script), pipe, str(source), str(target)],
                              capture_output=True, timeout=timeout, check=False)  # fmt: skip
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait(timeout=10)


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
        target = work / "out" / "restitution.pdf"
        profile = f"-env:UserInstallation={(work / 'profile').as_uri()}"
        python = uno_python()
        try:
            if python is not None:
                done = _convert_with_uno(exe, python, profile, source, target, timeout)
            else:  # the TOC keeps labkit's entries, without page numbers
                command = [exe, "--headless", "--norestore", profile, "--convert-to", _FILTER,
                           "--outdir", str(target.parent), str(source)]  # fmt: skip
                done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise PdfUnavailableError(f"LibreOffice took more than {timeout:.0f} s") from None
        if not target.is_file():
            detail = (done.stderr or done.stdout).decode(errors="replace").strip()[:300]
            raise PdfUnavailableError(
                f"LibreOffice wrote no PDF (exit {done.returncode}): {detail or '-'}"
            )
        return target.read_bytes()
