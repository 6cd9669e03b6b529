"""What invalidates the page cache: only what visitors can see, never visitors' own records."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone
from wagtail.models import Locale

from cms.cache import is_public_model, public_model_labels
from members import newsletter
from members.models import NewsletterSend, SubscribePage, Subscriber

from .frontend_cache import CountingBackend

pytestmark = [pytest.mark.django_db, pytest.mark.demo]  # the demo front page, events, newsletter
FRONT = "/fi/"


@pytest.fixture(autouse=True)
def counting_cdn(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.FORM_RATE_LIMIT = "1000/m"
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.quality.frontend_cache.CountingBackend"}
    }
    CountingBackend.calls = []
    return CountingBackend


@pytest.fixture
def warm_front_page(client):
    assert client.get(FRONT)["X-Page-Cache"] == "miss"
    assert client.get(FRONT)["X-Page-Cache"] == "hit"


def test_a_newsletter_subscription_keeps_the_cache(
    client, warm_front_page, counting_cdn, django_capture_on_commit_callbacks
):
    page = SubscribePage.objects.get(locale=Locale.objects.get(language_code="fi"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            page.url, {"email": "uusi@example.org", "language": "fi", "consent": "on"}
        )
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="uusi@example.org").exists()
    client.cookies.clear()  # the redirect's message cookie makes the visitor personal
    assert client.get(FRONT)["X-Page-Cache"] == "hit"
    assert counting_cdn.calls == []


def test_an_event_registration_keeps_the_cache(
    client, warm_front_page, counting_cdn, django_capture_on_commit_callbacks
):
    from events.models import EventIndexPage, EventPage, Registration

    index = EventIndexPage.objects.get(locale__language_code="fi", slug="tapahtumat")
    start = timezone.now() + timedelta(days=10)
    event = EventPage(
        title="Välimuistitesti",
        slug="valimuistitesti",
        event_type="seminar",
        event_format="on_site",
        venue="Helsinki",
        start=start,
        end=start + timedelta(hours=1),
        registration_mode="form",
        capacity=10,
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    client.get(FRONT)  # publishing the event invalidated: warm the cache again
    assert client.get(FRONT)["X-Page-Cache"] == "hit"
    counting_cdn.calls.clear()
    data = {"name": "Testi", "email": "t@example.org", "consent": "on", "website_url": ""}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(event.url, data)
    assert Registration.objects.filter(event=event, email="t@example.org").exists()
    client.cookies.clear()
    assert client.get(FRONT)["X-Page-Cache"] == "hit"
    assert counting_cdn.calls == []


def test_a_newsletter_send_of_200_mails_keeps_the_cache(
    client, warm_front_page, counting_cdn, django_capture_on_commit_callbacks, mailoutbox
):
    from home.models import NewsletterIssuePage

    issue = NewsletterIssuePage.objects.live().filter(locale__language_code="fi").first()
    with django_capture_on_commit_callbacks(execute=True):
        Subscriber.objects.bulk_create(
            Subscriber(email=f"lukija{i}@example.org", language="fi", status="confirmed")
            for i in range(200)
        )
        send = NewsletterSend.objects.create(issue=issue, status="queued")
        stats = newsletter.process(send)
    assert stats["sent_now"] == len(mailoutbox) >= 200
    assert client.get(FRONT)["X-Page-Cache"] == "hit"
    assert counting_cdn.calls == []


def test_publishing_a_page_still_invalidates_at_once(client, warm_front_page):
    from home.models import StandardPage

    page = StandardPage.objects.get(slug="tietoa", locale__language_code="fi")
    page.title = "Julkaistu juuri nyt 42"
    page.save_revision().publish()
    response = client.get(FRONT)
    assert response["X-Page-Cache"] == "miss"
    assert "Julkaistu juuri nyt 42" in response.content.decode()


def test_saving_a_public_model_invalidates_and_purges_once(
    client, warm_front_page, counting_cdn, django_capture_on_commit_callbacks
):
    from members.models import MemberOrganisation

    organisation = MemberOrganisation.objects.filter(locale__language_code="fi").first()
    with django_capture_on_commit_callbacks(execute=True):
        organisation.save()
    assert client.get(FRONT)["X-Page-Cache"] == "miss"
    assert len(counting_cdn.calls) == 1 and counting_cdn.calls[0]


PRIVATE_RECORDS = [
    "members.Subscriber",
    "members.ConsentRecord",
    "members.MembershipApplication",
    "members.Proposal",
    "members.OutgoingEmail",
    "members.NewsletterSend",
    "members.NewsletterDelivery",
    "events.Registration",
    "pilots.FundingApplication",
]


@pytest.mark.parametrize("label", PRIVATE_RECORDS)
def test_records_of_people_are_never_public(label):
    assert not is_public_model(apps.get_model(label))


@pytest.mark.parametrize(
    "label",
    [
        "wagtailimages.Image",
        "wagtaildocs.Document",
        "wagtailcore.Site",
        "wagtailcore.PageViewRestriction",
        "cms.Region",
        "cms.Theme",
        "cms.SiteSettings",
        "members.MemberOrganisation",
        "reports.UseCase",
        "coordination.LegislativeNeed",
    ],
)
def test_what_shows_on_public_pages_is_registered(label):
    assert label.lower() in public_model_labels()
    assert is_public_model(apps.get_model(label))
