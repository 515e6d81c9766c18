"""Checking an attachment before it is stored, and naming it when it is downloaded.

The type comes from the bytes (filetype), never from the name the client's phone gave the file;
only PDF, JPEG and PNG pass. A PDF must open (pypdf) and may hold nothing that runs or unpacks in
a staff member's viewer: scripts, launch and other actions, embedded files, XFA forms, rich media.
A file that starts like a PDF but is something else (HTML) does not open as a PDF and is refused.
On download the name carries the detected extension, so a 'loonstrook.html' that is really a PDF
is saved as 'loonstrook.pdf' and opened as a PDF.
"""

import re
from typing import IO, Any

import filetype

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from opstap.klanten.models import Klant

TOEGESTAAN = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}

# Anything a PDF viewer would run, open or unpack on its own (ISO 32000-1 §12.6 actions, §7.11.4
# embedded files, §12.7.8 XFA, Adobe's RichMedia). Links (/URI) and jumps within the file are fine.
_GEVAARLIJKE_SLEUTELS = frozenset(
    {
        "/JS",
        "/JavaScript",
        "/AA",
        "/EmbeddedFiles",
        "/EmbeddedFile",
        "/EF",
        "/RichMedia",
        "/RichMediaContent",
        "/XFA",
        "/Launch",
    }
)
_GEVAARLIJKE_ACTIES = frozenset(
    {
        "/JavaScript",
        "/Launch",
        "/ImportData",
        "/SubmitForm",
        "/GoToE",
        "/GoToR",
        "/Rendition",
        "/RichMediaExecute",
        "/Movie",
        "/Sound",
    }
)
_GEVAARLIJKE_SUBTYPES = frozenset(
    {"/FileAttachment", "/RichMedia", "/Screen", "/Movie", "/Sound", "/3D"}
)
_MAX_OBJECTEN = 200_000  # a bound on the walk; a real payslip has a few hundred


class BijlageFout(ValueError):
    """The attachment is refused; the message is plain Dutch for the sender."""


def _niet_te_openen() -> BijlageFout:
    return BijlageFout(
        _(
            "We kunnen deze PDF niet openen. Misschien is hij beschadigd. "
            "Sla hem opnieuw op, of stuur een foto van het papier."
        )
    )


def _pdf_controleren(bestand: IO[bytes]) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    bestand.seek(0)
    try:
        lezer = PdfReader(bestand, strict=False)
        if lezer.is_encrypted and not lezer.decrypt(""):
            raise BijlageFout(
                _(
                    "Deze PDF is beveiligd met een wachtwoord. Stuur hem zonder wachtwoord, "
                    "of stuur een foto van het papier."
                )
            )
        if len(lezer.pages) == 0:
            raise _niet_te_openen()
        gevaarlijk = False
        gezien: set[tuple[int, int]] = set()
        stapel: list[Any] = [lezer.trailer]
        while stapel and not gevaarlijk:
            if len(gezien) > _MAX_OBJECTEN:
                raise _niet_te_openen()
            knoop = stapel.pop()
            if isinstance(knoop, IndirectObject):
                sleutel = (knoop.idnum, knoop.generation)
                if sleutel in gezien:
                    continue
                gezien.add(sleutel)
                knoop = knoop.get_object()
            if isinstance(
                knoop, DictionaryObject
            ):  # a stream's dictionary too; its data stays unread
                if (
                    _GEVAARLIJKE_SLEUTELS.intersection(knoop.keys())
                    or knoop.get("/S") in _GEVAARLIJKE_ACTIES
                    or knoop.get("/Subtype") in _GEVAARLIJKE_SUBTYPES
                ):
                    gevaarlijk = True
                elif isinstance(knoop.get("/OpenAction"), DictionaryObject | IndirectObject):
                    open_actie = knoop[
                        "/OpenAction"
                    ].get_object()  # an action; a destination is an array
                    # On opening only a jump within the file; not even a web address opens by itself.
                    gevaarlijk = isinstance(open_actie, DictionaryObject) and open_actie.get(
                        "/S"
                    ) != NameObject("/GoTo")
                stapel.extend(v for k, v in knoop.items() if k != "/Parent")
            elif isinstance(knoop, ArrayObject):
                stapel.extend(knoop)
    except BijlageFout:
        raise
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OSError,
        RecursionError,
    ) as exc:
        raise _niet_te_openen() from exc
    finally:
        bestand.seek(0)
    if gevaarlijk:
        raise BijlageFout(
            _(
                "Deze PDF bevat iets dat we uit veiligheid niet doorsturen, zoals een script, een "
                "ingesloten bestand of een actie die vanzelf start. Sla de PDF opnieuw op als gewone "
                "PDF (bijvoorbeeld met 'Afdrukken als PDF'), of stuur een foto van het papier."
            )
        )


def bijlage_soort(bestand: IO[bytes]) -> str:
    """The real MIME type of an attachment, or BijlageFout. Reads the file; leaves it at the start."""
    bestand.seek(0)
    begin = bestand.read(8192)
    bestand.seek(0)
    soort: str | None = filetype.guess_mime(begin)
    if soort not in TOEGESTAAN:
        raise BijlageFout(_("Dit soort bestand kunnen we niet openen. Stuur een PDF, JPG of PNG."))
    if soort == "application/pdf":
        _pdf_controleren(bestand)
    return soort


def downloadnaam(naam: str, soort: str, pk: int) -> str:
    """The client's own base name with the extension of the detected type (never the name's own
    extension); 'bijlage-<id>' when nothing usable is left of the name."""
    basis = re.sub(r"\.[^.]*$", "", (naam or "").replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")
    basis = re.sub(r"[\x00-\x1f\x7f]", "", basis)[:100]
    return f"{basis or f'bijlage-{pk}'}{TOEGESTAAN.get(soort, '.bin')}"


def als_download(klant: Klant, bericht_pk: int) -> FileResponse:
    """The attachment of one message in this client's conversation, as a download (404 otherwise):
    the decrypted bytes, the detected type, a safe name, and no sniffing by the browser."""
    # Through the client's own messages: this module sits below the models (the profile photo, a
    # model property, uses its type check), so it does not import them.
    bericht = get_object_or_404(klant.berichten.all(), pk=bericht_pk, gemeente_id=klant.gemeente_id)
    if not bericht.bijlage:
        raise Http404("Dit bericht heeft geen bijlage.")
    response = FileResponse(
        bericht.bijlage.open("rb"),
        as_attachment=True,
        filename=downloadnaam(bericht.bijlage_naam, bericht.bijlage_type, bericht.pk),
        content_type=bericht.bijlage_type,
    )
    response["X-Content-Type-Options"] = "nosniff"  # the browser keeps to the type we detected
    return response
