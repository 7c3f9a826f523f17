"""Build pages the way editors do: in the tree, published through revisions."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
from collections.abc import Iterator
from types import SimpleNamespace

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Locale

from samizdat.articles.models import (
    ArticleAuthor,
    ArticlePage,
    CaricaturePage,
    Correction,
    HomePage,
    SectionPage,
)
from samizdat.people.models import Person

_counter = itertools.count(1)


def locale(code: str = "en") -> Locale:
    return Locale.objects.get(language_code=code)


def home(code: str = "en") -> HomePage:
    return HomePage.objects.get(locale__language_code=code)


def person(name: str | None = None, code: str = "en", **fields) -> Person:
    name = name or f"Writer {next(_counter)}"
    return Person.objects.create(name=name, locale=locale(code), **fields)


def section(
    title: str = "News", code: str = "en", slug: str | None = None
) -> SectionPage:
    parent = home(code)
    page = parent.add_child(
        instance=SectionPage(
            title=title,
            slug=slug or title.lower(),
            show_in_menus=True,
            locale=parent.locale,
        )
    )
    page.save_revision().publish()
    return page


def body(blocks: int = 3) -> list:
    """A body of `blocks` blocks: subheadings, paragraphs and quotations."""
    shapes = [
        lambda i: ("subheading", f"Subheading {i}"),
        lambda i: ("paragraph", f"<p>Paragraph {i} of the report, with facts.</p>"),
        lambda i: (
            "quotation",
            {
                "text": f"Quoted words {i}.",
                "speaker": f"Speaker {i}",
                "speaker_role": "witness",
            },
        ),
    ]
    return [shapes[i % 3](i) for i in range(blocks)]


def article(
    parent: SectionPage,
    title: str | None = None,
    *,
    authors: list[Person] | None = None,
    tags: list[str] = (),
    blocks: int = 3,
    publish: bool = True,
    published_at: dt.datetime | None = None,
    page_class=ArticlePage,
    **fields,
) -> ArticlePage:
    n = next(_counter)
    title = title or f"Article {n}"
    fields.setdefault("slug", f"article-{n}")
    if page_class is ArticlePage:
        fields.setdefault("body", body(blocks))
    page = page_class(title=title, standfirst=f"Standfirst of {title}.", **fields)
    page.article_authors = [
        ArticleAuthor(person=p, sort_order=i)
        for i, p in enumerate(authors or [person(code=parent.locale.language_code)])
    ]
    if tags:
        page.tags.add(*tags)
    if not publish:
        # As the admin does for a new draft: Page.live defaults to True.
        page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
        if published_at is not None:
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
            page.refresh_from_db()
    return page


def correction(page: ArticlePage, text: str, date: dt.date | None = None) -> Correction:
    page = page.get_latest_revision_as_object()
    page.corrections.add(Correction(date=date or timezone.localdate(), text=text))
    page.save_revision().publish()
    return page.corrections.first()


def image(title: str = "Cartoon", size: tuple[int, int] = (64, 48)) -> Image:
    """A small PNG drawn by Pillow, stored as a Wagtail image."""
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 60, 40)).save(buffer, "PNG")
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"{next(_counter)}.png")
    )


def caricature(parent: SectionPage, title: str | None = None, **fields):
    """A published caricature with its cartoon and alt text."""
    fields.setdefault("cartoon", image())
    fields.setdefault("alt_text", "A drawn figure carrying a heavy ballot box.")
    return article(parent, title, page_class=CaricaturePage, **fields)


def publication() -> SimpleNamespace:
    """A small publication in both editions with every page type in use.

    English: News (an article with two authors, one with a pen name, tags and
    a correction-free body) and Caricature (a caricature). Persian: the News
    section's translation with a Persian article dated 2025-03-08 and the
    English article's translation."""
    from samizdat.articles.setup import ensure_editions, ensure_translation

    homes = ensure_editions("Samizdat")
    news = section("News")
    cartoons = section("Caricature", slug="caricature")
    writer = person("Leila Karimi", pen_name="Nightingale", bio="Reports on water.")
    colleague = person("Omid Rahimi")
    artist = person("Sara Naderi")
    story = article(
        news, "Rivers run dry", authors=[writer, colleague], tags=["water", "climate"]
    )
    drawing = caricature(cartoons, "The ballot box", authors=[artist])

    fa = locale("fa")
    fa_news = ensure_translation(news, fa, title="اخبار")
    fa_writer = person("لیلا کریمی", code="fa", pen_name="بلبل")
    fa_story = article(
        fa_news,
        "رودخانه‌ها خشک می‌شوند",
        authors=[fa_writer],
        tags=["آب"],
        slug="رودخانه‌ها-خشک-می‌شوند",
        published_at=dt.datetime(2025, 3, 8, 9, 0, tzinfo=dt.UTC),
    )
    translation = story.copy_for_translation(fa)
    translation.title = "رودها خشک شدند"
    translation.save_revision().publish()
    translation.refresh_from_db()
    fa_cartoons = ensure_translation(cartoons, fa, title="کاریکاتور")
    fa_drawing = caricature(fa_cartoons, "صندوق رای", authors=[fa_writer])
    return SimpleNamespace(
        homes=homes,
        news=news,
        cartoons=cartoons,
        writer=writer,
        colleague=colleague,
        artist=artist,
        story=story,
        drawing=drawing,
        fa_news=fa_news,
        fa_writer=fa_writer,
        fa_story=fa_story,
        translation=translation,
        fa_cartoons=fa_cartoons,
        fa_drawing=fa_drawing,
    )


def admin_form_defaults(client, url: str) -> dict[str, str]:
    """The fields an admin page form sends untouched, read from the form itself,
    so that panels added by other apps (inline formsets) come along."""
    from wagtail.test.utils.form_data import querydict_from_html

    response = client.get(url)
    assert response.status_code == 200, url
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    return {k: v for k, v in data.items() if "__prefix__" not in k}


def article_form(
    title: str,
    authors: list[Person],
    *,
    slug: str = "",
    base: dict[str, str] | None = None,
    **fields,
) -> dict[str, str]:
    """POST data for the admin's article form, as the editor's browser sends it.

    `base` (from admin_form_defaults) supplies every other field of the form."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        streamfield,
    )

    data = {
        "title": title,
        "slug": slug,
        "standfirst": f"Standfirst of {title}.",
        "kind": "news",
        "tags": "",
        "body": streamfield(
            [("subheading", "What happened"), ("pull_quote", "Words that matter.")]
        ),
        "article_authors": inline_formset(
            [{"person": str(p.pk)} for p in authors], min=1
        ),
        "corrections": inline_formset([]),
        "go_live_at": "",
        "expire_at": "",
        "seo_title": "",
        "search_description": "",
        "lead_image": "",
        "lead_image_alt": "",
        "lead_image_caption": "",
    }
    data.update(fields)
    return {**(base or {}), **nested_form_data(data)}


@contextlib.contextmanager
def built_once(django_db_blocker) -> Iterator[None]:
    """Build data once for a module or class, rolled back afterwards.

    Use in a fixture with a scope wider than a test; each test still runs in
    its own savepoint on top, so tests cannot see one another's changes."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


__all__ = [
    "CaricaturePage",
    "article",
    "admin_form_defaults",
    "article_form",
    "body",
    "built_once",
    "caricature",
    "correction",
    "home",
    "image",
    "person",
    "publication",
    "section",
]
