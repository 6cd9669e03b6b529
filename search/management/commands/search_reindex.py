"""Rebuild the search index from every live, public page."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from wagtail.models import Page

from cms.progress import ProgressBar
from search import service
from search.backends import backend_name


class Command(BaseCommand):
    help = "Rebuild the search index (all languages) from the live pages."

    def handle(self, *args, **options):
        total = Page.objects.filter(depth__gt=1).live().count()
        progress = ProgressBar(total, f"Search index ({backend_name()})", stream=self.stdout)
        indexed = service.reindex_all(progress=lambda step: progress.advance(step))
        self.stdout.write(self.style.SUCCESS(f"Indexed {indexed} pages."))
