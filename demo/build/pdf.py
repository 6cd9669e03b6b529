"""A very small PDF writer for the demo's sample reports and tests: real, extractable text.

Demo reports ship generated PDFs (text drawn from the content brief) so that the extraction and
search pipeline runs on real files. Standard Helvetica with WinAnsi encoding covers Finnish and
Swedish letters (ä, ö, å).
"""

from __future__ import annotations

import textwrap

LINES_PER_PAGE = 46
WRAP = 88


def _escape(line: str) -> bytes:
    data = line.encode("cp1252", errors="replace")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _layout(title: str, paragraphs: list[str]) -> list[list[tuple[str, bool]]]:
    lines: list[tuple[str, bool]] = [(part, True) for part in textwrap.wrap(title, 60)] + [
        ("", False)
    ]
    for paragraph in paragraphs:
        lines.extend((part, False) for part in textwrap.wrap(paragraph, WRAP))
        lines.append(("", False))
    return [lines[i : i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]


def make_pdf(title: str, paragraphs: list[str]) -> bytes:
    """A PDF with ``title`` and ``paragraphs`` as text, wrapped over as many pages as needed."""
    pages = _layout(title, paragraphs)
    objects: list[bytes] = []
    # 1 catalog, 2 pages, 3 regular font, 4 bold font, then (page, content) pairs
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for base in ("Helvetica", "Helvetica-Bold"):
        objects.append(
            f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} "
            f"/Encoding /WinAnsiEncoding >>".encode()
        )
    for i, page_lines in enumerate(pages):
        content_id = 6 + 2 * i
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            f"/Contents {content_id} 0 R >>".encode()
        )
        stream = [b"BT", b"/F1 10 Tf", b"14 TL", b"56 790 Td"]
        for text, bold in page_lines:
            stream.append(b"/F2 13 Tf" if bold else b"/F1 10 Tf")
            stream.append(b"(" + _escape(text) + b") Tj T*")
        stream.append(b"ET")
        body = b"\n".join(stream)
        objects.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
