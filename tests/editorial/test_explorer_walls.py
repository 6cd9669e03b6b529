"""A liaison cannot open another pilot in the page explorer, nor act on it.

A liaison's pilot exists in Finnish and Swedish, so Wagtail's explorable root for them is the tree
root; Wagtail would then open any page's explorer view by its id, showing its draft title. The
``construct_explorer_page_queryset`` hook in editorial/wagtail_hooks.py refuses pages outside the
user's explorable set, as Wagtail already does in its listings.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.permissions import page_permission_policy

from editorial.draft_privacy import may_explore
from editorial.roles import COMMUNICATIONS, LIAISONS
from tests.factories.base import translate
from tests.factories.pilots import PilotPageFactory, PilotUpdatePageFactory
from tests.factories.users import UserFactory


@pytest.fixture
def pilots(locale_tree):
    liaison = UserFactory(username="oma-yhteys", groups=[LIAISONS])
    own = PilotPageFactory(title="Oma kokeilu", liaisons=[liaison])
    translate(own.get_parent(), "sv", title="Försök")
    translate(own, "sv", title="Eget försök")
    other = PilotPageFactory(title="Toinen kokeilu")
    PilotUpdatePageFactory(parent=other, title="Toisen katsaus")
    # A pending draft title on the other pilot: what the liaison must not read.
    draft = other.get_latest_revision_as_object()
    draft.title = "Toinen kokeilu: salainen uusi nimi"
    draft.save_revision()
    return liaison, own, other


def test_liaisons_explorable_root_is_the_tree_root(pilots):
    """The precondition of the gap: without the hook Wagtail would open any page's explorer."""
    liaison, _own, _other = pilots
    assert page_permission_policy.explorable_root_instance(liaison).is_root()


def test_liaison_is_refused_another_pilots_explorer_page(client, pilots):
    liaison, own, other = pilots
    client.force_login(liaison)
    for url in (
        reverse("wagtailadmin_explore", args=[other.pk]),
        reverse("wagtailadmin_explore_results", args=[other.pk]),
        reverse("wagtailadmin_explore", args=[other.get_children().first().pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == reverse("wagtailadmin_home"), url
    followed = client.get(reverse("wagtailadmin_explore", args=[other.pk]), follow=True)
    html = followed.content.decode()
    assert "salainen uusi nimi" not in html and "Toisen katsaus" not in html
    assert reverse("wagtailadmin_pages:edit", args=[other.pk]) not in html
    # The editor and the add-subpage form stay refused, as before.
    for name in ("wagtailadmin_pages:edit", "wagtailadmin_pages:add_subpage"):
        response = client.get(reverse(name, args=[other.pk]))
        assert response.status_code in (302, 403), name


def test_liaison_still_explores_the_way_to_their_own_pilot(client, pilots):
    liaison, own, other = pilots
    client.force_login(liaison)
    index = own.get_parent()
    listing = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[own.pk]) in html
    assert "Toinen kokeilu" not in html  # Wagtail lists only explorable pages
    assert client.get(reverse("wagtailadmin_explore", args=[own.pk])).status_code == 200
    assert (
        client.get(reverse("wagtailadmin_explore", args=[index.get_parent().pk])).status_code == 200
    )
    assert client.get(reverse("wagtailadmin_explore_root")).status_code == 200


def test_communications_explores_every_pilot(client, pilots):
    _liaison, _own, other = pilots
    communications = UserFactory(groups=[COMMUNICATIONS])
    client.force_login(communications)
    response = client.get(reverse("wagtailadmin_explore", args=[other.pk]))
    assert response.status_code == 200
    assert "Toisen katsaus" in response.content.decode()
    assert may_explore(other, communications)
