"""The one progress bar for commands: redrawn in place on a terminal, a line
every tenth of the way otherwise (logs, CI)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from django.core.management.base import OutputWrapper

WIDTH = 30


class ProgressBar:
    """Call it with (done, total). `stream` may be a command's `self.stderr`;
    `redraw` forces the in-place bar off a terminal too (rebuild_related
    has always drawn it)."""

    def __init__(
        self,
        label: str,
        stream: TextIO | OutputWrapper | None = None,
        *,
        redraw: bool | None = None,
    ):
        self.label = label
        self.stream = stream or sys.stderr
        self.redraw = self.stream.isatty() if redraw is None else redraw
        self.last_draw = 0.0
        self.last_tenth = -1
        self.started = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        finished = done >= total
        share = min(done / total, 1.0) if total > 0 else 1.0
        if self.redraw:
            now = time.monotonic()
            if now - self.last_draw < 0.1 and not finished:
                return
            self.last_draw = now
            filled = int(share * WIDTH)
            bar = "#" * filled + "." * (WIDTH - filled)
            end = "\n" if finished else ""
            self.write(
                f"\r{self.label} [{bar}] {done}/{total} {now - self.started:.0f}s{end}"
            )
        else:
            tenth = int(share * 10)
            if tenth == self.last_tenth:
                return
            self.last_tenth = tenth
            self.write(f"{self.label}: {done}/{total} ({tenth * 10}%)\n")
        self.stream.flush()

    def write(self, text: str) -> None:
        if isinstance(self.stream, OutputWrapper):
            # Neither the newline nor the error colour it adds on a terminal.
            self.stream.write(text, style_func=lambda plain: plain, ending="")
        else:
            self.stream.write(text)
