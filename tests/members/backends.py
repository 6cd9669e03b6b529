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


RECORDING_TABLE = "test_recorded_mail"


class DatabaseRecordingBackend(EmailBackend):
    """Records each message as a row in ``test_recorded_mail`` through Django's connection.

    Works across processes (the worker subprocesses of the concurrency test), and the row is
    written in the same transaction as the worker's "sent" mark, like a transactional outbox.
    ``TEST_MAIL_DELAY`` (seconds) slows each send so a test can kill a worker halfway.
    """

    def send_messages(self, messages):
        import os
        import time

        from django.db import connection

        delay = float(os.environ.get("TEST_MAIL_DELAY", "0"))
        with connection.cursor() as cursor:
            for message in messages:
                time.sleep(delay)
                cursor.execute(
                    f"INSERT INTO {RECORDING_TABLE} (recipient, subject, pid) VALUES (%s, %s, %s)",
                    [message.to[0], str(message.subject)[:200], os.getpid()],
                )
        return len(messages)
