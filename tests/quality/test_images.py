"""Images reach visitors as responsive renditions: modern formats with a fallback, srcset, lazy
loading below the fold, and alt text from the editor."""

from __future__ import annotations

import datetime
from html.parser import HTMLParser
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from home.models import NewsPage
from tests.factories.home import NewsIndexPageFactory, StandardPageFactory
from tests.factories.members import MemberDirectoryPageFactory, MemberOrganisationFactory

pytestmark = pytest.mark.django_db


class _Pictures(HTMLParser):
    """Collects each <picture>'s <source> and <img> attributes."""

    def __init__(self):
        super().__init__()
        self.pictures: list[dict] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self._open = {"sources": [], "img": None}
        elif tag == "source" and self._open is not None:
            self._open["sources"].append(attrs)
        elif tag == "img" and self._open is not None:
            self._open["img"] = attrs

    def handle_endtag(self, tag):
        if tag == "picture" and self._open is not None:
            self.pictures.append(self._open)
            self._open = None


def pictures(html: str) -> list[dict]:
    parser = _Pictures()
    parser.feed(html)
    return parser.pictures


def photo(title: str, size=(1600, 900), mode="RGB", fmt="JPEG", name="kuva.jpg"):
    buffer = BytesIO()
    PILImage.new(mode, size, (20, 120, 160, 255)[: len(mode)]).save(buffer, fmt)
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=name))


def widths(srcset: str) -> list[int]:
    return [int(part.strip().split()[1].rstrip("w")) for part in srcset.split(",")]


def test_news_lead_image_is_a_picture_with_avif_webp_and_a_jpeg_fallback(client):
    index = NewsIndexPageFactory()
    page = NewsPage(
        title="Kuvallinen uutinen",
        slug="kuvallinen-uutinen",
        date=datetime.date(2026, 11, 1),
        intro="Johdanto.",
        lead_image=photo("Työpaja"),
        lead_image_alt="Osallistujat työpajassa",
    )
    index.add_child(instance=page)
    page.save_revision().publish()

    html = client.get(page.url).content.decode()
    [picture] = pictures(html)
    assert [s["type"] for s in picture["sources"]] == ["image/avif", "image/webp"]
    for source in picture["sources"]:
        assert widths(source["srcset"]) == [480, 960, 1440]
        assert source["sizes"] == "(max-width: 960px) 100vw, 960px"
    img = picture["img"]
    assert img["alt"] == "Osallistujat työpajassa"
    assert img["src"].endswith(".jpg")
    assert widths(img["srcset"]) == [480, 960, 1440]
    assert "loading" not in img  # the lead image is above the fold


def test_webp_rendition_files_really_are_webp(client):
    image = photo("Kartta")
    rendition = image.get_rendition("width-480|format-webp")
    with rendition.file.open("rb") as handle:
        head = handle.read(12)
    assert head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    assert rendition.width == 480


def test_member_logo_keeps_transparency_and_loads_lazily(client):
    directory = MemberDirectoryPageFactory()
    MemberOrganisationFactory(
        name="Sosiaali- ja terveysministeriö",
        slug="stm",
        logo=photo("STM logo", size=(600, 300), mode="RGBA", fmt="PNG", name="logo.png"),
        logo_alt="Sosiaali- ja terveysministeriö",
    )

    html = client.get(directory.url).content.decode()
    [picture] = pictures(html)
    assert [s["type"] for s in picture["sources"]] == ["image/webp"]
    img = picture["img"]
    assert img["src"].endswith(".png")
    assert img["loading"] == "lazy"
    assert img["alt"] == "Sosiaali- ja terveysministeriö"
    assert "member__logo" in img["class"]
    assert widths(img["srcset"]) == [160, 320]


def test_image_block_in_a_body_is_lazy_and_responsive(client):
    about = StandardPageFactory(title="Tietoa", slug="tietoa")
    image = photo("Kaavio")
    about.body.append(("image", {"image": image, "alt_text": "Kaavio kokeiluista", "caption": ""}))
    about.save_revision().publish()

    [picture] = pictures(client.get(about.url).content.decode())
    assert [s["type"] for s in picture["sources"]] == ["image/avif", "image/webp"]
    assert picture["img"]["loading"] == "lazy"
    assert picture["img"]["alt"] == "Kaavio kokeiluista"
    assert widths(picture["img"]["srcset"]) == [480, 800, 1200]
