from __future__ import annotations

from wagtail.actions.copy_for_translation import CopyPageForTranslationAction

from samizdat.articles.models import ArticlePage
from samizdat.articles.setup import ensure_translation
from samizdat.articles.tests import factories


def test_it_signs_a_translation_with_the_translated_author(editions):
    fa = factories.locale("fa")
    news = factories.section("News")
    ensure_translation(news, fa, title="اخبار")
    writer = factories.person("Leila Karimi")
    writer_fa = writer.copy_for_translation(fa)
    writer_fa.name = "لیلا کریمی"
    writer_fa.save()
    untranslated = factories.person("Omid Nouri")
    page = factories.article(news, "Rivers run dry", authors=[writer, untranslated])

    copy = CopyPageForTranslationAction(page, fa).execute(skip_permission_checks=True)

    copy = ArticlePage.objects.get(pk=copy.pk)
    signed = [a.person for a in copy.article_authors.order_by("sort_order")]
    # Someone the edition did not have yet is added to it first (same name,
    # for the translator to translate), so the byline stays in the edition.
    added = signed[1]
    assert signed[0] == writer_fa
    assert (added.locale, added.translation_key, added.name) == (
        fa,
        untranslated.translation_key,
        "Omid Nouri",
    )
    assert added.pk != untranslated.pk
    draft = copy.get_latest_revision_as_object()
    assert [a.person_id for a in draft.article_authors.all()] == [
        writer_fa.pk,
        added.pk,
    ]


def test_it_carries_people_tags_and_section_into_the_translation(editions):
    from samizdat.articles.pieces import Tag, TagTranslation
    from samizdat.people.models import Person

    fa = factories.locale("fa")
    opinion = factories.section("Opinion")
    opinion_fa = ensure_translation(opinion, fa, title="دیدگاه")
    korki = factories.person("Abdul Rahman Korki", pen_name="Mahabadi")
    page = factories.article(
        opinion, "On exile", authors=[korki], tags=["exile", "press"]
    )
    TagTranslation.objects.create(
        tag=Tag.objects.get(name="exile"), locale=fa, name="تبعید"
    )

    copy = CopyPageForTranslationAction(page, fa).execute(skip_permission_checks=True)

    copy = ArticlePage.objects.get(pk=copy.pk)
    korki_fa = Person.objects.get(translation_key=korki.translation_key, locale=fa)
    assert korki_fa.pk != korki.pk and korki_fa.slug == korki.slug
    draft = copy.get_latest_revision_as_object()
    assert [a.person_id for a in draft.article_authors.all()] == [korki_fa.pk]
    assert [a.person_id for a in copy.article_authors.all()] == [korki_fa.pk]
    # The translated tag in Persian; one without a translation as it was.
    assert sorted(t.name for t in draft.tags.all()) == ["press", "تبعید"]
    assert copy.section_id == opinion_fa.pk and copy.get_parent().pk == opinion_fa.pk


def test_it_shows_editions_and_flags_a_translation_the_source_outran(editions, client):
    import re

    from django.contrib.auth.models import User

    fa = factories.locale("fa")
    news = factories.section("News")
    ensure_translation(news, fa, title="اخبار")
    page = factories.article(
        news, "Rivers run dry", authors=[factories.person("Omid Nouri")]
    )
    copy = CopyPageForTranslationAction(page, fa).execute(skip_permission_checks=True)
    client.force_login(User.objects.create_superuser("chief", password="not-used"))
    edit_copy = f"/admin/pages/{copy.pk}/edit/"

    def panel(url: str) -> str:
        html = client.get(url).content.decode()
        return html.split('<div class="samizdat-editions">')[1].split("</div>")[0]

    html = client.get(edit_copy).content.decode()
    assert "not translated yet" not in panel(edit_copy)
    assert "out of date" not in panel(edit_copy)
    assert f'href="/admin/pages/{page.pk}/edit/"><bdi>English</bdi></a>' in html
    assert "still under their original names: Omid Nouri" in html
    title = re.search(r'<input[^>]*name="title"[^>]*>', html).group(0)
    assert 'dir="rtl"' in title
    english = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    english_title = re.search(r'<input[^>]*name="title"[^>]*>', english).group(0)
    assert 'dir="rtl"' not in english_title

    factories.correction(page, "The river's name was misspelt.")
    assert "out of date: the original was published again" in panel(edit_copy)
    # The English piece's panel flags its Persian copy, not itself.
    english = panel(f"/admin/pages/{page.pk}/edit/")
    assert english.count("out of date") == 1
    assert (
        "<strong><bdi>English</bdi></strong>:\n          published, original\n"
        in english
    )
