"""Public URLs of the members app, mounted under the language prefix (see cms/urls.py)."""

urlpatterns: list = []
