"""Public URLs of the reports app, mounted under the language prefix (see cms/urls.py)."""

urlpatterns: list = []
