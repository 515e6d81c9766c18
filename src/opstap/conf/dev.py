"""`make run`: SQLite, demo municipality, tasks in-process."""

import os

from .demosleutels import DEMO_FIELD_ENCRYPTION_KEY, DEMO_SECRET_KEY

os.environ.setdefault("OPSTAP_DEMO", "yes")
os.environ.setdefault("SECRET_KEY", DEMO_SECRET_KEY)
# A fixed demo key: demo data is fictitious. Production must set its own (and refuses this one).
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", DEMO_FIELD_ENCRYPTION_KEY)

from .base import *  # noqa: E402,F403

MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": str(VAR_DIR / "mail")},  # noqa: F405
    }
}  # noqa: F405

VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405 -- the embedded database lives here
