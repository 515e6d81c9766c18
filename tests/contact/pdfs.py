"""Test PDFs built in the tests: a clean one, and each kind a viewer would run or unpack."""

from io import BytesIO

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject


def _bytes(schrijver: PdfWriter) -> bytes:
    uit = BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def _met_pagina() -> PdfWriter:
    schrijver = PdfWriter()
    schrijver.add_blank_page(width=200, height=200)
    return schrijver


def schoon() -> bytes:
    return _bytes(_met_pagina())


def met_javascript() -> bytes:
    schrijver = _met_pagina()
    actie = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hallo');"),
        }
    )
    schrijver._root_object[NameObject("/Names")] = DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {
                    NameObject("/Names"): ArrayObject(
                        [TextStringObject("hallo"), schrijver._add_object(actie)]
                    )
                }
            )
        }
    )
    return _bytes(schrijver)


def met_openaction_javascript() -> bytes:
    schrijver = _met_pagina()
    schrijver._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert(1)"),
        }
    )
    return _bytes(schrijver)


def met_launch() -> bytes:
    schrijver = _met_pagina()
    schrijver._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")}
    )
    return _bytes(schrijver)


def met_ingesloten_bestand() -> bytes:
    schrijver = _met_pagina()
    schrijver.add_attachment("factuur.exe", b"MZ\x90\x00")  # /Names /EmbeddedFiles
    return _bytes(schrijver)


def met_annotatie_actie() -> bytes:
    """A link on the page whose action is a script, hidden in the page's annotations."""
    schrijver = _met_pagina()
    actie = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("x")}
    )
    annotatie = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/A"): actie,
        }
    )
    schrijver.pages[0][NameObject("/Annots")] = ArrayObject([schrijver._add_object(annotatie)])
    return _bytes(schrijver)


def met_openaction_webadres() -> bytes:
    schrijver = _met_pagina()
    schrijver._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/URI"),
            NameObject("/URI"): TextStringObject("https://phish.example/"),
        }
    )
    return _bytes(schrijver)


def met_link() -> bytes:
    """An ordinary link on the page and a jump to page 1 on opening: what real letters have."""
    schrijver = _met_pagina()
    actie = DictionaryObject(
        {
            NameObject("/S"): NameObject("/URI"),
            NameObject("/URI"): TextStringObject("https://www.example.nl/"),
        }
    )
    annotatie = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/A"): actie,
        }
    )
    schrijver.pages[0][NameObject("/Annots")] = ArrayObject([schrijver._add_object(annotatie)])
    schrijver._root_object[NameObject("/OpenAction")] = ArrayObject(
        [schrijver.pages[0].indirect_reference, NameObject("/Fit")]
    )
    return _bytes(schrijver)


def met_wachtwoord(gebruiker: str) -> bytes:
    schrijver = _met_pagina()
    schrijver.encrypt(user_password=gebruiker, owner_password="eigenaar", algorithm="AES-128")
    return _bytes(schrijver)


# Starts like a PDF, but is a web page: a browser that trusts the name would run it.
HTML_ALS_PDF = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"

GEVAARLIJK = {
    "javascript": met_javascript,
    "openaction": met_openaction_javascript,
    "launch": met_launch,
    "ingesloten_bestand": met_ingesloten_bestand,
    "annotatie": met_annotatie_actie,
    "openaction_webadres": met_openaction_webadres,
}
