"""The front door of app.account: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.account import messages
from app.account.readable import readable_export, readable_pdf

__all__ = [
    "messages", "readable_export", "readable_pdf",
]
