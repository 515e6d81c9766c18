"""Getting the lines out of a file: the PDF's text layer, or Dutch OCR for a photo or a scan.

This runs inside a child process with memory and CPU limits (see `loonstrook.lees`), so a
hostile file can at worst make the child fail, never the caller."""

from __future__ import annotations

import shutil
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .ontleden import ontleed
from .regels import Regel, Woord, uit_opmaaktekst, uit_woorden

MAX_BESTAND = 25 * 1024 * 1024  # bytes; a payslip photo is a few MB
MAX_PAGINAS_TEKST = 4  # a payslip is one or two pages; the rest is not read
MAX_PAGINAS_OCR = 2
MAX_PIXELS = 40_000_000  # beyond this an image is refused before it is decoded
OCR_BREEDTE = 2400  # pixels across an A4 page for Tesseract (about 290 dpi)
OCR_TIJD = 40  # seconds per Tesseract call
MIN_TEKENS = 40  # fewer letters and digits than this: the PDF has no usable text layer


@dataclass
class Gelezen:
    regels: list[Regel] = field(default_factory=list)
    bron: str = "geen"  # "tekstlaag", "ocr" or "geen"
    meldingen: list[str] = field(default_factory=list)


def ocr_beschikbaar() -> bool:
    """Tesseract with the Dutch language data is installed."""
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        return "nld" in pytesseract.get_languages(config="")
    except Exception:
        return False


def lees_velden(pad: Path) -> tuple[dict[str, object], Gelezen]:
    gelezen = lees_regels(pad)
    return ontleed(gelezen.regels), gelezen


def lees_regels(pad: Path) -> Gelezen:
    try:
        grootte = pad.stat().st_size
    except OSError:
        return Gelezen(meldingen=["Het bestand is niet te openen."])
    if grootte == 0 or grootte > MAX_BESTAND:
        return Gelezen(meldingen=["Het bestand is leeg of te groot."])
    with pad.open("rb") as f:
        kop = f.read(1024)
    if b"%PDF-" in kop:
        return _pdf(pad)
    return _afbeelding(pad)


MAX_STROOM = 10_000_000  # bytes a PDF stream may inflate to; a payslip page's text is a few KB


def _pdf(pad: Path) -> Gelezen:
    from pypdf import PdfReader, apply_configuration

    try:
        with apply_configuration(
            zlib_maximum_output_length=MAX_STROOM,
            lzw_maximum_output_length=MAX_STROOM,
            run_length_maximum_output_length=MAX_STROOM,
            jbig2_maximum_output_length=MAX_STROOM,
        ):
            lezer = PdfReader(str(pad), strict=False)
            if lezer.is_encrypted and not lezer.decrypt(""):
                return Gelezen(meldingen=["De PDF is beveiligd met een wachtwoord."])
            tekst = []
            for pagina in lezer.pages[:MAX_PAGINAS_TEKST]:
                tekst.append(pagina.extract_text(extraction_mode="layout") or "")
    except Exception:
        # Broken, or a stream that inflates beyond the limit: not rendered either (that would inflate it).
        return Gelezen(meldingen=["De PDF is niet te lezen."])
    regels = [r for t in tekst for r in uit_opmaaktekst(t)]
    if sum(c.isalnum() for r in regels for c in r.tekst) >= MIN_TEKENS:
        return Gelezen(regels, "tekstlaag")
    # No text layer: a scan. Render the first pages and read them with OCR.
    if not ocr_beschikbaar():
        return Gelezen(meldingen=[_GEEN_OCR])
    try:
        beelden = _render(pad)
    except Exception:
        return Gelezen(meldingen=["De PDF is niet te lezen."])
    return _ocr(beelden)


def _render(pad: Path) -> list[Any]:
    import pypdfium2 as pdfium

    beelden = []
    document = pdfium.PdfDocument(str(pad))
    try:
        for i in range(min(len(document), MAX_PAGINAS_OCR)):
            pagina = document[i]
            breedte, hoogte = pagina.get_size()
            if breedte <= 0 or hoogte <= 0:
                continue
            schaal = min(OCR_BREEDTE / breedte, (MAX_PIXELS / (breedte * hoogte)) ** 0.5)
            beelden.append(pagina.render(scale=schaal, grayscale=True).to_pil())
    finally:
        document.close()
    return beelden


_GEEN_OCR = (
    "OCR is niet beschikbaar (installeer tesseract-ocr en tesseract-ocr-nld): "
    "een foto of scan wordt niet gelezen."
)


