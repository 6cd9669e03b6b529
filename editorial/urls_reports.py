"""Wagtail's workflow-report paths answered with translated filters (see :mod:`editorial.reports`).

Included under ``admin/`` in ``cms/urls.py`` before Wagtail's admin URLs.
"""

from .reports import report_urlpatterns

urlpatterns = report_urlpatterns()
