from django.apps import AppConfig


class BeheerConfig(AppConfig):
    name = "opstap.beheer"
