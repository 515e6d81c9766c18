from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "opstap.contact"
    verbose_name = "Contact en begeleiding"
