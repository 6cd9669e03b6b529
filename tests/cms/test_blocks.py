"""Every shared block renders its preview value, and a page built from them renders whole."""

import pytest
from django.core.files.base import ContentFile
from wagtail_factories import DocumentFactory, ImageFactory

from cms.blocks import BodyStreamBlock
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def image_and_document():
    """The image and document blocks' previews show the first image and document there is."""
    ImageFactory(title="Kaavio")
    DocumentFactory(title="Selvitys", file=ContentFile(b"%PDF-1.4", name="s.pdf"))


@pytest.mark.parametrize("name", list(BodyStreamBlock.base_blocks))
def test_every_block_has_a_template_and_a_rendering_preview(name, image_and_document):
    block = BodyStreamBlock.base_blocks[name]
    assert block.meta.template, f"{name} has no template"
    value = block.get_preview_value()
    assert value is not None, f"{name} has no preview value"
    html = block.render(value)
    assert html.strip()


def test_standard_page_with_blocks_renders(client):
    page = StandardPageFactory(
        title="Lohkot",
        slug="lohkot",
        intro="Testisivu",
        body=[
            ("heading", {"text": "Otsikko", "level": "h2"}),
            ("paragraph", "<p>Kappale</p>"),
            ("quote", {"quote": "Lainaus", "attribution": "Joku"}),
            (
                "timeline",
                {"heading": "Aikajana", "entries": [{"when": "2024-06", "title": "Perustettiin"}]},
            ),
            (
                "key_figures",
                {"heading": "Luvut", "figures": [{"value": "200+", "label": "jäsentä"}]},
            ),
            (
                "call_to_action",
                {"title": "Liity", "link_url": "https://example.org/", "link_text": "Liity nyt"},
            ),
        ],
    )
    html = client.get(page.url).content.decode()
    for text in ("Otsikko", "Kappale", "Lainaus", "Perustettiin", "200+", "Liity nyt"):
        assert text in html
    assert 'id="otsikko"' in html


def test_call_to_action_needs_a_link():
    from wagtail.blocks import StructBlockValidationError

    from cms.blocks import CallToActionBlock

    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "x", "link_text": "y"}))
