from __future__ import annotations

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class QuotationBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    person = SnippetChooserBlock(
        "people.Person",
        label=_("Speaker"),
        required=False,
        help_text=_("Choose the speaker from People, or create them here."),
    )
    speaker = blocks.CharBlock(
        label=_("Speaker (free text)"),
        max_length=200,
        required=False,
        help_text=_(
            "Only when the speaker is not in People: the quotation is then "
            "listed under Reports → Unlinked speakers."
        ),
    )
    speaker_role = blocks.CharBlock(
        label=_("Speaker's role"), required=False, max_length=200
    )
    date_said = blocks.DateBlock(label=_("Date said"), required=False)
    source_url = blocks.URLBlock(label=_("Source link"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "components/streamfield/blocks/quotation.html"

    def clean(self, value):
        value = super().clean(value)
        # A draft (autosave included) may hold a quotation whose speaker is
        # still to come; submitting and publishing need one.
        if self.is_deferred_validation:
            return value
        if value.get("person") is None and not (value.get("speaker") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "person": ErrorList(
                        [
                            ValidationError(
                                _("Choose a speaker from People or type a name.")
                            )
                        ]
                    )
                }
            )
        return value


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
