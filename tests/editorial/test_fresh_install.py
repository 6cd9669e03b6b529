"""The browser journeys start from a freshly migrated database whatever ran before them.

``restore_migrated_data`` (tests/conftest.py) empties every table and loads what the migrations
made, serialized before any test ran. Loading it on top of what a previous test left, as Django's
serialized rollback does, depended on test order (#16: under xdist the first journey on a worker
found no default site); these cases are the states a worker can be in.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Locale, Site, Workflow

from editorial.roles import ALL_GROUPS, WORKFLOW_NAME
from pilots.models import PilotPage
from tests.conftest import restore_migrated_data
from tests.factories.pilots import PilotPageFactory
from tests.factories.users import UserFactory


def migrated_state() -> dict:
    """What a fresh install's editors rely on: site, locales, groups and rights, workflow."""
    site = Site.objects.get(is_default_site=True)
    return {
        "site": (site.hostname, site.port, site.root_page.specific_class.__name__),
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "groups": {
            group.name: sorted(
                f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
            )
            for group in Group.objects.order_by("name")
        },
        "page_rights": sorted(
            Group.objects.filter(page_permissions__isnull=False).values_list(
                "name", "page_permissions__permission__codename", "page_permissions__page__depth"
            )
        ),
        "workflows": sorted(Workflow.objects.values_list("name", flat=True)),
    }


@pytest.mark.parametrize("before", ["flush", "committed data"])
def test_migrated_data_comes_back_whatever_ran_before(migrated_database, before):
    fresh = migrated_state()
    assert set(ALL_GROUPS) <= set(fresh["groups"]) and WORKFLOW_NAME in fresh["workflows"]
    assert fresh["groups"]["Communications"]  # rights from the role table, not hand grants

    if before == "flush":
        # As a transactional test ends: every table emptied, then Django's post_migrate
        # handlers recreate content types and permissions under new ids.
        call_command("flush", interactive=False, verbosity=0)
        assert not Site.objects.exists()
    else:
        # As a committed demo leaves it: pages and users on top of the migrations' data.
        PilotPageFactory(title="Jäänyt kokeilu", liaisons=[UserFactory()])

    restore_migrated_data()
    assert migrated_state() == fresh
    assert not PilotPage.objects.exists()
