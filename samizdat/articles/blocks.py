from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class QuotationBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    speaker = blocks.CharBlock(label=_("Speaker"), max_length=200)
    speaker_role = blocks.CharBlock(
        label=_("Speaker's role"), required=False, max_length=200
    )
    date_said = blocks.DateBlock(label=_("Date said"), required=False)
    source_url = blocks.URLBlock(label=_("Source link"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "components/streamfield/blocks/quotation.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=300,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=400)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/blocks/image.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=PARAGRAPH_FEATURES,
        template="components/streamfield/blocks/paragraph.html",
    )
    subheading = blocks.CharBlock(
        label=_("Subheading"),
        max_length=200,
        icon="title",
        template="components/streamfield/blocks/subheading.html",
    )
    quotation = QuotationBlock()
    image = ImageBlock()
    pull_quote = blocks.TextBlock(
        label=_("Pull quote"),
        icon="openquote",
        template="components/streamfield/blocks/pull_quote.html",
    )
