"""The front door of app.consultations: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.consultations import ballots, exports, messages, services
from app.consultations.access import (
    can_view, flats_in_scope, get_consultation, head_of, latest_finished, managed,
    scope_condition,
)
from app.consultations.answers import visible
from app.consultations.ballots import cast_assisted_ballot, cast_ballot, has_ballot, receipts
from app.consultations.cast_by import cast_by, names
from app.consultations.choice import ChoiceResult
from app.consultations.electorate import rebase
from app.consultations.lifecycle import (
    announce_status, catalogue_items, close_consultation, close_due, create_consultation,
    get_template, open_consultation, publish_consultation,
)
from app.consultations.means import explain_means, within_means
from app.consultations.messages import CHANNEL_LABELS, CORRECTION_ACTIONS, STATUS_LABELS
from app.consultations.models import (
    Ballot, BallotAnswer, BallotCorrection, BallotVersion, CastFields, Channel, Consultation,
    ConsultationElectorate, ConsultationFlat, FlatProxy, ObjectionStatus, ResultObjection,
    Status, VOID,
)
from app.consultations.outcome import Approval, explain, ItemOutcome, Outcome
from app.consultations.preliminary import in_period, objections_of, preliminary_until
from app.consultations.proxies import authorise_proxy
from app.consultations.question_types import SCALE_MAX, type_of
from app.consultations.readers import index_0_100, result_kind
from app.consultations.schemas import ReceiptOutSchema, ResultsSchema
from app.consultations.tally import results, results_of
from app.consultations.templates import ITEM_OPTIONS

__all__ = [
    "announce_status", "Approval", "authorise_proxy", "Ballot", "BallotAnswer",
    "BallotCorrection", "ballots", "BallotVersion", "can_view", "cast_assisted_ballot",
    "cast_ballot", "cast_by", "CastFields", "catalogue_items", "Channel", "CHANNEL_LABELS",
    "ChoiceResult", "close_consultation", "close_due", "Consultation", "ConsultationElectorate",
    "ConsultationFlat", "CORRECTION_ACTIONS", "create_consultation", "explain", "explain_means",
    "exports", "FlatProxy", "flats_in_scope", "get_consultation", "get_template", "has_ballot",
    "head_of", "in_period", "index_0_100", "ITEM_OPTIONS", "ItemOutcome", "latest_finished",
    "managed", "messages", "names", "objections_of", "ObjectionStatus", "open_consultation", "Outcome",
    "preliminary_until", "publish_consultation", "rebase", "ReceiptOutSchema", "receipts",
    "result_kind", "ResultObjection", "results", "results_of", "ResultsSchema", "SCALE_MAX",
    "scope_condition", "services", "Status", "STATUS_LABELS", "type_of", "visible", "VOID",
    "within_means",
]
