"""Reading whole payslip files: text PDFs, scans and phone photos, and files that are no payslip."""

import io
import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from pypdf import PdfWriter

from loonstrook import VELDEN, lees, lees_uitgebreid

from .strookjes import STROKEN, Strook, foto, pdf, scan

NAMEN = [s.naam for s in STROKEN]
LEEG = dict.fromkeys(VELDEN)


def _schrijf(tmp_path: Path, naam: str, data: bytes) -> Path:
    pad = tmp_path / naam
    pad.write_bytes(data)
    return pad


@pytest.mark.parametrize("strook", STROKEN, ids=NAMEN)
def test_tekst_pdf_precies(strook: Strook, tmp_path: Path) -> None:
    resultaat = lees_uitgebreid(_schrijf(tmp_path, "strook.pdf", pdf(strook)))
    assert resultaat.bron == "tekstlaag"
    assert resultaat.velden == strook.verwacht


def test_jaarkolommen_niet_genomen(tmp_path: Path) -> None:
    """Year to date first (vier_weken) and as a block below (maand_tekst): never the period's gross."""
    per_naam = {s.naam: s for s in STROKEN}
    assert lees(_schrijf(tmp_path, "a.pdf", pdf(per_naam["vier_weken"])))["bruto_loon"] == 928.02
    assert lees(_schrijf(tmp_path, "b.pdf", pdf(per_naam["maand_tekst"])))["bruto_loon"] == 1523.40
    assert (
        lees(_schrijf(tmp_path, "c.pdf", pdf(per_naam["maand_kolommen"])))["netto_loon"] == 1224.73
    )


@pytest.mark.parametrize("strook", STROKEN, ids=NAMEN)
def test_scan_zonder_tekstlaag(strook: Strook, tmp_path: Path, ocr: None) -> None:
    resultaat = lees_uitgebreid(_schrijf(tmp_path, "scan.pdf", scan(strook)))
    assert resultaat.bron == "ocr"
    assert resultaat.velden == strook.verwacht


@pytest.mark.parametrize("strook", STROKEN, ids=NAMEN)
def test_foto_scheef_wazig_jpeg(strook: Strook, tmp_path: Path, ocr: None) -> None:
    resultaat = lees_uitgebreid(_schrijf(tmp_path, "foto.jpg", foto(strook, hoek=1.5)))
    assert resultaat.bron == "ocr"
    assert resultaat.velden == strook.verwacht


@pytest.mark.parametrize("strook", STROKEN[:2], ids=NAMEN[:2])
def test_slechte_foto_geeft_null_nooit_een_fout_getal(
    strook: Strook, tmp_path: Path, ocr: None
) -> None:
    """Very blurred and badly compressed: what is read must be right; the rest is null."""
    velden = lees(
        _schrijf(tmp_path, "foto.jpg", foto(strook, hoek=-1.0, vervaging=2.2, kwaliteit=25))
    )
    fout = {k: v for k, v in velden.items() if v is not None and v != strook.verwacht[k]}
    assert fout == {}


def test_foto_png_andersom_scheef(tmp_path: Path, ocr: None) -> None:
    strook = STROKEN[0]
    assert (
        lees(_schrijf(tmp_path, "foto.png", foto(strook, hoek=-2.0, formaat="PNG")))
        == strook.verwacht
    )


def test_foto_met_exif_draaiing(tmp_path: Path, ocr: None) -> None:
    """A phone stores the picture on its side and says so in EXIF; the reader turns it upright."""
    from PIL import Image

    strook = STROKEN[1]
    beeld = Image.open(io.BytesIO(foto(strook, hoek=0.5))).rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to show
    uit = io.BytesIO()
    beeld.save(uit, format="JPEG", quality=80, exif=exif)
    assert lees(_schrijf(tmp_path, "foto.jpg", uit.getvalue())) == strook.verwacht


def _png_met_afmetingen(breedte: int, hoogte: int) -> bytes:
    """A tiny PNG whose header claims a huge image: decoding it would need gigabytes."""
    from PIL import Image

    uit = io.BytesIO()
    Image.new("L", (1, 1)).save(uit, format="PNG")
    data = bytearray(uit.getvalue())
    ihdr = bytes(data[12:16]) + struct.pack(">II", breedte, hoogte) + bytes(data[24:29])
    data[16:24] = struct.pack(">II", breedte, hoogte)
    data[29:33] = struct.pack(">I", zlib.crc32(ihdr))
    return bytes(data)


