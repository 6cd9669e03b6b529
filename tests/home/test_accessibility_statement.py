"""The accessibility statement (Act 306/2019): what the law requires is on the page, and the
feedback form stores a record of people that only the roles holding its rights can see."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from editorial.roles import COMMUNICATIONS, LIAISONS
from home.models import AccessibilityFeedback
from tests.factories import AccessibilityStatementPageFactory

pytestmark = pytest.mark.django_db

VALID = {
    "message": "Kaavion teksti on liian pieni.",
    "email": "Palaute@Example.org",
    "name": "Aino",
}


@pytest.fixture
def statement():
    return AccessibilityStatementPageFactory()


def test_statement_shows_what_the_law_requires(client, statement):
    html = client.get(statement.url).content.decode()
    assert "osittain" in html or "partially" in html  # the compliance status, in words
    assert "Vanhat PDF-raportit" in html and "1.3.1" in html  # a known non-conformity
    assert "15.9.2025" in html and "30.11.2026" in html  # prepared and reviewed, one date style
    assert "14" in html  # the answer promise
    # Since 1.1.2026 the Finnish Supervisory Agency, not the regional state administrative agency
    assert "Lupa- ja valvontavirasto" in html and "saavutettavuusvaatimukset.fi" in html
    assert "aluehallintovirasto" not in html and "avi.fi" not in html
    assert 'autocomplete="email"' in html and 'autocomplete="name"' in html


def test_failed_feedback_shows_a_focused_summary_and_stores_nothing(client, statement):
    response = client.post(statement.url, {"message": ""})
    assert response.status_code == 400
    html = response.content.decode()
    summary = html.split('class="error-summary"', 1)[1].split("</ul>", 1)[0]
    assert "autofocus" in summary and 'tabindex="-1"' in summary
    assert 'href="#id_message"' in summary and 'href="#id_email"' in summary
    assert not AccessibilityFeedback.objects.exists()


def test_feedback_is_stored_first_with_the_answer_due_in_14_days(client, statement):
    response = client.post(statement.url, VALID)
    assert response.status_code == 302 and response["Location"].endswith("#feedback")
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.statement_id == statement.pk and feedback.language == "fi"
    assert feedback.answer_due == timezone.localdate() + dt.timedelta(days=14)
    feedback.status = AccessibilityFeedback.Status.ANSWERED
    feedback.save()
    assert feedback.answered_at is not None


def test_the_honeypot_protects_the_form(client, statement):
    response = client.post(statement.url, {**VALID, "website_url": "http://spam.example"})
    assert response.status_code == 400
    assert not AccessibilityFeedback.objects.exists()


def test_only_communications_holds_the_feedback_rights():
    assert (
        Group.objects.get(name=COMMUNICATIONS)
        .permissions.filter(codename="view_accessibilityfeedback")
        .exists()
    )
    assert (
        not Group.objects.get(name=LIAISONS)
        .permissions.filter(codename__endswith="accessibilityfeedback")
        .exists()
    )


def _feedback(email: str, **fields) -> AccessibilityFeedback:
    return AccessibilityFeedback.objects.create(
        name="Aino", email=email, message="Kaavion teksti on liian pieni.", language="fi", **fields
    )


def test_erase_person_deletes_the_visitors_feedback():
    _feedback("Aino@Example.org")
    kept = _feedback("toinen@example.org")
    out = io.StringIO()
    call_command("erase_person", email="aino@example.org", stdout=out)
    assert list(AccessibilityFeedback.objects.all()) == [kept]
    assert "accessibility feedback: 1" in out.getvalue()


@override_settings(ACCESSIBILITY_FEEDBACK_RETENTION=365)
def test_purge_deletes_answered_feedback_past_retention_only():
    now = timezone.now()
    old = now - dt.timedelta(days=366)
    stale = _feedback("vanha@example.org", status="answered", submitted_at=old, answered_at=old)
    recent = _feedback(
        "tuore@example.org",
        status="answered",
        submitted_at=old,
        answered_at=now - dt.timedelta(days=30),
    )
    unanswered = _feedback("odottaa@example.org", submitted_at=old)  # still owed an answer
    out = io.StringIO()
    call_command("purge_stale_data", stdout=out)
    assert set(AccessibilityFeedback.objects.all()) == {recent, unanswered}
    assert not AccessibilityFeedback.objects.filter(pk=stale.pk).exists()
    assert "answered accessibility feedback: 1" in out.getvalue()
