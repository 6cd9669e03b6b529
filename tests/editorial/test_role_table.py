"""Every group's rights come from the role table in ``editorial.roles``, through migrations.

The first test migrates an EMPTY database (a fresh SQLite file, in a child process so nothing
of the suite's own database or demo content is involved) and compares each group's stored
rights with the table: this is what a new install gets.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page

from editorial.grants import apply_role_table
from editorial.liaisons import GROUP_PREFIX
from editorial.roles import (
    ALL_GROUPS,
    COLLECTION_PERMISSIONS,
    COMMUNICATIONS,
    COMMUNICATIONS_PAGE_ACTIONS,
    MODEL_PERMISSIONS,
    TRANSLATORS_SV,
    WAGTAIL_DEFAULT_GROUPS,
    role_table_markdown,
)
from pilots.models import PilotPage

from .conftest import name_liaison

ROOT = Path(__file__).resolve().parents[2]

DUMP = """
import json, django
django.setup()
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission
out = {}
for group in Group.objects.all():
    out[group.name] = {
        "models": sorted(
            f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
        ),
        "collections": sorted(
            f"{r.permission.content_type.app_label}.{r.permission.codename}@{r.collection.depth}"
            for r in GroupCollectionPermission.objects.filter(group=group)
        ),
        "pages": sorted(
            f"{r.permission.codename}@{r.page.depth}"
            for r in GroupPagePermission.objects.filter(group=group)
        ),
    }
print(json.dumps(out))
"""


def _fresh_database_groups(tmp_path: Path) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--verbosity=0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )
    dump = subprocess.run(
        [sys.executable, "-c", DUMP], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(dump.stdout)


def test_empty_database_migrates_to_the_role_table(tmp_path):
    groups = _fresh_database_groups(tmp_path)
    for name in ALL_GROUPS:
        assert groups[name]["models"] == sorted(MODEL_PERMISSIONS[name]), name
        expected_collections = sorted(f"{p}@1" for p in COLLECTION_PERMISSIONS[name])
        assert groups[name]["collections"] == expected_collections, name
    assert groups[COMMUNICATIONS]["pages"] == sorted(
        f"{action}_page@1" for action in COMMUNICATIONS_PAGE_ACTIONS
    )
    # Communications can do its daily work on a new install, not only pages.
    assert "pilots.view_fundingapplication" in groups[COMMUNICATIONS]["models"]
    assert "members.change_newslettersend" in groups[COMMUNICATIONS]["models"]
    assert "events.view_registration" in groups[COMMUNICATIONS]["models"]
    # Wagtail's default groups are gone; no group exists that the table does not explain.
    assert not set(WAGTAIL_DEFAULT_GROUPS) & set(groups)
    assert set(groups) == set(ALL_GROUPS)


def test_every_table_entry_names_a_real_permission(db):
    for perms in [*MODEL_PERMISSIONS.values(), *COLLECTION_PERMISSIONS.values()]:
        for perm in perms:
            app_label, codename = perm.split(".")
            assert Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).exists(), perm


def test_reapplying_restores_the_table_and_changes_nothing_else(db):
    group = Group.objects.get(name=COMMUNICATIONS)
    group.permissions.add(Permission.objects.get(codename="delete_consentrecord"))
    group.permissions.remove(Permission.objects.get(codename="view_subscriber"))
    before_pages = set(GroupPagePermission.objects.values_list("group_id", "page_id", "permission"))
    apply_role_table()
    apply_role_table()
    stored = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert stored == set(MODEL_PERMISSIONS[COMMUNICATIONS])
    after_pages = set(GroupPagePermission.objects.values_list("group_id", "page_id", "permission"))
    assert after_pages == before_pages


def test_a_new_locale_home_gets_its_translators_rights(db):
    """wagtail-localize creates a locale's home after the migrations: the receiver grants it."""
    swedish = Locale.objects.get(language_code="sv")
    root = Page.get_first_root_node()
    page = root.add_child(instance=Page(title="Ny startsida", slug="ny-startsida", locale=swedish))
    rows = GroupPagePermission.objects.filter(page=page)
    assert {(r.group.name, r.permission.codename) for r in rows} == {
        (TRANSLATORS_SV, "add_page"),
        (TRANSLATORS_SV, "change_page"),
    }


@pytest.mark.demo  # the tree fixture reads demo pages
def test_pilot_group_follows_the_liaisons_field(users, tree):
    group = Group.objects.get(name=f"{GROUP_PREFIX}{tree.pilot_a.title}")
    assert list(group.user_set.all()) == [users.liaison_a]
    rows = GroupPagePermission.objects.filter(group=group)
    assert {(r.page_id, r.permission.codename) for r in rows} == {
        (tree.pilot_a.pk, "add_page"),
        (tree.pilot_a.pk, "change_page"),
    }
    name_liaison(tree.pilot_b, users.liaison_a)
    assert users.liaison_a.groups.filter(name__startswith=GROUP_PREFIX).count() == 2
    pilot = tree.pilot_a.get_latest_revision_as_object()
    pilot.liaisons.remove(users.liaison_a)
    pilot.save_revision().publish()
    assert not group.user_set.exists()


def test_editors_guide_shows_the_role_table():
    guide = (ROOT / "docs" / "editors-guide.md").read_text(encoding="utf-8")
    assert role_table_markdown() in guide


@pytest.mark.demo  # the tree fixture reads demo pages
def test_only_communications_names_a_pilots_liaisons(client, users, tree):
    """Liaisons edit their pilot but cannot change who its liaisons are (and so who may edit)."""
    url = reverse("wagtailadmin_pages:edit", args=[tree.pilot_a.pk])
    client.force_login(users.liaison_a)
    html = client.get(url).content.decode()
    assert 'name="title"' in html
    assert 'name="liaisons"' not in html
    form_class = PilotPage.get_edit_handler().get_form_class()
    assert "liaisons" not in form_class(instance=tree.pilot_a, for_user=users.liaison_a).fields
    client.force_login(users.communications)
    assert 'name="liaisons"' in client.get(url).content.decode()
