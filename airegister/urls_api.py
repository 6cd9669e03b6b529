"""Language-neutral register URLs (the machine-readable outputs), mounted at the site root."""

from django.urls import path

from . import views

urlpatterns = [
    path("api/ai-register/", views.register_json, name="airegister_api"),
    path("api/ai-register.csv", views.register_csv, name="airegister_csv"),
    path("api/ai-register/schema.json", views.schema_json, name="airegister_schema"),
    path("api/ai-register/<uuid:uuid>/", views.record_json, name="airegister_record"),
]
