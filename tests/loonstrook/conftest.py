"""OCR tests need Debian's tesseract-ocr and tesseract-ocr-nld.

Without them these tests skip with a clear message (`make test` on a bare machine).
CI sets OPSTAP_OCR_VERPLICHT=1, which turns missing OCR into a failure."""

import os

import pytest

from loonstrook.lezen import ocr_beschikbaar


@pytest.fixture(scope="session")
def ocr() -> None:
    if not ocr_beschikbaar():
        melding = (
            "Tesseract met Nederlandse taaldata ontbreekt: installeer de Debian-pakketten "
            "'tesseract-ocr' en 'tesseract-ocr-nld' om de OCR-tests te draaien."
        )
        if os.environ.get("OPSTAP_OCR_VERPLICHT"):
            pytest.fail(melding)
        pytest.skip(melding)
