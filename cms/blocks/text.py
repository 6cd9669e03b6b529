"""Text blocks: paragraphs, headings, quotes, accordions and calls to action."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; its text and anchor feed the page's table of contents."""

    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"), choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        label = _("Heading")
        preview_value = {"text": "Tekoälyn käyttötapaukset", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        label = _("Paragraph")
        preview_value = "<p>SOTE-tekoälyn ekosysteemi edistää tekoälyn vastuullista käyttöä.</p>"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        label = _("Quote")
        preview_value = {
            "quote": "Nyt on oikea aika tehdä vähintään askelmerkkejä.",
            "attribution": "Ekosysteemin koordinaattori",
        }


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    body = ParagraphBlock(label=_("Content"))


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that open without JavaScript (native <details>)."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"))

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion.html"
        label = _("Accordion")
        preview_value = {
            "heading": "Usein kysyttyä",
            "items": [{"title": "Kuka voi liittyä?", "body": "<p>Kaikki sote-alan toimijat.</p>"}],
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_page = blocks.PageChooserBlock(label=_("Link to page"), required=False)
    link_url = blocks.URLBlock(label=_("Or external link"), required=False)
    link_text = blocks.CharBlock(label=_("Link text"), max_length=80)

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"
        label = _("Call to action")
        preview_value = {
            "title": "Liity jäseneksi",
            "text": "Liity yli 200 organisaation verkostoon.",
            "link_url": "https://sotetekoaly.fi/",
            "link_text": "Liity",
        }

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks import StructBlockValidationError

        value = super().clean(value)
        if not value.get("link_page") and not value.get("link_url"):
            raise StructBlockValidationError(
                block_errors={"link_url": ValidationError(_("Choose a page or give a link."))}
            )
        return value
