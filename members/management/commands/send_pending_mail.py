"""One pass of the mail queue: what ``run_worker --once --only mail`` does (kept for scripts)."""

from django.core.management.base import BaseCommand

from members.mail import send_pending


class Command(BaseCommand):
    help = "Send the queued e-mails that are due (one pass; the worker does this continuously)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, **options):
        sent, failed = send_pending(options["limit"])
        self.stdout.write(f"Sent {sent}, still failing {failed}.")
