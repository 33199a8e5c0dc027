"""The front door of app.plans: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.plans import heritage, services
from app.plans.heritage import heritage_review_pending
from app.plans.messages import HERITAGE_LABELS, REVIEW_LABELS
from app.plans.models import HeritageReview, PlanComment, PlanSection, PlanVersion, ReviewDecision
from app.plans.schemas import CommentInSchema
from app.plans.services import add_comment, answer_comment, create_version, plan_publicity_ended

__all__ = [
    "add_comment", "answer_comment", "CommentInSchema", "create_version", "heritage",
    "HERITAGE_LABELS", "heritage_review_pending", "HeritageReview", "plan_publicity_ended",
    "PlanComment", "PlanSection", "PlanVersion", "REVIEW_LABELS", "ReviewDecision", "services",
]
