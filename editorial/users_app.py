"""``wagtail.users`` with the group list in the reader's language (:mod:`editorial.groups`).

Listed in ``INSTALLED_APPS`` in place of ``"wagtail.users"`` (Wagtail's documented way to
replace the group viewset); a module of its own, so ``editorial``'s own app config stays the
only one Django finds in ``editorial/apps.py``.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class WagtailUsersConfig(WagtailUsersAppConfig):
    group_viewset = "editorial.groups.GroupViewSet"
