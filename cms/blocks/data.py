"""Data blocks: tables, timelines and key figures."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Caption"), max_length=200)
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock()),
            ("number", blocks.DecimalBlock()),
            ("rich_text", blocks.RichTextBlock(features=["bold", "italic", "link"])),
        ],
        label=_("Table"),
    )

    class Meta:
        icon = "table"
        template = "blocks/table.html"
        label = _("Table")
        preview_value = {
            "caption": "Hakemukset sektoreittain",
            "table": {
                "columns": [
                    {"type": "text", "heading": "Sektori"},
                    {"type": "number", "heading": "%"},
                ],
                "rows": [{"values": ["Terveydenhuolto", 50]}, {"values": ["Sosiaalihuolto", 20]}],
            },
        }


class TimelineEntryBlock(blocks.StructBlock):
    when = blocks.CharBlock(
        label=_("When"), max_length=40, help_text=_("For example 2024-06 or “early 2025”.")
    )
    sort_date = blocks.DateBlock(label=_("Date for ordering"), required=False)
    title = blocks.CharBlock(label=_("What happened"), max_length=250)
    description = blocks.TextBlock(label=_("Description"), required=False)


class TimelineBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    entries = blocks.ListBlock(TimelineEntryBlock(), label=_("Entries"))

    class Meta:
        icon = "time"
        template = "blocks/timeline.html"
        label = _("Timeline")
        preview_value = {
            "heading": "Aikajana",
            "entries": [
                {"when": "2024-06", "title": "SOTE-tekoälyn ekosysteemi perustetaan"},
                {"when": "2025-01", "title": "10 AI-kokeilua käynnistyy"},
            ],
        }


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=40, help_text=_("For example “200+”."))
    label = blocks.CharBlock(label=_("What it counts"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"))

    class Meta:
        icon = "order"
        template = "blocks/key_figures.html"
        label = _("Key figures")
        preview_value = {
            "heading": "Ekosysteemi lukuina",
            "figures": [
                {"value": "200+", "label": "jäsenorganisaatiota"},
                {"value": "10", "label": "AI-kokeilua"},
            ],
        }
