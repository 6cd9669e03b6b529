"""Read the site's sitemap as a crawler does: the index at ``/sitemap.xml``, then every part."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree import ElementTree

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_LINK = "{http://www.w3.org/1999/xhtml}link"


@dataclass(frozen=True)
class Entry:
    """One ``<url>``: its location, the part that listed it and its hreflang alternates."""

    loc: str
    part: str
    alternates: dict[str, str]


def part_locations(client) -> list[str]:
    """The ``<loc>`` of every ``<sitemap>`` in the index (``/sitemap.xml``)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{SM}sitemapindex"
    return [node.find(f"{SM}loc").text for node in root.findall(f"{SM}sitemap")]


def read_part(client, location: str) -> list[Entry]:
    """The entries of one part, fetched by its absolute URL as the index gives it."""
    response = client.get(urlsplit(location).path)
    assert response.status_code == 200, location
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{SM}urlset"
    return [
        Entry(
            loc=url.find(f"{SM}loc").text,
            part=location,
            alternates={link.get("hreflang"): link.get("href") for link in url.findall(XHTML_LINK)},
        )
        for url in root.findall(f"{SM}url")
    ]


def crawl(client) -> list[Entry]:
    """Every entry of every part, in the index's order (duplicates kept, so tests can see them)."""
    return [entry for location in part_locations(client) for entry in read_part(client, location)]
