"""Links in e-mails: public pages at PUBLIC_BASE_URL, admin pages at WAGTAILADMIN_BASE_URL, with
the real host and port; ``make run`` points both at the port it serves on."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from coordination.reminders import send_reminders
from pilots.models import PilotPage
from tests.mailqueue import delivered

from .conftest import form_data

pytestmark = pytest.mark.demo  # the demo's subscribe page, pilots with schedules, newsletters
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_subscription_mail_links_use_the_public_base_url(client, subscribe_page, settings):
    settings.PUBLIC_BASE_URL = "https://www.sotetekoaly.example:8443"
    settings.WAGTAILADMIN_BASE_URL = "https://hallinta.sotetekoaly.example"
    client.post(subscribe_page.url, form_data(email="linkit@example.org", language="fi"))
    (message,) = delivered()
    links = re.findall(r"https?://[^/\s]+", message.body)
    assert links and set(links) == {"https://www.sotetekoaly.example:8443"}
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<https://www.sotetekoaly.example:8443/fi/"
    )


@pytest.mark.django_db
def test_admin_mails_link_to_the_admin_base_url(settings):
    settings.PUBLIC_BASE_URL = "https://www.sotetekoaly.example"
    settings.WAGTAILADMIN_BASE_URL = "https://hallinta.sotetekoaly.example:8443"
    pilot = PilotPage.objects.filter(locale__language_code="fi").first()
    liaison = get_user_model().objects.create_user("linkkitesti", "linkki@example.org", "x")
    pilot.liaisons.add(liaison)
    pilot.save()
    send_reminders(dt.date(2031, 1, 5))
    mine = [m for m in delivered() if m.to == ["linkki@example.org"]]
    assert mine
    assert "https://hallinta.sotetekoaly.example:8443/admin/" in mine[0].body


def test_make_run_serves_on_its_port_and_links_mail_to_it():
    dry_run = subprocess.run(
        ["make", "-n", "run", "PORT=8123"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "Serving on http://127.0.0.1:8123/" in dry_run
    assert 'PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://127.0.0.1:8123}"' in dry_run
    assert 'WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:8123}"' in dry_run
    assert "manage.py run_worker" in dry_run and "runserver 127.0.0.1:8123" in dry_run


@pytest.mark.django_db
def test_newsletter_links_use_the_public_base_url(settings):
    from home.models import NewsletterIssuePage
    from members import newsletter
    from members.models import NewsletterSend, Subscriber

    settings.PUBLIC_BASE_URL = "https://www.sotetekoaly.example:8443"
    Subscriber.objects.create(email="uutiset@example.org", language="fi", status="confirmed")
    issue = NewsletterIssuePage.objects.live().filter(locale__language_code="fi").first()
    newsletter.process(NewsletterSend.objects.create(issue=issue, status="queued"))
    (message,) = [m for m in delivered() if m.to == ["uutiset@example.org"]]
    own = [
        link
        for link in re.findall(r"https?://[^/\s\"<>]+", message.body)
        if "sotetekoaly" in link or "localhost" in link or "testserver" in link
    ]
    assert own and set(own) == {"https://www.sotetekoaly.example:8443"}
