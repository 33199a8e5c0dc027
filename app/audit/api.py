"""The front door of app.audit: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.audit import messages
from app.audit.models import AuditEntry, AuditHead, AuditPending
from app.audit.services import (
    chain_of, check_published_head, current_head, entry_hash, GENESIS, head_text, pending_count,
    pending_fields, record, seal, seal_after_commit, seal_soon, verify_all, verify_chain,
)

__all__ = [
    "AuditEntry", "AuditHead", "AuditPending", "chain_of", "check_published_head",
    "current_head", "entry_hash", "GENESIS", "head_text", "messages", "pending_count",
    "pending_fields", "record", "seal", "seal_after_commit", "seal_soon", "verify_all",
    "verify_chain",
]
