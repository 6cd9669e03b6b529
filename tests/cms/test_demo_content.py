"""The demo content command builds the site once; running it again changes nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Revision

from cms.models import Region, Theme

pytestmark = pytest.mark.django_db


@pytest.mark.demo
def test_demo_content_is_idempotent():
    before = (Page.objects.count(), Revision.objects.count(), Region.objects.count())
    out = io.StringIO()
    call_command("load_demo_content", skip_index=True, stdout=out)
    after = (Page.objects.count(), Revision.objects.count(), Region.objects.count())
    assert before == after
    assert "0 new objects" in out.getvalue()


def test_every_demo_page_has_swedish_and_english_versions():
    finnish = Page.objects.filter(locale__language_code="fi", depth__gte=2)
    for page in finnish:
        languages = set(
            page.get_translations(inclusive=True).values_list("locale__language_code", flat=True)
        )
        assert languages == {"fi", "sv", "en"}, page.title


def test_taxonomies_are_translated_with_shared_slugs():
    kanta_hame = {r.locale.language_code: r.name for r in Region.objects.filter(slug="kanta-hame")}
    assert kanta_hame == {"fi": "Kanta-Häme", "sv": "Egentliga Tavastland", "en": "Kanta-Häme"}
    assert Theme.objects.filter(
        locale__language_code="sv", slug="parempi-hoidon-laatu"
    ).get().name == ("Bättre vårdkvalitet")


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/fi/tietosuoja/", "vahvistamaton tilaus poistetaan 30 päivän kuluttua"),
        ("/sv/dataskydd/", "en obekräftad prenumeration raderas efter 30 dagar"),
        ("/en/privacy/", "an unconfirmed subscription is deleted after 30 days"),
    ],
)
def test_privacy_notice_says_what_forms_store_and_for_how_long(client, path, text):
    assert text in client.get(path).content.decode()


@pytest.mark.demo
def test_a_second_run_changes_no_image_document_or_translation():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail_localize.models import StringTranslation, TranslationSource

    def state():
        return (
            get_image_model().objects.count(),
            get_document_model().objects.count(),
            StringTranslation.objects.count(),
            sorted(TranslationSource.objects.values_list("pk", "last_updated_at")),
        )

    before = state()
    call_command("load_demo_content", skip_index=True, stdout=io.StringIO())
    assert state() == before


@pytest.mark.demo
def test_demo_leaves_no_translation_out_of_date():
    """The loaders republish Finnish pages (milestones, related reports) after translating them;
    the translator dashboard must still show every demo page as up to date."""
    from editorial.translation_status import locale_status

    for language in ("sv", "en"):
        status = locale_status(Locale.objects.get(language_code=language))
        assert [item.source_page.title for item in status.outdated] == []
        assert status.current


@pytest.mark.demo
def test_editorial_demo_leaves_no_translation_out_of_date():
    """Naming the liaisons republishes every pilot; their translations stay current."""
    from editorial.translation_status import locale_status

    call_command("load_editorial_demo", force=True, stdout=io.StringIO())
    for language in ("sv", "en"):
        status = locale_status(Locale.objects.get(language_code=language))
        assert [item.source_page.title for item in status.outdated] == []
