"""Delete data past its retention period (see members/conf.py for the settings)."""

from django.core.management.base import BaseCommand

from members.privacy import purge_stale_data


class Command(BaseCommand):
    help = (
        "Purge unconfirmed subscriptions, rejected applications, handled proposals, old sent "
        "mails and answered accessibility feedback past retention."
    )

    def handle(self, *args, **options):
        counts = purge_stale_data()
        self.stdout.write(", ".join(f"{name}: {n}" for name, n in counts.items()))
