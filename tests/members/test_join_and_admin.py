"""Joining: stored application, receipt mail, duplicate flags, approval in the admin, CSV export."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from members.models import (
    ConsentRecord,
    MemberOrganisation,
    MembershipApplication,
    Subscriber,
    domain_of,
    normalize_name,
)
from tests.mailqueue import delivered

from .conftest import form_data

pytestmark = pytest.mark.django_db


def join(client, page, **fields):
    data = {
        "organisation_name": "Uusi Terveys Oy",
        "contact_name": "Ulla Uusi",
        "email": "ulla@uusiterveys.example",
        "organisation_type": "company",
        **fields,
    }
    return client.post(page.url, form_data(**data))


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("comms", "comms@example.org", "x")
    client.force_login(user)
    return user


def test_application_is_stored_with_consent_and_receipt_mail(client, join_page):
    response = join(client, join_page)
    assert response.status_code == 302
    application = MembershipApplication.objects.get()
    assert application.status == "new" and application.language == "fi"
    assert application.consent_version == 1
    assert ConsentRecord.objects.filter(application=application, form="join").exists()
    (message,) = delivered()
    assert "Uusi Terveys Oy" in message.body
    assert application.duplicates == []


def test_region_choices_follow_the_page_language(client):
    from members.models import JoinPage

    page = JoinPage.objects.get(locale__language_code="sv")
    html = client.get(page.url).content.decode()
    assert "Birkaland" in html and "Pirkanmaa</option>" not in html


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"organisation_name": "DIGIFINLAND oy"}, "same name as member DigiFinland Oy"),
        ({"email": "someone@thl.fi"}, "same domain as member Terveyden ja hyvinvoinnin laitos"),
        ({"website": "https://www.tuni.fi/en"}, "same domain as member Tampereen yliopisto"),
    ],
)
def test_duplicates_are_flagged(client, join_page, fields, reason):
    join(client, join_page, **fields)
    with translation.override("en"):
        assert reason in MembershipApplication.objects.get().duplicate_flag()


def test_free_mail_domains_are_not_duplicates_but_repeat_applications_are(client, join_page):
    join(client, join_page, organisation_name="Eka Oy", email="a@gmail.com")
    join(client, join_page, organisation_name="Toka Oy", email="b@gmail.com")
    join(client, join_page, organisation_name="Eka ry", email="c@eka.example")
    eka, toka, again = MembershipApplication.objects.order_by("pk")
    assert eka.duplicates == [] and toka.duplicates == []
    assert again.duplicates == [{"reason": "application", "name": "Eka Oy", "pk": eka.pk}]
    with translation.override("en"):
        assert f"like application #{eka.pk} (Eka Oy)" in again.duplicate_flag()


def test_normalisation_helpers():
    assert normalize_name("  Åbo Akademi ") == normalize_name("abo akademi")
    assert normalize_name("DigiFinland Oy") == normalize_name("Digifinland")
    assert domain_of("https://www.Example.fi/x") == "example.fi"
    assert domain_of("x@Sub.Example.fi") == "sub.example.fi"


def test_staff_approve_in_admin_creates_the_member(client, join_page, staff):
    join(client, join_page, organisation_name="Hoiva Ässät Oy", website="https://assat.example")
    application = MembershipApplication.objects.get()
    listing = client.get(reverse("members_applications:index"))
    assert "Hoiva Ässät Oy" in listing.content.decode()
    edit = reverse("members_applications:edit", args=[application.pk])
    data = {
        "status": "approved",
        "organisation_name": application.organisation_name,
        "contact_name": application.contact_name,
        "email": application.email,
        "organisation_type": "company",
        "region": "",
        "website": application.website,
        "message": "",
    }
    response = client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    application.refresh_from_db()
    assert application.status == "approved" and application.decided_at
    member = application.member
    assert member.name == "Hoiva Ässät Oy" and member.locale == Locale.get_default()
    assert member.slug == "hoiva-assat-oy"
    assert "org-hoiva-assat-oy" in client.get("/fi/jasenet/").content.decode()


def test_duplicate_flag_is_visible_in_the_admin_listing(client, join_page, staff):
    join(client, join_page, organisation_name="Digifinland")
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"
    profile.save()
    html = client.get(reverse("members_applications:index")).content
    assert "⚠ same name as member DigiFinland Oy" in html.decode()


def test_logo_requires_alt_text():
    from django.core.exceptions import ValidationError
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="logo", file=get_test_image_file())
    org = MemberOrganisation.objects.get(slug="stm", locale=Locale.get_default())
    org.logo = image
    with pytest.raises(ValidationError):
        org.full_clean()
    org.logo_alt = "STM"
    org.full_clean()


def test_csv_export_lists_confirmed_subscribers_of_one_language(client, staff):
    Subscriber.objects.create(email="fi1@example.org", language="fi", status="confirmed")
    Subscriber.objects.create(email="=cmd@example.org", language="fi", status="confirmed")
    Subscriber.objects.create(email="fi2@example.org", language="fi", status="pending")
    Subscriber.objects.create(email="sv1@example.org", language="sv", status="confirmed")
    response = client.get(reverse("members_subscribers_csv") + "?language=fi")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert [r[0] for r in rows[1:]] == ["'=cmd@example.org", "fi1@example.org"]
    assert client.get(reverse("members_subscribers_csv") + "?language=xx").status_code == 400
    listing = client.get(reverse("members_subscribers:index"))
    assert "members/subscribers.csv?language=sv" in listing.content.decode()


def test_csv_export_is_staff_only(client):
    response = client.get(reverse("members_subscribers_csv") + "?language=fi")
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    "namespace",
    [
        "wagtailsnippets_members_memberorganisation",
        "members_applications",
        "members_proposals",
        "members_subscribers",
        "members_newsletter_sends",
        "members_outgoing_mail",
        "wagtailsnippets_members_consenttext",
    ],
)
def test_community_admin_listings_render(client, staff, namespace):
    index = "list" if namespace.startswith("wagtailsnippets") else "index"
    assert client.get(reverse(f"{namespace}:{index}")).status_code == 200
    assert client.get(reverse(f"{namespace}:add")).status_code == 200


def test_creating_a_send_in_the_admin_remembers_who(client, staff):
    from home.models import NewsletterIssuePage
    from members.models import NewsletterSend

    issue = NewsletterIssuePage.objects.filter(locale__language_code="fi").first()
    response = client.post(reverse("members_newsletter_sends:add"), {"issue": issue.pk})
    assert response.status_code == 302
    assert NewsletterSend.objects.get().created_by == staff


@pytest.mark.demo
def test_demo_content_is_idempotent():
    from wagtail.models import Site

    from demo.loaders import members as demo
    from demo.toolkit import DemoContext

    home = Site.objects.get(is_default_site=True).root_page.specific
    ctx = DemoContext(home=home)
    demo.load(ctx)
    assert ctx.created == []
    assert MemberOrganisation.objects.filter(locale__language_code="fi").count() >= 30
    for language in ("sv", "en"):
        assert MemberOrganisation.objects.filter(locale__language_code=language).count() >= 30


def test_consent_records_are_view_only_even_for_superusers(client, staff):
    record = ConsentRecord.objects.create(form="newsletter", consent_version=1)
    assert client.get(reverse("members_consent_records:index")).status_code == 200
    assert client.get(reverse("members_consent_records:add")).status_code in (
        302,
        403,
    )
    edit = reverse("members_consent_records:edit", args=[record.pk])
    assert client.post(edit, {"form": "x"}).status_code in (302, 403)
    delete = reverse("members_consent_records:delete", args=[record.pk])
    client.post(delete)
    record.refresh_from_db()
    assert record.form == "newsletter"


def test_newsletter_issue_chooser_opens_at_the_archive(client, staff):
    """The send form's chooser opens at the Finnish newsletter archive, not the tree root."""
    from home.newsletter import NewsletterIndexPage

    archive = NewsletterIndexPage.objects.get(locale__language_code="fi")
    form = client.get(reverse("members_newsletter_sends:add")).content.decode()
    chooser_url = reverse("wagtailadmin_choose_page_child", args=[archive.pk])
    assert chooser_url in form
    modal = client.get(chooser_url, {"page_type": "home.newsletterissuepage"})
    assert modal.status_code == 200
