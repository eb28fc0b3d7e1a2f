"""Settings for the Wonen Eerst receptenbank, read from environment variables.

A fresh clone runs with no variables set (SQLite file, debug on). Production is switched on with
DJANGO_DEBUG=False, which then requires DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS. Every variable is
listed with its default in the README's configuration table.
"""

import hashlib
import tempfile
from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import database_from_url, env_bool, env_int, env_list, env_str
from config.release import release_digest

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", True)
# Set by the test suite (tests/environment.py): the cache in memory, static files without a manifest.
TESTING = env_bool("DJANGO_TESTING", False)
# Development-only apps (benchmarks/testcatalogus), never in production; benchmarks/run.py and the test suite
# switch them on.
DEV_APPS = env_bool("DJANGO_DEV_APPS", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if DEBUG:
    SECRET_KEY = SECRET_KEY or "development-only-secret-key-not-for-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    missing = [
        name
        for name, value in (
            ("DJANGO_SECRET_KEY", SECRET_KEY),
            ("DJANGO_ALLOWED_HOSTS", ALLOWED_HOSTS),
        )
        if not value
    ]
    if missing:
        raise ImproperlyConfigured(
            "DJANGO_DEBUG=False needs " + " and ".join(missing) + " to be set; refusing to start."
        )
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "config.admin_app.BeheerAdminConfig",  # django.contrib.admin with the editors' dashboard
    "django.contrib.auth",
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "import_export",
    "simple_history",
    "csp",
    # Background jobs for large spreadsheet imports: Django's task framework (django-tasks, the backport of
    # Django 6's django.tasks) with its database backend (django-tasks-db); see TASKS below.
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "core",
    "catalogue",
    "assessment",
    "spreadsheets",  # after catalogue and assessment: it adds buttons to their admins
    "routekaart",
    "website",
    "api",
]
if DEV_APPS:
    INSTALLED_APPS.append("benchmarks.testcatalogus")

MIDDLEWARE = [
    # Outermost, so every answer under /api/v1/ carries API-Version, CORS preflights and redirects included.
    "api.middleware.ApiVersionMiddleware",
    # Before anything that may answer by itself, as django-cors-headers asks.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses what is made inside it; a page kept compressed (core/page_cache.py) it leaves as it is.
    "core.compression.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Inside every middleware that adds a header, so a kept page leaves with the same headers as a fresh one.
    "core.page_cache.PageCacheMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_url(env_str("DATABASE_URL"), sqlite_default_path=BASE_DIR / "db.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# Dutch wording for the change-history screens, whose library ships without it.
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Static files with a content hash in their name are served by whitenoise with a ten-year, immutable
# Cache-Control, gzip-compressed when the browser accepts it.

# What changes only when the catalogue is edited (core/cache.py), the API's throttling counts and its download
# are kept in Django's cache, shared by every process that serves the site:
# - with REDIS_URL, in Redis (Django's own backend), so several application servers share one cache and see
#   an edit on the next request; nothing of the site is kept on one machine's disk;
# - without it, in files, so the gunicorn workers of one machine share it; one directory per database.
# Tests keep it in memory, whatever REDIS_URL says, so the suite never clears a real cache.
# What is kept is kept per release (config/release.py): a new release never serves what an older one made.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(
        f"REDIS_URL must start with redis://, rediss:// or unix://, not {REDIS_URL!r}; "
        "e.g. redis://127.0.0.1:6379/0."
    )
RELEASE = release_digest(BASE_DIR)
_database = repr([DATABASES["default"].get(key) for key in ("HOST", "PORT", "NAME")])
_database_key = hashlib.sha256(_database.encode()).hexdigest()[:16]


def _caches(prefix="", shared_location=None, **cache):
    """Django's cache ("default"), whose keys also name the release, and in the same place what servers of
    every release share ("shared": the catalogue's generation and table tokens, core/cache.py, and the
    progress of import jobs), whose keys do not. An edit on a server of one release shows on the servers of
    another (during a rolling deploy), while what a release made (pages, fragments, values) is never served
    by another. `shared_location`: where the shared values are, if not in the same place."""
    return {
        "default": {**cache, "KEY_PREFIX": ":".join(part for part in (prefix, RELEASE) if part)},
        "shared": {**cache, "LOCATION": shared_location or cache.get("LOCATION"), "KEY_PREFIX": prefix},
    }


if TESTING:
    CACHES = _caches(
        BACKEND="django.core.cache.backends.locmem.LocMemCache",
        LOCATION="wonen-eerst",
        OPTIONS={"MAX_ENTRIES": 1000},
    )
elif REDIS_URL:
    # The key prefix names the database (not the host, which servers may reach under different names), so two
    # databases sharing a Redis never read each other's values.
    _database_name = hashlib.sha256(str(DATABASES["default"]["NAME"]).encode()).hexdigest()[:16]
    CACHES = _caches(
        f"wonen-eerst:{_database_name}",
        BACKEND="django.core.cache.backends.redis.RedisCache",
        LOCATION=REDIS_URL,
        # An unreachable Redis fails a request within seconds (and /gezond/ says so), never hangs it.
        OPTIONS={
            "socket_connect_timeout": env_int("REDIS_TIMEOUT", 2),
            "socket_timeout": env_int("REDIS_TIMEOUT", 2),
        },
    )
