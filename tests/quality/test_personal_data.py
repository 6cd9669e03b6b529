"""Records of people reach only the roles that hold the model's permissions (issue 14, High 2).

Every admin URL pattern that takes a model (app label + model name, a content type, or one of
the records' own admin views) is walked for each record type, as a liaison, a Swedish translator
and a coordinator, unless the role holds the model's view permission (Coordinators keep the
legislative-needs register): none of them may see a personal value of a record they may not
view, and each answer is a refusal (403), a not-found (404) or a redirect. Communications still lists, searches and exports them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.log_actions import log
from wagtail.models import Locale, Page

from coordination.models import LegislativeNeed
from editorial.roles import COMMUNICATIONS, LIAISONS, TRANSLATORS_SV
from events.models import Registration
from home.models import AccessibilityFeedback
from members.models import (
    ConsentRecord,
    MembershipApplication,
    NewsletterSend,
    OutgoingEmail,
    Proposal,
    Subscriber,
)
from pilots import choices
from pilots.models import FundingApplication
from tests.factories import (
    EventPageFactory,
    LegislativeNeedsPageFactory,
    NewsletterIssuePageFactory,
    PilotPageFactory,
)

pytestmark = pytest.mark.django_db

MARK = "henkilotieto"  # in a personal field of every record; must never reach the wrong role
REFUSALS = {302, 403, 404, 405}  # 405: a POST-only view refuses a GET before reading

#: Each record type and the admin views of its own (URL namespace).
VIEWSETS = {
    Subscriber: "members_subscribers",
    MembershipApplication: "members_applications",
    Proposal: "members_proposals",
    ConsentRecord: "members_consent_records",
    OutgoingEmail: "members_outgoing_mail",
    NewsletterSend: "members_newsletter_sends",
    Registration: "events_registrations",
    FundingApplication: "pilots_funding_applications",
    LegislativeNeed: "coordination_legislative_needs",
    AccessibilityFeedback: "home_accessibility_feedback",
}
APP_KWARGS = {"app_label", "app_name", "content_type_app_name"}
MODEL_KWARGS = {"model_name", "content_type_model_name"}
CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")


def make_records() -> dict[type[models.Model], models.Model]:
    fi = Locale.objects.get(language_code="fi")
    subscriber = Subscriber.objects.create(email=f"{MARK}-tilaaja@example.org", language="fi")
    records: list[models.Model] = [
        subscriber,
        MembershipApplication.objects.create(
            organisation_name=f"{MARK} Oy",
            contact_name=f"{MARK} Hakija",
            email=f"{MARK}-hakija@example.org",
            organisation_type="company",
            language="fi",
        ),
        Proposal.objects.create(
            kind="webinar",
            name=f"{MARK} Ehdottaja",
            email=f"{MARK}-ehdottaja@example.org",
            title=f"{MARK} ehdotus",
            description="Kuvaus",
            language="fi",
        ),
        ConsentRecord.objects.create(
            subscriber=subscriber, form=f"{MARK}-newsletter", consent_version=1
        ),
        OutgoingEmail.objects.create(
            to=f"{MARK}-vastaanottaja@example.org", subject=f"{MARK} viesti", body_text="Hei"
        ),
        NewsletterSend.objects.create(issue=NewsletterIssuePageFactory()),
        Registration.objects.create(
            event=EventPageFactory(),
            name=f"{MARK} Osallistuja",
            email=f"{MARK}-osallistuja@example.org",
            status="confirmed",
        ),
        FundingApplication.objects.create(
            organisation_type=choices.ApplicantType.values[0],
            organisation_name=f"{MARK} Hakijaorganisaatio",
            contact_name=f"{MARK} Yhteyshenkilö",
            contact_email=f"{MARK}-rahoitus@example.org",
            project_name=f"{MARK} hanke",
            category=choices.Category.values[0],
            sector=choices.Sector.values[0],
            technology=choices.Technology.values[0],
            total_budget=1000,
            requested_funding=500,
            maturity=choices.Maturity.values[0],
            description="Kuvaus",
        ),
        AccessibilityFeedback.objects.create(
            name=f"{MARK} Palautteen antaja",
            email=f"{MARK}-palaute@example.org",
            message=f"{MARK} saavutettavuuspalaute",
            language="fi",
        ),
        LegislativeNeed.objects.create(
            locale=fi,
            topic="other",
            law=f"{MARK} sisäinen lakitarve",
            description="Ei julkinen",
            raised_by="Kokeilu",
            raised_on=date(2026, 1, 1),
            is_public=False,
        ),
    ]
    for record in records:  # history, usage and site-history views have something to show
        log(instance=record, action="wagtail.create")
    return {type(record): record for record in records}


def admin_routes(patterns=None, prefix: str = "", namespace: str = ""):
    """(route, namespace) of every URL pattern under the admin, with its converters in place."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from admin_routes(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern) and (prefix + str(pattern.pattern)).startswith(
            "admin/"
        ):
            yield prefix + str(pattern.pattern), namespace


