"""Celery application. Under `make run` and in tests tasks run eagerly, in-process."""

import os
import sys

from celery import Celery

# Only the `celery` program gets a default (production, as wsgi.py): this module is imported with
# the package, and a default here would decide the settings of every process, gunicorn included.
if sys.argv and os.path.basename(sys.argv[0]) == "celery":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opstap.conf.production")

app = Celery("opstap")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
