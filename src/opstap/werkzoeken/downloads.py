"""Serving a stored file (CV, letter, proof, video) to someone the view already allowed: the
decrypted bytes, the type detected at upload, a safe name, and no sniffing by the browser."""

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404

from opstap.contact.bijlagen import downloadnaam

from .models import Activiteit, Stuk, StukSoort
from .services import VIDEO_TYPES


def als_download(
    bestand: FieldFile, naam: str, soort: str, pk: int, *, inline: bool = False
) -> FileResponse:
    if not bestand:
        raise Http404("Hier hoort geen bestand bij.")
    if soort in VIDEO_TYPES:
        bestandsnaam = downloadnaam(naam, "", pk).rsplit(".", 1)[0] + VIDEO_TYPES[soort]
    else:
        bestandsnaam = downloadnaam(naam, soort, pk)
    response = FileResponse(
        bestand.open("rb"), as_attachment=not inline, filename=bestandsnaam, content_type=soort
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def bewijs_download(activiteit: Activiteit) -> FileResponse:
    """The proof of an activity, as a download."""
    return als_download(
        activiteit.bewijs, activiteit.bewijs_naam, activiteit.bewijs_type, activiteit.pk
    )


def stuk_download(stuk: Stuk) -> FileResponse:
    """The file of a CV, letter or video: a video plays in the page, the rest downloads."""
    return als_download(
        stuk.bestand,
        stuk.bestand_naam,
        stuk.bestand_type,
        stuk.pk,
        inline=stuk.soort == StukSoort.VIDEO,
    )
