"""The factories and the locale tree build what the tests rely on: published pages under the
right parent, in the right locale, reachable at their public URL."""

from __future__ import annotations

import pytest

from pilots.models import PilotIndexPage
from tests import factories

pytestmark = pytest.mark.django_db

PAGE_FACTORIES = [
    factories.StandardPageFactory,
    factories.NewsPageFactory,
    factories.BlogPageFactory,
    factories.NewsletterIssuePageFactory,
    factories.PilotPageFactory,
    factories.PilotUpdatePageFactory,
    factories.FundingCallPageFactory,
    factories.ReportPageFactory,
    factories.UseCaseCatalogPageFactory,
    factories.MemberDirectoryPageFactory,
    factories.JoinPageFactory,
    factories.SubscribePageFactory,
    factories.ProposalPageFactory,
    factories.WorkingGroupPageFactory,
    factories.PartnerPageFactory,
    factories.EventPageFactory,
    factories.EventSeriesPageFactory,
    factories.LegislativeNeedsPageFactory,
    factories.LessonsLearnedPageFactory,
    factories.RegisterIndexPageFactory,
    factories.AIRecordPageFactory,
]


@pytest.mark.parametrize("page_factory", PAGE_FACTORIES, ids=lambda f: f.__name__)
def test_each_page_factory_publishes_a_page_that_serves(client, page_factory):
    page = page_factory()
    assert page.live and page.get_latest_revision().approved_go_live_at is None
    assert page.locale.language_code == "fi"
    assert page.get_parent().specific_class in page.specific_class.allowed_parent_page_models()
    assert client.get(page.url).status_code == 200


def test_a_draft_is_not_served(client):
    page = factories.StandardPageFactory(draft=True)
    assert not page.live
    assert page.get_latest_revision() is not None
    assert client.get(f"/fi/{page.slug}/").status_code == 404


def test_children_share_one_index_per_locale():
    first, second = factories.PilotPageFactory(), factories.PilotPageFactory()
    assert first.get_parent().pk == second.get_parent().pk
    assert PilotIndexPage.objects.filter(locale__language_code="fi").count() == 1


def test_locale_tree_serves_each_front_page_with_alternates(client, locale_tree):
    for language in ("fi", "sv", "en"):
        home = locale_tree.home(language)
        assert home.live and home.locale.language_code == language
        assert home.translation_key == locale_tree.fi.translation_key
        html = client.get(f"/{language}/").content.decode()
        assert f'<html lang="{language}">' in html
        assert home.hero_title in html


def test_pages_in_another_locale_go_under_that_locales_tree(client, locale_tree):
    pilot = factories.PilotPageFactory(language="sv", title="Pilot på svenska")
    assert pilot.locale.language_code == "sv"
    assert pilot.get_parent().get_parent().pk == locale_tree.sv.pk
    assert client.get(pilot.url).status_code == 200


def test_records_and_snippets():
    application = factories.FundingApplicationFactory()
    assert application.call.form_state() == "open"
    measurement = factories.MeasurementFactory()
    assert measurement.indicator.page.live
    assert (
        factories.RegistrationFactory().event_key
        == factories.EventPageFactory._meta.model.objects.get().translation_key
    )
    assert factories.UseCaseFactory().category.locale.language_code == "fi"
    assert factories.UserFactory(groups=["Communications"], admin_access=True).has_perm(
        "wagtailadmin.access_admin"
    )
