"""The front door of app.utilities: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.utilities import messages, services
from app.utilities.models import MoneyStage, UtilityContribution, UtilityHandover, UtilityWork, WorkStatus
from app.utilities.services import (
    add_work, all_clashes, change_work, clashes_of_estate, money_of, overview, record_contribution,
    record_handover, stored_photo,
)

__all__ = [
    "add_work", "all_clashes", "change_work", "clashes_of_estate", "messages", "money_of", "MoneyStage",
    "overview", "record_contribution", "record_handover", "services", "stored_photo", "UtilityContribution",
    "UtilityHandover", "UtilityWork", "WorkStatus",
]
