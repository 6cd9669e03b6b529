"""One pass of the started newsletter sends (the worker's ``newsletter`` job does this continuously);
safe to rerun after a crash or SMTP failure."""

from django.core.management.base import BaseCommand

from members import newsletter
from members.models import NewsletterSend


class Command(BaseCommand):
    help = "Deliver queued newsletter sends. Rerunning never mails anyone twice."

    def add_arguments(self, parser):
        parser.add_argument("--send", type=int, help="Only this NewsletterSend id.")
        parser.add_argument(
            "--resend-interrupted",
            action="store_true",
            help="Take over deliveries left 'being sent' without waiting for their lease (they may get a second copy).",
        )

    def handle(self, *args, **options):
        sends = NewsletterSend.objects.filter(status__in=["queued", "sending"])
        if options["send"]:
            sends = sends.filter(pk=options["send"])
        for send in sends:
            stats = newsletter.process(send, resend_interrupted=options["resend_interrupted"])
            self.stdout.write(
                f"Send {send.pk}: {stats['sent']}/{stats['total']} sent, "
                f"{stats['failed']} failed, {stats['pending']} pending."
            )
