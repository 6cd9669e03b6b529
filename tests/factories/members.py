"""Factories for the members app: organisations, consent texts, form and directory pages, and the
records of people (applications, subscribers, proposals), which are never translated."""

from __future__ import annotations

import factory
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from members.models import (
    ConsentText,
    JoinPage,
    MemberDirectoryPage,
    MemberOrganisation,
    MembershipApplication,
    PartnerIndexPage,
    PartnerPage,
    Proposal,
    ProposalPage,
    SubscribePage,
    Subscriber,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)

from .base import PageFactory, child_or_new, locale


class MemberOrganisationFactory(DjangoModelFactory):
    class Meta:
        model = MemberOrganisation

    name = factory.Sequence(lambda n: f"Jäsenorganisaatio {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    organisation_type = "company"
    locale = factory.LazyFunction(locale)


class ConsentTextFactory(DjangoModelFactory):
    class Meta:
        model = ConsentText

    version = factory.Sequence(lambda n: n + 1)
    text = "Suostun tietojeni käsittelyyn tietosuojaselosteen mukaisesti."
    locale = factory.LazyFunction(locale)


class MemberDirectoryPageFactory(PageFactory):
    class Meta:
        model = MemberDirectoryPage

    title = "Jäsenet"


class JoinPageFactory(PageFactory):
    class Meta:
        model = JoinPage

    title = "Liity jäseneksi"
    parent = factory.LazyAttribute(
        lambda o: child_or_new(MemberDirectoryPage, o.language, MemberDirectoryPageFactory)
    )


class SubscribePageFactory(PageFactory):
    class Meta:
        model = SubscribePage

    title = "Tilaa uutiskirje"


class ProposalPageFactory(PageFactory):
    class Meta:
        model = ProposalPage

    title = factory.LazyAttribute(lambda o: f"Ehdota: {o.kind}")
    kind = "webinar"


class WorkingGroupIndexPageFactory(PageFactory):
    class Meta:
        model = WorkingGroupIndexPage

    title = "Työryhmät"


class WorkingGroupPageFactory(PageFactory):
    class Meta:
        model = WorkingGroupPage

    title = factory.Sequence(lambda n: f"Työryhmä {n}")
    parent = factory.LazyAttribute(
        lambda o: child_or_new(WorkingGroupIndexPage, o.language, WorkingGroupIndexPageFactory)
    )
    purpose = factory.LazyAttribute(lambda o: f"Tarkoitus: {o.title}")


class PartnerIndexPageFactory(PageFactory):
    class Meta:
        model = PartnerIndexPage

    title = "Kumppanit"


class PartnerPageFactory(PageFactory):
    class Meta:
        model = PartnerPage

    title = factory.Sequence(lambda n: f"Kumppani {n}")
    parent = factory.LazyAttribute(
        lambda o: child_or_new(PartnerIndexPage, o.language, PartnerIndexPageFactory)
    )
    summary = factory.LazyAttribute(lambda o: f"Tiivistelmä: {o.title}")


class MembershipApplicationFactory(DjangoModelFactory):
    class Meta:
        model = MembershipApplication

    organisation_name = factory.Sequence(lambda n: f"Hakijaorganisaatio {n}")
    contact_name = "Testi Henkilö"
    email = factory.Sequence(lambda n: f"jasen{n}@example.org")
    organisation_type = "company"
    language = "fi"


class SubscriberFactory(DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"tilaaja{n}@example.org")
    language = "fi"


class ProposalFactory(DjangoModelFactory):
    class Meta:
        model = Proposal

    kind = "webinar"
    name = "Testi Ehdottaja"
    email = factory.Sequence(lambda n: f"ehdottaja{n}@example.org")
    description = "Ehdotuksen kuvaus."
    language = "fi"
