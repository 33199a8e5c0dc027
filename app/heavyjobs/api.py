"""The front door of app.heavyjobs: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.heavyjobs import messages, services
from app.heavyjobs.models import HeavyJob, JobState
from app.heavyjobs.services import finish, register_kind, submit

__all__ = [
    "finish", "HeavyJob", "JobState", "messages", "register_kind", "services", "submit",
]
