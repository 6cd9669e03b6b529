"""A text progress bar for long-running management commands (demo content, reindex, sending)."""

from __future__ import annotations

import sys
from typing import TextIO


class ProgressBar:
    """Draws ``label [#####.....] 5/10`` on one line; plain lines when output is not a terminal."""

    def __init__(self, total: int, label: str = "", stream: TextIO | None = None, width: int = 30):
        self.total = max(total, 1)
        self.label = label
        self.stream = stream or sys.stdout
        self.width = width
        self.done = 0
        self._interactive = hasattr(self.stream, "isatty") and self.stream.isatty()

    def advance(self, step: str = "", amount: int = 1) -> None:
        self.done = min(self.done + amount, self.total)
        filled = int(self.width * self.done / self.total)
        bar = "#" * filled + "." * (self.width - filled)
        line = f"{self.label} [{bar}] {self.done}/{self.total} {step}".rstrip()
        if self._interactive:
            self.stream.write("\r\x1b[2K" + line)
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
