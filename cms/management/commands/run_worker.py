"""The one background worker: mail queue, newsletters, scheduled publishing, reminders, PDF text.

    manage.py run_worker                  # a service: loop until SIGTERM / Ctrl-C
    manage.py run_worker --once           # one pass of every job, for cron
    manage.py run_worker --only mail,pdf  # a subset (names: see --help)

Jobs are registered by the apps (``cms.worker.register_job``). In the loop each job runs every
``every`` seconds, or again at once when its last pass did work. SIGTERM lets the current batch
finish, then exits. On PostgreSQL run as many workers as you like; on SQLite run one.
"""

from __future__ import annotations

import logging
import signal
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections, reset_queries

from cms import worker

logger = logging.getLogger("cms.worker")


class Command(BaseCommand):
    help = (
        "Run background jobs: mail (queued e-mail), newsletter, scheduled (publish_scheduled), "
        "reminders (progress reports), pdf (document text). Loops until stopped unless --once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="One pass of each job, then exit.")
        parser.add_argument(
            "--only",
            default="",
            help="Comma-separated job names to run (default: all): "
            + ", ".join(sorted(worker.jobs())),
        )
        parser.add_argument(
            "--sleep", type=float, default=2.0, help="Seconds to wait when no job had work."
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        available = worker.jobs()
        names = [n.strip() for n in options["only"].split(",") if n.strip()] or list(available)
        unknown = sorted(set(names) - set(available))
        if unknown:
            raise CommandError(
                f"Unknown job(s): {', '.join(unknown)}. Known: {', '.join(sorted(available))}."
            )
        selected = [available[n] for n in names]
        if options["once"]:
            for job in selected:
                self._run(job, long_lived=False)
            return
        self._install_signal_handlers()
        last_run: dict[str, float] = {}
        busy: dict[str, bool] = {}
        self.stdout.write(f"Worker {worker.worker_id()} running: {', '.join(names)}")
        while not worker.stopping():
            did_work = False
            for job in selected:
                now = time.monotonic()
                due = busy.get(job.name) or now - last_run.get(job.name, -1e9) >= job.every
                if not due or worker.stopping():
                    continue
                handled = self._run(job, long_lived=True)
                last_run[job.name] = now
                busy[job.name] = handled > 0
                did_work = did_work or handled > 0
            if not did_work:
                self._sleep(options["sleep"])
        self.stdout.write("Worker stopped.")

    def _run(self, job: worker.Job, long_lived: bool) -> int:
        if long_lived:
            close_old_connections()  # a loop must not keep a broken or too old connection
            reset_queries()  # DEBUG=True would otherwise keep every query of every pass
        try:
            handled = job.run() or 0
        except Exception:  # one failing job must not stop the others
            logger.exception("Worker job %s failed", job.name)
            if long_lived:
                close_old_connections()
            return 0
        if handled and self.verbosity:
            self.stdout.write(f"{job.name}: {handled}")
        return handled

    @staticmethod
    def _sleep(seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not worker.stopping() and time.monotonic() < deadline:
            time.sleep(min(0.2, seconds))

    @staticmethod
    def _install_signal_handlers() -> None:
        def stop(signum, frame):
            worker.request_stop()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
