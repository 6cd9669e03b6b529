"""Retry the queued e-mails (run it on a timer, e.g. every few minutes)."""

from django.core.management.base import BaseCommand

from members.mail import send_pending


class Command(BaseCommand):
    help = "Send queued e-mails that have not gone out yet (confirmations, receipts)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, **options):
        sent, failed = send_pending(options["limit"])
        self.stdout.write(f"Sent {sent}, still failing {failed}.")
