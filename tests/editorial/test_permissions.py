"""The permission matrix: role × page type × action, through Wagtail's tester and over HTTP."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from editorial.roles import ALL_GROUPS, COMMUNICATIONS, LIAISONS, TRANSLATOR_LOCALES

from .conftest import name_liaison, standard_page_post

ALL = {"edit", "add", "submit", "publish", "delete", "lock", "translate"}
WRITE = {"edit", "add", "submit"}


def allowed(user, page: Page) -> set[str]:
    """Every action the admin would offer ``user`` on ``page`` (view draft = edit: preview)."""
    page = Page.objects.get(pk=page.pk).specific
    perms = page.permissions_for_user(user)
    actions = {
        "edit": perms.can_edit(),
        "add": perms.can_add_subpage(),
        "submit": perms.can_edit() and perms.can_submit_for_moderation(),
        "publish": perms.can_publish(),
        "delete": perms.can_delete(),
        "lock": perms.can_lock(),
        "translate": user.has_perm("wagtail_localize.submit_translation")
        and page.locale.language_code == "fi",
    }
    return {name for name, ok in actions.items() if ok}


def test_groups_exist_with_admin_access(locale_tree):
    # locale_tree: the sv and en front pages, on which the translators get their rights.
    for name in ALL_GROUPS:
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists(), name
    stored = GroupPagePermission.objects.filter(group__name=COMMUNICATIONS)
    assert {p.permission.codename for p in stored} == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    }
    assert {p.page.depth for p in stored} == {1}
    # Translators hold add/change on their own locale's home page only; the Liaisons role
    # group holds no page rights (each pilot's own "Liaisons: <pilot>" group does).
    for group, code in TRANSLATOR_LOCALES.items():
        rows = GroupPagePermission.objects.filter(group__name=group)
        assert {(p.page.depth, p.page.locale.language_code) for p in rows} == {(2, code)}
        assert {p.permission.codename for p in rows} == {"add_page", "change_page"}
    assert not GroupPagePermission.objects.filter(group__name=LIAISONS)


def test_communications_may_do_everything_everywhere(users, tree):
    for page in (tree.home, tree.standard, tree.index, tree.pilot_a, tree.update_b):
        assert allowed(users.communications, page) == ALL, page
    for page in (tree.sv_home, tree.sv_standard, tree.en_home):
        assert allowed(users.communications, page) == ALL - {"translate"}, page


def test_liaison_writes_only_under_own_pilot(users, tree):
    liaison = users.liaison_a
    assert allowed(liaison, tree.pilot_a) == WRITE
    assert allowed(liaison, tree.update_a) == WRITE
    # Their own never-published draft may be thrown away; nothing live may be deleted.
    assert allowed(liaison, tree.draft_a) == WRITE | {"delete"}
    for page in (
        tree.home,
        tree.standard,
        tree.index,
        tree.pilot_b,
        tree.update_b,
        tree.sv_home,
        tree.sv_standard,
    ):
        assert allowed(liaison, page) == set(), page


def test_translators_write_only_in_their_locale(users, tree):
    for page in (tree.sv_home, tree.sv_standard):
        assert allowed(users.translator_sv, page) == WRITE, page
        assert allowed(users.translator_en, page) == set(), page
    assert allowed(users.translator_en, tree.en_home) == WRITE
    assert allowed(users.translator_sv, tree.en_home) == set()
    for page in (tree.home, tree.standard, tree.pilot_a, tree.update_a):
        assert allowed(users.translator_sv, page) == set(), page
        assert allowed(users.translator_en, page) == set(), page


def test_user_without_role_gets_nothing(users, tree):
    for page in (tree.home, tree.pilot_a, tree.sv_home):
        assert allowed(users.nobody, page) == set()


def test_removing_liaison_removes_rights_at_once(users, tree):
    pilot = tree.pilot_a.get_latest_revision_as_object()
    pilot.liaisons.remove(users.liaison_a)
    pilot.save_revision().publish()
    liaison = type(users.liaison_a).objects.get(pk=users.liaison_a.pk)  # fresh: no cache
    assert allowed(liaison, tree.pilot_a) == set()
    assert allowed(liaison, tree.update_a) == set()


def test_adding_liaison_to_second_pilot_grants_it(users, tree):
    name_liaison(tree.pilot_b, users.liaison_a)
    liaison = type(users.liaison_a).objects.get(pk=users.liaison_a.pk)
    assert allowed(liaison, tree.update_b) == WRITE


# --- the same rules over HTTP -----------------------------------------------------------------


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def assert_denied(client, url: str) -> None:
    """Wagtail answers 403 to scripts and redirects people to the dashboard with an error."""
    assert client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    response = client.get(url, follow=True)
    assert response.redirect_chain[0] == (reverse("wagtailadmin_home"), 302)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


def test_liaison_http_own_pilot_ok_other_pilot_forbidden(client, users, tree):
    client.force_login(users.liaison_a)
    assert client.get(edit_url(tree.pilot_a)).status_code == 200
    assert client.get(edit_url(tree.update_a)).status_code == 200
    assert_denied(client, edit_url(tree.pilot_b))
    assert_denied(client, edit_url(tree.update_b))
    assert_denied(client, edit_url(tree.home))
    add_url = reverse("wagtailadmin_pages:add_subpage", args=[tree.pilot_b.pk])
    assert_denied(client, add_url)
    delete_url = reverse("wagtailadmin_pages:delete", args=[tree.pilot_a.pk])
    assert_denied(client, delete_url)


def test_liaison_sees_own_pilot_in_explorer_only(client, users, tree):
    client.force_login(users.liaison_a)
    response = client.get(reverse("wagtailadmin_explore", args=[tree.pilot_a.pk]))
    assert response.status_code == 200
    assert "Päivitys A" in response.content.decode()
    response = client.get(reverse("wagtailadmin_explore", args=[tree.pilot_b.pk]))
    assert response.status_code in (302, 403, 404)


def test_liaison_cannot_publish_over_http(client, users, tree):
    client.force_login(users.liaison_a)
    page = tree.update_a
    data = standard_page_post(page, title="Päivitys A (julkaisuyritys)")
    response = client.post(edit_url(page), {**data, "action-publish": "1"})
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert page.title == "Päivitys A"  # the live page did not change
    assert page.live_revision.user_id != users.liaison_a.pk


def test_swedish_translator_http(client, users, tree):
    client.force_login(users.translator_sv)
    assert_denied(client, edit_url(tree.standard))
    assert_denied(client, edit_url(tree.home))
    assert_denied(client, edit_url(tree.en_home))
    assert client.get(edit_url(tree.sv_standard)).status_code == 200
    # Requesting a new translation is for Communications.
    url = reverse("wagtail_localize:submit_page_translation", args=[tree.standard.pk])
    assert_denied(client, url)


@pytest.mark.parametrize("role", ["liaison_a", "translator_sv", "communications"])
def test_every_role_reaches_the_dashboard(client, users, role):
    client.force_login(getattr(users, role))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
