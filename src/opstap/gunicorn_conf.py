"""gunicorn settings: `gunicorn -c python:opstap.gunicorn_conf opstap.wsgi`.

Threads per worker: a request spends part of its time waiting for the disk (a payslip is flushed
before the receipt) and the database; threads let the other requests use the CPU meanwhile.
At start, before any worker runs, payslip files a killed process left without a declaration are
removed (see opstap/verklaringen/services.py)."""

import os
from typing import Any

import django
from django.core.management import call_command

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 60


def on_starting(server: Any) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opstap.conf.production")
    django.setup()
    call_command("wezen_opruimen")
