"""Every edition's interface strings are translated, checked against the source.

The catalogue in locale/<code>/LC_MESSAGES is compared with the strings the
project's own code and templates mark for translation right now (found the way
`makemessages` finds them, without needing GNU gettext installed), so a string
added to the code and never translated fails here, not in front of readers."""

from __future__ import annotations

import ast
import gettext
import re
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
# The same tree `make messages` scans: the project, not its tools or tests.
SKIPPED_DIRS = {
    ".venv",
    "node_modules",
    "bench",
    "tests",
    "var",
    "media",
    "staticfiles",
    "locale",
}
# Call names xgettext is given by makemessages, with where msgctxt/msgid sit.
SINGULAR = {"gettext", "_", "gettext_noop", "gettext_lazy", "ugettext"}
PLURAL = {"ngettext", "ngettext_lazy", "ungettext"}
CONTEXT = {"pgettext", "pgettext_lazy"}
CONTEXT_PLURAL = {"npgettext", "npgettext_lazy"}
KEYWORDS = SINGULAR | PLURAL | CONTEXT | CONTEXT_PLURAL
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
EDITION_CODES = [
    code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
]


@dataclass
class Entry:
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstrs: list[str] = field(default_factory=list)
    flags: set[str] = field(default_factory=set)


def read_po(path: Path) -> list[Entry]:
    """The live entries of a PO file (obsolete `#~` entries left out)."""
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    flags: set[str] = set()
    last = None

    def close():
        if "msgid" in fields:
            entries.append(
                Entry(
                    msgid=fields["msgid"],
                    msgctxt=fields.get("msgctxt"),
                    msgid_plural=fields.get("msgid_plural"),
                    msgstrs=[v for k, v in sorted(fields.items()) if k[:6] == "msgstr"],
                    flags=set(flags),
                )
            )
        fields.clear()
        flags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#~"):
            close()
            last = None
        elif line.startswith("#,"):
            flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            fields[last] += ast.literal_eval(line)
        else:
            keyword, _space, value = line.partition(" ")
            if keyword in ("msgid", "msgctxt") and "msgstr" in "".join(fields):
                close()
            last = keyword
            fields[keyword] = ast.literal_eval(value)
    close()
    return entries


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def strings_in_python(source: str) -> set[tuple[str | None, str]]:
    """(msgctxt, msgid) of every translatable literal in Python source."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name, args = _call_name(node), [_literal(a) for a in node.args]
        if name in SINGULAR | PLURAL and args and args[0] is not None:
            found.add((None, args[0]))
        elif (
            name in CONTEXT | CONTEXT_PLURAL and len(args) > 1 and None not in args[:2]
        ):
            found.add((args[0], args[1]))
    return found


def strings_in_template(source: str, origin: str) -> set[tuple[str | None, str]]:
    """Django turns a template into gettext calls for xgettext; read those."""
    lines = templatize(source, origin=origin).splitlines(keepends=True)
    tokens = list(tokenize.generate_tokens(iter(lines).__next__))
    calls = []
    for i, token in enumerate(tokens[:-1]):
        if token.type == tokenize.NAME and token.string in KEYWORDS:
            if tokens[i + 1].string == "(":
                end = next(t for t in tokens[i:] if t.string == ")").end
                if token.start[0] == end[0]:
                    calls.append(lines[end[0] - 1][token.start[1] : end[1]])
    return strings_in_python("\n".join(calls))


def project_files():
    for path in sorted(ROOT.rglob("*")):
        parts = path.relative_to(ROOT).parts
        if any(p in SKIPPED_DIRS or p.startswith(".") for p in parts[:-1]):
            continue
        if path.is_file() and path.suffix in (".py", ".html", ".txt"):
            yield path


def source_strings() -> set[tuple[str | None, str]]:
    """What `makemessages` would put in a catalogue today."""
    found = set()
    for path in project_files():
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py":
            found |= strings_in_python(text)
        else:
            found |= strings_in_template(text, str(path.relative_to(ROOT)))
    return found


def catalogue(code: str) -> Path:
    return ROOT / "locale" / code / "LC_MESSAGES" / "django.po"


def test_it_finds_strings_the_way_makemessages_does():
    python = (
        'x = _("One")\ny = pgettext_lazy("month", "May")\nz = ngettext("a", "b", 2)'
    )
    assert strings_in_python(python) == {(None, "One"), ("month", "May"), (None, "a")}
    template = (
        '{% load i18n %}{% translate "Skip" %}{% translate "May" context "month" %}'
        "{% blocktranslate count n=3 %}{{ n }} item{% plural %}{{ n }} items"
        "{% endblocktranslate %}"
    )
    assert strings_in_template(template, "t.html") == {
        (None, "Skip"),
        ("month", "May"),
        (None, "%(n)s item"),
    }


def test_it_reads_plural_and_wrapped_entries(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: fa\\n"\n\n'
        '#, python-format\nmsgid "%(n)s item"\nmsgid_plural "%(n)s items"\n'
        'msgstr[0] "%(n)s مورد"\nmsgstr[1] ""\n\n'
        '#, fuzzy\nmsgid ""\n"A long "\n"text"\nmsgstr "متن"\n\n'
        '#~ msgid "Gone"\n#~ msgstr "رفته"\n',
        encoding="utf-8",
    )
    header, plural, fuzzy = read_po(po)
    assert header.msgstrs == ["Language: fa\n"]
    assert plural.msgid_plural == "%(n)s items"
    assert plural.msgstrs == ["%(n)s مورد", ""]
    assert fuzzy.msgid == "A long text" and "fuzzy" in fuzzy.flags


@pytest.mark.parametrize("code", EDITION_CODES)
def test_it_has_a_translation_for_every_string_in_the_source(code):
    entries = read_po(catalogue(code))
    translated = {
        (e.msgctxt, e.msgid)
        for e in entries
        if e.msgstrs and all(e.msgstrs) and "fuzzy" not in e.flags
    }
    missing = sorted(source_strings() - translated, key=lambda k: (k[1], k[0] or ""))
    assert not missing, (
        f"{len(missing)} strings lack a {code} translation; run `make messages` "
        f"and translate them in {catalogue(code).relative_to(ROOT)}: "
        + "; ".join(repr(msgid) for _ctx, msgid in missing[:20])
    )


@pytest.mark.parametrize("code", EDITION_CODES)
def test_it_has_no_empty_or_fuzzy_entry(code):
    header, *entries = read_po(catalogue(code))
    assert header.msgid == "" and "fuzzy" not in header.flags
    assert "Plural-Forms: nplurals=" in header.msgstrs[0]
    bad = [e.msgid for e in entries if not all(e.msgstrs) or "fuzzy" in e.flags]
    assert not bad, f"untranslated or fuzzy in {code}: {bad[:20]}"


@pytest.mark.parametrize("code", EDITION_CODES)
def test_it_keeps_every_placeholder_in_translations(code):
    for entry in read_po(catalogue(code))[1:]:
        wanted = set(PLACEHOLDER.findall(entry.msgid))
        for msgstr in entry.msgstrs:
            assert set(PLACEHOLDER.findall(msgstr)) == wanted, entry.msgid


@pytest.mark.parametrize("code", EDITION_CODES)
def test_it_ships_a_compiled_catalogue_matching_the_source_catalogue(code):
    po = catalogue(code)
    with open(po.with_suffix(".mo"), "rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    stale = []
    for entry in read_po(po)[1:]:
        if entry.msgid_plural is None:
            key = entry.msgid if entry.msgctxt is None else None
            got = (
                compiled.gettext(key)
                if key is not None
                else compiled.pgettext(entry.msgctxt, entry.msgid)
            )
            if got != entry.msgstrs[0]:
                stale.append(entry.msgid)
        else:
            forms = [
                compiled.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)
            ]
            if forms != entry.msgstrs[:2]:
                stale.append(entry.msgid)
    assert not stale, (
        f"django.mo is older than django.po; run compilemessages: {stale[:10]}"
    )
