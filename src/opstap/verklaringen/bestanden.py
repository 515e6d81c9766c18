"""A payslip file as it arrives: its real type checked, its bytes and their SHA-256 taken before
anything is stored, so the receipt names exactly what the client sent.

PDFs pass `contact.bijlagen` (nothing that runs or unpacks: scripts, embedded files, actions) and
are stored as received. A photo (JPEG, PNG, or HEIC as iPhones make them) is opened only after its
declared size was read from the header, so a "decompression bomb" (a small file that unpacks to
billions of pixels) is refused without being decoded. Then it is written again by Pillow without
any metadata: no EXIF, no GPS location, no camera or phone details, no comments. The picture is
first turned upright (the EXIF orientation would otherwise be lost with the rest). HEIC becomes a
JPEG, which every viewer and the OCR can open. The receipt's SHA-256 stays that of the bytes as
received; the stored bytes have their own (`sha256_opgeslagen`)."""

import hashlib
import io
import warnings
from dataclasses import dataclass
from typing import IO

import filetype
from PIL import Image, ImageOps, UnidentifiedImageError

from django.conf import settings
from django.utils.translation import gettext as _

from opstap.contact.bijlagen import BijlageFout, bijlage_soort

try:  # HEIC photos from phones; a wheel with its own libheif (no system packages)
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIC_MOGELIJK = True
except ImportError:  # pragma: no cover - pillow-heif is a dependency; without it HEIC is refused
    HEIC_MOGELIJK = False

__all__ = ["HEIC_MOGELIJK", "MAX_PIXELS", "BijlageFout", "Voorbereid", "voorbereiden"]

# More pixels than any phone photo of a payslip needs (a 50 megapixel camera is the top end).
# Checked on the size the file's header declares, before a single pixel is decoded.
MAX_PIXELS = 50_000_000
HEIC_SOORTEN = frozenset({"image/heic", "image/heif"})
BEELD_SOORTEN = frozenset({"image/jpeg", "image/png"})


@dataclass(frozen=True)
class Voorbereid:
    naam: str  # the name the client's phone gave it (shown back to them, never used on disk)
    soort: str  # MIME type of what is stored (found in the bytes; a HEIC photo is stored as JPEG)
    inhoud: bytes  # what is stored (encrypted): a photo without its metadata
    sha256: str  # of the bytes as received: the receipt's proof
    sha256_opgeslagen: str = ""  # of `inhoud`


def _te_groot_beeld() -> BijlageFout:
    return BijlageFout(
        _(
            "Deze foto is te groot om te openen (meer dan %(mp)s megapixel). "
            "Maak de foto met een lagere stand van je camera, of stuur een PDF."
        )
        % {"mp": MAX_PIXELS // 1_000_000}
    )


def _beeld_schoonmaken(inhoud: bytes, soort: str) -> tuple[bytes, str]:
    """The photo written again without metadata (JPEG, or PNG for a PNG). Refuses a picture
    whose header declares more than MAX_PIXELS before decoding it."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            beeld: Image.Image = Image.open(io.BytesIO(inhoud))  # reads the header only
            breedte, hoogte = beeld.size
            if breedte * hoogte > MAX_PIXELS:
                raise _te_groot_beeld()
            beeld = ImageOps.exif_transpose(beeld)  # upright, before the orientation tag goes
            # Pillow carries some of `info` (a JPEG comment, an ICC profile) into what it writes.
            beeld.info.clear()
            uit = io.BytesIO()
            if soort == "image/png":
                # No pnginfo: text chunks (tEXt, iTXt, eXIf) are not written.
                beeld.save(uit, format="PNG")
                return uit.getvalue(), "image/png"
            if beeld.mode not in ("RGB", "L"):
                beeld = beeld.convert("RGB")
            # No exif=, no icc_profile=, no comment=: Pillow writes only the picture.
            beeld.save(uit, format="JPEG", quality=90)
            return uit.getvalue(), "image/jpeg"
    except BijlageFout:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as fout:
        raise _te_groot_beeld() from fout
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as fout:
        raise BijlageFout(
            _("We kunnen deze foto niet openen. Maak een nieuwe foto, of stuur een PDF.")
        ) from fout


def voorbereiden(bestand: IO[bytes], naam: str) -> Voorbereid:
    """Check one uploaded payslip and take its bytes. Raises BijlageFout with a Dutch message."""
    bestand.seek(0, 2)
    grootte = bestand.tell()
    bestand.seek(0)
    maximum = int(settings.OPSTAP_MAX_UPLOAD_BYTES)
    if grootte > maximum:
        raise BijlageFout(
            _(
                "Dit bestand is te groot (meer dan %(mb)s MB). Maak de foto kleiner of stuur een PDF."
            )
            % {"mb": maximum // (1024 * 1024)}
        )
    if grootte == 0:
        raise BijlageFout(_("Dit bestand is leeg. Kies de foto of PDF van je loonstrook opnieuw."))
    # Checked from memory: read through an upload's file proxy, pypdf's many small reads cost
    # more than the check itself.
    ontvangen = bestand.read()
    gevonden = filetype.guess_mime(ontvangen[:8192])
    if gevonden in HEIC_SOORTEN:
        if not HEIC_MOGELIJK:
            raise BijlageFout(
                _("Een HEIC-foto kunnen we nu niet openen. Stuur een JPG-foto of een PDF.")
            )
        soort = gevonden
    else:
        soort = bijlage_soort(io.BytesIO(ontvangen))
    opslaan = ontvangen
    if soort in BEELD_SOORTEN or soort in HEIC_SOORTEN:
        opslaan, soort = _beeld_schoonmaken(ontvangen, soort)
    sha256 = hashlib.sha256(ontvangen).hexdigest()
    return Voorbereid(
        naam=(naam or "loonstrook")[:200],
        soort=soort,
        inhoud=opslaan,
        sha256=sha256,
        # A PDF is stored as received: the same bytes, the same hash.
        sha256_opgeslagen=sha256 if opslaan is ontvangen else hashlib.sha256(opslaan).hexdigest(),
    )
