"""Public URLs of the home app, mounted under the language prefix (see cms/urls.py)."""

urlpatterns: list = []
