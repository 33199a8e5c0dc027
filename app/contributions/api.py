"""The front door of app.contributions: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.contributions import instructions, messages, services, voids, wechat
from app.contributions.instructions import paying_instructions, set_paying_instructions
from app.contributions.models import Charge, ChargeKind, Method, PayingInstructions, Payment, WechatOrder
from app.contributions.owed import Line, lines
from app.contributions.services import (
    add_charge, charge_view, dues_of, get_charge, member_contributions, owned_flat_ids, paid_by_project, payments_in_total,
    project_contributions, receipt_no, record_payment,
)
from app.contributions.voids import void_payment

__all__ = [
    "add_charge", "Charge", "charge_view", "ChargeKind", "dues_of", "get_charge", "instructions",
    "Line", "lines", "member_contributions", "messages", "Method", "owned_flat_ids",
    "paid_by_project", "paying_instructions", "PayingInstructions", "Payment", "payments_in_total",
    "project_contributions", "receipt_no", "record_payment", "services", "set_paying_instructions",
    "void_payment", "voids", "wechat", "WechatOrder",
]
