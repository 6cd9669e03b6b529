"""Show editors the text-extraction problems of documents saved during their request.

Wagtail 7 has no ``after_create_document`` hook, so the post_save receiver queues messages in a
thread-local outbox and this middleware turns them into Django messages for the same request.
"""

from __future__ import annotations

from django.contrib import messages

from .text import start_collecting, stop_collecting


class DocumentTextMessagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start_collecting()
        try:
            response = self.get_response(request)
        finally:
            pending = stop_collecting()
        for message in pending:
            messages.warning(request, message)
        return response
