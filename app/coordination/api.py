"""The front door of app.coordination: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.coordination import messages
from app.coordination.models import JointMeeting, ResponsibilityTask, TaskStatus
from app.coordination.services import (
    add_task, meetings_of, move_task, overdue_tasks, record_meeting,
)

__all__ = [
    "add_task", "JointMeeting", "meetings_of", "messages", "move_task", "overdue_tasks",
    "record_meeting", "ResponsibilityTask", "TaskStatus",
]
