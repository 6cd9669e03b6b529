"""Public URLs of the members app, mounted under the language prefix (see cms/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "newsletter/confirm/<str:token>/",
        views.confirm_subscription,
        name="members_confirm",
    ),
    path("newsletter/unsubscribe/<str:token>/", views.unsubscribe, name="members_unsubscribe"),
]
