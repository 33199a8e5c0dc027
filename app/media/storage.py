"""Photo intake and storage.

Every upload is opened with Pillow, checked, and re-encoded as JPEG: whatever the
file claimed to be, only pixels survive (no scripts, no EXIF, no GPS position).
The store is an interface with two implementations: local disk (the default) and
any S3-compatible object store (`MEDIA_STORE=s3`), chosen once per app.
"""
import io
import uuid
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from PIL import Image, UnidentifiedImageError

from app.errors import DomainError, InvalidInput
from app.media import messages
from app.media.jpeg import MAX_SCANS as MAX_JPEG_SCANS
from app.media.jpeg import count_scans
from app.offload import TimedOut, in_a_process

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_PIXELS = 40_000_000
#: a photo's check and re-encoding runs in a helper process, killed after this long
DECODE_TIME_LIMIT_S = 20
MAX_SIDE_PX = 2560
# Pillow's own decompression-bomb guard at our limit (it refuses twice this outright)
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


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

    def delete(self, key: str) -> None:
        """Remove the object if it is there (a key never stored is no error)."""
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

    def delete(self, key):
        self._path(key).unlink(missing_ok=True)


class S3MediaStore(MediaStore):
    """Objects in one bucket of an S3-compatible service; the bucket stays private and
    photos are served through the app, which checks estate membership first."""

    def __init__(self, bucket: str, *, endpoint_url=None, region=None, access_key_id=None,
                 secret_access_key=None):
        import boto3
        from botocore.config import Config

        self.bucket = bucket
        self.client = boto3.client(
            "s3", endpoint_url=endpoint_url, region_name=region,
            aws_access_key_id=access_key_id, aws_secret_access_key=secret_access_key,
            # path-style addressing: what MinIO and most self-hosted services expect
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 3},
                          connect_timeout=5, read_timeout=30))

    def put(self, key, data):
        self.client.put_object(Bucket=self.bucket, Key=key, Body=data, ContentType="image/jpeg")

    def delete(self, key):
        self.client.delete_object(Bucket=self.bucket, Key=key)  # S3 answers 204 for a missing key too

    def get(self, key):
        from botocore.exceptions import ClientError

        try:
            return self.client.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise


def build_media_store(config) -> MediaStore:
    """The store the configuration names; a misconfiguration stops start-up, named."""
    kind = config["MEDIA_STORE"]
    if kind == "local":
        return LocalMediaStore(config["MEDIA_ROOT"])
    if kind == "s3":
        if not config.get("S3_BUCKET"):
            raise RuntimeError("MEDIA_STORE=s3 needs S3_BUCKET")
        return S3MediaStore(config["S3_BUCKET"], endpoint_url=config.get("S3_ENDPOINT_URL"),
                            region=config.get("S3_REGION"),
                            access_key_id=config.get("S3_ACCESS_KEY_ID"),
                            secret_access_key=config.get("S3_SECRET_ACCESS_KEY"))
    raise RuntimeError(f"MEDIA_STORE must be 'local' or 's3', not {kind!r}")


def media_store() -> MediaStore:
    return current_app.extensions["media_store"]


def reencode_photo(data: bytes, max_bytes: int) -> tuple[bytes, int, int]:
    """JPEG bytes, width and height of an uploaded photo, or a Chinese refusal.

    The size in pixels and a JPEG's scans are read from the header and markers and checked
    before any pixel is decoded; a JPEG is decoded straight at the scale it is kept at
    (draft mode), not at full size. Needs no app context: store_photo runs it in a helper
    process with a time limit."""
    if len(data) > max_bytes:
        raise DomainError(messages.TOO_LARGE.format(max_mb=max_bytes // (1024 * 1024)),
                          status=413, code="too_large", fields={"photos": messages.TOO_LARGE.format(
                              max_mb=max_bytes // (1024 * 1024))})
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in ALLOWED_FORMATS:
                raise _not_an_image()
            if probe.width * probe.height > MAX_PIXELS:
                raise _too_many_pixels()
            if probe.format == "JPEG":
                check_scans(data)
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (MAX_SIDE_PX, MAX_SIDE_PX))  # JPEG only; others ignore it
            image.load()
            if image.mode != "RGB":  # convert() copies even when nothing changes
                image = image.convert("RGB")
            image.thumbnail((MAX_SIDE_PX, MAX_SIDE_PX))
            out = io.BytesIO()
            image.save(out, "JPEG", quality=85, optimize=True)
            return out.getvalue(), image.width, image.height
    except Image.DecompressionBombError as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise _not_an_image() from error


def check_scans(data: bytes) -> None:
    """Refuse a JPEG of too many scans, from its markers (milliseconds: no pixel decoded)."""
    if count_scans(data) > MAX_JPEG_SCANS:
        raise InvalidInput(messages.TOO_MANY_SCANS, code="too_many_scans",
                           fields={"photos": messages.TOO_MANY_SCANS})


def _too_many_pixels():
    return InvalidInput(messages.TOO_MANY_PIXELS, fields={"photos": messages.TOO_MANY_PIXELS})


def _not_an_image():
    return InvalidInput(messages.NOT_AN_IMAGE, code="not_an_image", fields={"photos": messages.NOT_AN_IMAGE})


def store_photo(estate_id: int, data: bytes) -> StoredImage:
    check_scans(data)  # before queueing: such a file never takes a helper
    try:
        jpeg, width, height = in_a_process(reencode_photo, data, current_app.config["MEDIA_MAX_BYTES"],
                                           timeout_s=DECODE_TIME_LIMIT_S)
    except TimedOut as error:
        raise InvalidInput(messages.TOO_SLOW, code="too_slow", fields={"photos": messages.TOO_SLOW}) from error
    key = f"estate-{estate_id}/{uuid.uuid4().hex}.jpg"
    media_store().put(key, jpeg)
    return StoredImage(key=key, width=width, height=height, size_bytes=len(jpeg))
