"""The skeleton every publication needs: one home page per edition, with its
author and topic index pages, served by the default site."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Collection, Locale, Page, Site

from .models import AuthorIndexPage, HomePage, TagIndexPage


def _publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _localized_title(code: str, text: str) -> str:
    with translation.override(code):
        return _(text)


@transaction.atomic
def ensure_editions(site_name: str | None = None) -> dict[str, HomePage]:
    """Create what is missing of the edition skeleton; change nothing else."""
    site_name = site_name or settings.WAGTAIL_SITE_NAME
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }
    default = locales[settings.LANGUAGE_CODE]
    # Wagtail's migrations make the tree's root and the root collection; a
    # database emptied since (a flush) gets them back here.
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=default)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")

    home = HomePage.objects.filter(locale=default, depth=2).first()
    if home is None:
        # Wagtail's installer leaves a plain welcome page; a publication replaces it.
        for welcome in Page.objects.filter(depth=2, content_type__model="page"):
            if not welcome.get_children().exists():
                welcome.delete()
        home = root.add_child(
            instance=HomePage(title=site_name, slug="home", locale=default)
        )
        _publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=site_name,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or site_name
        site.save()

    for index_class, slug, title in (
        (AuthorIndexPage, "authors", "Authors"),
        (TagIndexPage, "tags", "Topics"),
    ):
        if not index_class.objects.child_of(home).exists():
            page = home.add_child(
                instance=index_class(
                    title=_localized_title(default.language_code, title),
                    slug=slug,
                    locale=default,
                )
            )
            _publish(page)

    homes = {default.language_code: home}
    for code, locale in locales.items():
        if locale == default:
            continue
        homes[code] = ensure_translation(home, locale)
        for index in [
            *AuthorIndexPage.objects.child_of(home),
            *TagIndexPage.objects.child_of(home),
        ]:
            ensure_translation(index, locale)
    return homes


def ensure_translation(page: Page, locale: Locale, title: str | None = None) -> Page:
    """The published translation of `page` in `locale`, made if missing."""
    page = page.specific
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.copy_for_translation(locale, copy_parents=True)
    if title is None:
        title = _localized_title(locale.language_code, page.title)
    copy.title = title
    if copy.depth == 2:
        copy.slug = f"home-{locale.language_code}"
    copy.save()
    return _publish(copy).specific
