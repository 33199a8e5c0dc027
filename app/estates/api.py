"""The front door of app.estates: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.estates import ledger_import, messages
from app.estates.identity import TRIES_PER_FLAT, TRIES_PER_USER, verify_by_identity
from app.estates.ledger import LedgerRow, MAX_ROWS, parse_ledger, read_ledger
from app.estates.ledger_cells import PHONE_RE, with_check_digit
from app.estates.ledger_import import import_ledger, owner_key, start_import
from app.estates.membership import flat_claims, live_claims
from app.estates.messages import CLAIM_STATUS, RELATIONS
from app.estates.models import (
    Building, Estate, Flat, FlatCode, FlatLink, FlatTransfer, IdentityAttempt, LinkStatus,
    Owner, OwnerPerson, Relation, Stairwell,
)
from app.estates.routes import estate_view
from app.estates.scope import FUND_TYPES, Scope, ScopeInSchema, TYPES
from app.estates.services import (
    buildings_with_stairwells, claim_flat, claims_for_review, committee_estates, create_estate,
    decide_claim, estate_counts, estate_flat_labels, estate_members, FLAT_CODE_TTL, flat_label,
    flat_labels, get_estate, get_or_404, is_verified_owner, issue_flat_code_rows,
    issue_flat_codes, place_label, stairwell_rooms, verified_flat_ids,
)

__all__ = [
    "Building", "buildings_with_stairwells", "claim_flat", "CLAIM_STATUS", "claims_for_review",
    "committee_estates", "create_estate", "decide_claim", "Estate", "estate_counts",
    "estate_flat_labels", "estate_members", "estate_view", "Flat", "flat_claims",
    "FLAT_CODE_TTL", "flat_label", "flat_labels", "FlatCode", "FlatLink", "FlatTransfer",
    "FUND_TYPES", "get_estate", "get_or_404", "IdentityAttempt", "import_ledger",
    "is_verified_owner", "issue_flat_code_rows", "issue_flat_codes", "ledger_import",
    "LedgerRow", "LinkStatus", "live_claims", "MAX_ROWS", "messages", "Owner", "owner_key",
    "OwnerPerson", "parse_ledger", "PHONE_RE", "place_label", "read_ledger", "Relation",
    "RELATIONS", "Scope", "ScopeInSchema", "Stairwell", "stairwell_rooms", "start_import",
    "TRIES_PER_FLAT", "TRIES_PER_USER", "TYPES", "verified_flat_ids", "verify_by_identity",
    "with_check_digit",
]
