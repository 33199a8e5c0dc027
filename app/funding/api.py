"""The front door of app.funding: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.funding import messages, services
from app.funding.models import FundingEntry, FundingLedger, Stage
from app.funding.schemas import PublicMoneySchema
from app.funding.services import (
    attach_evidence, money_table, public_money, record_entry, residents_money,
)

__all__ = [
    "attach_evidence", "FundingEntry", "FundingLedger", "messages", "money_table", "public_money",
    "PublicMoneySchema", "record_entry", "residents_money", "services", "Stage",
]
