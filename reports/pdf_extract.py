"""Reading a PDF's text with pypdf, in a child process the parent can limit and kill.

A crafted PDF can make pypdf spend minutes and hundreds of megabytes on a few kilobytes, so the
worker never reads an uploaded PDF in its own process: it runs ``python -m reports.pdf_extract
MAX_PAGES`` with the PDF on stdin, under ``resource`` limits (address space, CPU time) and a
wall-clock timeout, and reads one JSON object from stdout. This module imports no Django, so the
child starts fast and its limits cover pypdf alone.

The JSON: ``{"status": "ok" | "encrypted" | "no_text" | "malformed", "text": str,
"pages": int | null, "read_pages": int | null, "detail": str}``.
"""

from __future__ import annotations

import io
import json
import sys

MAX_TEXT_CHARS = 2_000_000  # a sanity cap: a 500-page report is well below this


def read_pdf(data: bytes, max_pages: int) -> dict:
    """The text of at most ``max_pages`` pages, or why there is none. Never raises for bad input."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # An owner-password-only PDF opens with the empty user password; keep its text.
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several types for odd crypto
                opened = 0
            if not opened:
                return {"status": "encrypted"}
        total = len(reader.pages)
        pages = []
        for index, page in enumerate(reader.pages):
            if index >= max_pages:
                break
            pages.append((page.extract_text() or "").strip())
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure is reported, never raised
        return {"status": "malformed", "detail": str(exc)[:200] or exc.__class__.__name__}
    text = "\n\n".join(p for p in pages if p)[:MAX_TEXT_CHARS]
    status = "ok" if text.strip() else "no_text"
    return {"status": status, "text": text, "pages": total, "read_pages": len(pages)}


def main() -> int:
    max_pages = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    result = read_pdf(sys.stdin.buffer.read(), max_pages)
    sys.stdout.write(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
