"""Public URLs of the search app, mounted under the language prefix (see cms/urls.py).

One path per language: /fi/haku/, /sv/sok/, /en/search/ (a path of another language redirects).
"""

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("haku/", views.search_page, {"lang": "fi"}, name="search_fi"),
    path("sok/", views.search_page, {"lang": "sv"}, name="search_sv"),
    path("search/", views.search_page, {"lang": "en"}, name="search_en"),
]
