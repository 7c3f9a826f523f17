"""A plain progress bar for commands: redrawn in place on a terminal, a line
every tenth of the way otherwise (logs, CI)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class ProgressBar:
    def __init__(self, label: str, stream: TextIO | None = None):
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.last_draw = 0.0
        self.last_tenth = -1
        self.started = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        total = max(total, 1)
        share = min(done / total, 1.0)
        if self.tty:
            now = time.monotonic()
            if now - self.last_draw < 0.1 and done < total:
                return
            self.last_draw = now
            filled = int(share * WIDTH)
            bar = "#" * filled + "." * (WIDTH - filled)
            end = "\n" if done >= total else ""
            self.stream.write(
                f"\r{self.label} [{bar}] {done}/{total} "
                f"{time.monotonic() - self.started:.0f}s{end}"
            )
        else:
            tenth = int(share * 10)
            if tenth == self.last_tenth:
                return
            self.last_tenth = tenth
            self.stream.write(f"{self.label}: {done}/{total} ({tenth * 10}%)\n")
        self.stream.flush()
