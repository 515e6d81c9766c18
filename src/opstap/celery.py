"""Celery application. Under `make run` and in tests tasks run eagerly, in-process."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opstap.conf.dev")

app = Celery("opstap")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
