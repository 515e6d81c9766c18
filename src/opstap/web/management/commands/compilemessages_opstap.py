from pathlib import Path
from typing import Any

import polib

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compileer de vertalingen (.po → .mo) zonder GNU gettext, zodat `make run` niets extra's nodig heeft."

    def handle(self, *args: Any, **opties: Any) -> None:
        for map in settings.LOCALE_PATHS:
            for po_pad in Path(map).glob("*/LC_MESSAGES/*.po"):
                mo_pad = po_pad.with_suffix(".mo")
                if mo_pad.exists() and mo_pad.stat().st_mtime >= po_pad.stat().st_mtime:
                    continue
                polib.pofile(str(po_pad)).save_as_mofile(str(mo_pad))
                self.stdout.write(f"Vertaling bijgewerkt: {mo_pad}")
