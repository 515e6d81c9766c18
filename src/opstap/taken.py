"""Background tasks by name, so the layers read top-down.

A tasks module imports the services it runs; a service that queues a task therefore never imports
the tasks module (that would be a cycle), but names the task. Each app that has tasks imports its
tasks module when it is ready (AppConfig.ready), so every name resolves in the web process as well
as in the worker; an unknown name is a KeyError, never a notification silently lost.
"""

from typing import Any

from celery import current_app


def taak(naam: str) -> Any:
    """The registered Celery task `naam` (its dotted path, e.g. "opstap.contact.tasks.melding_versturen");
    `.delay()` honours CELERY_TASK_ALWAYS_EAGER, unlike `send_task`."""
    return current_app.tasks[naam]
