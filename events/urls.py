"""Public URLs of the events app, mounted under the language prefix (see cms/urls.py)."""

urlpatterns: list = []
