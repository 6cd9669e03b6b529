"""One failure count and one lockout for every way of proving who you are.

Routes that check a password — Wagtail's admin login, Django's admin login, Wagtail's private-page
login (``/<lang>/_util/login/``) — all call ``django.contrib.auth.authenticate``. That is the
single choke point:

- ``LockoutModelBackend`` (Django's ``ModelBackend`` with a lock check first) is the
  authentication backend. For a locked name or address it raises ``PermissionDenied``, which
  makes Django stop before any password is checked, so even the right password is refused while
  locked, on every route.
- Django's ``user_login_failed`` signal counts each failure, whichever route it came from;
  ``user_logged_in`` clears the name's count.

After ``LOGIN_FAILURE_LIMIT`` failures for one user name from one address (or four times that
from one address for any names) sign-in is refused for ``LOGIN_LOCKOUT_SECONDS``. The admin
login forms say so in the same words whether the user exists or not.

Routes that do not call ``authenticate`` are guarded by ``AuthRouteLimitMiddleware``:

- password-reset requests are rate-limited per client address and per e-mail address;
- a password-reset link (a one-time credential) is refused while the address or the link's
  account is locked, and a link that does not check out counts as a failure;
- page passwords (``_util/authenticate_with_password/``) count each wrong password against the
  same per-address lockout and a per-restriction count.

Counters live in the ``"security"`` cache (``cms.protection.security_cache``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model, user_logged_in, user_login_failed
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from cms.protection import client_ip, hashed, increment, over_rate, security_cache

IP_LIMIT_FACTOR = 4
PAGE_PASSWORD_PREFIX = "page-password"


def _login_keys(request: HttpRequest | None, username: str) -> tuple[str, str]:
    ip = client_ip(request) if request is not None else "unknown"
    return (
        f"loginfail:user:{hashed(f'{username.strip().lower()}|{ip}')}",
        f"loginfail:ip:{hashed(ip)}",
    )


def _count(key: str) -> int:
    return int(security_cache().get(key) or 0)


def login_locked(request: HttpRequest | None, username: str) -> bool:
    """True while ``username`` from this client, or this client altogether, is locked out."""
    user_key, ip_key = _login_keys(request, username)
    limit = settings.LOGIN_FAILURE_LIMIT
    return _count(user_key) >= limit or _count(ip_key) >= limit * IP_LIMIT_FACTOR


def record_login_failure(request: HttpRequest | None, username: str) -> None:
    """Count one failed proof of identity for ``username`` (and for the client's address)."""
    for key in _login_keys(request, username):
        increment(key, settings.LOGIN_LOCKOUT_SECONDS)


def clear_login_failures(request: HttpRequest | None, username: str) -> None:
    security_cache().delete(_login_keys(request, username)[0])


def _username_of(credentials: dict[str, Any]) -> str:
    field = get_user_model().USERNAME_FIELD
    return str(credentials.get(field) or credentials.get("username") or "")


class LockoutModelBackend(ModelBackend):
    """Django's ``ModelBackend`` that refuses to check any password while locked out."""

    def authenticate(self, request: HttpRequest | None, username=None, password=None, **kwargs):
        if login_locked(request, username or _username_of(kwargs)):
            raise PermissionDenied("Sign-in is locked for this user name or address.")
        return super().authenticate(request, username=username, password=password, **kwargs)


@receiver(user_login_failed, dispatch_uid="cms_lockout_count_failure")
def count_login_failure(sender, credentials: dict[str, Any], request=None, **kwargs) -> None:
    record_login_failure(request, _username_of(credentials))


@receiver(user_logged_in, dispatch_uid="cms_lockout_clear_failures")
def clear_on_login(sender, request, user, **kwargs) -> None:
    clear_login_failures(request, user.get_username())


class LoginLockoutMixin:
    """Tells a locked-out user why the admin login refuses them (the backend enforces it)."""

    request: HttpRequest | None

    lockout_message = _(
        "Too many failed sign-in attempts. Sign-in is blocked for %(minutes)s minutes. "
        "Please try again later or ask an administrator to reset your password."
    )

    def clean(self):
        if login_locked(self.request, self.cleaned_data.get("username") or ""):
            raise forms.ValidationError(
                self.lockout_message,
                code="locked",
                params={"minutes": max(1, settings.LOGIN_LOCKOUT_SECONDS // 60)},
            )
        return super().clean()


class LockoutLoginForm(LoginLockoutMixin, LoginForm):
    """Wagtail's login form with the lockout message (``WAGTAILADMIN_USER_LOGIN_FORM``)."""


class LockoutAdminLoginForm(LoginLockoutMixin, AdminAuthenticationForm):
    """Django admin's login form with the same message (``admin.site.login_form`` in cms.urls)."""


# --- Routes that prove identity without calling authenticate() ---


def _refused(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(request, "429.html", status=429)


def _reset_link_username(uidb64: str) -> str:
    """The user name a password-reset link is for, or "" when the link names nobody."""
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        user = get_user_model()._default_manager.filter(pk=pk).first()
    except (ValueError, TypeError, OverflowError):
        return ""
    return user.get_username() if user else ""


def _page_password_name(view_kwargs: dict[str, Any]) -> str:
    return f"{PAGE_PASSWORD_PREFIX}:{view_kwargs.get('page_view_restriction_id')}"


class AuthRouteLimitMiddleware:
    """Applies the lockout and rate limits to password resets and page passwords.

    Routes are recognised by their URL names (Wagtail's own), so no view is patched: a request is
    refused before the view while locked, and the view's answer tells whether it was a failure.
    """

    RESET_REQUEST = "wagtailadmin_password_reset"
    RESET_CONFIRM = "wagtailadmin_password_reset_confirm"
    PAGE_PASSWORD = "wagtailcore_authenticate_with_password"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        if match is None or response.status_code == 429:
            return response
        if match.url_name == self.RESET_CONFIRM:
            context = getattr(response, "context_data", None) or {}
            if context.get("validlink") is False:  # a link that does not check out
                record_login_failure(request, _reset_link_username(match.kwargs.get("uidb64", "")))
        elif (
            match.url_name == self.PAGE_PASSWORD
            and request.method == "POST"
            and response.status_code == 200  # the form again: the password was wrong
        ):
            record_login_failure(request, _page_password_name(match.kwargs))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs) -> HttpResponse | None:
        name = getattr(request.resolver_match, "url_name", None)
        if name == self.RESET_REQUEST and request.method == "POST":
            return self._reset_request(request)
        if name == self.RESET_CONFIRM:
            username = _reset_link_username(view_kwargs.get("uidb64", ""))
            return _refused(request) if login_locked(request, username) else None
        if name == self.PAGE_PASSWORD and request.method == "POST":
            locked = login_locked(request, _page_password_name(view_kwargs))
            return _refused(request) if locked else None
        return None

    def _reset_request(self, request: HttpRequest) -> HttpResponse | None:
        address = hashed(client_ip(request))
        email = hashed(str(request.POST.get("email", "")).strip().lower())
        over_address = over_rate(
            f"password-reset:address:{address}", settings.PASSWORD_RESET_RATE_PER_ADDRESS
        )
        over_account = over_rate(
            f"password-reset:account:{email}", settings.PASSWORD_RESET_RATE_PER_ACCOUNT
        )
        return _refused(request) if over_address or over_account else None
