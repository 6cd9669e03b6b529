"""Public URLs of the events app, mounted under the language prefix (see cms/urls.py).

Calendars and feeds have file-like names so they never collide with page slugs.
"""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("events-calendar.ics", views.calendar_feed, name="calendar_feed"),
    path("event-<uuid:key>.ics", views.event_ics, name="event_ics"),
    path("events.rss", views.rss_feed, name="rss_feed"),
    path("events.atom", views.atom_feed, name="atom_feed"),
    path(
        "event-registration/cancel/<str:token>/",
        views.cancel_registration,
        name="cancel_registration",
    ),
]
