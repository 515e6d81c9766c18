"""gunicorn settings: `gunicorn -c python:opstap.gunicorn_conf opstap.wsgi`.

Threads per worker: a request spends part of its time waiting for the disk (a payslip is flushed
before the receipt) and the database; threads let the other requests use the CPU meanwhile.
At start, before any worker runs, payslip files a killed process left without a declaration are
removed (see opstap/verklaringen/services.py), and what a first request would import is imported
once, here: every worker is forked from this process, so none spends its first request (~2 s of
CPU) importing views while clients wait."""

import gc
import os
from typing import Any

import django
from django.core.management import call_command

from opstap.celery import app as celery_app

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# A worker takes only the connections its threads can serve now; the rest wait in the kernel's
# queue for whichever worker is free first, not behind a busy one (p95 on deadline day: 450 →
# 300 ms with the same throughput).
worker_connections = threads
timeout = 60
# No kept-alive connections (the proxy in front keeps those with the browsers): a worker with
# threads accepts every connection it can, so kept-alive clients all stuck to one worker while
# the other idled (seen on deadline day: one of two workers did all the work).
keepalive = 0


def on_starting(server: Any) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opstap.conf.production")
    django.setup()
    call_command("wezen_opruimen")
    _voorverwarmen()


def _voorverwarmen() -> None:
    import pikepdf  # noqa: F401  # the attachment check imports it when the first PDF arrives

    from django.db import connections
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  # imports every URLconf, its views and their imports
    # Celery builds its task registry, routes and broker transport at the first task sent (~50 ms
    # of CPU, in every worker). Nothing here connects: connections are made after the fork.
    import kombu.transport.redis  # noqa: F401

    celery_app.finalize(auto=True)
    celery_app.amqp.router  # noqa: B018
    connections.close_all()  # a database connection is never shared with the forked workers
    # What is loaded now lives as long as the workers: out of the garbage collector's sight, so a
    # full collection in a worker does not walk every module's objects (a pause of tens of ms
    # for all of a worker's requests), and the memory pages stay shared with the master.
    gc.collect()
    gc.freeze()
