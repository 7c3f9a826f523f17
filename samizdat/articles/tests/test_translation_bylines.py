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
    assert signed == [writer_fa, untranslated]
    draft = copy.get_latest_revision_as_object()
    assert [a.person_id for a in draft.article_authors.all()] == [
        writer_fa.pk,
        untranslated.pk,
    ]
