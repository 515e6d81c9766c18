"""A payslip as an image the browser shows beside the figures: a photo as it is, a PDF's first
page rendered on the server (pdfium, bounded in pixels), so it works on a phone and needs no
PDF viewer in a frame (the site forbids frames and plugins)."""

import io

import pypdfium2 as pdfium

MAX_PIXELS = 2_000_000  # about 1200 × 1700: readable, and bounded work per request
BREEDTE = 1200


class BeeldFout(Exception):
    pass


def als_beeld(inhoud: bytes, soort: str) -> tuple[bytes, str]:
    """(image bytes, MIME type). Raises BeeldFout when it cannot be shown as an image."""
    if soort in ("image/jpeg", "image/png"):
        return inhoud, soort
    if soort != "application/pdf":
        raise BeeldFout(soort)
    try:
        document = pdfium.PdfDocument(inhoud)
    except pdfium.PdfiumError as fout:
        raise BeeldFout(str(fout)) from fout
    try:
        if len(document) == 0:
            raise BeeldFout("leeg")
        pagina = document[0]
        breedte, hoogte = pagina.get_size()
        if breedte <= 0 or hoogte <= 0:
            raise BeeldFout("geen maat")
        schaal = min(BREEDTE / breedte, (MAX_PIXELS / (breedte * hoogte)) ** 0.5)
        beeld = pagina.render(scale=schaal).to_pil()
    finally:
        document.close()
    uit = io.BytesIO()
    beeld.save(uit, format="PNG", optimize=True)
    return uit.getvalue(), "image/png"
