"""Production: everything from the environment; refuses to start without the essentials."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import FIELD_ENCRYPTION_KEYS, SECRET_KEY
from .utils import config

DEBUG = False
DEMO_MODE = False  # never: no demo logins, two-factor authentication enforced

for _naam, _waarde in [("SECRET_KEY", SECRET_KEY), ("FIELD_ENCRYPTION_KEYS", FIELD_ENCRYPTION_KEYS),
                       ("DATABASE_URL", config("DATABASE_URL")), ("ALLOWED_HOSTS", config("ALLOWED_HOSTS"))]:
    if not _waarde:
        raise ImproperlyConfigured(f"Zet de omgevingsvariabele {_naam} voor productie.")

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = config("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = config("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
CELERY_TASK_ALWAYS_EAGER = config("CELERY_TASK_ALWAYS_EAGER", False)
