"""Create a local superuser for development and print its login. Never in production."""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = Path(settings.BASE_DIR) / ".local-admin-password"


class Command(BaseCommand):
    help = "Create the local admin user (dev only) and print the login."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_local_admin is for local development only (DEBUG is off).")
        username = settings.DEMO_ADMIN_USERNAME
        user_model = get_user_model()
        if PASSWORD_FILE.exists():
            password = PASSWORD_FILE.read_text().strip()
        else:
            password = secrets.token_urlsafe(12)
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model.objects.create_superuser(username, "admin@example.invalid", password)
        elif not user.check_password(password):
            self.stdout.write(
                f"User {username!r} exists with another password; reset it with "
                f"`manage.py changepassword {username}`."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Local admin: http://127.0.0.1:8000/admin/  user: {username}  password: {password}"
            )
        )
