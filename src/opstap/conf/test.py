"""The test suite: SQLite (a file in tmpfs per test process), or PostgreSQL when DATABASE_URL is set (CI)."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .demosleutels import TEST_FIELD_ENCRYPTION_KEY, TEST_SECRET_KEY  # noqa: E402

os.environ.setdefault("SECRET_KEY", TEST_SECRET_KEY)
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", TEST_FIELD_ENCRYPTION_KEY)
os.environ.setdefault("OPSTAP_DEMO", "yes")

from .base import *  # noqa: E402,F403

if not os.environ.get("DATABASE_URL"):
    # The test database is a file in memory (tmpfs), one per test process: with SQLite's own
    # in-memory database Django shares one connection between the live server's request threads
    # and the test, and two requests at once (a page and the service worker's prefetch) then
    # fail with "bad parameter or other API misuse".
    # NAME is a file too, so the live server never sees an in-memory database, even when it
    # starts before the test database exists; only the TEST file is ever created. The directory
    # is private (mkdtemp: mode 0700), in tmpfs when there is one, and removed at exit.
    _SHM = "/dev/shm"  # noqa: S108 - only as the parent of a private mkdtemp directory
    _TMP = Path(tempfile.mkdtemp(prefix="opstap-test-", dir=_SHM if Path(_SHM).is_dir() else None))
    atexit.register(shutil.rmtree, _TMP, ignore_errors=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(_TMP / f"opstap-{os.getpid()}.sqlite3"),
            "TEST": {"NAME": str(_TMP / f"opstap-test-{os.getpid()}.sqlite3")},
        }
    }
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed; argon2 tested apart
STORAGES = {
    # Uploaded files (message attachments) stay in memory: nothing left behind in var/media.
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The suite calls the API many times as one user; the rate-limit test sets its own low rates.
API_RATES = {
    "anoniem": "100000/minute",
    "gebruiker": "100000/minute",
    "berekening": "100000/minute",
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# No collected static files in tests: the live server serves them from the apps directly.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise")]  # noqa: F405
# No network in tests: the PDOK client is tested with recorded answers (tests/vacatures/).
OPSTAP_PDOK_URL = ""
