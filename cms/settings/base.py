"""Settings shared by every environment.

Safe by default: DEBUG is off, hosts are restricted to the local machine, and nothing secret has
a usable default outside ``dev``/``test``. Everything tunable is read from the environment through
``cms.settings.env`` (see the configuration table in README.md).
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from editorial.machine_translation import machine_translator_from_env

from .cache_config import redis_caches
from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Project apps first. The demo app is added by dev.py and test.py only.
PROJECT_APPS = [
    "cms",
    "editorial",
    "home",
    "members",
    "pilots",
    "coordination",
    "reports",
    "events",
    "search",
    "airegister",
]

INSTALLED_APPS = PROJECT_APPS + [
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "editorial.users_app.WagtailUsersConfig",  # wagtail.users, groups listed translated
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses pages (gzip) for clients that accept it. Above the page cache, so the cache
    # stores one uncompressed copy and hits are compressed too; below WhiteNoise, which serves
    # its own pre-compressed static files. BREACH: see docs/deployment.md ("Compression").
    "django.middleware.gzip.GZipMiddleware",
    "cms.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.headers.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.lockout.AuthRouteLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.middleware.MalformedAdminPostMiddleware",
    "cms.headers.FrameOptionsMiddleware",
    "cms.headers.ContentSecurityPolicyMiddleware",
    "cms.headers.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# COMPRESS_HTML=false when a proxy in front compresses responses itself.
if not env_bool("COMPRESS_HTML", True):
    MIDDLEWARE.remove("django.middleware.gzip.GZipMiddleware")

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_context",
            ],
        },
    },
]

# --- Database: SQLite is the embedded default; PostgreSQL through DATABASE_URL. ---
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
# WAL lets readers work while a publish writes; a writer waits up to 20 s for another (the busy
# timeout) instead of failing with "database is locked"; IMMEDIATE takes the write lock at the
# start of a transaction, so writers queue instead of deadlocking. No mail is ever sent inside a
# transaction (members.mailqueue), so no writer waits on a mail server.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: local memory by default, Redis when REDIS_URL is set. ---
# "security" holds the login lockout and rate-limit counters (cms.protection.security_cache) apart
# from the page cache: with Redis in another database, or REDIS_SECURITY_URL (a Redis that never
# evicts: docs/deployment.md), so clearing or filling the page cache never drops a lockout.
REDIS_URL = env_str("REDIS_URL")
REDIS_SECURITY_URL = env_str("REDIS_SECURITY_URL")
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, REDIS_SECURITY_URL)
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "sotecms",
        },
        "security": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "sotecms-security",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
    }

# --- Anonymous page cache (cms.cache, cms.middleware): see docs/performance.md. ---
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 600)  # seconds; publishing invalidates at once
PAGE_CACHE_BROWSER_MAX_AGE = env_int("PAGE_CACHE_BROWSER_MAX_AGE", 0)
PAGE_CACHE_CDN_MAX_AGE = env_int("PAGE_CACHE_CDN_MAX_AGE", 60)
PAGE_CACHE_GENERATION_FILE = env_str("PAGE_CACHE_GENERATION_FILE")
# What invalidates is declared by each app (cms.cache.register_public_models), not here.

BACKUP_DIR = env_str("BACKUP_DIR")  # default: backups/ in the project (cms.backup)

# --- CDN purging (wagtail.contrib.frontend_cache), only when configured by env. ---
FRONTEND_CACHE_BACKEND = env_str("FRONTEND_CACHE_BACKEND")  # "cloudflare" | "cloudfront" | ""
if FRONTEND_CACHE_BACKEND == "cloudflare":
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env_str("FRONTEND_CACHE_CLOUDFLARE_TOKEN"),
            "ZONEID": env_str("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"),
        }
    }
elif FRONTEND_CACHE_BACKEND == "cloudfront":
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env_str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"),
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages: Finnish is the default and the source language. ---
LANGUAGE_CODE = "fi"
LANGUAGES = [
    ("fi", "Suomi"),
    ("sv", "Svenska"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

# --- Static files and media ---
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- E-mail: every mail is queued first (members.mailqueue), then delivered through the real
# backend: console in dev, SMTP from the environment in production. ---
EMAIL_BACKEND = "members.mailqueue.QueueBackend"
MAIL_DELIVERY_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)  # seconds per SMTP operation; a hung server fails fast
# One delivery attempt right after the submission commits (bounded by EMAIL_TIMEOUT); off: only
# the worker sends.
MAIL_SEND_AFTER_COMMIT = env_bool("MAIL_SEND_AFTER_COMMIT", True)
# How long a worker's claim on queued work lasts before another worker may take it over.
WORKER_LEASE_SECONDS = env_int("WORKER_LEASE_SECONDS", 600)
# Background PDF text extraction (reports.text): limits per document.
PDF_EXTRACT_MAX_PAGES = env_int("PDF_EXTRACT_MAX_PAGES", 1000)
PDF_EXTRACT_SECONDS = env_int("PDF_EXTRACT_SECONDS", 60)
PDF_EXTRACT_MEMORY_MB = env_int("PDF_EXTRACT_MEMORY_MB", 1024)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str(
    "DEFAULT_FROM_EMAIL", "SOTE-tekoälyn ekosysteemi <noreply@sotetekoaly.fi>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail ---
WAGTAIL_SITE_NAME = "SOTE-tekoälyn ekosysteemi"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL")  # links in public e-mails; "" = WAGTAILADMIN_BASE_URL
# The admin search analyses Finnish/Swedish like the site search (search/wagtail_backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_backend"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # decompression-bomb guard (checked before decoding)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]  # never SVG (scriptable)
# Bombs, truncated files and animated images give form errors (cms.image_uploads).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.image_uploads.SafeImageForm"
# Uploaded documents: checked by content, not only by extension (cms.security).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.security.SafeDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_SIZE", 25 * 1024 * 1024)
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # through Django: attachment headers, privacy checks
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]  # everything else is a download
# Sign-in: one failure count and lockout for every route that checks a password (cms.lockout):
# the backend refuses a locked name/address before any password check.
AUTHENTICATION_BACKENDS = ["cms.lockout.LockoutModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "cms.lockout.LockoutLoginForm"
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)  # per username + IP
LOGIN_LOCKOUT_SECONDS = env_int("LOGIN_LOCKOUT_SECONDS", 15 * 60)
# Password-reset requests per client address and per e-mail address (cms.lockout).
PASSWORD_RESET_RATE_PER_ADDRESS = env_str("PASSWORD_RESET_RATE_PER_ADDRESS", "5/h")
PASSWORD_RESET_RATE_PER_ACCOUNT = env_str("PASSWORD_RESET_RATE_PER_ACCOUNT", "3/h")
# Number of proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILAPI_BASE_URL = env_str("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Machine translation is off unless DEEPL_API_KEY is set; suggestions never publish by themselves.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env()
# A new translation starts as a draft that goes through review, even when its source is live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Security headers that hold everywhere (production tightens the rest). ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = {
    # The admin has its own policy below (cms.headers); Django's admin is left as it ships.
    "EXCLUDE_URL_PREFIXES": ["/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
# What Wagtail's admin works under (checked in a browser: tests/e2e/test_admin_headers.py):
# scripts from this origin only (Wagtail 7.4's templates still carry inline scripts, so
# 'unsafe-inline' is needed, but no script from anywhere else), inline styles, images from
# data/blob URLs (image uploads), embeds in frames, and never framed by another site.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", "https:"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
# Browser features no page here uses.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatar requests to an outside service

# --- Project settings ---
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "")  # "" = follow the database (sqlite/postgres)
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
# Finnish/Swedish analysis: "auto" (system Voikko when installed, else the pip packages), "pip"
# (never the system library) or "snowball"; reindex after changing (docs/search.md).
SEARCH_ANALYSER = env_str("SEARCH_ANALYSER", "auto")
# Where the lemmatiser's dictionaries are built once ("" = the user's cache directory).
SEARCH_CACHE_DIR = env_str("SEARCH_CACHE_DIR", "")
FORM_RATE_LIMIT = env_str("FORM_RATE_LIMIT", "10/m")  # posts per IP per window for public forms
DEMO_ADMIN_USERNAME = "admin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Wagtail's immediate task backend and localize log every step at INFO: too chatty.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
    },
}
