from django.apps import AppConfig


class BeleidConfig(AppConfig):
    name = "opstap.beleid"