def _versleutelde_pdf() -> bytes:
    schrijver = PdfWriter()
    schrijver.append(io.BytesIO(pdf(STROKEN[0])))
    schrijver.encrypt(user_password="geheim", owner_password="geheim")  # noqa: S106
    uit = io.BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def _veel_paginas() -> bytes:
    schrijver = PdfWriter()
    for _ in range(3000):
        schrijver.add_blank_page(width=200, height=200)
    uit = io.BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def _pdf_bom() -> bytes:
    """A page whose content stream inflates from about a megabyte to 200 MB."""
    pakker = zlib.compressobj(1)
    blok = b"0 0 m " * (1 << 20)
    stroom = b"".join(pakker.compress(blok) for _ in range(32)) + pakker.flush()
    delen = [b"%PDF-1.4\n"]
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stroom) + stroom + b"\nendstream",
    ]
    posities = []
    for i, obj in enumerate(objecten, start=1):
        posities.append(sum(len(d) for d in delen))
        delen.append(b"%d 0 obj\n" % i + obj + b"\nendobj\n")
    xref = sum(len(d) for d in delen)
    delen.append(
        b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % p for p in posities)
    )
    delen.append(b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return b"".join(delen)


def _brief() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    uit = io.BytesIO()
    c = Canvas(uit, pagesize=A4)
    c.drawString(50, 780, "Beste mevrouw Pietersen,")
    c.drawString(
        50, 760, "Hartelijk dank voor uw bestelling van 3 boeken. Het totaal is 45,90 euro."
    )
    c.drawString(50, 740, "Met vriendelijke groet, Boekhandel Het Leesvoer")
    c.showPage()
    c.save()
    return uit.getvalue()


ONZIN = {
    "leeg.pdf": b"",
    "willekeurig.bin": os.urandom(5000),
    "kapot.pdf": b"%PDF-1.7\n" + os.urandom(3000),
    "versleuteld.pdf": _versleutelde_pdf(),
    "veel_paginas.pdf": _veel_paginas(),
    "reuzenbeeld.png": _png_met_afmetingen(60000, 60000),
    "tekst.txt": b"Bruto loon 1.000,00\n",
}


@pytest.mark.parametrize("naam", list(ONZIN))
def test_geen_loonstrook_geeft_nulls(naam: str, tmp_path: Path) -> None:
    resultaat = lees_uitgebreid(_schrijf(tmp_path, naam, ONZIN[naam]))
    assert resultaat.velden == LEEG


def test_brief_is_geen_loonstrook(tmp_path: Path) -> None:
    assert lees(_schrijf(tmp_path, "brief.pdf", _brief())) == LEEG


def test_pdf_bom_geweigerd_zonder_uitpakken(tmp_path: Path) -> None:
    """A stream that inflates beyond 10 MB is refused while inflating, and not rendered either."""
    resultaat = lees_uitgebreid(_schrijf(tmp_path, "bom.pdf", _pdf_bom()), tijdslimiet=60)
    assert resultaat.velden == LEEG
    assert resultaat.meldingen == ["De PDF is niet te lezen."]


def test_tijdslimiet_geeft_nulls(tmp_path: Path) -> None:
    """Whatever hangs (a file, Tesseract), the caller gets nulls after the time limit."""
    resultaat = lees_uitgebreid(_schrijf(tmp_path, "strook.pdf", pdf(STROKEN[0])), tijdslimiet=0.01)
    assert resultaat.velden == LEEG
    assert resultaat.meldingen == ["Het lezen duurde te lang."]


def test_bestand_bestaat_niet(tmp_path: Path) -> None:
    assert lees(tmp_path / "nergens.pdf") == LEEG


def _opstap(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from opstap.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env=env,
    )


def test_opdracht_geeft_json_met_twee_decimalen(tmp_path: Path) -> None:
    """The contract: `opstap lees-loonstrook FILE` prints one JSON object, amounts with two decimals."""
    pad = _schrijf(tmp_path, "strook.pdf", pdf(STROKEN[0]))
    uit = _opstap("lees-loonstrook", str(pad))
    assert uit.returncode == 0, uit.stderr
    assert json.loads(uit.stdout) == STROKEN[0].verwacht
    assert '"bruto_loon": 1281.80' in uit.stdout
    assert '"uren": 86' in uit.stdout
    assert list(json.loads(uit.stdout)) == list(VELDEN)


def test_opdracht_met_onzin_geeft_nulls_en_code_0(tmp_path: Path) -> None:
    uit = _opstap("lees-loonstrook", str(_schrijf(tmp_path, "x.jpg", os.urandom(2000))))
    assert uit.returncode == 0
    assert json.loads(uit.stdout) == LEEG


def test_zonder_tesseract_zegt_de_opdracht_dat_ocr_ontbreekt(tmp_path: Path) -> None:
    """`make run` without Tesseract: a photo gives nulls, and stderr says why."""
    pad = _schrijf(tmp_path, "foto.jpg", foto(STROKEN[0]))
    leeg_pad = tmp_path / "bin"
    leeg_pad.mkdir()
    uit = _opstap("lees-loonstrook", str(pad), env={**os.environ, "PATH": str(leeg_pad)})
    assert uit.returncode == 0
    assert json.loads(uit.stdout) == LEEG
    assert "OCR is niet beschikbaar" in uit.stderr
