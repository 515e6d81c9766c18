"""Settings shared by every environment. Environment files set defaults and import this."""

import ipaddress
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .utils import config

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent
VAR_DIR = Path(config("OPSTAP_VAR_DIR", str(BASE_DIR / "var")))
# deduce's lookup structures (built once by `opstap deduce_klaarzetten`, read offline after that).
DEDUCE_CACHE_DIR = Path(config("OPSTAP_DEDUCE_CACHE_DIR", str(VAR_DIR / "deduce")))

SECRET_KEY = config("SECRET_KEY", "")
DEBUG = config("DEBUG", False)
ALLOWED_HOSTS = config("ALLOWED_HOSTS", ["127.0.0.1", "localhost"], split=True)
CSRF_TRUSTED_ORIGINS = config("CSRF_TRUSTED_ORIGINS", [], split=True)

# Demo mode loads Gemeente Demodam and lets the staff demo accounts skip the
# second factor. Production settings force it off.
DEMO_MODE = config("OPSTAP_DEMO", False)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "opstap.web",
    "opstap.gemeenten",
    "opstap.accounts",
    "opstap.privacy",
    "opstap.klanten",
    "opstap.contact",
    "opstap.werkgevers",
    "opstap.inkomen",
    "opstap.werken",
    "opstap.verklaringen",
    "opstap.werkzoeken",
    "opstap.bemiddeling",
    "opstap.vacatures",
    "opstap.beleid",
    "opstap.leernetwerk",
    "opstap.beheer",
    "opstap.api",
    "opstap.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "opstap.web.middleware.PrivacyCacheMiddleware",  # after sessions: sees the session and the user
    "opstap.web.middleware.TaalMiddleware",
    "django.middleware.common.CommonMiddleware",
    "opstap.web.omvang.VerzoekOmvangMiddleware",  # before CSRF: that reads the body
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "opstap.accounts.middleware.TweeStapsMiddleware",
    "opstap.accounts.middleware.StaffSessionExpiryMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns a locked login into the 429 login page (opstap.accounts.views.inloggen_geblokkeerd).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "opstap.urls"
WSGI_APPLICATION = "opstap.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "opstap.web.context_processors.opstap",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        config("DATABASE_URL", f"sqlite:///{VAR_DIR / 'opstap.sqlite3'}"),
        conn_max_age=config("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Values travel apart from the SQL (the protocol's own binding) instead of being quoted into
    # it by Python, and a statement run 5 times on a connection is prepared once (psycopg's own
    # default; Django turns it off): PostgreSQL then skips parsing and planning it. Together ~1.5 ms
    # less CPU per deadline-day declaration, half of PostgreSQL's share. The PostgreSQL suite runs
    # so. Behind PgBouncer in transaction mode (older than 1.21) set DB_PREPARE_THRESHOLD=0.
    _opties = DATABASES["default"].setdefault("OPTIONS", {})
    _opties["server_side_binding"] = config("DB_SERVER_SIDE_BINDING", True)
    _opties["prepare_threshold"] = config("DB_PREPARE_THRESHOLD", 5) or None
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Gebruiker"
LOGIN_URL = "accounts:inloggen"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "accounts:inloggen"
# django-axes first: it refuses a locked name or address before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login lock (django-axes, see opstap.accounts.inlogslot): after this many failed attempts for
# one (normalised) username, or many more from one client address, further attempts are refused
# for the lock period. Counters live in the cache: Redis in production, shared by every process.
LOGIN_MAX_POGINGEN = config("LOGIN_MAX_POGINGEN", 5)
LOGIN_MAX_POGINGEN_ADRES = config("LOGIN_MAX_POGINGEN_ADRES", 4 * LOGIN_MAX_POGINGEN)
LOGIN_BLOKKADE_SECONDEN = config("LOGIN_BLOKKADE_SECONDEN", 15 * 60)
# Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated).
# Empty: the address is REMOTE_ADDR and the header is ignored.
TRUSTED_PROXIES = config("TRUSTED_PROXIES", [], split=True)
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as _fout:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_proxy!r} is geen IP-adres of netwerk (zoals 10.0.0.5 of 10.0.0.0/24)."
        ) from _fout

