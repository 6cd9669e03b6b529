"""Erasure on request and purging data past its retention period."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from members.models import (
    ConsentRecord,
    MembershipApplication,
    OutgoingEmail,
    Proposal,
    Subscriber,
)

from .conftest import form_data

pytestmark = pytest.mark.django_db


def test_erase_person_removes_data_and_anonymises_consents(
    client, subscribe_page, join_page, proposal_pages
):
    email = "poista@example.org"
    client.post(subscribe_page.url, form_data(email=email, language="fi"))
    client.post(
        join_page.url,
        form_data(
            organisation_name="Poisto Oy",
            contact_name="P",
            email=email,
            organisation_type="company",
        ),
    )
    client.post(
        proposal_pages["blog"].url,
        form_data(name="P", email=email.upper(), title="T", description="D"),
    )
    client.post(subscribe_page.url, form_data(email="stays@example.org", language="fi"))
    assert ConsentRecord.objects.count() == 4

    out = io.StringIO()
    call_command("erase_person", email=email, stdout=out)
    assert not Subscriber.objects.filter(email=email).exists()
    assert not MembershipApplication.objects.exists()
    assert not Proposal.objects.exists()
    assert not OutgoingEmail.objects.filter(to__iexact=email).exists()
    assert ConsentRecord.objects.filter(anonymised=True, ip_hash="").count() == 3
    assert ConsentRecord.objects.filter(subscriber__email="stays@example.org").exists()
    assert Subscriber.objects.filter(email="stays@example.org").exists()


def test_erase_person_rejects_a_non_address():
    with pytest.raises(CommandError):
        call_command("erase_person", email="not an address", stdout=io.StringIO())


@override_settings(PENDING_SUBSCRIPTION_RETENTION=30, REJECTED_APPLICATION_RETENTION=90)
def test_purge_deletes_only_stale_unconfirmed_and_rejected_data():
    old = timezone.now() - datetime.timedelta(days=31)
    recent = timezone.now() - datetime.timedelta(days=5)
    stale = Subscriber.objects.create(email="old@example.org", language="fi", created=old)
    ConsentRecord.objects.create(subscriber=stale, form="newsletter", consent_version=1)
    Subscriber.objects.create(email="new@example.org", language="fi", created=recent)
    Subscriber.objects.create(
        email="kept@example.org", language="fi", created=old, status="confirmed"
    )
    common = {"contact_name": "C", "organisation_type": "company", "language": "fi"}
    MembershipApplication.objects.create(
        organisation_name="Vanha",
        email="v@example.org",
        status="rejected",
        submitted_at=timezone.now() - datetime.timedelta(days=91),
        **common,
    )
    MembershipApplication.objects.create(
        organisation_name="Tuore",
        email="t@example.org",
        status="rejected",
        submitted_at=recent,
        **common,
    )
    MembershipApplication.objects.create(
        organisation_name="Uusi",
        email="u@example.org",
        status="new",
        submitted_at=timezone.now() - datetime.timedelta(days=400),
        **common,
    )
    call_command("purge_stale_data", stdout=io.StringIO())
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "new@example.org",
        "kept@example.org",
    }
    assert set(MembershipApplication.objects.values_list("organisation_name", flat=True)) == {
        "Tuore",
        "Uusi",
    }
    assert ConsentRecord.objects.get(form="newsletter").anonymised
