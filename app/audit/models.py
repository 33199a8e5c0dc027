"""The append-only, hash-chained audit log, one chain per estate."""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import UTCDateTime, utcnow
from app.extensions import db


class AuditHead(db.Model):
    """The newest entry of one chain; locked while appending so the chain never forks."""

    __tablename__ = "audit_heads"

    #: "estate:<id>" or "global"
    chain: Mapped[str] = mapped_column(String(40), primary_key=True)
    seq: Mapped[int] = mapped_column(default=0)
    hash: Mapped[str] = mapped_column(String(64), default="0" * 64)


class AuditEntry(db.Model):
    """One decision-relevant act; each entry holds the previous entry's hash."""

    __tablename__ = "audit_entries"
    __table_args__ = (UniqueConstraint("chain", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    chain: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int]
    estate_id: Mapped[int | None] = mapped_column(ForeignKey("estates.id"), index=True)
    #: who acted; None for the system (automatic closing)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: dotted verb, e.g. ballot.cast, claim.approved, elevator.advanced
    action: Mapped[str] = mapped_column(String(60))
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[int | None]
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    def __repr__(self):
        return f"<AuditEntry {self.chain}#{self.seq} {self.action}>"


class AuditPending(db.Model):
    """An act recorded but not yet sealed into its chain (`services.seal`).

    Frequent acts (ballots) are written here without waiting for the chain's head, so
    an estate's ballots never queue behind each other; a short follow-up step moves
    them into `audit_entries`, in commit order, chained as every other entry.
    """

    __tablename__ = "audit_pending"

    id: Mapped[int] = mapped_column(primary_key=True)
    chain: Mapped[str] = mapped_column(String(40), index=True)
    estate_id: Mapped[int | None]
    actor_id: Mapped[int | None]
    action: Mapped[str] = mapped_column(String(60))
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[int | None]
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
