"""The pages of an edition that list pieces: the front page, sections, and
the author and topic indexes. Django finds every model of the app here: the
pieces themselves are defined in `samizdat.articles.pieces` (below
`samizdat.articles.queries`, which these pages call) and re-exported."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale

from samizdat.core.pages import ReaderPage

from . import queries
from .pieces import (
    ArticleAuthor,
    ArticlePage,
    ArticlePageTag,
    CaricaturePage,
    Correction,
    Kind,
    Tag,
)
from .rendering import RenderGeneration
from .standard import StandardPage

__all__ = [
    "RenderGeneration",
    "ArticleAuthor",
    "ArticlePage",
    "ArticlePageTag",
    "AuthorIndexPage",
    "CaricaturePage",
    "Correction",
    "HomePage",
    "ItemIndexPage",
    "Kind",
    "PAGE_SIZE",
    "Paginated",
    "SectionPage",
    "StandardPage",
    "Tag",
    "TagIndexPage",
]

PAGE_SIZE = 20


class Paginated:
    """Listing pages with stable, mirror-friendly URLs: /section/page/2/."""

    # Given by RoutablePageMixin, which every listing page also inherits.
    get_resolver: ClassVar[Callable[[], Any]]

    @classmethod
    def subpage_path(cls, name: str, *args) -> str:
        """A sub-page's path relative to the page, without an instance."""
        return cls.get_resolver().reverse(name, *args)

    def paginate(self, request, queryset, number: int):
        paginator = Paginator(queryset, PAGE_SIZE, allow_empty_first_page=True)
        try:
            return paginator.page(number)
        except EmptyPage as error:
            raise Http404 from error

    def pagination(self, page_obj, url_for) -> dict:
        """Links for a listing: previous, next and nearby page numbers."""
        current, last = page_obj.number, page_obj.paginator.num_pages
        nearby = sorted(
            {1, last, *range(max(1, current - 2), min(last, current + 2) + 1)}
        )
        return {
            "page_obj": page_obj,
            "articles": page_obj.object_list,
            "previous_url": url_for(current - 1) if page_obj.has_previous() else "",
            "next_url": url_for(current + 1) if page_obj.has_next() else "",
            "nearby": [(n, url_for(n), n == current) for n in nearby],
        }


