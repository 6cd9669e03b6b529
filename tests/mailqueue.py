"""Test helper: deliver the queued mail the way the worker does, and return what was sent.

Every mail is queued (``members.mailqueue``); in the tests' rolled-back transactions the
after-commit attempt never runs, so a test that reads a mail first lets the worker deliver it.
"""

from __future__ import annotations

from django.core import mail


def delivered() -> list:
    """Run the mail worker's job once; ``django.core.mail.outbox`` with what it delivered."""
    from members.mailqueue import send_pending

    send_pending()
    return mail.outbox
