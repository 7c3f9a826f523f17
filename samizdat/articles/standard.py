"""A plain page of an edition that is not a piece: About, Contact, Support
us. It has a body of the same blocks as an article, no byline and no date."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from samizdat.core.pages import ReaderPage

from .blocks import ArticleBodyBlock
from .index import NormalisedSearchField


class StandardPage(ReaderPage):
    """A page such as About or Contact, under the edition's home page."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = ReaderPage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = ReaderPage.search_fields + [
        NormalisedSearchField("introduction"),
    ]
    parent_page_types = ["articles.HomePage", "articles.StandardPage"]
    subpage_types = ["articles.StandardPage"]

    class Meta:
        verbose_name = _("plain page")
