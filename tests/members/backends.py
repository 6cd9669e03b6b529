"""E-mail backends for the failure tests: one that always raises, one that fails after N mails."""

from __future__ import annotations

from smtplib import SMTPException

from django.core.mail.backends.locmem import EmailBackend


class BrokenBackend(EmailBackend):
    def send_messages(self, messages):
        raise SMTPException("mail server down")


class FlakyBackend(EmailBackend):
    """Delivers ``fail_after`` messages (class-wide), then raises for every further one."""

    fail_after: int | None = None
    delivered = 0

    def send_messages(self, messages):
        cls = type(self)
        if cls.fail_after is not None and cls.delivered >= cls.fail_after:
            raise SMTPException("connection lost halfway")
        cls.delivered += len(messages)
        return super().send_messages(messages)
