"""``manage.py restore [DIR]``: put a backup back (default: the latest one)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.backup import latest_backup, restore_backup


class Command(BaseCommand):
    help = "Restore the database and media from a backup directory (default: the latest)."

    def add_arguments(self, parser):
        parser.add_argument("backup", nargs="?", type=Path, help="A backups/<timestamp> directory.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, backup: Path | None = None, interactive: bool = True, **options):
        source = Path(backup) if backup else latest_backup()
        if interactive:
            answer = input(f"Replace the database and media with {source}? Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        manifest = restore_backup(source)
        self.stdout.write(self.style.SUCCESS(f"Restored {source} (made {manifest['created']})."))
