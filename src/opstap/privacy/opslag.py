"""File storage that keeps uploaded files encrypted at rest (attachments: payslips, letters).

It wraps the default storage (the file system in production, memory in the tests): what lands
is the file's bytes encrypted and authenticated (AES-256-GCM, see crypto.py), under a random name (the FileField's upload_to
never uses the client's file name). Opening a file through this storage decrypts it, so views
read the plain bytes only when they serve them to someone allowed to see them."""

from __future__ import annotations

import os
import posixpath
import uuid
from typing import Any

from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.deconstruct import deconstructible

from .crypto import heeft_eerste_sleutel, ontsleutel_bestand, roteer_bestand, versleutel_bestand


@deconstructible(path="opstap.privacy.opslag.VersleuteldeOpslag")
class VersleuteldeOpslag(Storage):
    def __init__(self, onder: str = "default") -> None:
        self.onder_naam = onder

    @property
    def onder(self) -> Storage:
        # Looked up on every use, so a changed STORAGES setting (tests) is followed.
        return storages[self.onder_naam]

    # --- reading and writing (encrypted) ---

    def _open(self, name: str, mode: str = "rb") -> File[Any]:
        if "w" in mode or "a" in mode or "+" in mode:
            raise ValueError(
                "Versleutelde bestanden worden alleen gelezen; sla een nieuw bestand op."
            )
        inhoud = ontsleutel_bestand(self.ruw_lezen(name))
        return ContentFile(inhoud, name=name)

    def _save(self, name: str, content: File[Any]) -> str:
        if hasattr(content, "seek"):
            content.seek(0)
        data = content.read()  # in one piece: it is encrypted as a whole anyway
        naam = self.onder.save(name, ContentFile(versleutel_bestand(data)), max_length=None)
        _naar_schijf(self.onder, naam)
        return naam

    def size(self, name: str) -> int:
        return len(ontsleutel_bestand(self.ruw_lezen(name)))

    # --- raw access, for migrations and key rotation ---

    def ruw_lezen(self, name: str) -> bytes:
        with self.onder.open(name, "rb") as bestand:
            data: bytes = bestand.read()
        return data

    def versleuteld_opslaan(self, name: str, token: bytes) -> str:
        """Store an already-encrypted token as a new file next to `name`; returns its name."""
        return self.onder.save(nieuwe_naam(name), ContentFile(token))

    def roteren(self, name: str) -> str | None:
        """Re-encrypt one file with the first key under a new name (the caller points the row
        at it, then deletes the old file). None when it already uses the first key."""
        token = self.ruw_lezen(name)
        if heeft_eerste_sleutel(token):
            return None
        return self.versleuteld_opslaan(name, roteer_bestand(token))

    # --- everything else is the underlying storage's ---

    def delete(self, name: str) -> None:
        self.onder.delete(name)

    def exists(self, name: str) -> bool:
        return self.onder.exists(name)

    def listdir(self, path: str) -> tuple[list[str], list[str]]:
        return self.onder.listdir(path)

    def url(self, name: str | None) -> str:
        # Never a direct link: the bytes behind it are ciphertext. Serve through a view.
        raise NotImplementedError("Versleutelde bestanden hebben geen directe URL.")

    def get_valid_name(self, name: str) -> str:
        return self.onder.get_valid_name(name)

    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        return self.onder.get_available_name(name, max_length=max_length)

    def generate_filename(self, filename: str | os.PathLike[str]) -> str:
        return self.onder.generate_filename(filename)

    def get_accessed_time(self, name: str) -> Any:
        return self.onder.get_accessed_time(name)

    def get_created_time(self, name: str) -> Any:
        return self.onder.get_created_time(name)

    def get_modified_time(self, name: str) -> Any:
        return self.onder.get_modified_time(name)


def _naar_schijf(opslag: Storage, naam: str) -> None:
    """Flush a file just written, and its folder entry, to the disk: a receipt shown after this
    survives a power cut (Django's FileSystemStorage closes the file but does not fsync it)."""
    if not isinstance(opslag, FileSystemStorage):
        return  # memory (tests) or an object store that has its own durability
    pad = opslag.path(naam)
    for doel, vlaggen in ((pad, os.O_RDONLY), (os.path.dirname(pad), os.O_RDONLY)):
        fd = os.open(doel, vlaggen)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def nieuwe_naam(naam: str) -> str:
    """A fresh random name in the same folder with the same extension: a rewritten file never
    grows its name (repeated rotations stay within the column's 100 characters)."""
    map_, bestand = posixpath.split(naam)
    return posixpath.join(map_, uuid.uuid4().hex + posixpath.splitext(bestand)[1])


def versleutelde_opslag() -> VersleuteldeOpslag:
    """For `FileField(storage=versleutelde_opslag)`: a callable keeps migrations stable."""
    return _OPSLAG


_OPSLAG = VersleuteldeOpslag()
