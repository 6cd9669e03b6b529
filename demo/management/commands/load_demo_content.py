"""Build the demo site from ``demo/data``: Finnish pages with Swedish and English translations."""

from __future__ import annotations

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.models import Locale, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.planner_statistics import refresh_planner_statistics
from cms.progress import ProgressBar
from demo.loaders import LOADERS
from demo.toolkit import DemoContext, sync_translations
from search import service as search_service
from search.signals import indexing_paused


class Command(BaseCommand):
    help = (
        "Create (or complete) the demo content in fi, sv and en from demo/data. "
        "Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help="Do not build the site search index (for a caller that adds pages and "
            "indexes once itself, as the benchmark does).",
        )

    def handle(self, *args, **options):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if home.locale != Locale.get_default():
            home = home.get_translation(Locale.get_default()).specific
        user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        progress = ProgressBar(len(LOADERS) + 3, "Demo content", stream=self.stdout)
        ctx = DemoContext(home=home, user=user, progress=progress)
        # The loaders save most pages several times (created, translated, republished with
        # their milestones, synced): the reference index and the site search index are built
        # once at the end instead of after every save (half the loader's time: 71 s → 35 s).
        with disable_reference_index_auto_update(), indexing_paused():
            for name, load in LOADERS:
                # Not one big transaction: Wagtail and wagtail-localize run on-commit work per
                # page that must see each translation committed before its children are added.
                load(ctx)
                progress.advance(name)
            synced = sync_translations(user=user)
            progress.advance("translations")
        call_command("rebuild_references_index", verbosity=0, stdout=io.StringIO())
        progress.advance("references")
        if not options["skip_index"]:
            search_service.reindex_all()
        refresh_planner_statistics()
        progress.advance("search index")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready ({len(ctx.created)} new objects, "
                f"{synced} translations brought up to date)."
            )
        )