else:
    # A full directory loses a third of its files, chosen at random (Django's cull): the tokens are in a
    # directory of their own, so the pages and values of earlier generations that fill it never take them
    # along (a lost generation token makes every page again, as a write to every table does).
    _directory = Path(tempfile.gettempdir()) / "wonen-eerst-cache" / _database_key
    CACHES = _caches(
        BACKEND="core.file_cache.FileCache",
        LOCATION=str(_directory),
        OPTIONS={"MAX_ENTRIES": 1000},
        shared_location=str(_directory.with_name(f"{_database_key}-gedeeld")),
    )

# The open data API (api/): read-only JSON under /api/v1/, by the NLGov REST API Design Rules.
# Django REST framework gives the views, content negotiation, throttling and error handling; drf-spectacular
# writes the OpenAPI 3 document from the same serializers; django-cors-headers answers CORS.
API_VERSION = "1.0.0"
API_THROTTLE_RATE = env_str("API_THROTTLE_RATE", "120/minute")
API_CONTACT = {
    "name": env_str("API_CONTACT_NAME", "Beheer Wonen Eerst receptenbank"),
    "email": env_str("API_CONTACT_EMAIL", "opendata@example.org"),
    # Empty: the API's own page (/api/) on the host that serves the document.
    "url": env_str("API_CONTACT_URL"),
}
API_LICENSE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.nl",
}
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    # Public and anonymous: a logged-in editor gets exactly what a visitor gets.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientAddressThrottle"],
    # Behind N reverse proxies the client is the N-th address from the right of X-Forwarded-For.
    "NUM_PROXIES": env_int("DJANGO_PROXY_COUNT", 0),
    "EXCEPTION_HANDLER": "api.problems.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiSchema",
    "URL_FORMAT_OVERRIDE": None,
    "DEFAULT_METADATA_CLASS": None,
    "DEFAULT_VERSIONING_CLASS": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Wonen Eerst receptenbank",
    "VERSION": API_VERSION,
    "CONTACT": {key: value for key, value in API_CONTACT.items() if value},
    "LICENSE": API_LICENSE,
    "SERVERS": [{"url": "/api/v1", "description": "Deze server"}],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    # Parameters in the FilterSet's order, as the list page shows the filters.
    "SORT_OPERATION_PARAMETERS": False,
    "PREPROCESSING_HOOKS": ["api.schema.only_api_endpoints"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_standard_responses",
    ],
}
# Anyone may read the API from a browser on another site; it has no cookies or sessions to protect.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/v\d+(/.*)?$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "user-agent"]
CORS_EXPOSE_HEADERS = ["API-Version", "ETag", "Retry-After", "Content-Disposition"]

LOGIN_URL = "admin:login"
# Where a login lands when its `next` is missing or points off the site: the beheeromgeving, not Django's
# default /accounts/profile/, which does not exist here.
LOGIN_REDIRECT_URL = "admin:index"

# Login throttling: five failed logins for one username from one address lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
# A lockout ends by itself; `manage.py axes_reset_username <naam>` ends it at once.
AXES_ENABLE_ADMIN = False
# Behind N reverse proxies the client address is the N-th entry from the right of X-Forwarded-For.
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "config.security.client_ip"

# Uploads (spreadsheet imports) larger than this are refused.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DJANGO_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
# Every spreadsheet is read within these limits (spreadsheets/limits.py), in the admin and the shell.
SPREADSHEET_MAX_ROWS = env_int("DJANGO_IMPORT_MAX_ROWS", 20_000)
SPREADSHEET_MAX_COLUMNS = env_int("DJANGO_IMPORT_MAX_COLUMNS", 100)
SPREADSHEET_MAX_CELLS = env_int("DJANGO_IMPORT_MAX_CELLS", 1_000_000)
SPREADSHEET_MAX_UNPACKED_BYTES = env_int("DJANGO_IMPORT_MAX_UNPACKED_MB", 50) * 1_000_000
# An admin import of more rows than this runs as a background job, with a progress page; smaller ones are
# done within the request. It fits gunicorn's timeout (config/gunicorn.py): README, "Production serving".
SPREADSHEET_JOB_ROWS = env_int("DJANGO_IMPORT_JOB_ROWS", 200)

# Background jobs: Django's task framework with the database backend, so a job needs nothing but the database
# (SQLite or PostgreSQL) and survives a restart of the web server. `manage.py db_worker` runs them; `make run`
# and `make serve` start it beside the web server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Production hardening, switched on together with DJANGO_DEBUG=False.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Only the site's own assets; inline scripts only with the per-request nonce ({{ request.csp_nonce }}).
# Audio fragments are mp3 files published on the sources' own sites, so media may come from any https host.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "media-src": [SELF, "https:"],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    if PROXY_COUNT:
        # Only a proxy in front may say the request came over https; without one, a client could send the
        # header itself and skip the redirect to https.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}
