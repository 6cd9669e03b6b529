"""Workflow e-mails reach each reviewer in the language of their own admin."""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from editorial.roles import COMMUNICATIONS
from tests.mailqueue import delivered

from .conftest import make_user
from .test_workflow import submit_as

# The tree fixture reads the demo's Swedish and English home pages and a live StandardPage.
pytestmark = pytest.mark.demo


def test_submit_notification_in_each_reviewers_language(client, users, tree):
    users.communications.email = "comms@example.invalid"
    users.communications.save()
    swedish = make_user("granskare", COMMUNICATIONS)
    swedish.email = "granskare@example.invalid"
    swedish.save()
    profile = UserProfile.get_for_user(swedish)
    profile.preferred_language = "sv"
    profile.save()
    finnish = UserProfile.get_for_user(users.communications)
    finnish.preferred_language = "fi"
    finnish.save()

    mail.outbox.clear()
    submit_as(client, users.liaison_a, tree.update_a, title="Päivitys A: kielitesti")
    sent = {message.to[0]: message for message in delivered()}
    subjects = {to: message.subject for to, message in sent.items()}
    assert subjects["granskare@example.invalid"] != subjects["comms@example.invalid"]
    assert "godkännande" in subjects["granskare@example.invalid"]
    assert "hyväksyttäväksi" in subjects["comms@example.invalid"]  # Wagtail lacks it: locale/fi
    # The task's name is the translated one, in the subject and in the body.
    assert "Kommunikationens granskning" in subjects["granskare@example.invalid"]
    assert "Kommunikationens granskning" in sent["granskare@example.invalid"].body
    assert "Viestinnän tarkastus" in subjects["comms@example.invalid"]
    assert "Communications review" not in sent["comms@example.invalid"].body
