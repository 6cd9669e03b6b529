"""Public URLs of the search app, mounted under the language prefix (see cms/urls.py)."""

urlpatterns: list = []
