"""The contact person's own photo (A1): checked by its bytes like an attachment, then re-drawn.

Only JPEG and PNG pass (contact.bijlagen detects the type from the content, not the name). The
picture is decoded by Pillow, turned upright (EXIF orientation), cut to a square and saved again
as a small JPEG: nothing of the original file is kept, so no EXIF, GPS or camera data, and a
file that only pretends to be a picture does not decode. A staff photo is not client data: it is
stored as a plain file and shown only inside pages of logged-in users (as a data: URL), so it
has no address of its own that anyone could open."""

import base64
import io
from typing import IO

import filetype
from PIL import Image, ImageOps, UnidentifiedImageError

from django.utils.translation import gettext as _

from .bijlagen import BijlageFout, bijlage_soort

MAX_FOTO_BYTES = 5 * 1024 * 1024
FOTO_PIXELS = 320  # the card shows it at 96 px; twice that and a bit for sharp screens
_MAX_BRONPIXELS = 50_000_000  # a phone camera has ~12-48 MP; more is a decompression bomb


class FotoFout(BijlageFout):
    """The photo is refused; the message is plain Dutch for the contact person."""


def foto_verwerken(bestand: IO[bytes]) -> bytes:
    """A square JPEG of FOTO_PIXELS without metadata, or FotoFout saying what to do."""
    bestand.seek(0, io.SEEK_END)
    grootte = bestand.tell()
    bestand.seek(0)
    if grootte == 0:
        raise FotoFout(_("Dit bestand is leeg. Kies een foto (JPG of PNG)."))
    if grootte > MAX_FOTO_BYTES:
        raise FotoFout(_("Deze foto is te groot. Kies een foto van hooguit 5 MB."))
    try:
        soort = bijlage_soort(bestand)
    except BijlageFout as fout:
        raise FotoFout(
            _("Dit is geen foto die we kunnen gebruiken. Kies een JPG of PNG.")
        ) from fout
    if soort not in ("image/jpeg", "image/png"):
        raise FotoFout(_("Dit is geen foto die we kunnen gebruiken. Kies een JPG of PNG."))
    try:
        with Image.open(bestand) as beeld:
            if beeld.width * beeld.height > _MAX_BRONPIXELS:
                raise FotoFout(_("Deze foto heeft te veel pixels. Kies een kleinere foto."))
            beeld.load()
            rechtop = ImageOps.exif_transpose(beeld)
            vierkant = ImageOps.fit(
                rechtop.convert("RGB"), (FOTO_PIXELS, FOTO_PIXELS), Image.Resampling.LANCZOS
            )
    except FotoFout:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as fout:
        raise FotoFout(
            _("We kunnen deze foto niet openen. Misschien is hij beschadigd. Kies een andere foto.")
        ) from fout
    uit = io.BytesIO()
    vierkant.save(
        uit, format="JPEG", quality=85, optimize=True
    )  # no exif=: nothing of the original
    return uit.getvalue()


def als_data_url(inhoud: bytes) -> str:
    """The picture inside the page; only JPEG or PNG (by its bytes), otherwise nothing."""
    soort = filetype.guess_mime(inhoud[:8192])
    if soort not in ("image/jpeg", "image/png"):
        return ""
    return f"data:{soort};base64," + base64.b64encode(inhoud).decode("ascii")
