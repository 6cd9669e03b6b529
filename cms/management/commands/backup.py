"""``manage.py backup``: database and media into ``backups/<timestamp>/`` (see cms.backup)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from cms.backup import backup_root, create_backup


class Command(BaseCommand):
    help = "Back up the database (SQLite or PostgreSQL) and uploaded media."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, default=None, help="Directory for backups (default BACKUP_DIR)."
        )

    def handle(self, *args, output: Path | None = None, **options):
        target = create_backup(output or backup_root())
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))
