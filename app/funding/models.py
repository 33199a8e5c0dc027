"""A project's public money: one row per commitment, arrival or spend, and the project's
running total of spends (the row a spend locks)."""
import enum
from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Date, Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import UTCDateTime, utcnow
from app.extensions import db


class Stage(str, enum.Enum):
    committed = "committed"  # 承诺: a document says it will come
    received = "received"  # 到账: it arrived
    spent = "spent"  # 支出: it was paid out


class FundingEntry(db.Model):
    """One movement of a project's money, with its date and its document."""

    __tablename__ = "funding_entries"
    __table_args__ = (CheckConstraint("amount_cents > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    #: a key of messages.SOURCES
    source: Mapped[str] = mapped_column(String(30))
    stage: Mapped[Stage] = mapped_column(Enum(Stage, native_enum=False, length=20))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    #: when it was committed, arrived or paid (Beijing date)
    dated_on: Mapped[date] = mapped_column(Date)
    #: who pays or is paid: a department, a unit, a contractor
    party: Mapped[str] = mapped_column(String(100), default="")
    #: the document's number (拨款文号, an agreement, an invoice)
    document_no: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(String(300), default="")
    #: a photo of the document, in the media store
    evidence_key: Mapped[str | None] = mapped_column(String(200))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<FundingEntry {self.id} project={self.project_id} {self.source} {self.stage.value}>"


class FundingLedger(db.Model):
    """A project's spends so far: locked while a spend is checked against the money received,
    so two spends at once cannot both pass on the same money."""

    __tablename__ = "funding_ledgers"
    __table_args__ = (CheckConstraint("spent_cents >= 0", name="spent_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), unique=True)
    spent_cents: Mapped[int] = mapped_column(BigInteger, default=0)

    def __repr__(self) -> str:
        return f"<FundingLedger project={self.project_id} spent={self.spent_cents}>"
