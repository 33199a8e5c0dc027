"""The front door of app.web: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.web import messages, messages_console, messages_fund
from app.web.consultations.console import flat_picker, next_flat
from app.web.messages import JS, OPTION_LINE_AREA
from app.web.messages_resident import LOADING, REVIEW_ITEMS
from app.web.pages import MODULES, TEXTS
from app.web.routes import percent

__all__ = [
    "flat_picker", "JS", "LOADING", "messages", "messages_console", "messages_fund", "MODULES",
    "next_flat", "OPTION_LINE_AREA", "percent", "REVIEW_ITEMS", "TEXTS",
]
