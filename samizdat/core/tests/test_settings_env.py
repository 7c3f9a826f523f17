"""The environment readers of `samizdat.settings.env` take only values they
understand, and name the variable when they refuse one."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from samizdat.settings.env import envbool, envint

NAME = "SAMIZDAT_TEST_SETTING"

SPELLINGS = [
    ("1", True),
    ("true", True),
    ("True", True),
    (" YES ", True),
    ("on", True),
    ("0", False),
    ("false", False),
    ("FALSE", False),
    ("no", False),
    (" Off\n", False),
]


@pytest.mark.parametrize(("raw", "expected"), SPELLINGS)
def test_it_reads_every_known_spelling_of_yes_and_no(monkeypatch, raw, expected):
    monkeypatch.setenv(NAME, raw)
    assert envbool(NAME, default=not expected) is expected


@pytest.mark.parametrize("raw", [None, "", "   "])
@pytest.mark.parametrize("default", [True, False])
def test_it_gives_the_default_for_an_unset_or_empty_flag(monkeypatch, raw, default):
    if raw is None:
        monkeypatch.delenv(NAME, raising=False)
    else:
        monkeypatch.setenv(NAME, raw)
    assert envbool(NAME, default=default) is default


@pytest.mark.parametrize("raw", ["ture", "2", "y", "enabled", "true!", "-1"])
def test_it_refuses_a_flag_it_does_not_understand(monkeypatch, raw):
    monkeypatch.setenv(NAME, raw)
    with pytest.raises(ImproperlyConfigured) as refused:
        envbool(NAME, default=True)
    assert NAME in str(refused.value)
    assert repr(raw) in str(refused.value)


@pytest.mark.parametrize(("raw", "expected"), [("60", 60), (" 5 ", 5), ("-1", -1)])
def test_it_reads_a_whole_number(monkeypatch, raw, expected):
    monkeypatch.setenv(NAME, raw)
    assert envint(NAME, 7) == expected


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_it_gives_the_default_for_an_unset_or_empty_number(monkeypatch, raw):
    if raw is None:
        monkeypatch.delenv(NAME, raising=False)
    else:
        monkeypatch.setenv(NAME, raw)
    assert envint(NAME, 7) == 7


@pytest.mark.parametrize("raw", ["6O", "1.5", "ten", "1e3"])
def test_it_refuses_a_number_it_does_not_understand(monkeypatch, raw):
    monkeypatch.setenv(NAME, raw)
    with pytest.raises(ImproperlyConfigured) as refused:
        envint(NAME, 7)
    assert NAME in str(refused.value)
    assert repr(raw) in str(refused.value)
