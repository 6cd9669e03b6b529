"""Public pages: the register index (filters, counts, constant queries), the record page
(groups, summary, overdue flag, change history, pilot links), the feedback form, sitemap."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from airegister import choices
from airegister.models import RecordFeedback
from airegister.wagtail_hooks import RecordsDueForReviewPanel
from tests.factories import (
    AIRecordPageFactory,
    RegionFactory,
    RegisterIndexPageFactory,
    SuperuserFactory,
    translate_record,
)
from tests.mailqueue import delivered
from tests.sitemaps import crawl

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return RegisterIndexPageFactory()


def _records(n: int, **fields):
    return [AIRecordPageFactory(**fields) for _ in range(n)]


def test_index_lists_records_with_facet_counts(client, index):
    _records(2)
    AIRecordPageFactory(risk_category=choices.RiskCategory.HIGH, status=choices.Status.EVALUATION)
    AIRecordPageFactory(draft=True)
    response = client.get(index.url)
    assert response.status_code == 200
    assert len(response.context["records"]) == 3
    risk = next(f for f in response.context["facets"] if f.name == "risk_category")
    assert {o.value: o.count for o in risk.options} == {"limited risk": 2, "high risk": 1}
    response = client.get(index.url, {"risk_category": "high risk"})
    assert len(response.context["records"]) == 1
    status = next(f for f in response.context["facets"] if f.name == "status")
    # Status counts follow the other selected filter (risk = high): only the evaluation record.
    assert {o.value: o.count for o in status.options} == {"pilot": 0, "evaluation": 1}


def test_region_filter_and_unknown_value(client, index):
    region = RegionFactory(name="Kainuu", slug="kainuu")
    AIRecordPageFactory(region=region)
    AIRecordPageFactory()
    assert len(client.get(index.url, {"region": "kainuu"}).context["records"]) == 1
    assert client.get(index.url, {"region": "atlantis"}).status_code == 400
    assert client.get(index.url, {"type": "magic"}).status_code == 400


def test_index_queries_do_not_grow_with_records(client, index):
    _records(2)
    client.get(index.url)  # warm the per-site caches
    with CaptureQueriesContext(connection) as few:
        client.get(index.url, {"status": "pilot"})
    _records(6, region=RegionFactory(name="Kainuu", slug="kainuu"))
    client.get(index.url)  # publishing moved the cache generation: warm the per-site caches again
    with CaptureQueriesContext(connection) as many:
        client.get(index.url, {"status": "pilot"})
    assert len(many) == len(few)


def test_record_page_groups_summary_and_pilot_links(client):
    record = AIRecordPageFactory(summary="Selkokielinen tiivistelmä.")
    pilot = record.get_parent().specific
    html = client.get(record.url).content.decode()
    assert html.index("Selkokielinen tiivistelmä.") < html.index('id="group-metadata"')
    for key in ("metadata", "basic", "use_case", "data", "algorithm", "oversight"):
        assert f'id="group-{key}"' in html
    assert f'href="{pilot.url}"' in html
    assert "Review overdue" not in html and "Arviointi myöhässä" not in html
    # ...and the pilot page links back to its record.
    assert f'href="{record.url}"' in client.get(pilot.url).content.decode()


def test_overdue_record_is_flagged_publicly_and_on_the_dashboard(client):
    late = AIRecordPageFactory(revision_date=dt.date.today() - dt.timedelta(days=3))
    AIRecordPageFactory(revision_date=dt.date.today() + dt.timedelta(days=300))
    response = client.get(late.url)
    assert response.context["review_overdue"] is True
    assert "record__overdue" in response.content.decode()
    context = RecordsDueForReviewPanel().get_context_data()
    assert [r.pk for r in context["overdue"]] == [late.pk]
    client.force_login(SuperuserFactory())
    assert late.title in client.get("/admin/").content.decode()


def test_change_history_lists_what_changed(client):
    record = AIRecordPageFactory()
    record.risks = "Uusi riskiarvio."
    record.monitoring = "Viikoittain."
    record.save_revision().publish()
    history = client.get(record.url).context["history"]
    assert len(history) == 2
    assert history[-1].first
    changed = set(history[0].changed)
    assert len(changed) == 2 and not history[0].first


def test_feedback_is_stored_then_forwarded_to_the_contact(client):
    record = AIRecordPageFactory(contact_email="vastuu@example.org")
    response = client.post(
        record.url, {"name": "Maija", "email": "maija@example.org", "message": "Miten?"}
    )
    assert response.status_code == 200 and response.context["feedback_sent"]
    feedback = RecordFeedback.objects.get()
    assert (feedback.record_id, feedback.message) == (record.pk, "Miten?")
    mail = delivered()
    assert [m.to for m in mail] == [["vastuu@example.org"]]
    assert mail[0].extra_headers["Reply-To"] == "maija@example.org"
    assert "Miten?" in mail[0].body


def test_feedback_needs_a_message_and_bots_are_refused(client):
    record = AIRecordPageFactory()
    assert client.post(record.url, {"message": ""}).status_code == 400
    assert client.post(record.url, {"message": "x", "website_url": "spam"}).status_code == 400
    assert not RecordFeedback.objects.exists()


def test_records_are_in_the_sitemap(client):
    record = AIRecordPageFactory()
    assert record.full_url in [entry.loc for entry in crawl(client)]


def test_region_names_follow_the_readers_language(client, locale_tree):
    region = RegionFactory(name="Kainuu", slug="kainuu")
    RegionFactory(name="Kajanaland", slug="kainuu", locale=locale_tree.sv.locale)
    record = AIRecordPageFactory(region=region)
    translate_record(record, "sv", title="System")
    index = RegisterIndexPageFactory(language="sv", title="AI-registret", slug="ai-registret")
    response = client.get(index.url)
    region_facet = next(f for f in response.context["facets"] if f.name == "region")
    assert [(o.value, o.label) for o in region_facet.options] == [("kainuu", "Kajanaland")]
    assert "Kajanaland" in response.content.decode()
