"""The front door of app.comanage: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.comanage import areas, choices, income, notices, rating
from app.comanage.choices import MATTERS, named_matters, start_decision
from app.comanage.income import add_entry
from app.comanage.messages import (
    INCOME_CATEGORIES, MATTER_LABELS, NOTICE_KINDS, RESOURCE_KINDS, SPENDING_CATEGORIES,
)
from app.comanage.models import (
    Neighbourhood, NeighbourhoodEstate, NeighbourhoodSurvey, NeighbourhoodSurveyPart, Notice,
    NoticeRead, PublicIncomeEntry, RatingRound, ResourceComment, ResourceProposal, ResourceVote,
    SpareResource,
)
from app.comanage.notices import mark_read, post_notice, unread_notices
from app.comanage.rating import latest_index, satisfaction, start_round
from app.comanage.schemas import ResourceCommentInSchema

__all__ = [
    "add_entry", "areas", "choices", "income", "INCOME_CATEGORIES", "latest_index", "mark_read",
    "MATTER_LABELS", "MATTERS", "named_matters", "Neighbourhood", "NeighbourhoodEstate",
    "NeighbourhoodSurvey", "NeighbourhoodSurveyPart", "Notice", "NOTICE_KINDS", "NoticeRead",
    "notices", "post_notice", "PublicIncomeEntry", "rating", "RatingRound", "RESOURCE_KINDS",
    "ResourceComment", "ResourceCommentInSchema", "ResourceProposal", "ResourceVote",
    "satisfaction", "SpareResource", "SPENDING_CATEGORIES", "start_decision", "start_round",
    "unread_notices",
]
