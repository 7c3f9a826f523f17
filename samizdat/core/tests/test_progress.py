from __future__ import annotations

import io

from django.core.management.base import OutputWrapper

from samizdat.core.progress import ProgressBar


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


def test_it_writes_through_a_commands_stderr_without_extra_newlines():
    stream = io.StringIO()
    bar = ProgressBar("en", OutputWrapper(stream), redraw=True)
    bar(1, 3)
    bar(3, 3)

    text = stream.getvalue()
    assert text.startswith("\ren [##########....................] 1/3 ")
    assert "\ren [##############################] 3/3 " in text
    assert text.count("\n") == 1 and text.endswith("\n")


def test_it_finishes_a_bar_with_nothing_to_do():
    stream = io.StringIO()
    ProgressBar("en", stream, redraw=True)(0, 0)
    assert stream.getvalue().startswith("\ren [##############################] 0/0")
