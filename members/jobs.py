"""The members app's background jobs for ``manage.py run_worker``: the mail queue, newsletters."""

from __future__ import annotations

from cms.worker import register_job


def deliver_mail() -> int:
    from .mailqueue import send_pending

    sent, failed = send_pending()
    return sent + failed


def send_newsletters() -> int:
    from .newsletter import run_queued_sends

    return run_queued_sends()


def register() -> None:
    register_job("mail", deliver_mail, every=5)
    register_job("newsletter", send_newsletters, every=5)
