"""A liaison never reads another pilot's draft titles (issue 14, low item).

Pilot B gets an unpublished page and a live page with a pending new title; pilot A's liaison
looks for both through the page chooser (browse and search), the explorer's search, the
"pages using this type" report, a bulk-action confirmation, and the page's history and usage.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from home.models import StandardPage

pytestmark = pytest.mark.django_db

SECRET = "Salainen luonnosotsikko"


@pytest.fixture
def drafts(tree):
    unpublished = StandardPage(title=f"{SECRET} 1", slug="salainen-1", live=False)
    tree.pilot_b.add_child(instance=unpublished)
    unpublished.save_revision()
    pending = tree.update_b.specific
    pending.title = f"{SECRET} 2"
    pending.save_revision()  # a draft of the live page: its title is not public yet
    return [unpublished, tree.update_b]


def visible_titles(client, drafts, tree) -> dict[str, str]:
    ids = "&".join(f"id={page.pk}" for page in drafts)
    urls = {
        "chooser browse": reverse("wagtailadmin_choose_page_child", args=[tree.pilot_b.pk]),
        "chooser search": reverse("wagtailadmin_choose_page_search") + "?q=Salainen",
        "explorer search": reverse("wagtailadmin_pages:search") + "?q=Salainen",
        "type use": reverse("wagtailadmin_pages:type_use", args=["home", "standardpage"]),
        "bulk delete": reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        + f"?{ids}",
        "bulk unpublish": reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
        + f"?{ids}",
    }
    for page in drafts:
        urls[f"history {page.pk}"] = reverse("wagtailadmin_pages:history", args=[page.pk])
        urls[f"usage {page.pk}"] = reverse("wagtailadmin_pages:usage", args=[page.pk])
    seen = {}
    for name, url in urls.items():
        response = client.get(url)
        body = response.content.decode() if response.status_code == 200 else ""
        seen[name] = body
    return seen


def test_a_liaison_sees_no_other_pilots_draft_titles(client, tree, users, drafts):
    client.force_login(users.liaison_a)
    leaks = [name for name, body in visible_titles(client, drafts, tree).items() if SECRET in body]
    assert leaks == []


def test_communications_still_sees_them(client, tree, users, drafts):
    client.force_login(users.communications)
    seen = visible_titles(client, drafts, tree)
    assert SECRET in seen["chooser browse"]
    assert SECRET in seen["chooser search"]
    assert SECRET in seen["bulk delete"]


def test_a_liaison_still_sees_their_own_drafts(client, tree, users):
    client.force_login(users.liaison_a)
    browse = client.get(reverse("wagtailadmin_choose_page_child", args=[tree.pilot_a.pk]))
    assert tree.draft_a.title in browse.content.decode()