def _afbeelding(pad: Path) -> Gelezen:
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            bestand = Image.open(pad)
            if bestand.format not in ("JPEG", "PNG", "MPO"):  # MPO: a phone's JPEG with a depth map
                return Gelezen(meldingen=["Dit is geen PDF, JPEG of PNG."])
            breedte, hoogte = bestand.size
            if breedte * hoogte > MAX_PIXELS or min(breedte, hoogte) < 50:
                return Gelezen(meldingen=["De afbeelding is te groot of te klein."])
            if not ocr_beschikbaar():
                return Gelezen(meldingen=[_GEEN_OCR])
            bestand.load()
            beeld = ImageOps.exif_transpose(bestand)
    except Exception:
        return Gelezen(meldingen=["De afbeelding is niet te lezen."])
    return _ocr([beeld])


def voorbewerk(beeld: Any) -> Any:
    """Grey, a fixed width for Tesseract, stretched contrast, and straightened."""
    from PIL import Image, ImageOps

    beeld = beeld.convert("L")
    factor = OCR_BREEDTE / beeld.width
    if factor > 1.15 or factor < 0.85:
        beeld = beeld.resize(
            (OCR_BREEDTE, max(1, round(beeld.height * factor))), Image.Resampling.LANCZOS
        )
    beeld = ImageOps.autocontrast(beeld)
    hoek = scheefstand(beeld)
    if hoek:
        beeld = beeld.rotate(hoek, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return beeld


def scheefstand(beeld: Any) -> float:
    """The small rotation (degrees) that makes text lines horizontal.

    Rows of text give the sharpest profile of dark pixels per row when the lines are level; try
    angles within ±5° on a small copy and keep the sharpest."""
    import numpy as np
    from PIL import Image, ImageFilter

    klein = beeld.copy()
    klein.thumbnail((1000, 1400))
    # Ink is darker than its surroundings; a shadow or the desk around the paper is not.
    omgeving = np.asarray(klein.filter(ImageFilter.BoxBlur(12)), dtype=np.int16)
    donker = np.asarray(klein, dtype=np.int16) < omgeving - 40
    if donker.mean() < 0.0005:
        return 0.0

    masker = Image.fromarray((donker * 255).astype("uint8"))

    def spreiding(hoek: float) -> float:
        # Straight lines of text give rows that are all ink or all paper: the largest variance.
        gedraaid = masker.rotate(hoek, resample=Image.Resampling.NEAREST, expand=False)
        return float(np.var(np.asarray(gedraaid).sum(axis=1)))

    beste, score = 0.0, -1.0
    for hoek in [tiende / 10 for tiende in range(-50, 51, 5)]:
        if (s := spreiding(hoek)) > score:
            beste, score = hoek, s
    for hoek in (beste - 0.25, beste + 0.25):  # refine around the coarse best
        if (s := spreiding(hoek)) > score:
            beste, score = hoek, s
    return beste


def _ocr(beelden: list[Any]) -> Gelezen:
    regels: list[Regel] = []
    meldingen: list[str] = []
    for beeld in beelden:
        try:
            bewerkt = voorbewerk(beeld)
            gelezen = _tesseract(bewerkt)
            if len(gelezen) < 5:
                # Hardly any text: perhaps the photo lies on its side. Ask Tesseract's orientation check.
                gedraaid = _rechtop(bewerkt)
                if gedraaid is not None:
                    gelezen = _tesseract(gedraaid)
            regels.extend(gelezen)
        except Exception as fout:
            meldingen.append(f"OCR mislukt: {type(fout).__name__}")
    return Gelezen(regels, "ocr" if regels else "geen", meldingen)


def _tesseract(beeld: Any) -> list[Regel]:
    import pytesseract

    data = pytesseract.image_to_data(
        beeld, lang="nld", config="--psm 6", timeout=OCR_TIJD, output_type=pytesseract.Output.DICT
    )
    woorden = []
    for tekst, conf, links, boven, breedte, hoogte in zip(
        data["text"],
        data["conf"],
        data["left"],
        data["top"],
        data["width"],
        data["height"],
        strict=False,
    ):
        if not str(tekst).strip() or float(conf) < 0:
            continue
        woorden.append(
            Woord(
                str(tekst),
                float(links),
                float(links + breedte),
                float(boven),
                float(boven + hoogte),
                float(conf),
            )
        )
    return uit_woorden(woorden, float(beeld.width))


def _rechtop(beeld: Any) -> Any | None:
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(
            beeld, config="--psm 0", timeout=OCR_TIJD, output_type=pytesseract.Output.DICT
        )
    except Exception:
        return None
    draai = int(osd.get("rotate", 0))
    if draai % 360 == 0:
        return None
    return beeld.rotate(-draai, expand=True, fillcolor=255)
