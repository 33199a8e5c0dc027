"""The consultations package's public API: other domains, the routes and the pages
import from here, never from the modules behind it.

- access: who may see, manage and answer; the scope of a consultation
- electorate: the flats, areas and heads a vote counts, taken from the ledger when it opens
- lifecycle: templates, create, open, close, publish, the close job
- ballots: casting with history and receipts, what others may ask about ballots
- proxies: family proxies
- tally and outcome: the typed `Outcome` every reader takes; readers: what a template's
  result means (`result_kind`), the choice and satisfaction its reader fills
- preliminary: 询异公示 (objections before the final 公示) and a content vote's budget cap
"""
from app.consultations.access import (  # noqa: F401
    answering_flats, can_view, flats_in_scope, get_consultation, head_of, latest_finished, ledger_date,
    linked_flats, list_consultations, managed, require_manage, require_view, scope_condition, viewable,
    voting_flats)
from app.consultations.ballots import (  # noqa: F401
    cast_assisted_ballot, cast_ballot, choices, current_ballot, entered_ballots, has_ballot,
    my_ballots, new_receipt, receipts, voted_flat_ids)
from app.consultations.corrections import correct_ballot, corrections_by_objection, corrections_of  # noqa: F401
from app.consultations.electorate import rebase as rebase_electorate  # noqa: F401
from app.consultations.lifecycle import (  # noqa: F401
    all_templates, announce_status, catalogue_items, close_consultation, close_due, create_consultation,
    get_template, open_consultation, publish_consultation, settle)
from app.consultations.messages import CORRECTION_ACTIONS  # noqa: F401
from app.consultations.models import Consultation  # noqa: F401
from app.consultations.outcome import Outcome  # noqa: F401
from app.consultations.preliminary import (  # noqa: F401
    check_publishable, in_period, my_flat_records, objection_days, objections_of,
    preliminary_until, record_objection, resolve, set_budget_cap)
from app.consultations.preliminary import rooms as objection_rooms  # noqa: F401
from app.consultations.proxies import (  # noqa: F401
    authorise_proxy, proxies_of, require_flat_owner_or_committee, revoke_proxy)
from app.consultations.question_types import type_of  # noqa: F401
from app.consultations.readers import (  # noqa: F401
    Satisfaction, index_0_100, percent, result_kind, result_of)
from app.consultations.choice import ChoiceResult  # noqa: F401
from app.consultations.tally import results, results_of  # noqa: F401
from app.consultations.across import count_across  # noqa: F401
