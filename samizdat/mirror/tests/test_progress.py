from __future__ import annotations

import io

from samizdat.mirror.progress import ProgressBar


def test_it_prints_a_line_every_tenth_of_the_way_off_a_terminal():
    stream = io.StringIO()
    bar = ProgressBar("export", stream)

    for done in range(1, 101):
        bar(done, 100)

    lines = stream.getvalue().splitlines()
    assert lines[0] == "export: 1/100 (0%)"
    assert lines[-1] == "export: 100/100 (100%)"
    assert len(lines) == 11


def test_it_redraws_one_line_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    bar = ProgressBar("export", stream)
    bar(1, 4)
    bar(4, 4)

    text = stream.getvalue()
    assert text.startswith("\rexport [")
    assert "4/4" in text and text.endswith("\n")
