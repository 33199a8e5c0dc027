"""The front door of app.paperballots: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.paperballots import layout, messages, pdf, reading, services
from app.paperballots.models import PaperBallotScan, ScanStatus
from app.paperballots.routes import managed_scan
from app.paperballots.services import drop_skipped, read_scan

__all__ = [
    "drop_skipped", "layout", "managed_scan", "messages", "PaperBallotScan", "pdf", "read_scan",
    "reading", "ScanStatus", "services",
]
