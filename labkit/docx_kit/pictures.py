"""Pictures in python-docx documents: QR codes as PNG, inline pictures with alternative text
(made XML-safe, so that a stray control character never corrupts the file), reading them back."""

from __future__ import annotations

import contextlib
import functools
import io
import sys
from collections.abc import Iterator
from typing import Any, BinaryIO

from labkit.document.text import xml_safe

QR_PREFIX = "QR: "
"""How a QR code's alternative text begins: "QR: <url>" (readers and tests tell them apart)."""


@functools.lru_cache(maxsize=16)
def qr_png(url: str, *, box_size: int = 8, border: int = 2) -> bytes:
    """A QR code for `url` as PNG bytes (error correction M), `box_size` pixels per module.

    The pixels qrcode's PIL image has, written as a 1-bit PNG here: Pillow is neither imported
    nor initialised for it (about a tenth of a report's .docx). Cached: the cover and the
    closing page show the same code."""
    # qrcode's package imports its PIL drawers « for backwards compatibility » unless PIL is
    # missing (ImportError): labkit draws none of them, so they stay unimported here
    drawers = "qrcode.image.styles.moduledrawers.pil"
    first = "qrcode" not in sys.modules
    with without_module(drawers) if first else contextlib.nullcontext():
        import qrcode
        from qrcode.constants import ERROR_CORRECT_M
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=border)
    code.add_data(url)
    code.make(fit=True)
    return _bilevel_png(code.get_matrix(), box_size)


@contextlib.contextmanager
def without_module(name: str) -> Iterator[None]:
    """Within the block, importing `name` fails (ImportError) unless it is imported already:
    for a package that imports an optional module only when it can. Importable as usual after."""
    blocked = name not in sys.modules
    if blocked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if blocked and sys.modules.get(name, 0) is None:
            del sys.modules[name]


def _bilevel_png(modules: list[list[bool]], box_size: int) -> bytes:
    """A black-on-white 1-bit greyscale PNG of `modules` (True: dark), `box_size` pixels each."""
    import struct
    import zlib

    size = len(modules) * box_size
    lines = []
    for row in modules:
        bits = "".join(("0" if dark else "1") * box_size for dark in row)
        bits += "0" * (-len(bits) % 8)
        line = b"\0" + int(bits, 2).to_bytes(len(bits) // 8, "big")
        lines += [line] * box_size
    header = struct.pack(">IIBBBBB", size, size, 1, 0, 0, 0, 0)
    return png_file(header, zlib.compress(b"".join(lines), 9))


def png_file(header: bytes, pixels: bytes, *extra: tuple[bytes, bytes]) -> bytes:
    """A PNG file: the signature, the IHDR chunk of `header`, the `extra` (kind, data) chunks,
    the IDAT chunk of the compressed `pixels`, then IEND."""
    chunks = [png_chunk(b"IHDR", header), *(png_chunk(kind, data) for kind, data in extra)]
    return b"".join((b"\x89PNG\r\n\x1a\n", *chunks, png_chunk(b"IDAT", pixels),
                     png_chunk(b"IEND", b"")))  # fmt: skip


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """One PNG chunk: the length of `data`, `kind`, `data`, then their CRC-32."""
    import struct
    import zlib

    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


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
