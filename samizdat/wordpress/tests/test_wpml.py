"""manage.py import_wordpress on a WPML site's export (WPML Export and
Import's custom fields carry each post's language and translation group)."""

from __future__ import annotations

import io

from django.core.management import call_command

from samizdat.articles.models import ArticlePage, StandardPage
from samizdat.wordpress.models import ImportedItem

from .conftest import EXPORTS

WPML = EXPORTS / "wpml.xml"


def run() -> str:
    out = io.StringIO()
    call_command("import_wordpress", str(WPML), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_imports_each_post_into_its_edition_with_translations_linked(editions):
    run()
    persian = ArticlePage.objects.get(slug="schools-without-heating")
    english = ArticlePage.objects.get(slug="schools-without-heating-2")
    assert persian.locale.language_code == "fa"
    assert english.locale.language_code == "en"
    assert persian.section.title == "جامعه"
    assert english.section.title == "Society"
    assert english.translation_key == persian.translation_key
    assert [p.pk for p in persian.get_translations()] == [english.pk]
    # Pages too; WPML's regional code (en-us) finds the English edition.
    about_fa = StandardPage.objects.get(locale__language_code="fa", slug="about")
    about_en = StandardPage.objects.get(locale__language_code="en", slug="about")
    assert about_en.translation_key == about_fa.translation_key


def test_a_language_that_is_no_edition_is_skipped_and_reported(editions):
    out = run()
    assert not ArticlePage.objects.filter(title="Nouvelles brèves").exists()
    assert "520" in out
    assert "its language is no edition here" in out


def test_a_second_run_creates_nothing(editions):
    run()
    pages = set(ArticlePage.objects.values_list("pk", "translation_key"))
    items = ImportedItem.objects.count()
    out = run()
    assert set(ArticlePage.objects.values_list("pk", "translation_key")) == pages
    assert ImportedItem.objects.count() == items
    assert len(pages) == 2
    assert "unchanged" in out
