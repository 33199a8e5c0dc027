"""The front door of app.approvals: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.approvals import messages, services
from app.approvals.models import ApprovalKind, ApprovalStatus, ProjectApproval
from app.approvals.services import approvals_of, set_approval, waiting_projects

__all__ = [
    "ApprovalKind", "approvals_of", "ApprovalStatus", "messages", "ProjectApproval", "services",
    "set_approval", "waiting_projects",
]