def urls_for(record: models.Model) -> list[str]:
    """Every admin URL that takes this record's model, filled in with it."""
    opts = record._meta
    own = VIEWSETS[type(record)]
    home = Page.objects.get(depth=2, locale__language_code="fi")
    values = {
        "pk": str(record.pk),
        "object_id": str(record.pk),
        "action": "delete",
        "parent_page_id": str(home.pk),
        "session_id": "1",
    }
    urls = []
    for route, namespace in admin_routes():
        names = set(CONVERTER.findall(route))
        takes_model = bool(names & APP_KWARGS and names & MODEL_KWARGS)
        if not takes_model and namespace.rstrip(":") != own:
            continue
        filled = {**values, **dict.fromkeys(APP_KWARGS, opts.app_label)}
        filled.update(dict.fromkeys(MODEL_KWARGS, opts.model_name))
        if not names <= set(filled) or "(?P<" in route:
            continue
        path = CONVERTER.sub(lambda m, filled=filled: filled[m.group(1)], route)
        urls.append(f"/{path}?q={MARK}&id={record.pk}")
    urls += [
        f"/admin/snippets/choose/{opts.app_label}/{opts.model_name}/?q={MARK}",
        f"/admin/localize/api/snippets/{opts.app_label}/{opts.model_name}/",
    ]
    return urls


#: Screens everyone in the admin may open; they must simply not show the records. (No ``?q=``
#: here: a search box echoes it.)
SHARED_SCREENS = ["/admin/reports/site-history/", "/admin/"]


def may_view(user, model: type[models.Model]) -> bool:
    """Whether the user holds the model's view permission (then its records are theirs to see)."""
    return user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")


def personal_values(record: models.Model) -> list[str]:
    """The record's own values that carry the mark (lower case, as the bodies are compared)."""
    values = (getattr(record, field.attname) for field in record._meta.concrete_fields)
    return [value.lower() for value in values if isinstance(value, str) and MARK in value]


def shows_mark(body: bytes, shown: list[str]) -> bool:
    """Whether the mark is in the body once the values the role may see are taken out."""
    text = body.decode("utf-8", "replace").lower()
    for value in sorted(shown, key=len, reverse=True):
        text = text.replace(value, "")
    return MARK in text


@dataclass
class Role:
    name: str
    user: Any


def user_in(username: str, *groups: str):
    user = get_user_model().objects.create_user(username, f"{username}@example.invalid", "pw")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def records():
    return make_records()


@pytest.fixture
def outsiders() -> list[Role]:
    liaison = user_in("yhteyshenkilo-testi", LIAISONS)
    pilot = PilotPageFactory()
    pilot.liaisons.add(liaison)
    pilot.save()
    return [
        Role("liaison", liaison),
        Role("translator (sv)", user_in("kaantaja-sv-testi", TRANSLATORS_SV)),
        Role("coordinator", user_in("koordinaattori-testi", "Coordinators")),
    ]


@pytest.mark.parametrize("model", list(VIEWSETS), ids=lambda m: m.__name__)
def test_no_admin_route_shows_a_record_to_roles_without_its_permission(
    client, records, outsiders, model
):
    urls = urls_for(records[model])
    # The walk really covers the record's own views and the generic model routes.
    assert any(f"/{VIEWSETS[model].split('_')[0]}/" in url for url in urls)
    assert any("/bulk/" in url for url in urls)
    walked = 0
    leaks = []
    for role in outsiders:
        client.force_login(role.user)
        assert client.get("/admin/").status_code == 200  # signed in to the admin
        # What the role may read (it holds the view permission) is not a leak; anything else
        # carrying the mark is.
        shown = [
            value
            for record in records.values()
            if may_view(role.user, type(record))
            for value in personal_values(record)
        ]
        if not may_view(role.user, model):
            walked += 1
            for url in urls:
                response = client.get(url)
                body = b"".join(response) if response.streaming else response.content
                if response.status_code not in REFUSALS or shows_mark(body, shown):
                    leaks.append((role.name, url, response.status_code))
        for url in SHARED_SCREENS:
            if shows_mark(client.get(url).content, shown):
                leaks.append((role.name, url, "shows a record"))
    assert walked, "no role without the permission was walked"
    assert leaks == [], "\n".join(map(str, leaks))


@pytest.fixture
def communications():
    return user_in("viestinta-testi", COMMUNICATIONS)


@pytest.mark.parametrize("model", list(VIEWSETS), ids=lambda m: m.__name__)
def test_communications_still_sees_searches_and_exports_them(
    client, records, communications, model
):
    client.force_login(communications)
    index = reverse(f"{VIEWSETS[model]}:index")
    listing = client.get(f"{index}?q={MARK}")
    assert listing.status_code == 200
    if model is not NewsletterSend:  # a send names an issue, not a person
        assert MARK in listing.content.decode().lower()
    if model is not ConsentRecord:  # consent records are proof: read-only for everyone
        assert (
            client.get(reverse(f"{VIEWSETS[model]}:edit", args=[records[model].pk])).status_code
            == 200
        )


def test_communications_exports_registrations_and_funding_applications(
    client, records, communications
):
    client.force_login(communications)
    for model in (Registration, FundingApplication):
        response = client.get(reverse(f"{VIEWSETS[model]}:index") + "?export=csv")
        assert response.status_code == 200
        body = b"".join(response) if response.streaming else response.content
        assert MARK in body.decode("utf-8-sig").lower()


def test_records_of_people_are_not_snippets_nor_translatable():
    from wagtail.models import TranslatableMixin
    from wagtail.snippets.models import get_snippet_models

    snippets = set(get_snippet_models())
    for model in VIEWSETS:
        assert model not in snippets
        if model is not LegislativeNeed:  # its public part is translated content (see docs)
            assert not issubclass(model, TranslatableMixin)


def test_a_non_public_need_is_not_on_the_public_register(client, records):
    register = LegislativeNeedsPageFactory()
    response = client.get(register.url)
    assert response.status_code == 200
    assert MARK not in response.content.decode().lower()
    public = records[LegislativeNeed]
    public.is_public = True
    public.save()
    assert MARK in client.get(register.url).content.decode().lower()
