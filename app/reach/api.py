"""The front door of app.reach: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.reach import messages, services
from app.reach.figures import estates_reach, reach_of
from app.reach.links import open_link, recipient_of, token_for
from app.auth.api import SmsOptOut, opted_out
from app.reach.models import EstateSmsBudget, Notice, NoticeRecipient, SmsBudgetMonth
from app.reach.reminders import remind_closing
from app.reach.services import budget_left, monthly_cap, notices_of, send_notice

__all__ = [
    "budget_left", "estates_reach", "EstateSmsBudget", "messages",
    "monthly_cap", "Notice", "NoticeRecipient", "notices_of", "open_link", "opted_out", "reach_of",
    "recipient_of", "remind_closing", "send_notice", "services", "SmsBudgetMonth", "SmsOptOut",
    "token_for",
]
