"""walletdesk settings: the one module, read only from the environment (12-factor).

Every setting has a default that works for `make run` (SQLite under var/, in-memory channel layer,
SqliteHuey). DATABASE_URL and REDIS_URL move every moving part to PostgreSQL and Redis.
"""

from __future__ import annotations

import importlib.util
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def _env(name: str, default: str = "") -> str:
    """A string setting; NAME_FILE (a path) wins over NAME so secrets can come from files."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        try:
            return Path(file_path).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={file_path!r} cannot be read: {exc}") from exc
    return os.environ.get(name, default)


def _env_bool(name: str, default: bool) -> bool:
    raw = _env(name, "true" if default else "false").strip().lower()
    if raw not in ("true", "false"):
        raise ImproperlyConfigured(f"{name} must be 'true' or 'false', not {raw!r}")
    return raw == "true"


def _env_int(name: str, default: int) -> int:
    raw = _env(name, str(default)).strip()
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from exc


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in _env(name, default).split(",") if item.strip()]


# Where SQLite files, uploads and the Huey queue live in the embedded layout.
VAR_DIR = Path(_env("WALLETDESK_VAR_DIR", str(PROJECT_DIR / "var"))).resolve()
# The embedded layout keeps its SQLite files here; creating it is what makes a fresh clone just work.
VAR_DIR.mkdir(parents=True, exist_ok=True)

# A development key is fine for `make run` on loopback; production must set SECRET_KEY.
SECRET_KEY = _env("SECRET_KEY", "walletdesk-dev-insecure-key-change-me-0123456789abcdef")
DEBUG = _env_bool("WALLETDESK_DEBUG", False)
ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS", "http://127.0.0.1:8000,http://localhost:8000")
# Public base URL used in emails and one-time links.
SITE_URL = _env("WALLETDESK_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
BRAND_NAME = _env("WALLETDESK_BRAND_NAME", "DemoWallet")

# What django.setup() imports is what every `walletdesk` command pays before it starts (tests/
# test_startup.py): the admin registers its ModelAdmins from walletdesk.urls (core.apps.AdminConfig);
# Huey's app is not installed (djhuey's import builds the queue, and huey.storage imports redis and
# psycopg whatever the backend: core's run_huey command stands in for it); neither is ninja
# (pydantic, django.test; see NINJA_DIR).
INSTALLED_APPS = [
    "walletdesk.core.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "channels",
    "walletdesk.core",
    "walletdesk.audit",
    "walletdesk.accounts",
    "walletdesk.shield",
    "walletdesk.triage",
    "walletdesk.tickets",
    "walletdesk.chat",
    "walletdesk.helpcenter",
    "walletdesk.verify",
    "walletdesk.chain",
    "walletdesk.wallet",
    "walletdesk.compensation",
    "walletdesk.reports",
    "walletdesk.demo",
    "walletdesk.channels_email",
    "walletdesk.channels_telegram",
]

# AgentOTPMiddleware is django-otp's, reading the session's device from the rows the session user
# came with (accounts.backends) rather than with a query of its own.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Django's session, CSRF, auth and messages middleware, skipped on /api/v1/customer/ (the
    # wallet's JWT is the only credential there): see core.middleware.
    "walletdesk.core.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "walletdesk.core.middleware.RejectNulCharacters",
    "django.middleware.common.CommonMiddleware",
    "walletdesk.core.middleware.CsrfViewMiddleware",
    "walletdesk.core.middleware.AuthenticationMiddleware",
    "walletdesk.accounts.middleware.AgentOTPMiddleware",
    "walletdesk.core.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "walletdesk.core.middleware.ApiErrorsAsJson",
]

ROOT_URLCONF = "walletdesk.urls"
WSGI_APPLICATION = "walletdesk.wsgi.application"
ASGI_APPLICATION = "walletdesk.asgi.application"

# django-ninja's bundled Swagger UI (templates and static files), found without importing ninja:
# without them /api/v1/docs loads from a CDN (blank offline). walletdesk.api renders it.
NINJA_DIR = Path(importlib.util.find_spec("ninja").origin).parent

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [NINJA_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "walletdesk.core.context_processors.brand",
            ],
        },
    },
    # Jinja2 for the console ticket page's body only (tickets.jinja: the hottest page renders in
    # half the CPU); templates in <app>/jinja2/, everything else stays a Django template.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "walletdesk.tickets.jinja.environment"},
    },
]

# --- database -----------------------------------------------------------------------------
DATABASE_URL = _env("DATABASE_URL", "")
# PostgreSQL connections come from psycopg's pool under ASGI, one pool per process. Under ASGI
# (`walletdesk serve`) Django runs each request in a thread of its own and closes its connection
# at the end (core.apps), so without a pool every request opened a new one: ticket page 1.0 -> 0
# connections opened per request, 3-5 ms less CPU in the server process per request. Gunicorn's
# sync workers measured the same either way (a pool of one). The pool's check before lending a
# connection is an empty query (~35 us of CPU), cheaper than Django's health check (SELECT 1,
# ~70 us); without a check a PostgreSQL restart fails one request per pooled connection.
# WALLETDESK_DB_POOL=false keeps Django's persistent connections instead (for an outside pooler).
# Only where it pays: `walletdesk serve` and walletdesk.asgi turn it on (WALLETDESK_DB_POOL=true unless
# set). Gunicorn's sync workers serve one request at a time and keep one persistent connection, and
# there the pool cost 2-4 ms per page (100k tickets, 4 workers: ticket page p50 / p95 11.4 / 16.5 ms
# with persistent connections, 14.0 / 20.8 ms with the pool, same machine, same hour).
DB_POOL = _env_bool("WALLETDESK_DB_POOL", False)
# Most connections one process holds (ASGI request threads, Huey threads, WebSocket consumers);
# a request that finds them all busy waits for one, up to 30 s. 16: eight concurrent clients plus
# the embedded worker threads and a few sockets would fill 10.
DB_POOL_MAX_SIZE = _env_int("WALLETDESK_DB_POOL_MAX_SIZE", 16)
# CONN_HEALTH_CHECKS off by default: they cost every request a SELECT 1 round trip before its
# first query. Without them a persistent connection that the server dropped (a PostgreSQL restart,
# a failover) fails the one request that finds it; Django then closes it and the next request
# reconnects. Operators who would rather pay the round trip than show that one error turn them on.
DB_HEALTH_CHECKS = _env_bool("WALLETDESK_DB_HEALTH_CHECKS", False)
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=0 if DB_POOL else 600, conn_health_checks=DB_HEALTH_CHECKS
        )
    }
    if DB_POOL and DATABASES["default"]["ENGINE"].endswith("postgresql"):
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {"min_size": 1, "max_size": DB_POOL_MAX_SIZE}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": _env("WALLETDESK_SQLITE_PATH", str(VAR_DIR / "walletdesk.sqlite3")),
            # Reconnecting and re-running the PRAGMAs cost ~5 ms of CPU per request.
            "CONN_MAX_AGE": 600,
            "OPTIONS": {
                # WAL lets the web process read while the worker writes; IMMEDIATE avoids
                # the "database is locked" upgrade deadlock between two writers.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")

# --- Redis: cache, channel layer, Huey ----------------------------------------------------
REDIS_URL = _env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "walletdesk.core.cache.ReusedClientRedisCache", "LOCATION": REDIS_URL}}
    # Pub/sub: a group send is one PUBLISH and a process subscribes once per group it has members
    # in (the core layer runs a Lua script per send and a BRPOP loop per process). Live events are
    # best effort — the database has the state and a reconnecting widget asks for what it missed —
    # so the core layer's queueing for absent consumers buys nothing here.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL]},
        }
    }
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": _env("WALLETDESK_HUEY_NAME", "walletdesk"),
        "url": REDIS_URL,
        "immediate": False,
        "consumer": {"workers": _env_int("WALLETDESK_WORKERS", 4), "worker_type": "thread"},
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "walletdesk"}
    }
    # The stock in-memory layer sweeps every queue and group on each send/receive (O(open sockets)).
    CHANNEL_LAYERS = {"default": {"BACKEND": "walletdesk.chat.layers.SweepingInMemoryChannelLayer"}}
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "walletdesk",
        "filename": str(VAR_DIR / "huey.sqlite3"),
        "immediate": False,
        "consumer": {"workers": _env_int("WALLETDESK_WORKERS", 2), "worker_type": "thread"},
    }
# Tests run tasks inline unless a test opts into the real queue.
if _env_bool("WALLETDESK_HUEY_IMMEDIATE", False):
    HUEY["immediate"] = True

# --- auth ---------------------------------------------------------------------------------
LOGIN_URL = "/console/login/"
LOGIN_REDIRECT_URL = "/console/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The console's session user arrives with its agent profile (one query, not two, per request).
# ModelBackend second: sessions signed in before the switch name it and stay valid.
AUTHENTICATION_BACKENDS = [
    "walletdesk.accounts.backends.AgentModelBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sessions read from the shared cache when there is one (Redis); a per-process cache would serve one
# process a stale session that another process changed, so without Redis they stay in the database.
# Django's engines, with the row read by a query compiled once (accounts.sessions).
SESSION_ENGINE = "walletdesk.accounts.sessions." + ("cached_db" if REDIS_URL else "db")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = _env_bool("WALLETDESK_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
OTP_TOTP_ISSUER = BRAND_NAME + " support"
# Demo conveniences (the /support/demo/ page that signs a customer token). Off in production.
WALLETDESK_DEMO = _env_bool("WALLETDESK_DEMO", True)
# Agents must pass TOTP to use the console; tests and demos may turn it off.
WALLETDESK_REQUIRE_2FA = _env_bool("WALLETDESK_REQUIRE_2FA", True)

# Customer identity: a JWT signed by the wallet's backend (HS256 shared secret or ES256 public key).
# The HS256 default is public (it is in this file): it signs the demo's tokens and is never a default
# beside an ES256 key, where it would let anyone sign in as any customer (accounts.checks).
WALLETDESK_JWT_DEMO_SECRET = "demo-wallet-shared-secret-change-me"
WALLETDESK_JWT_ES256_PUBLIC_KEY = _env("WALLETDESK_JWT_ES256_PUBLIC_KEY", "")
WALLETDESK_JWT_HS256_SECRET = _env(
    "WALLETDESK_JWT_HS256_SECRET", "" if WALLETDESK_JWT_ES256_PUBLIC_KEY else WALLETDESK_JWT_DEMO_SECRET
)
WALLETDESK_JWT_ISSUER = _env("WALLETDESK_JWT_ISSUER", "")
WALLETDESK_JWT_AUDIENCE = _env("WALLETDESK_JWT_AUDIENCE", "")

# Requests per minute for public and customer endpoints, per IP / per customer.
WALLETDESK_RATE_LIMIT_PUBLIC = _env_int("WALLETDESK_RATE_LIMIT_PUBLIC", 60)
WALLETDESK_RATE_LIMIT_CUSTOMER = _env_int("WALLETDESK_RATE_LIMIT_CUSTOMER", 120)
WALLETDESK_RATE_LIMIT_ENABLED = _env_bool("WALLETDESK_RATE_LIMIT_ENABLED", True)

# Host pages allowed to embed the chat widget (CSP frame-ancestors + WebSocket origin check).
WALLETDESK_WIDGET_ORIGINS = _env_list(
    "WALLETDESK_WIDGET_ORIGINS", "http://127.0.0.1:8000,http://localhost:8000"
)

# Attachments: bytes sniffed, size capped.
WALLETDESK_MAX_ATTACHMENT_BYTES = _env_int("WALLETDESK_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)
MEDIA_ROOT = _env("WALLETDESK_MEDIA_ROOT", str(VAR_DIR / "media"))
MEDIA_URL = "/media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = WALLETDESK_MAX_ATTACHMENT_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Outbound email (replies, transcripts, one-time links).
EMAIL_HOST = _env("WALLETDESK_SMTP_HOST", "127.0.0.1")
EMAIL_PORT = _env_int("WALLETDESK_SMTP_PORT", 1025)
EMAIL_HOST_USER = _env("WALLETDESK_SMTP_USER", "")
EMAIL_HOST_PASSWORD = _env("WALLETDESK_SMTP_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("WALLETDESK_SMTP_TLS", False)
EMAIL_BACKEND = _env("WALLETDESK_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# The demo brand's registered support address: mail the desk sends must pass its own Verify check
# (customers are told to check a sender there; support@demowallet.example was called a look-alike).
DEFAULT_FROM_EMAIL = _env("WALLETDESK_FROM_EMAIL", "support@demowallet.com")

# The operator's wallet backend (HTTP connector, HMAC-signed). Empty URL → the built-in demo backend.
WALLETDESK_WALLET_URL = _env("WALLETDESK_WALLET_URL", "")
WALLETDESK_WALLET_KEY_ID = _env("WALLETDESK_WALLET_KEY_ID", "demo")
WALLETDESK_WALLET_SECRET = _env("WALLETDESK_WALLET_SECRET", "demo-wallet-hmac-secret-change-me")


def _env_amounts(name: str, default: str) -> dict[str, Decimal]:
    """ASSET=amount pairs, comma-separated ("USDT=5000,ETH=2"); a malformed pair stops start-up."""
    amounts: dict[str, Decimal] = {}
    for pair in _env_list(name, default):
        asset, _, raw = pair.partition("=")
        try:
            amount = Decimal(raw.strip())
        except InvalidOperation:
            amount = Decimal("NaN")
        if not asset.strip() or not amount.is_finite() or amount <= 0:
            raise ImproperlyConfigured(f"{name}: {pair!r} is not ASSET=positive amount (e.g. USDT=5000)")
        amounts[asset.strip().upper()] = amount
    return amounts


# The most one compensation request may credit, per asset; an asset not listed cannot be credited.
WALLETDESK_COMPENSATION_LIMITS = _env_amounts("WALLETDESK_COMPENSATION_LIMITS", "USDT=5000,ETH=2,BTC=0.1")

# Outgoing webhooks receive ticket events (payloads pass the secret shield first).
WALLETDESK_WEBHOOK_URLS = _env_list("WALLETDESK_WEBHOOK_URLS", "")

# Telegram bot channel (channels_telegram). No token: the channel is off. The webhook refuses every
# request without the secret Telegram was given (setWebhook secret_token). The API base is Telegram's
# unless a local Bot API server (or the tests' stand-in) answers instead.
WALLETDESK_TELEGRAM_BOT_TOKEN = _env("WALLETDESK_TELEGRAM_BOT_TOKEN", "")
WALLETDESK_TELEGRAM_WEBHOOK_SECRET = _env("WALLETDESK_TELEGRAM_WEBHOOK_SECRET", "")
WALLETDESK_TELEGRAM_API_BASE = _env("WALLETDESK_TELEGRAM_API_BASE", "https://api.telegram.org").rstrip("/")

# Email intake (channels_email): an IMAP folder polled every minute by the worker (and by
# `walletdesk mail fetch`). No host: intake is off. _SSL: ssl (TLS from the first byte, port 993),
# starttls (port 143), or off, which sends the password in clear and is refused but on loopback.
WALLETDESK_IMAP_HOST = _env("WALLETDESK_IMAP_HOST", "")
WALLETDESK_IMAP_SSL = _env("WALLETDESK_IMAP_SSL", "ssl").strip().lower()
if WALLETDESK_IMAP_SSL not in ("ssl", "starttls", "off"):
    raise ImproperlyConfigured(
        f"WALLETDESK_IMAP_SSL must be ssl, starttls or off, not {WALLETDESK_IMAP_SSL!r}"
    )
if WALLETDESK_IMAP_SSL == "off" and WALLETDESK_IMAP_HOST not in ("", "127.0.0.1", "::1", "localhost"):
    raise ImproperlyConfigured(
        "WALLETDESK_IMAP_SSL=off sends the IMAP password in clear: only for a loopback host"
    )
WALLETDESK_IMAP_PORT = _env_int("WALLETDESK_IMAP_PORT", 993 if WALLETDESK_IMAP_SSL == "ssl" else 143)
WALLETDESK_IMAP_USER = _env("WALLETDESK_IMAP_USER", "")
WALLETDESK_IMAP_PASSWORD = _env("WALLETDESK_IMAP_PASSWORD", "")
WALLETDESK_IMAP_FOLDER = _env("WALLETDESK_IMAP_FOLDER", "INBOX")

# --- i18n ---------------------------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = _env("WALLETDESK_TIME_ZONE", "Asia/Shanghai")
USE_TZ = True

# --- static -------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [NINJA_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# --- logging: every record passes the secret shield's filter ------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "shield": {"()": "walletdesk.shield.logging.RedactSecretsFilter"},
        "credentials": {"()": "walletdesk.core.logging.UrlCredentialsFilter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["credentials", "shield"]},
    },
    "root": {"handlers": ["console"], "level": _env("WALLETDESK_LOG_LEVEL", "WARNING")},
    # runserver's request log has its own unfiltered handler in Django's defaults: it printed a
    # seed phrase sent in a GET query, and sign-in tokens.
    "loggers": {"django.server": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
