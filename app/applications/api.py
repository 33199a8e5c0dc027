"""The front door of app.applications: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.applications import paper, reserve, services
from app.applications.messages import STATUS_LABELS
from app.applications.models import (
    AnnualPlan, AnnualPlanEntry, Application, ApplicationStatus, ApplicationSupport,
    ReserveEntry, SupportBasis, SupportChannel,
)
from app.applications.reserve import reserve_entries
from app.applications.services import (
    add_support, applications_of, live_application, start_application, support_of,
)

__all__ = [
    "add_support", "AnnualPlan", "paper", "AnnualPlanEntry", "Application", "applications_of",
    "ApplicationStatus", "ApplicationSupport", "live_application", "reserve", "reserve_entries",
    "ReserveEntry", "services", "start_application", "STATUS_LABELS", "support_of",
    "SupportBasis", "SupportChannel",
]
