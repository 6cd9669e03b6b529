"""A translator finishes in the translation editor; the reviewer acts from the same page.

Save a draft, submit, the state moves to "in review"; the reviewer requests changes with a
comment that the translator sees; the translator resubmits; the reviewer approves; "done".
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

# The tree fixture reads the demo's Swedish and English home pages and a live StandardPage.
pytestmark = pytest.mark.demo

COMMENT = "Översätt rubriken också, tack."


def _edit(client, page: Page) -> str:
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _state(html: str) -> str:
    return re.search(r'data-review-state="([a-z_]+)"', html).group(1)


def _action_url(html: str, action: str) -> str:
    match = re.search(
        rf'<form method="post"\s+action="([^"]+)"\s+class="editorial-review-action[^"]*"\s+data-action="{action}"',
        html,
    )
    assert match, f"no {action} form"
    return match.group(1)


def test_translator_submits_reviewer_requests_changes_then_approves(client, users, tree):
    sv_page = Page.objects.get(pk=tree.sv_standard.pk)
    source = TranslationSource.objects.get(object_id=tree.standard.translation_key)
    translation = Translation.objects.get(source=source, target_locale=sv_page.locale)
    live_revision = sv_page.live_revision_id

    client.force_login(users.translator_sv)
    html = _edit(client, sv_page)
    assert "js-translation-editor" in html  # wagtail-localize's editor, with our panel above
    save_url = reverse("editorial_save_translation", args=[translation.pk])
    submit_url = reverse("editorial_submit_translation", args=[translation.pk])
    assert save_url in html and submit_url in html

    # A translated string, as the editor stores it; saving keeps it as a draft only.
    segment = source.stringsegment_set.order_by("order").first()
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=sv_page.locale,
        context=segment.context,
        defaults={"data": "Ny svensk text", "last_translated_by": users.translator_sv},
    )
    assert client.post(save_url).status_code == 302
    sv_page.refresh_from_db()
    assert sv_page.live_revision_id == live_revision
    assert sv_page.has_unpublished_changes
    assert _state(_edit(client, sv_page)) == "draft"

    assert client.post(submit_url).status_code == 302
    html = _edit(client, sv_page)
    assert _state(html) == "in_review"
    assert submit_url not in html  # nothing to submit while it is in review
    assert 'data-action="approve"' not in html  # translators do not review

    # The reviewer opens the Swedish page itself and requests changes with a comment.
    client.force_login(users.communications)
    html = _edit(client, sv_page)
    assert _state(html) == "in_review"
    response = client.post(_action_url(html, "reject"), {"comment": COMMENT})
    assert response.status_code == 302
    sv_page.refresh_from_db()
    assert sv_page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    # The translator sees the comment and resubmits from the editor.
    client.force_login(users.translator_sv)
    html = _edit(client, sv_page)
    assert _state(html) == "changes_requested"
    assert COMMENT in html
    assert "data-resubmit" in html
    assert client.post(submit_url).status_code == 302
    sv_page.refresh_from_db()
    assert sv_page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # The reviewer approves: the draft goes live and the translator sees "done".
    client.force_login(users.communications)
    html = _edit(client, sv_page)
    assert client.post(_action_url(html, "approve")).status_code == 302
    sv_page.refresh_from_db()
    assert sv_page.live_revision_id != live_revision
    assert not sv_page.has_unpublished_changes
    client.force_login(users.translator_sv)
    html = _edit(client, sv_page)
    assert _state(html) == "done"
    assert "data-resubmit" in html  # a current translation may be sent for review again
