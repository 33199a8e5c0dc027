"""The front door of app.notifications: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.notifications.entered import owners_of
from app.notifications.models import Notification
from app.notifications.reminders import closing_soon, remind_closing, reminder_key
from app.notifications.services import announce, notify, people_of_estate, tell, unread_count

__all__ = [
    "announce", "closing_soon", "Notification", "notify", "owners_of", "people_of_estate", "remind_closing",
    "reminder_key", "tell", "unread_count",
]
