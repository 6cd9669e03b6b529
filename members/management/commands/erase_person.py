"""Erase one person's data on request (GDPR art. 17): every app's records of people (members.privacy)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from members.privacy import erase_person


class Command(BaseCommand):
    help = (
        "Delete a person's subscriber, application, proposal and accessibility-feedback data; "
        "anonymise consent records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)

    def handle(self, *args, **options):
        try:
            validate_email(options["email"])
        except ValidationError as exc:
            raise CommandError("Give a valid e-mail address.") from exc
        counts = erase_person(options["email"])
        self.stdout.write(", ".join(f"{name}: {n}" for name, n in counts.items()))
