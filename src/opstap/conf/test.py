"""The test suite: SQLite in memory, or PostgreSQL when DATABASE_URL is set (CI)."""

import os

os.environ.setdefault("SECRET_KEY", "opstap-test-sleutel")
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", "dGVzdC1zbGV1dGVsLW9wc3RhcC0zMi1ieXRlcy0hISE=")
os.environ.setdefault("OPSTAP_DEMO", "yes")

from .base import *  # noqa: E402,F403

if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed; argon2 tested apart
STORAGES = {
    # Uploaded files (message attachments) stay in memory: nothing left behind in var/media.
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# No collected static files in tests: the live server serves them from the apps directly.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
