"""Pictures in python-docx documents: QR codes as PNG, inline pictures with alternative text
(made XML-safe, so that a stray control character never corrupts the file), reading them back."""

from __future__ import annotations

import io
from typing import Any, BinaryIO

from labkit.document.text import xml_safe

QR_PREFIX = "QR: "
"""How a QR code's alternative text begins: "QR: <url>" (readers and tests tell them apart)."""


def qr_png(url: str, *, box_size: int = 8, border: int = 2) -> bytes:
    """A QR code for `url` as PNG bytes (error correction M), `box_size` pixels per module."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M
    from qrcode.image.pil import PilImage

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=border)
    code.add_data(url)
    code.make(fit=True)
    buffer = io.BytesIO()
    image = code.make_image(PilImage, fill_color="black", back_color="white")
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def add_picture(
    paragraph: Any, image: bytes | BinaryIO, width_cm: float, alt: str, title: str = ""
) -> Any:
    """An inline picture (PNG bytes or a stream) at the end of `paragraph`, `width_cm` wide,
    with its alternative text (docPr descr) and, when given, its title."""
    from docx.shared import Cm

    stream = io.BytesIO(image) if isinstance(image, bytes) else image
    shape = paragraph.add_run().add_picture(stream, width=Cm(width_cm))
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", xml_safe(alt))
    if title:
        doc_pr.set("title", xml_safe(title)[:250])
    return shape


def picture_descriptions(document: Any) -> list[str]:
    """The alternative texts of every picture of the document (body, tables, in order)."""
    return [
        element.get("descr", "")
        for element in document.element.body.iter()
        if element.tag.endswith("}docPr")
    ]


def qr_targets(document: Any) -> list[str]:
    """The URLs of the document's QR codes, in order."""
    return [d[len(QR_PREFIX):] for d in picture_descriptions(document) if d.startswith(QR_PREFIX)]
