"""``{{ value|local_date }}`` / ``{{ value|local_date:"datetime" }}``: the site's one date style."""

from __future__ import annotations

from django import template

from cms.dates import format_date

register = template.Library()


@register.filter(expects_localtime=True)
def local_date(value, style: str = "date") -> str:
    """Styles: date, datetime, time, month, weekday, weekday_datetime (see :mod:`cms.dates`)."""
    return format_date(value, style)  # type: ignore[arg-type]
