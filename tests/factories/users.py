"""Users for the admin and editorial tests; groups are the ones the data migrations made."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from factory.django import DjangoModelFactory


class UserFactory(DjangoModelFactory):
    """A user with password ``pw``; ``groups=[name, …]`` adds migration-made groups by name and
    ``admin_access=True`` the "access Wagtail admin" permission."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("pw")

    @factory.post_generation
    def groups(user, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            user.groups.add(*(Group.objects.get(name=name) for name in extracted))

    @factory.post_generation
    def admin_access(user, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            user.user_permissions.add(Permission.objects.get(codename="access_admin"))


class SuperuserFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_superuser = True
    is_staff = True
