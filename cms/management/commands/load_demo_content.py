"""Build the demo site: Finnish pages with Swedish and English translations. Idempotent."""

from __future__ import annotations

from importlib import import_module, util

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.models import Locale, Site

from cms.demo_content import DemoContext
from cms.progress import ProgressBar


def demo_loaders() -> list[tuple[str, object]]:
    """The ``load`` functions of every project app that has a ``demo`` module, in app order."""
    loaders = []
    for app in settings.PROJECT_APPS:
        name = f"{app}.demo"
        if util.find_spec(name) is not None:
            loaders.append((app, import_module(name).load))
    return loaders


class Command(BaseCommand):
    help = (
        "Create (or complete) the demo content in fi, sv and en. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index", action="store_true", help="Do not rebuild the search index."
        )

    def handle(self, *args, **options):
        from django.contrib.auth import get_user_model

        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if home.locale != Locale.get_default():
            home = home.get_translation(Locale.get_default()).specific
        user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        loaders = demo_loaders()
        progress = ProgressBar(len(loaders) + 1, "Demo content", stream=self.stdout)
        ctx = DemoContext(home=home, user=user, progress=progress)
        for app, load in loaders:
            # Not one big transaction: Wagtail and wagtail-localize run on-commit work per page
            # that must see each translation committed before its children are added.
            load(ctx)
            progress.advance(app)
        if not options["skip_index"]:
            call_command("rebuild_references_index", verbosity=0)
        progress.advance("references")
        created = len(ctx.created)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} new objects)."))
