"""Language-neutral search URLs (the JSON API), mounted at the site root."""

urlpatterns: list = []
