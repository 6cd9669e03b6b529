"""Revision reminders as a job of ``manage.py run_worker`` (idempotent: each goes once)."""

from __future__ import annotations

from cms.worker import register_job


def send_revision_reminders() -> int:
    from .reminders import run_due_reminders

    return run_due_reminders()


def register() -> None:
    register_job("ai-register-reminders", send_revision_reminders, every=3600)
