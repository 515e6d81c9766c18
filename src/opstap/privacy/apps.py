from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "opstap.privacy"
    verbose_name = "Privacy"
