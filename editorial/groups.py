"""The admin's group screens list each group by its name in the reader's language.

Installed through Wagtail's documented way of replacing the group viewset: the
``wagtail.users`` app config in ``INSTALLED_APPS`` is :class:`editorial.apps.WagtailUsersConfig`,
whose ``group_viewset`` is :class:`GroupViewSet`. The stored name (an identifier code looks up,
see :mod:`editorial.roles`) is still what the edit form shows and saves.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import TitleColumn
from wagtail.users.views import groups

from .names import display_name


class GroupIndexView(groups.IndexView):
    columns = [
        TitleColumn(
            "name",
            label=_("Name"),
            accessor=lambda group: display_name(group.name),
            sort_key="name",
            url_name="wagtailusers_groups:edit",
        ),
    ]


class GroupViewSet(groups.GroupViewSet):
    index_view_class = GroupIndexView
