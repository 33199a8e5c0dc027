"""Appending to and verifying the audit chain.

`record()` joins the caller's transaction: the act and its audit entry commit
together or not at all.
"""
import hashlib
import json
import re
from dataclasses import dataclass

from sqlalchemy import delete, false, func, insert, select, update

from app.audit import messages
from app.audit.sealer import sealer
from app.audit.models import AuditEntry, AuditHead, AuditPending
from app.db import utcnow
from app.extensions import db
from app.unit_of_work import after_commit

GENESIS = "0" * 64


def chain_of(estate_id: int | None) -> str:
    return f"estate:{estate_id}" if estate_id is not None else "global"


def entry_hash(prev_hash, chain, seq, estate_id, actor_id, action, subject_type, subject_id,
               data, created_at) -> str:
    body = json.dumps(
        [prev_hash, chain, seq, estate_id, actor_id, action, subject_type, subject_id, data,
         created_at.isoformat()],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(body.encode()).hexdigest()


def _locked_head(chain: str) -> AuditHead:
    if db.session.get_bind().dialect.name != "postgresql":
        # SQLite ignores FOR UPDATE: a write that matches no row still takes the database's
        # write lock first, so two sealers never read the same head before either writes (the
        # head itself refuses a no-op update: it only moves forward)
        db.session.execute(update(AuditPending).where(false()).values(id=AuditPending.id)
                           .execution_options(synchronize_session=False))
    head = db.session.scalar(select(AuditHead).where(AuditHead.chain == chain).with_for_update()
                             .execution_options(populate_existing=True))
    if head is None:
        # First entry of a chain: create the head in a savepoint so a racing creator
        # makes us re-read instead of failing the caller's transaction.
        try:
            with db.session.begin_nested():
                db.session.add(AuditHead(chain=chain, seq=0, hash=GENESIS))
        except Exception:  # noqa: BLE001 - unique violation from a concurrent first append
            pass
        head = db.session.scalar(select(AuditHead).where(AuditHead.chain == chain)
                                 .with_for_update().execution_options(populate_existing=True))
    return head


def _normal(data: dict | None) -> dict:
    return json.loads(json.dumps(data or {}, ensure_ascii=False, default=str))


def _append(head: AuditHead, *, estate_id, actor_id, action, subject_type, subject_id, data,
            created_at) -> AuditEntry:
    """Chain one entry after `head` (locked by the caller) and move the head."""
    seq = head.seq + 1
    digest = entry_hash(head.hash, head.chain, seq, estate_id, actor_id, action, subject_type,
                        subject_id, data, created_at)
    entry = AuditEntry(chain=head.chain, seq=seq, estate_id=estate_id, actor_id=actor_id,
                       action=action, subject_type=subject_type, subject_id=subject_id, data=data,
                       created_at=created_at, prev_hash=head.hash, hash=digest)
    head.seq, head.hash = seq, digest
    db.session.add(entry)
    return entry


#: the columns of a pending entry that its chained entry keeps
_PENDING_COLUMNS = ("id", "estate_id", "actor_id", "action", "subject_type", "subject_id", "data",
                    "created_at")


def _seal_locked(head: AuditHead) -> int:
    """Chain every committed pending entry of the head's chain, oldest first.

    Core statements, not ORM objects (the sealer runs after every burst of ballots): the
    pending rows read as tuples, the entries inserted in one statement (executemany), the
    sealed rows deleted in one; the head (locked by the caller) moves to the last entry."""
    table = AuditPending.__table__
    pending = db.session.execute(
        select(*(table.c[name] for name in _PENDING_COLUMNS))
        .where(table.c.chain == head.chain).order_by(table.c.id)).all()
    if not pending:
        return 0
    entries, seq, previous = [], head.seq, head.hash
    for _, estate_id, actor_id, action, subject_type, subject_id, data, created_at in pending:
        seq += 1
        digest = entry_hash(previous, head.chain, seq, estate_id, actor_id, action, subject_type,
                            subject_id, data, created_at)
        entries.append(dict(chain=head.chain, seq=seq, estate_id=estate_id, actor_id=actor_id,
                            action=action, subject_type=subject_type, subject_id=subject_id,
                            data=data, created_at=created_at, prev_hash=previous, hash=digest))
        previous = digest
    db.session.execute(insert(AuditEntry.__table__), entries)
    db.session.execute(delete(table).where(table.c.id.in_([row[0] for row in pending])))
    head.seq, head.hash = seq, previous
    return len(pending)


def record(action: str, *, estate_id: int | None, actor_id: int | None, subject_type: str,
           subject_id: int | None, data: dict | None = None, deferred: bool = False):
    """Audit an act in the caller's transaction.

    At once (the default): the chain's head is locked, the chain's pending entries are
    sealed first, then this one is appended, so everything committed before it is
    chained before it (a close pins every ballot that was cast before it).
    `deferred` (ballots): one INSERT into `audit_pending`, no lock; `seal()` chains it
    within a moment after the commit (`seal_after_commit`; see docs/audit.md).
    Returns the entry, or None when deferred.
    """
    fields = pending_fields(action, estate_id=estate_id, actor_id=actor_id,
                            subject_type=subject_type, subject_id=subject_id)
    chain = fields.pop("chain")
    fields["data"] = _normal(data)
    if deferred:
        db.session.execute(insert(AuditPending.__table__), {"chain": chain, **fields})
        seal_after_commit(estate_id)
        return None
    head = _locked_head(chain)
    _seal_locked(head)
    return _append(head, **fields)


def pending_fields(action: str, *, estate_id: int | None, actor_id: int | None,
                   subject_type: str, subject_id: int | None) -> dict:
    """The columns of an `audit_pending` row but its `data`, as `record(deferred=True)`
    writes them: for a writer that inserts the row in its own statement (a ballot on
    PostgreSQL writes itself and its audit entry in one round trip)."""
    return dict(chain=chain_of(estate_id), estate_id=estate_id, actor_id=actor_id,
                action=action, subject_type=subject_type, subject_id=subject_id,
                created_at=utcnow().replace(microsecond=0))


def seal(chain: str | None = None) -> int:
    """Chain the pending entries (of one chain, or of all), one commit per chain.

    Run after commits (`sealer`), by `flask audit seal`, and before `flask audit verify`.
    Sealers of one chain wait for each other on its head; ballots never wait for them.
    """
    chains = [chain] if chain else db.session.scalars(
        select(AuditPending.chain).distinct().order_by(AuditPending.chain)).all()
    sealed = 0
    for name in chains:
        sealed += _seal_locked(_locked_head(name))
        db.session.commit()
    return sealed


def seal_soon(estate_id: int | None) -> None:
    """After committing a deferred entry: have it sealed (by the server's sealer, or now)."""
    sealer.wake(chain_of(estate_id))


def seal_after_commit(estate_id: int | None) -> None:
    """A deferred entry of this estate's chain is written in the current transaction (by
    `record`, or by a writer's own INSERT from `pending_fields`): seal it once it commits."""
    after_commit(seal_soon, estate_id)


def pending_count(chain: str | None = None) -> int:
    query = select(func.count(AuditPending.id))
    return db.session.scalar(query.where(AuditPending.chain == chain) if chain else query)


@dataclass
class ChainReport:
    chain: str
    entries: int
    head_hash: str
    broken_at: int | None = None  # seq of the first entry that does not check out
    reason: str | None = None


def verify_chain(chain: str) -> ChainReport:
    previous, count = GENESIS, 0
    entries = db.session.scalars(
        select(AuditEntry).where(AuditEntry.chain == chain).order_by(AuditEntry.seq))
    for count, entry in enumerate(entries, start=1):
        if entry.seq != count:
            return ChainReport(chain, count - 1, previous, entry.seq, messages.SEQ_GAP)
        if entry.prev_hash != previous:
            return ChainReport(chain, count - 1, previous, entry.seq, messages.PREV_MISMATCH)
        expected = entry_hash(previous, chain, entry.seq, entry.estate_id, entry.actor_id,
                              entry.action, entry.subject_type, entry.subject_id, entry.data,
                              entry.created_at)
        if expected != entry.hash:
            return ChainReport(chain, count - 1, previous, entry.seq, messages.CONTENT_CHANGED)
        previous = entry.hash
    head = db.session.get(AuditHead, chain)
    if head is not None and (head.seq != count or head.hash != previous):
        return ChainReport(chain, count, previous, count + 1, messages.TAIL_REMOVED)
    return ChainReport(chain, count, previous)


def verify_all() -> list[ChainReport]:
    chains = db.session.scalars(select(AuditHead.chain).order_by(AuditHead.chain)).all()
    return [verify_chain(chain) for chain in chains]


def current_head(chain: str) -> tuple[int, str]:
    """(seq, hash) of the newest entry; (0, GENESIS) for a chain with no entry yet."""
    head = db.session.get(AuditHead, chain)
    return (head.seq, head.hash) if head is not None else (0, GENESIS)


def head_text(estate_id: int | None) -> str:
    """The head as it is published (public page, 公示 exports): `estate:7 42:<hash>`."""
    chain = chain_of(estate_id)
    seq, digest = current_head(chain)
    return f"{chain} {seq}:{digest}"


#: a published head in any text (an export, a saved page): `estate:7 42:<hash>` or `estate:7=42:<hash>`
PUBLISHED_HEAD = re.compile(r"\b(estate:\d+|global)[ =](\d+):([0-9a-f]{64})\b")


def published_heads_in(text: str) -> list[tuple[str, int, str]]:
    """Every (chain, seq, hash) published in a text, in order, once each."""
    found = [(chain, int(seq), digest) for chain, seq, digest in PUBLISHED_HEAD.findall(text)]
    return list(dict.fromkeys(found))


@dataclass
class HeadCheck:
    contains: bool
    seq: int  # the current head, for the caller to publish next
    hash: str
    reason: str | None = None
    #: the chain had entries when the head was published and has none now
    emptied: bool = False


def check_published_head(chain: str, seq: int, hash_: str) -> HeadCheck:
    """Does today's chain verify and still hold the entry (seq, hash) published earlier?

    A published head pins every entry up to it: each entry's hash covers the one
    before, so if entry `seq` still has the published hash and the chain verifies
    from the start, nothing up to it was removed or changed.
    """
    report = verify_chain(chain)
    if report.broken_at is not None:
        return HeadCheck(False, report.entries, report.head_hash,
                         messages.CHAIN_BROKEN.format(seq=report.broken_at, reason=report.reason))
    if seq > 0 and report.entries == 0:
        return HeadCheck(False, 0, report.head_hash, messages.CHAIN_EMPTIED.format(seq=seq),
                         emptied=True)
    if seq > report.entries:
        return HeadCheck(False, report.entries, report.head_hash, messages.FEWER_THAN_PUBLISHED)
    found = GENESIS if seq == 0 else db.session.scalar(
        select(AuditEntry.hash).where(AuditEntry.chain == chain, AuditEntry.seq == seq))
    if found != hash_:
        return HeadCheck(False, report.entries, report.head_hash,
                         messages.PUBLISHED_CHANGED.format(seq=seq))
    return HeadCheck(True, report.entries, report.head_hash)
