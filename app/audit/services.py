"""Appending to and verifying the audit chain.

`record()` joins the caller's transaction: the act and its audit entry commit
together or not at all.
"""
import hashlib
import json
import re
from dataclasses import dataclass

from sqlalchemy import select

from app.audit import messages
from app.audit.models import AuditEntry, AuditHead
from app.db import utcnow
from app.extensions import db

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
    head = db.session.scalar(select(AuditHead).where(AuditHead.chain == chain).with_for_update())
    if head is None:
        # First entry of a chain: create the head in a savepoint so a racing creator
        # makes us re-read instead of failing the caller's transaction.
        try:
            with db.session.begin_nested():
                db.session.add(AuditHead(chain=chain, seq=0, hash=GENESIS))
        except Exception:  # noqa: BLE001 - unique violation from a concurrent first append
            pass
        head = db.session.scalar(select(AuditHead).where(AuditHead.chain == chain).with_for_update())
    return head


def record(action: str, *, estate_id: int | None, actor_id: int | None, subject_type: str,
           subject_id: int | None, data: dict | None = None) -> AuditEntry:
    chain = chain_of(estate_id)
    head = _locked_head(chain)
    data = json.loads(json.dumps(data or {}, ensure_ascii=False, default=str))
    created_at = utcnow().replace(microsecond=0)
    seq = head.seq + 1
    digest = entry_hash(head.hash, chain, seq, estate_id, actor_id, action, subject_type,
                        subject_id, data, created_at)
    entry = AuditEntry(chain=chain, seq=seq, estate_id=estate_id, actor_id=actor_id, action=action,
                       subject_type=subject_type, subject_id=subject_id, data=data,
                       created_at=created_at, prev_hash=head.hash, hash=digest)
    head.seq, head.hash = seq, digest
    db.session.add(entry)
    return entry


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
