"""Production: everything from the environment; refuses to start without the essentials, or with
keys that are weak, published in this repository (demo, tests) or not valid."""

import binascii

from cryptography.fernet import Fernet

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import FIELD_ENCRYPTION_KEYS, SECRET_KEY
from .demosleutels import OPENBARE_FIELD_ENCRYPTION_KEYS, OPENBARE_SECRET_KEYS
from .utils import config

DEBUG = False
DEMO_MODE = False  # never: no demo logins, two-factor authentication enforced

# REDIS_URL: login locks, API rate limits and the Celery broker must be shared by every process;
# with the in-process cache each gunicorn worker would count on its own.
for _naam, _waarde in [
    ("SECRET_KEY", SECRET_KEY),
    ("FIELD_ENCRYPTION_KEYS", FIELD_ENCRYPTION_KEYS),
    ("DATABASE_URL", config("DATABASE_URL")),
    ("ALLOWED_HOSTS", config("ALLOWED_HOSTS")),
    ("REDIS_URL", config("REDIS_URL")),
]:
    if not _waarde:
        raise ImproperlyConfigured(f"Zet de omgevingsvariabele {_naam} voor productie.")

_NIEUWE_GEHEIME_SLEUTEL = 'python -c "import secrets; print(secrets.token_urlsafe(64))"'
_NIEUWE_FERNET_SLEUTEL = (
    'python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
)

# The same thresholds as Django's own deployment check (security.W009).
if SECRET_KEY in OPENBARE_SECRET_KEYS:
    raise ImproperlyConfigured(
        "SECRET_KEY is de demo- of testsleutel uit de broncode en dus openbaar. "
        f"Maak een eigen sleutel, bijvoorbeeld met: {_NIEUWE_GEHEIME_SLEUTEL}"
    )
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SECRET_KEY is te zwak voor productie: gebruik minstens 50 tekens, met veel verschillende tekens. "
        f"Maak er een met: {_NIEUWE_GEHEIME_SLEUTEL}"
    )

for _nummer, _sleutel in enumerate(FIELD_ENCRYPTION_KEYS, start=1):
    if _sleutel in OPENBARE_FIELD_ENCRYPTION_KEYS:
        raise ImproperlyConfigured(
            f"FIELD_ENCRYPTION_KEYS: sleutel {_nummer} is de demo- of testsleutel uit de broncode en dus "
            f"openbaar. Maak een eigen sleutel met: {_NIEUWE_FERNET_SLEUTEL}"
        )
    try:
        Fernet(_sleutel)
    except (ValueError, binascii.Error) as _fout:
        raise ImproperlyConfigured(
            f"FIELD_ENCRYPTION_KEYS: sleutel {_nummer} is geen geldige Fernet-sleutel (32 bytes in url-safe "
            f"base64, 44 tekens). Maak er een met: {_NIEUWE_FERNET_SLEUTEL}"
        ) from _fout

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = config("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = config("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
CELERY_TASK_ALWAYS_EAGER = config("CELERY_TASK_ALWAYS_EAGER", False)
