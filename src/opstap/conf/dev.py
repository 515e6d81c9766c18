"""`make run`: SQLite, demo municipality, tasks in-process."""

import os

os.environ.setdefault("OPSTAP_DEMO", "yes")
os.environ.setdefault("SECRET_KEY", "opstap-demo-alleen-lokaal-nooit-in-productie")
# A fixed demo key: demo data is fictitious. Production must set its own.
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", "b3BzdGFwLWRlbW8tc2xldXRlbC0zMi1ieXRlcy0hISE=")

from .base import *  # noqa: E402,F403

MAILERS = {"default": {"BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                       "OPTIONS": {"file_path": str(VAR_DIR / "mail")}}}  # noqa: F405

VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405 -- the embedded database lives here
