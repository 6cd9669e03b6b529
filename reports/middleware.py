"""Show editors the text-extraction problems of documents saved during their admin request.

Wagtail 7 has no ``after_create_document`` hook, so the post_save receiver queues messages in a
thread-local outbox and this middleware turns them into Django messages for the same request.
Documents are uploaded only in the admin, so public requests skip the outbox entirely.
"""

from __future__ import annotations

from django.contrib import messages
from django.urls import reverse

from .text import start_collecting, stop_collecting


class DocumentTextMessagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix: str | None = None

    def is_admin_request(self, request) -> bool:
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        return request.path.startswith(self.admin_prefix)

    def __call__(self, request):
        if not self.is_admin_request(request):
            return self.get_response(request)
        start_collecting()
        try:
            response = self.get_response(request)
        finally:
            pending = stop_collecting()
        for message in pending:
            messages.warning(request, message)
        return response
