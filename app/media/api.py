"""The front door of app.media: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.media.jpeg import count_scans, MAX_SCANS
from app.media.storage import (
    build_media_store, LocalMediaStore, MAX_JPEG_SCANS, media_store, reencode_photo,
    S3MediaStore, store_photo,
)

__all__ = [
    "build_media_store", "count_scans", "LocalMediaStore", "MAX_JPEG_SCANS", "MAX_SCANS",
    "media_store", "reencode_photo", "S3MediaStore", "store_photo",
]
