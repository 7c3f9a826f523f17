"""What a piece is: an article or caricature page, its bylines, tags and
corrections. The listing pages that show pieces (`samizdat.articles.models`)
read them through `samizdat.articles.queries`, which sits between the two,
so every import goes one way: pieces, queries, listing pages."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.formsets import ORDERING_FIELD_NAME
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageViewRestriction
from wagtail.search import index

from samizdat.core.pages import ReaderPage
from samizdat.editions.slugs import slugify

from . import rendering
from .blocks import ArticleBodyBlock
from .body import reading_minutes
from .index import NormalisedSearchField, article_search_fields, facet_words
from .translation_status import TranslationsPanel


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


class TagTranslation(models.Model):
    """What a tag is called in another edition, kept by editors so that a
    translated piece gets its tags in the target edition's words."""

    tag = models.ForeignKey(
        Tag,
        verbose_name=_("tag"),
        on_delete=models.CASCADE,
        related_name="translations",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("name in that edition"), max_length=100)

    panels = [FieldPanel("tag"), FieldPanel("locale"), FieldPanel("name")]

    class Meta:
        verbose_name = _("tag translation")
        verbose_name_plural = _("tag translations")
        ordering = ["tag__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["tag", "locale"], name="one_translation_per_tag_and_edition"
            )
        ]

    def __str__(self) -> str:
        return f"{self.tag} → {self.name}"


class ArticlePageTag(ItemBase):
    tag = models.ForeignKey(
        Tag, related_name="tagged_articles", on_delete=models.CASCADE
    )
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BylineForm(WagtailAdminModelForm):
    """One author row. A row added but whose person is not chosen yet is left
    out of a draft save (autosave, "Save draft") instead of refusing the whole
    draft: autosave answered 400 every few seconds while the editor went to
    the chooser. Submitting and publishing still need a person in each row."""

    def is_unchosen_new_row(self) -> bool:
        return (
            getattr(self, "is_deferred_validation", False)
            and self.instance.pk is None
            and not self.data.get(self.add_prefix("person"))
        )

    def defer_required_fields(self):
        super().defer_required_fields()
        if self.is_unchosen_new_row():
            self.empty_permitted = True

    def has_changed(self) -> bool:
        return not self.is_unchosen_new_row() and super().has_changed()

    def full_clean(self):
        super().full_clean()
        if self.is_unchosen_new_row():
            # Skipped rows have no cleaned data; the panel sorts rows by order.
            self.cleaned_data.setdefault(ORDERING_FIELD_NAME, None)


class BylinesPanel(InlinePanel):
    """The authors of a piece, in order, with `BylineForm` rows."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = BylineForm
        return options


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
    lead_image_credit = models.CharField(
        _("lead image credit"),
        max_length=200,
        blank=True,
        help_text=_("Who made the picture: photographer, artist or agency."),
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

    content_panels = [
        TranslationsPanel(heading=_("Editions")),
        *ReaderPage.content_panels,
        FieldPanel("standfirst"),
        BylinesPanel("article_authors", label=_("Authors"), min_num=1),
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldRowPanel(
                    [FieldPanel("lead_image_alt"), FieldPanel("lead_image_caption")]
                ),
                FieldPanel("lead_image_credit"),
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
        # A draft's body may be still to come (the first autosaves of a new
        # piece are headline and byline); submitting and publishing need one.
        if type(self) is ArticlePage and not self.body and not self.checking_draft:
            raise ValidationError({"body": _("An article needs a body.")})

    def save(self, *args, **kwargs):
        self.reading_minutes = reading_minutes(self.body)
        parent = self.get_parent() if self.pk or self.path else None
        section_class = self._meta.get_field("section").related_model
        if parent is not None and parent.specific_class is section_class:
            self.section_id = parent.pk
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Bylines, tags and corrections, read only when something renders
        # them: the parts of the page that show them are usually in the
        # cache (`{% per_revision %}`). The section comes from the cached
        # navigation (`section_of`).
        context.update(
            {
                name: SimpleLazyObject(read)
                for name, read in (
                    ("authors", self.byline_people),
                    ("tags", lambda: list(self.tags.all())),
                    ("corrections", self.corrections_in_order),
                )
            }
        )
        return context

    def edition_alternates(self, request) -> list:
        # The page tree's changes move the render generation on.
        read = super().edition_alternates
        return rendering.per_revision(
            self, request, "alternates", lambda: read(request)
        )

    def get_view_restrictions(self):
        """Wagtail's check, made once per revision and render generation
        (adding or removing a restriction moves it on): a piece is read on
        every view, and its ancestors' restrictions cost two queries."""
        read = super().get_view_restrictions
        found = rendering.per_revision(
            self,
            None,
            "restrictions",
            lambda: list(read().values_list("pk", flat=True)),
        )
        if not found:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=found)

    def byline_people(self) -> list:
        return [a.person for a in self.article_authors.select_related("person")]

    def corrections_in_order(self) -> list:
        return list(self.corrections.order_by("date", "pk"))

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
        BylinesPanel("article_authors", label=_("Artist"), min_num=1),
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
        # Cards and metadata show a piece's lead image: a caricature's is
        # its cartoon, so lists and the Caricature section show the drawing.
        self.lead_image_id = self.cartoon_id
        self.lead_image_alt = self.alt_text
        self.lead_image_caption = self.caption
        super().save(*args, **kwargs)
