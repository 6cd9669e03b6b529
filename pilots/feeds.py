"""RSS and Atom feeds of pilot updates: all pilots of one language, or one pilot.

Feeds are served by routes on the index and pilot pages, so each language's page gives the
updates in that language only (pages of other languages live under other index pages).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.utils.translation import override

FEED_LENGTH = 30


class UpdatesRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, page) -> None:
        super().__init__()
        self.page = page
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        with override(self.page.locale.language_code):
            return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        from .models import PilotPage

        if isinstance(self.page, PilotPage):
            return _("Updates: %(pilot)s") % {"pilot": self.page.title}
        return _("AI pilot updates")

    def link(self) -> str:
        return self.page.get_url(self.request)

    def description(self) -> str:
        return _("Progress updates from the AI pilot projects.")

    def items(self):
        return list(self.page.updates()[:FEED_LENGTH])

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return item.get_url(self.request)

    def item_pubdate(self, item) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(item.date, dt.time(9, 0)))

    def item_guid(self, item) -> str:
        return f"pilot-update-{item.pk}"

    item_guid_is_permalink = False


class UpdatesAtomFeed(UpdatesRssFeed):
    feed_type = Atom1Feed
    subtitle = UpdatesRssFeed.description
