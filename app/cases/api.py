"""The front door of app.cases: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.cases import meetings, messages, objections, resolution, services, sign_ins, views
from app.cases.meetings import schedule_meeting
from app.cases.messages import AUTHOR_ROLES, STATUS_LABELS
from app.cases.models import (
    Case, CaseFlat, CaseParty, CaseStatus, Meeting, MeetingSignIn, ModerationAction, ModerationKind,
    PartyRole, Post, PostReport, PostRevision,
)
from app.cases.objections import file_objection, resolve_objection
from app.cases.schemas import CaseMeetingSchema, CasePostSchema
from app.cases.services import (
    can_view_case, case_is_resolved, create_case, create_post, open_case, post_view,
)
from app.cases.views import case_view

__all__ = [
    "MeetingSignIn", "sign_ins",
    "AUTHOR_ROLES", "can_view_case", "Case", "case_is_resolved", "case_view", "CaseFlat",
    "CaseMeetingSchema", "CaseParty", "CasePostSchema", "CaseStatus", "create_case",
    "create_post", "file_objection", "Meeting", "meetings", "messages", "ModerationAction",
    "ModerationKind", "objections", "open_case", "PartyRole", "Post", "post_view", "PostReport",
    "PostRevision", "resolution", "resolve_objection", "schedule_meeting", "services",
    "STATUS_LABELS", "views",
]
