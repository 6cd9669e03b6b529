"""Factories for the AI register: the index per language and complete records.

``AIRecordPageFactory()`` is a published Finnish record of a new pilot (its parent), with every
attribute the standard requires filled in; ``parent=index`` puts it under the register index
instead (another organisation's system); ``draft=True`` leaves it unpublished.
"""

from __future__ import annotations

import datetime as dt

import factory

from airegister import choices
from airegister.models import AIRecordPage, RegisterIndexPage

from .base import PageFactory
from .pilots import PilotPageFactory


class RegisterIndexPageFactory(PageFactory):
    class Meta:
        model = RegisterIndexPage

    title = "Tekoälyrekisteri"
    slug = "tekoalyrekisteri"
    intro = "Kokeilujen tekoälyjärjestelmät avoimesti kuvattuina."


class AIRecordPageFactory(PageFactory):
    class Meta:
        model = AIRecordPage

    title = factory.Sequence(lambda n: f"Tekoälyjärjestelmä {n}")
    parent = factory.LazyAttribute(lambda o: PilotPageFactory(language=o.language))
    summary = "Järjestelmä tiivistää asiakirjat ammattilaisen tarkistettaviksi."
    revision_date = factory.LazyFunction(lambda: dt.date.today() + dt.timedelta(days=180))
    revision_note = "Kokeilun päättyessä"
    keywords = "tekoäly, kokeilu"
    organization = "Pirkanmaan hyvinvointialue"
    department = "Sosiaalipalvelut"
    country = "Suomi"
    contact_email = "rekisteri@example.org"
    contact_name = "Testi Henkilö"
    description_short = "Kielimalli tiivistää asiakirjat ammattilaiselle."
    status = choices.Status.PILOT
    decision_making_process = "Palvelutarpeen arviointi (sosiaalihuoltolaki 36 §)."
    domain = choices.Domain.HEALTH
    area = "Pirkanmaa"
    goal = "Vähentää kirjaamiseen kuluvaa aikaa."
    impact = "Asiakas ei ole suoraan tekemisissä järjestelmän kanssa."
    risks = "Virheellinen tiivistys; ammattilainen tarkistaa jokaisen."
    risk_category = choices.RiskCategory.LIMITED
    proportionality = "Hyöty on ajansäästö; ammattilainen päättää."
    lawful_basis = "Sosiaalihuoltolaki; hyvinvointialueen päätös."
    training_data = "Valmis kielimalli; ei koulutettu asiakastiedoilla."
    source_data = "Asiakaskertomuksen merkinnät."
    connected_data_sources = "Asiakastietojärjestelmä."
    algorithm_type = choices.AlgorithmType.SELF_LEARNING
    use_type = choices.UseType.DESCRIPTIVE
    monitoring = "Otantatarkistus kuukausittain."
    human_intervention = "Ammattilainen hyväksyy tai hylkää tiivistelmän."
    objection_procedure = "Asiakas voi pyytää oikaisua."
    ai_act_role = choices.ActRole.DEPLOYER
    annex_iii_area = choices.AnnexIIIArea.NONE


def translate_record(record: AIRecordPage, language: str, **fields) -> AIRecordPage:
    """``record`` copied into ``language`` (its pilot and pilot index too, when they have no
    translation yet: all published), with ``fields`` set, published."""
    from wagtail.models import Locale

    from .base import publish

    locale = Locale.objects.get(language_code=language)
    translated = record.copy_for_translation(locale, copy_parents=True)
    for ancestor in translated.get_ancestors().filter(depth__gt=2).specific():
        if not ancestor.live:
            publish(ancestor)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return publish(translated)
