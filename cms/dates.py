"""One date style per language, used by every public template and e-mail.

Finnish and Swedish write dates as in Finland (``31.12.2024``, ``klo 23.59`` / ``kl. 23.59``);
English writes the month out (``31 December 2024, 23:59``) so that no reader mistakes day for
month, and uses the 24-hour clock like the rest of the site. Templates use the ``local_date``
filter (``{% load local_dates %}``); Python code (calendar files, e-mail subjects) calls
:func:`format_date`. Aware datetimes are shown in the current time zone (Europe/Helsinki unless a
``{% timezone %}`` block says otherwise).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from django.utils import dateformat, timezone, translation

Style = Literal["date", "datetime", "time", "month", "weekday", "weekday_datetime"]

#: Language → style → ``django.utils.dateformat`` format (month and weekday names translated).
STYLES: dict[str, dict[str, str]] = {
    "fi": {
        "date": "j.n.Y",
        "datetime": r"j.n.Y \k\l\o G.i",
        "time": "G.i",
        "month": "F Y",
        "weekday": "D j.n.Y",
        "weekday_datetime": r"D j.n.Y \k\l\o G.i",
    },
    "sv": {
        "date": "j.n.Y",
        "datetime": r"j.n.Y \k\l. G.i",
        "time": "G.i",
        "month": "F Y",
        "weekday": "D j.n.Y",
        "weekday_datetime": r"D j.n.Y \k\l. G.i",
    },
    "en": {
        "date": "j F Y",
        "datetime": "j F Y, H:i",
        "time": "H:i",
        "month": "F Y",
        "weekday": "D j F Y",
        "weekday_datetime": "D j F Y, H:i",
    },
}


def format_date(value: dt.date | dt.datetime | dt.time | None, style: Style = "date") -> str:
    """``value`` in the active language's style; ``""`` for ``None`` (an optional date)."""
    if value in (None, ""):
        return ""
    language = (translation.get_language() or "fi")[:2]
    formats = STYLES.get(language, STYLES["fi"])
    if style not in formats:
        raise ValueError(f"Unknown date style {style!r}; use one of {', '.join(formats)}.")
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if isinstance(value, dt.time):
        return dateformat.time_format(value, formats["time"])
    return dateformat.format(value, formats[style])
