from django.apps import AppConfig


class InkomenConfig(AppConfig):
    name = "opstap.inkomen"
