"""A scan's two JPEGs (the photo and its aligned copy) in the media store: named by the job's
token, so a re-run writes over a killed run's files, and dropped when a read fails."""
import logging
import uuid

import cv2

from app.media.api import media_store
from app.offload import off_the_loop

log = logging.getLogger(__name__)


def jpeg(image, quality: int) -> bytes:
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return encoded.tobytes()


def scan_keys(estate_id: int, files: str | None) -> tuple[str, str]:
    """Where a scan's photo and its aligned copy go: a folder the public media route never
    serves (scans are shown to the committee only), named by the job's `files` token, so a
    re-run of a job killed mid-way writes over what the killed run left behind."""
    name = files or uuid.uuid4().hex
    folder = f"estate-{estate_id}/paper-ballots/{name}"
    return f"{folder}.jpg", f"{folder}-aligned.jpg"


def store(key: str, image, quality: int) -> str:
    media_store().put(key, off_the_loop(jpeg, image, quality))  # encoding: off the event loop
    return key


def drop(keys) -> None:
    """The files of a read that failed: nothing outlives the scan that was not kept."""
    for key in keys:
        try:
            media_store().delete(key)
        except Exception:  # noqa: BLE001 - logged; the refusal itself is what the person hears
            log.exception("could not remove %s of a failed scan read", key)
