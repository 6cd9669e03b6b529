"""Public URLs of the pilots app, mounted under the language prefix (see cms/urls.py)."""

urlpatterns: list = []
