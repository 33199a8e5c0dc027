"""The front door of app.green: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.green import messages, services
from app.green.criteria import criteria
from app.green.models import GreenCheck, GreenStatus
from app.green.services import checklist, set_check

__all__ = [
    "checklist", "criteria", "GreenCheck", "GreenStatus", "messages", "services", "set_check",
]
