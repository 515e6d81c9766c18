"""Checking an attachment before it is stored, and naming it when it is downloaded.

The type comes from the bytes (filetype), never from the name the client's phone gave the file;
only PDF, JPEG and PNG pass. A PDF must open (qpdf, via pikepdf) and may hold nothing that runs or unpacks in
a staff member's viewer: scripts, launch and other actions, embedded files, XFA forms, rich media.
A file that starts like a PDF but is something else (HTML) does not open as a PDF and is refused.
On download the name carries the detected extension, so a 'loonstrook.html' that is really a PDF
is saved as 'loonstrook.pdf' and opened as a PDF.
"""

import re
from typing import IO, Any, BinaryIO

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


def _gevaarlijk(knoop: Any) -> bool:
    """Whether this object, or a dictionary or array written inside it, holds something a viewer
    runs or unpacks. References are not followed: every indirect object is checked on its own."""
    import pikepdf

    stapel = [knoop]
    while stapel:
        knoop = stapel.pop()
        if isinstance(knoop, pikepdf.Stream):  # a stream's dictionary; its data stays unread
            knoop = knoop.stream_dict
        if isinstance(knoop, pikepdf.Dictionary):
            if (
                _GEVAARLIJKE_SLEUTELS.intersection(knoop.keys())
                or str(knoop.get("/S")) in _GEVAARLIJKE_ACTIES
                or str(knoop.get("/Subtype")) in _GEVAARLIJKE_SUBTYPES
            ):
                return True
            open_actie = knoop.get("/OpenAction")  # an action; a destination is an array
            # On opening only a jump within the file; not even a web address opens by itself.
            if isinstance(open_actie, pikepdf.Dictionary) and str(open_actie.get("/S")) != "/GoTo":
                return True
            kinderen: Any = (v for k, v in knoop.items() if k != "/Parent")
        elif isinstance(knoop, pikepdf.Array):
            kinderen = iter(knoop)
        else:
            continue
        stapel.extend(
            v
            for v in kinderen
            if isinstance(v, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream)
            and not v.is_indirect
        )
    return False


def _pdf_controleren(bestand: BinaryIO) -> None:
    """qpdf (pikepdf) opens the file and every object in it is checked, also objects no page
    refers to and those packed in object streams: ~0.4 ms for a payslip, where walking it with
    pypdf took ~4 ms (on deadline day every declaration has one)."""
    import pikepdf

    bestand.seek(0)
    try:
        with pikepdf.open(bestand) as pdf:
            if len(pdf.pages) == 0:
                raise _niet_te_openen()
            objecten = pdf.objects
            if len(objecten) > _MAX_OBJECTEN:
                raise _niet_te_openen()
            gevaarlijk = _gevaarlijk(pdf.trailer) or any(_gevaarlijk(o) for o in objecten)
    except BijlageFout:
        raise
    except pikepdf.PasswordError as exc:
        raise BijlageFout(
            _(
                "Deze PDF is beveiligd met een wachtwoord. Stuur hem zonder wachtwoord, "
                "of stuur een foto van het papier."
            )
        ) from exc
    except (
        pikepdf.PdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OSError,
        RuntimeError,
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
        _pdf_controleren(bestand)  # type: ignore[arg-type]  # an upload or BytesIO: binary, seekable
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
