from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from samizdat.core.pages import ReaderPage
from samizdat.editions.slugs import slugify

from .blocks import ArticleBodyBlock
from .body import reading_minutes
from .index import NormalisedSearchField, article_search_fields, facet_words

PAGE_SIZE = 20


class Kind(models.TextChoices):
    NEWS = "news", _("News")
    OPINION = "opinion", _("Opinion")
    ANALYSIS = "analysis", _("Analysis")
    REPORT = "report", _("Report")
    INTERVIEW = "interview", _("Interview")


class Tag(TagBase):
    """A topic. Slugs keep the ZWNJ of Persian words."""

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def slugify(self, tag, i=None):
        slug = slugify(tag) or "tag"
        return f"{slug}-{i}" if i is not None else slug


class ArticlePageTag(ItemBase):
    tag = models.ForeignKey(
        Tag, related_name="tagged_articles", on_delete=models.CASCADE
    )
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class Paginated:
    """Listing pages with stable, mirror-friendly URLs: /section/page/2/."""

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
    ]

    class Meta:
        verbose_name = _("home page")

    @path("")
    def index(self, request):
        return self.render(request)

    def get_context(self, request, *args, **kwargs):
        from . import queries

        context = super().get_context(request, *args, **kwargs)
        context.update(queries.home(self))
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

    @path("")
    def first_page(self, request):
        return self.listing(request, 1)

    @path("page/<int:number>/", name="page")
    def numbered_page(self, request, number: int):
        if number == 1:
            return HttpResponsePermanentRedirect(self.get_url(request))
        return self.listing(request, number)

    def listing(self, request, number: int):
        from . import queries

        page_obj = self.paginate(request, queries.in_section(self), number)
        return self.render(
            request,
            context_overrides=self.pagination(
                page_obj, lambda n: self.section_url(request, n)
            ),
        )

    def section_url(self, request, number: int = 1) -> str:
        if number <= 1:
            return self.get_url(request)
        return self.get_url(request) + self.reverse_subpage("page", args=[number])


class ArticlePage(ReaderPage):
    """A piece of writing: news, opinion, analysis, report or interview."""

    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_("One or two sentences under the headline."),
    )
    kind = models.CharField(
        _("kind of piece"), max_length=20, choices=Kind.choices, default=Kind.NEWS
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("lead image alt text"), max_length=300, blank=True
    )
    lead_image_caption = models.CharField(
        _("lead image caption"), max_length=400, blank=True
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(
        through=ArticlePageTag, blank=True, verbose_name=_("tags")
    )
    section = models.ForeignKey(
        "articles.SectionPage",
        verbose_name=_("section"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="pieces",
    )
    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=1, editable=False
    )

    content_panels = ReaderPage.content_panels + [
        FieldPanel("standfirst"),
        InlinePanel("article_authors", label=_("Authors"), min_num=1),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldRowPanel(
                    [FieldPanel("lead_image_alt"), FieldPanel("lead_image_caption")]
                ),
            ],
            heading=_("Lead image"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("pinned_related", label=_("Pinned related articles")),
        InlinePanel("corrections", label=_("Corrections")),
        InlinePanel("newsletter", label=_("Newsletter"), max_num=1),
    ]
    search_fields = article_search_fields(ReaderPage.search_fields) + [
        index.FilterField("kind"),
        index.FilterField("section_id"),
    ]
    parent_page_types = ["articles.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")

    @property
    def headline(self) -> str:
        return self.title

    def search_facets(self) -> str:
        return facet_words(self)

    @classmethod
    def content_type_id_cached(cls) -> int:
        return ContentType.objects.get_for_model(cls, for_concrete_model=False).pk

    def clean(self):
        super().clean()
        if type(self) is ArticlePage and not self.body:
            raise ValidationError({"body": _("An article needs a body.")})

    def save(self, *args, **kwargs):
        self.reading_minutes = reading_minutes(self.body)
        parent = self.get_parent() if self.pk or self.path else None
        if parent is not None and parent.specific_class is SectionPage:
            self.section_id = parent.pk
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from . import navigation, queries

        context = super().get_context(request, *args, **kwargs)
        context.update(queries.article_detail(self))
        context["section"] = navigation.section_of(request, self)
        return context

    @property
    def was_updated(self) -> bool:
        first, last = self.first_published_at, self.last_published_at
        return bool(first and last and last.date() > first.date())


class ArticleAuthor(Orderable):
    """One byline on a piece, in the editor's order."""

    article = ParentalKey(
        ArticlePage, related_name="article_authors", on_delete=models.CASCADE
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="bylines",
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class Correction(Orderable):
    """A dated note telling readers what was wrong and what changed."""

    article = ParentalKey(
        ArticlePage, related_name="corrections", on_delete=models.CASCADE
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("correction"))

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")


class CaricaturePage(ArticlePage):
    """A political cartoon: the image comes first."""

    cartoon = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cartoon"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_("Describe the cartoon for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=400, blank=True)

    content_panels = ReaderPage.content_panels + [
        FieldPanel("cartoon"),
        FieldPanel("alt_text"),
        FieldPanel("caption"),
        InlinePanel("article_authors", label=_("Artist"), min_num=1),
        FieldPanel("standfirst"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("corrections", label=_("Corrections")),
    ]
    search_fields = ArticlePage.search_fields + [
        NormalisedSearchField("caption"),
        NormalisedSearchField("alt_text"),
    ]
    parent_page_types = ["articles.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("caricature")

    def save(self, *args, **kwargs):
        self.kind = Kind.OPINION
        super().save(*args, **kwargs)


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
        from . import queries

        return {"people": queries.people(self)}

    def item_by_slug(self, slug: str):
        from . import queries

        return queries.person_by_slug(self, slug)

    def item_pieces(self, item):
        from . import queries

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
        from . import queries

        return {"tags": queries.tags_in(self.locale)}

    def item_by_slug(self, slug: str):
        from . import queries

        return queries.tag_by_slug(slug)

    def item_pieces(self, item):
        from . import queries

        return queries.with_tag(self.locale, item)
