"""The public, read-only evaluation data endpoint (mounted at /api/evaluation/ in cms/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [path("", views.public_evaluation_api, name="coordination_evaluation_api")]
