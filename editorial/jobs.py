"""Scheduled publishing as a job of ``manage.py run_worker`` (Wagtail's ``publish_scheduled``)."""

from __future__ import annotations

import io

from django.core.management import call_command

from cms.worker import register_job


def publish_scheduled() -> int:
    call_command("publish_scheduled", stdout=io.StringIO(), verbosity=0)
    return 0  # Wagtail does not say how many; the next pass is due in a minute anyway


def register() -> None:
    register_job("scheduled", publish_scheduled, every=60)
