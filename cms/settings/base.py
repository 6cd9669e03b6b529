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

# Project apps first, in the order their demo content is loaded (see load_demo_content).
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
]

INSTALLED_APPS = PROJECT_APPS + [
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
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
    "cms.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.lockout.AuthRouteLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "reports.middleware.DocumentTextMessagesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

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
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a publish writes; the busy timeout avoids "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: local memory by default, Redis when REDIS_URL is set. ---
# "security" holds the login lockout and rate-limit counters (cms.protection.security_cache) apart
# from the page cache, so page traffic can never evict a lockout.
REDIS_URL = env_str("REDIS_URL")
# Lockout and rate-limit counters ("security" cache): another Redis database by default.
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
# Models outside Wagtail's snippets/settings/media whose changes show on public pages.
PAGE_CACHE_INVALIDATING_MODELS = ["members.MemberOrganisation", "cms.Region", "cms.Theme"]

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

# --- E-mail: console in dev, SMTP from the environment in production. ---
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
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
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # decompression-bomb guard (checked before decoding)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]  # never SVG (scriptable)
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
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
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

# --- Project settings ---
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "")  # "" = follow the database (sqlite/postgres)
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
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
