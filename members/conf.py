"""Tunables of the members app, read from Django settings with environment defaults.

Every value can be set in the settings module or, without touching settings, through the
environment variable of the same name. They are read on each call so tests can override them.

=============================== ======= ==============================================================
setting / env variable          default meaning
=============================== ======= ==============================================================
NEWSLETTER_CONFIRM_MAX_AGE      7       days a subscription confirmation link stays valid
PENDING_SUBSCRIPTION_RETENTION  30      days before unconfirmed subscriptions are purged
REJECTED_APPLICATION_RETENTION  180     days before rejected membership applications are purged
DONE_PROPOSAL_RETENTION         730     days before handled ("done") proposals are purged
MAIL_MAX_ATTEMPTS               10      send attempts of a queued e-mail (1, 2, 4 … 60 min apart)
PUBLIC_BASE_URL                 WAGTAILADMIN_BASE_URL  scheme + host used in links inside e-mails
=============================== ======= ==============================================================
"""

from __future__ import annotations

import os

from django.conf import settings

from cms import links

DEFAULTS = {
    "NEWSLETTER_CONFIRM_MAX_AGE": 7,
    "PENDING_SUBSCRIPTION_RETENTION": 30,
    "REJECTED_APPLICATION_RETENTION": 180,
    "DONE_PROPOSAL_RETENTION": 730,
    "MAIL_MAX_ATTEMPTS": 10,
}


def setting_int(name: str) -> int:
    """A whole-number tunable: settings first, then the environment, then the default."""
    if hasattr(settings, name):
        return int(getattr(settings, name))
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw.isdigit() else DEFAULTS[name]


def public_base_url() -> str:
    """Where links in e-mails point: the public site, never the request's Host header."""
    return links.public_base_url()