# Connecting an authenticator app needs a one-time code from the administrator (opstap.accounts.services).
INSCHRIJFCODE_GELDIG_UUR = config("INSCHRIJFCODE_GELDIG_UUR", 72)
INSCHRIJFCODE_MAX_POGINGEN = 5

AXES_HANDLER = "opstap.accounts.inlogslot.InlogSlot"
AXES_FAILURE_LIMIT = LOGIN_MAX_POGINGEN
AXES_COOLOFF_TIME = timedelta(seconds=LOGIN_BLOKKADE_SECONDEN)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "opstap.accounts.inlogslot.genormaliseerde_naam"
AXES_CLIENT_IP_CALLABLE = "opstap.accounts.inlogslot.client_adres"
AXES_LOCKOUT_CALLABLE = "opstap.accounts.views.inloggen_geblokkeerd"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False  # no start-up banner in every command

# Staff sessions expire after inactivity; clients keep theirs longer on their own phone.
STAFF_SESSIE_SECONDEN = config("STAFF_SESSIE_SECONDEN", 30 * 60)
SESSION_COOKIE_AGE = config("SESSION_COOKIE_AGE", 14 * 24 * 3600)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = config("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(config("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_ROOT = Path(config("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
# Request bodies larger than these are refused with 413 before they are read (opstap.web.omvang).
# A payslip file without a declaration is removed once it is this old (a slower upload may still be
# on its way to its commit). With one server writing the files, its start may use 0.
OPSTAP_WEZEN_NA_SECONDEN = config("OPSTAP_WEZEN_NA_SECONDEN", 3600)
OPSTAP_MAX_VERZOEK_BYTES = config("OPSTAP_MAX_VERZOEK_BYTES", 1024 * 1024)  # forms and JSON
OPSTAP_MAX_UPLOAD_BYTES = config(
    "OPSTAP_MAX_UPLOAD_BYTES", 6 * 1024 * 1024
)  # an attachment of 5 MB + form
OPSTAP_MAX_IMPORT_BYTES = config("OPSTAP_MAX_IMPORT_BYTES", 21 * 1024 * 1024)  # CSV import (20 MB)
OPSTAP_MAX_BEREKENING_BYTES = config(
    "OPSTAP_MAX_BEREKENING_BYTES", 64 * 1024
)  # POST /api/v1/berekeningen
OPSTAP_MAX_PUSH_BYTES = config("OPSTAP_MAX_PUSH_BYTES", 4 * 1024)  # a push subscription
# The income declaration's page: two payslips (four-weekly pay) of at most 6 MB each, and the form.
OPSTAP_MAX_VERKLARING_BYTES = config("OPSTAP_MAX_VERKLARING_BYTES", 13 * 1024 * 1024)
# A client's short presentation video (C6) has its own limit, and its upload request one above it.
OPSTAP_MAX_VIDEO_BYTES = config("OPSTAP_MAX_VIDEO_BYTES", 20 * 1024 * 1024)
OPSTAP_MAX_VIDEO_VERZOEK_BYTES = config(
    "OPSTAP_MAX_VIDEO_VERZOEK_BYTES", OPSTAP_MAX_VIDEO_BYTES + 1024 * 1024
)
# The PDOK Locatieserver (address → coordinates for matching). Empty: no lookups (tests, offline).
OPSTAP_PDOK_URL = config(
    "OPSTAP_PDOK_URL", "https://api.pdok.nl/bzk/locatieserver/search/v3_1/free"
)

# Key for encrypting BSN, health and debt details at rest (Fernet, url-safe base64,
# 32 bytes). Several keys, comma-separated, allow rotation: the first encrypts.
FIELD_ENCRYPTION_KEYS = config("FIELD_ENCRYPTION_KEYS", [], split=True)

CACHES = {
    "default": (
        {"BACKEND": "opstap.web.cache.RedisCache", "LOCATION": config("REDIS_URL")}
        if config("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

CELERY_BROKER_URL = config("REDIS_URL", "memory://")
CELERY_TASK_ALWAYS_EAGER = config("CELERY_TASK_ALWAYS_EAGER", not config("REDIS_URL"))
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# Recurring work, run by `celery -A opstap beat` in production (not under `make run`).
CELERY_BEAT_SCHEDULE = {
    # The day before a planned contact moment the client gets a reminder (once), at a decent
    # hour: every hour from 9:00 to 20:00, so a moment planned during the day is not missed.
    "contact-herinneringen": {
        "task": "opstap.contact.tasks.herinneringen_versturen",
        "schedule": crontab(minute=0, hour="9-20"),
    },
    # Payslip files a killed process left without a declaration (never one with a receipt).
    "verklaringen-wezen-opruimen": {
        "task": "opstap.verklaringen.tasks.wezen_opruimen",
        "schedule": crontab(minute=17),
    },
    # Payslips still waiting to be read (a queued message lost): read them after all.
    "verklaringen-lezen-vangnet": {
        "task": "opstap.verklaringen.tasks.lezen_vangnet",
        "schedule": crontab(minute="*/5"),
    },
    # A kind reminder a few days before the income declaration's deadline (once per day it is due).
    "verklaringen-herinneringen": {
        "task": "opstap.verklaringen.tasks.herinneringen_versturen",
        "schedule": crontab(minute=5, hour=10),
    },
    # The learning network keeps a client's original text only for the retention period.
    "leernetwerk-originelen-wissen": {
        "task": "opstap.leernetwerk.tasks.originelen_wissen",
        "schedule": crontab(minute=30, hour=3),
    },
    # Today's barrier tables for the policy page, counted before anyone opens it.
    "beleid-bestandsbeeld-verversen": {
        "task": "opstap.beleid.tasks.bestandsbeeld_verversen",
        "schedule": crontab(minute=10, hour=0),
    },
}

# Mail (Django 6.1 MAILERS). Without EMAIL_HOST mail is written to the console.
_SMTP_HOST = config("EMAIL_HOST", "")
MAILERS = {
    "default": (
        {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _SMTP_HOST,
                "port": config("EMAIL_PORT", 587),
                "username": config("EMAIL_HOST_USER", ""),
                "password": config("EMAIL_HOST_PASSWORD", ""),
                "use_tls": config("EMAIL_USE_TLS", True),
            },
        }
        if _SMTP_HOST
        else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    )
}
DEFAULT_FROM_EMAIL = config("DEFAULT_FROM_EMAIL", "Opstap <noreply@opstap.example>")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an anonymous API call then gets 401 with a WWW-Authenticate header.
        "opstap.api.authenticatie.TokenAuthenticatie",
        # The browser session, for staff only after the second login step (TOTP).
        "opstap.api.authenticatie.GeverifieerdeSessieAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["opstap.api.permissions.RolToegang"],
    "DEFAULT_THROTTLE_CLASSES": ["opstap.api.throttling.ApiThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "opstap.api.problems.problem_exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
}
# API rate limits per scope (DRF syntax: N/second, N/minute, N/hour, N/day); see opstap.api.throttling.
API_RATES = {
    "anoniem": config("API_RATE_ANONIEM", "60/minute"),
    "gebruiker": config("API_RATE_GEBRUIKER", "600/minute"),
    "berekening": config("API_RATE_BEREKENING", "600/minute"),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Opstap API",
    "DESCRIPTION": "API van Opstap: rekenhulp inkomen, berichten, gespreksverslagen en klantgegevens. "
    "Dezelfde rolregels als de schermen.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}

# OpenID Connect login for municipalities with an identity provider: set the
# OIDC_* variables and the backend is switched on (see README, "Inloggen via OIDC").
OIDC_RP_CLIENT_ID = config("OIDC_RP_CLIENT_ID", "")
if OIDC_RP_CLIENT_ID:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.insert(1, "opstap.accounts.oidc.OpstapOIDCBackend")  # after django-axes
    OIDC_RP_CLIENT_SECRET = config("OIDC_RP_CLIENT_SECRET", "")
    OIDC_RP_SIGN_ALGO = config("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = config("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
    OIDC_OP_TOKEN_ENDPOINT = config("OIDC_OP_TOKEN_ENDPOINT", "")
    OIDC_OP_USER_ENDPOINT = config("OIDC_OP_USER_ENDPOINT", "")
    OIDC_OP_JWKS_ENDPOINT = config("OIDC_OP_JWKS_ENDPOINT", "")
    OIDC_RP_SCOPES = "openid email profile"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": config("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "pikepdf": {"level": "WARNING"},  # it announces its log bridge at INFO on first import
    },
}
