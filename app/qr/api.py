"""The front door of app.qr: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.qr import images, posters, services, tokens
from app.qr.models import QrPlace, QrScan
from app.qr.tokens import serializer, TokenData

__all__ = [
    "images", "posters", "QrPlace", "QrScan", "serializer", "services", "TokenData", "tokens",
]
