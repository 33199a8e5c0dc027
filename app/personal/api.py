"""The front door of app.personal: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.personal import messages
from app.personal.gate import consent_refusal, has_agreed
from app.personal.messages import NOTICE_VERSION
from app.personal.retention import apply_retention, RULES

__all__ = [
    "apply_retention", "consent_refusal", "has_agreed", "messages", "NOTICE_VERSION", "RULES",
]
