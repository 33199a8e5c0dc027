"""Photo intake and storage.

Every upload is opened with Pillow, checked, and re-encoded as JPEG: whatever the
file claimed to be, only pixels survive (no scripts, no EXIF, no GPS position).
The store is an interface so a city can put media on an S3-compatible service;
this deployment ships the local-disk store.
"""
import io
import uuid
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from PIL import Image, UnidentifiedImageError

from app.errors import DomainError, InvalidInput
from app.media import messages

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_PIXELS = 40_000_000
MAX_SIDE_PX = 2560


@dataclass(frozen=True)
class StoredImage:
    key: str
    width: int
    height: int
    size_bytes: int


class MediaStore:
    def put(self, key: str, data: bytes) -> None:
        raise NotImplementedError

    def get(self, key: str) -> bytes | None:
        raise NotImplementedError


class LocalMediaStore(MediaStore):
    def __init__(self, root: str):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise ValueError("media key escapes the store")
        return path

    def put(self, key, data):
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def get(self, key):
        path = self._path(key)
        return path.read_bytes() if path.is_file() else None


def media_store() -> MediaStore:
    return LocalMediaStore(current_app.config["MEDIA_ROOT"])


def reencode_photo(data: bytes) -> tuple[bytes, int, int]:
    """JPEG bytes, width and height of an uploaded photo, or a Chinese refusal."""
    max_bytes = current_app.config["MEDIA_MAX_BYTES"]
    if len(data) > max_bytes:
        raise DomainError(messages.TOO_LARGE.format(max_mb=max_bytes // (1024 * 1024)),
                          status=413, code="too_large", fields={"photos": messages.TOO_LARGE.format(
                              max_mb=max_bytes // (1024 * 1024))})
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ALLOWED_FORMATS:
                raise _not_an_image()
            if probe.width * probe.height > MAX_PIXELS:
                raise InvalidInput(messages.TOO_MANY_PIXELS, fields={"photos": messages.TOO_MANY_PIXELS})
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = image.convert("RGB")
            image.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX))
            out = io.BytesIO()
            image.save(out, "JPEG", quality=85, optimize=True)
            return out.getvalue(), image.width, image.height
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise _not_an_image() from error


def _not_an_image():
    return InvalidInput(messages.NOT_AN_IMAGE, code="not_an_image", fields={"photos": messages.NOT_AN_IMAGE})


def store_photo(estate_id: int, data: bytes) -> StoredImage:
    jpeg, width, height = reencode_photo(data)
    key = f"estate-{estate_id}/{uuid.uuid4().hex}.jpg"
    media_store().put(key, jpeg)
    return StoredImage(key=key, width=width, height=height, size_bytes=len(jpeg))
