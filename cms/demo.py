"""Demo taxonomies: the regions where pilots run and the three pilot themes, in fi/sv/en."""

from __future__ import annotations

from cms.demo_content import DemoContext, ensure_snippet, translate_all

from .models import Region, Theme

# slug, Finnish, Swedish, English, kind, map column, map row (a schematic tile map of Finland)
REGIONS = [
    ("lappi", "Lappi", "Lappland", "Lapland", "county", 3, 0),
    ("kainuu", "Kainuu", "Kajanaland", "Kainuu", "county", 3, 2),
    (
        "pohjois-pohjanmaa",
        "Pohjois-Pohjanmaa",
        "Norra Österbotten",
        "North Ostrobothnia",
        "county",
        2,
        2,
    ),
    (
        "keski-pohjanmaa",
        "Keski-Pohjanmaa",
        "Mellersta Österbotten",
        "Central Ostrobothnia",
        "county",
        1,
        3,
    ),
    ("pohjanmaa", "Pohjanmaa", "Österbotten", "Ostrobothnia", "county", 0, 3),
    ("pohjois-savo", "Pohjois-Savo", "Norra Savolax", "North Savo", "county", 3, 3),
    ("pohjois-karjala", "Pohjois-Karjala", "Norra Karelen", "North Karelia", "county", 4, 3),
    (
        "etela-pohjanmaa",
        "Etelä-Pohjanmaa",
        "Södra Österbotten",
        "South Ostrobothnia",
        "county",
        1,
        4,
    ),
    ("keski-suomi", "Keski-Suomi", "Mellersta Finland", "Central Finland", "county", 2, 4),
    ("etela-savo", "Etelä-Savo", "Södra Savolax", "South Savo", "county", 3, 4),
    ("satakunta", "Satakunta", "Satakunta", "Satakunta", "county", 0, 5),
    ("pirkanmaa", "Pirkanmaa", "Birkaland", "Pirkanmaa", "county", 1, 5),
    ("paijat-hame", "Päijät-Häme", "Päijänne-Tavastland", "Päijät-Häme", "county", 2, 5),
    ("etela-karjala", "Etelä-Karjala", "Södra Karelen", "South Karelia", "county", 4, 5),
    (
        "varsinais-suomi",
        "Varsinais-Suomi",
        "Egentliga Finland",
        "Southwest Finland",
        "county",
        0,
        6,
    ),
    ("kanta-hame", "Kanta-Häme", "Egentliga Tavastland", "Kanta-Häme", "county", 1, 6),
    ("kymenlaakso", "Kymenlaakso", "Kymmenedalen", "Kymenlaakso", "county", 3, 6),
    ("lansi-uusimaa", "Länsi-Uusimaa", "Västra Nyland", "Western Uusimaa", "county", 0, 7),
    ("keski-uusimaa", "Keski-Uusimaa", "Mellersta Nyland", "Central Uusimaa", "county", 1, 7),
    ("vantaa-kerava", "Vantaa ja Kerava", "Vanda och Kervo", "Vantaa and Kerava", "county", 2, 7),
    ("ita-uusimaa", "Itä-Uusimaa", "Östra Nyland", "Eastern Uusimaa", "county", 3, 7),
    ("helsinki", "Helsingin kaupunki", "Helsingfors stad", "City of Helsinki", "city", 1, 8),
    ("hus", "HUS-yhtymä", "HUS-sammanslutningen", "HUS Group", "hus", 2, 8),
]

# slug, Finnish, Swedish, English
THEMES = [
    (
        "parempi-asiakaspalvelu",
        "Parempi asiakaspalvelu",
        "Bättre kundservice",
        "Better customer service",
    ),
    (
        "tehokkaampi-ammattilaistyo",
        "Tehokkaampi ammattilaisten työ",
        "Effektivare arbete för yrkesfolk",
        "More efficient professional work",
    ),
    (
        "parempi-hoidon-laatu",
        "Parempi hoidon laatu",
        "Bättre vårdkvalitet",
        "Better quality of care",
    ),
]


def load(ctx: DemoContext) -> None:
    for slug, fi, sv, en, kind, column, row in REGIONS:
        region, created = ensure_snippet(
            Region, {"slug": slug}, name=fi, kind=kind, map_column=column, map_row=row
        )
        if created:
            ctx.note(f"region {slug}")
        translate_all(region, {"sv": {fi: sv}, "en": {fi: en}}, user=ctx.user)
    for order, (slug, fi, sv, en) in enumerate(THEMES):
        theme, created = ensure_snippet(Theme, {"slug": slug}, name=fi, sort_order=order)
        if created:
            ctx.note(f"theme {slug}")
        translate_all(theme, {"sv": {fi: sv}, "en": {fi: en}}, user=ctx.user)