class HomePage(RoutablePageMixin, ReaderPage):
    """The front page of one edition."""

    lead_story = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to lead with the latest article."),
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)

    content_panels = ReaderPage.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("lead_story"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.SectionPage",
        "articles.AuthorIndexPage",
        "articles.TagIndexPage",
        "articles.StandardPage",
    ]

    class Meta:
        verbose_name = _("home page")

    @path("")
    def index(self, request):
        return self.render(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = SectionPage.of_edition(self.locale_id)
        context.update(queries.home(self.locale_id, self.lead_story_id, sections))
        return context


class SectionPage(RoutablePageMixin, Paginated, ReaderPage):
    """A section such as News or Opinion, listing its pieces newest first."""

    introduction = models.TextField(_("introduction"), blank=True)
    default_kind = models.CharField(
        _("default kind of piece"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.NEWS,
    )

    content_panels = ReaderPage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("default_kind"),
    ]
    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.ArticlePage", "articles.CaricaturePage"]

    class Meta:
        verbose_name = _("section")

    @classmethod
    def of_edition(
        cls, locale: Locale | int, menu_only: bool = True
    ) -> list[SectionPage]:
        """The edition's sections in menu order, for the navigation bar."""
        locale_id = locale if isinstance(locale, int) else locale.pk
        queryset = cls.objects.live().filter(locale_id=locale_id)
        if menu_only:
            queryset = queryset.in_menu()
        return list(queryset.select_related("locale").order_by("path"))

    @path("")
    def first_page(self, request):
        return self.listing(request, 1)

    @path("page/<int:number>/", name="page")
    def numbered_page(self, request, number: int):
        if number == 1:
            return HttpResponsePermanentRedirect(self.get_url(request))
        return self.listing(request, number)

    def listing(self, request, number: int):
        page_obj = self.paginate(request, queries.in_section(self), number)
        context = self.pagination(page_obj, lambda n: self.section_url(request, n))
        # A section of cartoons is shown as a grid of the drawings.
        cartoon = CaricaturePage.content_type_id_cached()
        pieces = list(page_obj.object_list)
        context["is_caricature"] = bool(pieces) and all(
            piece.content_type_id == cartoon for piece in pieces
        )
        return self.render(request, context_overrides=context)

    def section_url(self, request, number: int = 1) -> str:
        if number <= 1:
            return self.get_url(request)
        return self.get_url(request) + self.reverse_subpage("page", args=[number])


class ItemIndexPage(RoutablePageMixin, Paginated, ReaderPage):
    """An edition's index of people or topics: the index itself at its own
    URL, each item's pieces at <slug>/, paginated at <slug>/page/<n>/."""

    parent_page_types = ["articles.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    item_template = ""
    item_name = ""

    class Meta:
        abstract = True

    @classmethod
    def of_edition(cls, locale_id: int) -> ItemIndexPage | None:
        """The edition's index of this kind, if it has one."""
        return (
            cls.objects.live()
            .filter(locale_id=locale_id)
            .select_related("locale")
            .first()
        )

    def index_context(self) -> dict:
        """What the index page shows."""
        raise NotImplementedError

    def item_by_slug(self, slug: str):
        """The person or tag at `slug`, or Http404."""
        raise NotImplementedError

    def item_pieces(self, item):
        """The item's pieces a reader may see, newest first, as cards."""
        raise NotImplementedError

    @path("")
    def index_page(self, request):
        return self.render(request, context_overrides=self.index_context())

    @path("<str:slug>/", name="item")
    def item(self, request, slug: str):
        return self.item_page(request, slug, 1)

    @path("<str:slug>/page/<int:number>/", name="item_page")
    def item_numbered(self, request, slug: str, number: int):
        if number == 1:
            return HttpResponsePermanentRedirect(self.item_url(request, slug))
        return self.item_page(request, slug, number)

    def item_url(self, request, slug: str, number: int = 1) -> str:
        if number <= 1:
            return self.get_url(request) + self.reverse_subpage("item", args=[slug])
        return self.get_url(request) + self.reverse_subpage(
            "item_page", args=[slug, number]
        )

    def item_page(self, request, slug: str, number: int):
        item = self.item_by_slug(slug)
        page_obj = self.paginate(request, self.item_pieces(item), number)
        context = self.pagination(page_obj, lambda n: self.item_url(request, slug, n))
        context[self.item_name] = item
        return self.render(
            request, template=self.item_template, context_overrides=context
        )


class AuthorIndexPage(ItemIndexPage):
    """Lists the edition's people; each person has a page of their work."""

    item_template = "pages/author_page.html"
    item_name = "person"

    class Meta:
        verbose_name = _("author index")

    def author_url(self, request, slug: str, number: int = 1) -> str:
        return self.item_url(request, slug, number)

    def index_context(self) -> dict:
        return {"people": queries.people(self)}

    def item_by_slug(self, slug: str):
        return queries.person_by_slug(self, slug)

    def item_pieces(self, item):
        return queries.by_person(item)


class TagIndexPage(ItemIndexPage):
    """Lists the edition's topics; each tag has a page of pieces."""

    item_template = "pages/tag_page.html"
    item_name = "tag"

    class Meta:
        verbose_name = _("tag index")

    def tag_url(self, request, slug: str, number: int = 1) -> str:
        return self.item_url(request, slug, number)

    def index_context(self) -> dict:
        return {"tags": queries.tags_in(self.locale)}

    def item_by_slug(self, slug: str):
        return queries.tag_by_slug(slug)

    def item_pieces(self, item):
        return queries.with_tag(self.locale, item)
