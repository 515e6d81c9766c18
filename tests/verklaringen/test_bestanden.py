"""Upload hardening for payslips: location and other metadata stripped from photos before they are
stored (the receipt's SHA-256 stays that of the bytes received), HEIC photos from phones accepted
and stored as JPEG, decompression bombs refused from their header without being decoded, PDFs with
scripts refused, and a size limit with a clear Dutch message."""

import hashlib
import io
import struct
import zlib
from typing import Any

import pytest
from PIL import Image

from opstap.verklaringen import bestanden
from opstap.verklaringen.bestanden import BijlageFout, voorbereiden
from tests.contact import pdfs

GPS_IFD = 0x8825


def _jpeg_met_gps() -> bytes:
    beeld = Image.new("RGB", (320, 200), "white")
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"  # Make
    exif[0x0110] = "Model X"  # Model
    exif[0x0112] = 6  # Orientation: turned 90°
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 22.0, 5.0), 3: "E", 4: (4.0, 53.0, 30.0)})
    uit = io.BytesIO()
    beeld.save(uit, format="JPEG", exif=exif, comment=b"mijn huis")
    return uit.getvalue()


def test_jpeg_met_gps_wordt_opgeslagen_zonder_metadata() -> None:
    ontvangen = _jpeg_met_gps()
    assert b"Telefoonmerk" in ontvangen
    assert Image.open(io.BytesIO(ontvangen)).getexif().get_ifd(GPS_IFD)
    v = voorbereiden(io.BytesIO(ontvangen), "foto.jpg")
    assert v.soort == "image/jpeg"
    assert v.sha256 == hashlib.sha256(ontvangen).hexdigest()  # the receipt: as received
    assert v.sha256_opgeslagen == hashlib.sha256(v.inhoud).hexdigest()
    opgeslagen = Image.open(io.BytesIO(v.inhoud))
    assert not opgeslagen.getexif()  # no GPS, no make, no orientation tag
    assert "exif" not in opgeslagen.info and "comment" not in opgeslagen.info
    assert b"Telefoonmerk" not in v.inhoud and b"mijn huis" not in v.inhoud
    assert opgeslagen.size == (200, 320)  # turned upright before the orientation tag went


def test_png_tekstblokken_verdwijnen() -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Location", "Kerkstraat 1, Demodam")
    uit = io.BytesIO()
    Image.new("RGB", (50, 50), "white").save(uit, format="PNG", pnginfo=info)
    v = voorbereiden(io.BytesIO(uit.getvalue()), "scan.png")
    assert v.soort == "image/png"
    assert b"Kerkstraat" not in v.inhoud
    assert not Image.open(io.BytesIO(v.inhoud)).info.get("Location")


@pytest.mark.skipif(not bestanden.HEIC_MOGELIJK, reason="pillow-heif is not installed")
def test_heic_van_een_telefoon_wordt_jpeg() -> None:
    uit = io.BytesIO()
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 22.0, 5.0)})
    Image.new("RGB", (64, 48), "white").save(uit, format="HEIF", exif=exif.tobytes())
    ontvangen = uit.getvalue()
    v = voorbereiden(io.BytesIO(ontvangen), "IMG_0001.HEIC")
    assert v.soort == "image/jpeg"
    assert v.inhoud[:3] == b"\xff\xd8\xff"
    assert v.sha256 == hashlib.sha256(ontvangen).hexdigest()
    assert not Image.open(io.BytesIO(v.inhoud)).getexif()


def _png_kop(breedte: int, hoogte: int) -> bytes:
    """A PNG that declares a huge picture but holds almost nothing: a decompression bomb's header."""

    def blok(soort: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + soort
            + data
            + struct.pack(">I", zlib.crc32(soort + data))
        )

    ihdr = struct.pack(">IIBBBBB", breedte, hoogte, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + blok(b"IHDR", ihdr)
        + blok(b"IDAT", zlib.compress(b"\x00" * 1024))
        + blok(b"IEND", b"")
    )


def test_decompressiebom_wordt_geweigerd_zonder_te_decoderen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gedecodeerd: list[Any] = []
    echt_laden = Image.Image.load

    def laden(self: Image.Image) -> Any:
        gedecodeerd.append(self.size)
        return echt_laden(self)

    monkeypatch.setattr(Image.Image, "load", laden)
    bom = _png_kop(60_000, 60_000)  # 3.6 gigapixel, in a file of a few hundred bytes
    assert len(bom) < 1000
    with pytest.raises(BijlageFout, match="te groot om te openen"):
        voorbereiden(io.BytesIO(bom), "bom.png")
    assert gedecodeerd == []
    # Just above our own limit, far below Pillow's: still refused on the header.
    with pytest.raises(BijlageFout, match="megapixel"):
        voorbereiden(io.BytesIO(_png_kop(8000, 7000)), "groot.png")
    assert gedecodeerd == []


def test_pdf_met_javascript_en_te_grote_bestanden_worden_geweigerd(settings: Any) -> None:
    with pytest.raises(BijlageFout, match="script"):
        voorbereiden(io.BytesIO(pdfs.met_javascript()), "s.pdf")
    settings.OPSTAP_MAX_UPLOAD_BYTES = 1024 * 1024
    with pytest.raises(BijlageFout, match="te groot \\(meer dan 1 MB\\)"):
        voorbereiden(io.BytesIO(b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1)), "groot.pdf")
    with pytest.raises(BijlageFout, match="niet openen"):
        voorbereiden(io.BytesIO(b"\xff\xd8\xff\xe0 geen echte foto"), "kapot.jpg")


def test_pdf_wordt_bewaard_zoals_ontvangen() -> None:
    inhoud = pdfs.schoon()
    v = voorbereiden(io.BytesIO(inhoud), "strook.pdf")
    assert v.inhoud == inhoud and v.sha256 == v.sha256_opgeslagen
