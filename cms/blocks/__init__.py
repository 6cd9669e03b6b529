"""Shared StreamField blocks, split by kind; ``BodyStreamBlock`` is the standard page body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .data import KeyFiguresBlock, TableBlock, TimelineBlock
from .media import DocumentLinkBlock, ImageBlock, VideoEmbedBlock
from .text import AccordionBlock, CallToActionBlock, HeadingBlock, ParagraphBlock, QuoteBlock

__all__ = [
    "AccordionBlock",
    "BodyStreamBlock",
    "CallToActionBlock",
    "DocumentLinkBlock",
    "HeadingBlock",
    "ImageBlock",
    "KeyFiguresBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "TableBlock",
    "TimelineBlock",
    "VideoEmbedBlock",
]


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    quote = QuoteBlock()
    accordion = AccordionBlock()
    table = TableBlock()
    embed = VideoEmbedBlock()
    document = DocumentLinkBlock()
    timeline = TimelineBlock()
    key_figures = KeyFiguresBlock()

    class Meta:
        label = _("Body")
