"""Language-neutral search URLs (the JSON API), mounted at the site root."""

from django.urls import path

from . import views

urlpatterns = [
    path("api/search/", views.api_search, name="search_api"),
    path("api/search/autocomplete/", views.api_autocomplete, name="search_autocomplete"),
]
