"""The front door of app.projects: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.projects import fund, messages, services, supervision, work
from app.projects.decisions import passed_decision
from app.projects.evaluation import evaluation_of, satisfaction_index, start_evaluation
from app.projects.fund import add_fund_entry, fund_balance_cents
from app.projects.fund_schemas import FundEntryInSchema
from app.projects.guards import RENOVATION, register_guard, unregister_guard
from app.projects.messages import (
    COMPLAINT_STATUS_LABELS, FUND_KIND_LABELS, FUND_SHARE_LABELS, ITEM_STATUS_LABELS,
    PHASE_LABELS, SOURCE_LABELS,
)
from app.projects.models import (
    AcceptanceSignature, Complaint, ComplaintStatus, FollowUpItem, FundAccount, FundEntry,
    FundEntryKind, FundingShare, FundingSource, FundPosting, ItemStatus, ItemUpdate,
    JointAcceptance, Phase, PhaseChange, ProgressPhoto, ProgressPost, ProjectItem,
    RenovationProject, SupervisionReport,
)
from app.projects.phases import advance
from app.projects.schemas import ProgressPostSchema, ProjectSchema
from app.projects.services import (
    create_project, file_complaint, move_complaint, post_progress, report_supervision,
    set_funding, set_items,
)
from app.projects.supervision import answer_report
from app.projects.work import progress_view, record_acceptance, update_item

__all__ = [
    "RENOVATION",
    "AcceptanceSignature", "add_fund_entry", "advance", "answer_report", "Complaint",
    "COMPLAINT_STATUS_LABELS", "ComplaintStatus", "create_project", "evaluation_of",
    "file_complaint", "FollowUpItem", "fund", "fund_balance_cents", "FUND_KIND_LABELS",
    "FUND_SHARE_LABELS", "FundAccount", "FundEntry", "FundEntryInSchema", "FundEntryKind",
    "FundingShare", "FundingSource", "FundPosting", "ITEM_STATUS_LABELS", "ItemStatus",
    "ItemUpdate", "JointAcceptance", "messages", "move_complaint", "passed_decision", "Phase", "PHASE_LABELS",
    "PhaseChange", "post_progress", "progress_view", "ProgressPhoto", "ProgressPost",
    "ProgressPostSchema", "ProjectItem", "ProjectSchema", "record_acceptance", "register_guard",
    "RenovationProject", "report_supervision", "satisfaction_index", "services", "set_funding",
    "set_items", "SOURCE_LABELS", "start_evaluation", "supervision", "SupervisionReport",
    "unregister_guard", "update_item", "work",
]
