"""Utilities' pipeline works, their money and the handover of what they built."""
import enum
from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Date, Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import UTCDateTime, utcnow
from app.extensions import db


class WorkStatus(str, enum.Enum):
    planned = "planned"  # 计划中
    in_progress = "in_progress"  # 施工中
    done = "done"  # 已完工


class MoneyStage(str, enum.Enum):
    committed = "committed"  # 承诺出资 (a letter, an agreement)
    received = "received"  # 已到账


class UtilityWork(db.Model):
    """One pipeline work planned in a project: who digs, what, where, when."""

    __tablename__ = "utility_works"
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="ends_after_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    #: who digs: a utility, or the renovation itself (a key of messages.PARTIES)
    party: Mapped[str] = mapped_column(String(20))
    #: what is laid or replaced, in the committee's words
    title: Mapped[str] = mapped_column(String(200))
    #: the road or path dug (its name as the estate calls it), "" when inside a stairwell only
    road: Mapped[str] = mapped_column(String(100), default="")
    #: the stairwell whose pipes are worked on, if any
    stairwell_id: Mapped[int | None] = mapped_column(ForeignKey("stairwells.id"))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    status: Mapped[WorkStatus] = mapped_column(Enum(WorkStatus, native_enum=False, length=20),
                                               default=WorkStatus.planned)
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<UtilityWork {self.id} project={self.project_id} {self.party} {self.starts_on}>"


class UtilityContribution(db.Model):
    """Money a utility put into a project: committed, or received (one row per event)."""

    __tablename__ = "utility_contributions"
    __table_args__ = (CheckConstraint("amount_cents > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    #: a key of messages.UTILITIES
    utility: Mapped[str] = mapped_column(String(20))
    stage: Mapped[MoneyStage] = mapped_column(Enum(MoneyStage, native_enum=False, length=20))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    #: when it was committed or arrived (Beijing date)
    dated_on: Mapped[date] = mapped_column(Date)
    #: the agreement's or the transfer's number
    document_no: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(String(300), default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<UtilityContribution {self.id} {self.utility} {self.stage.value} {self.amount_cents}>"


class UtilityHandover(db.Model):
    """验收移交: a finished work's facilities handed to whoever looks after them; once per work."""

    __tablename__ = "utility_handovers"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    #: one handover per work: the database keeps "only one"
    work_id: Mapped[int] = mapped_column(ForeignKey("utility_works.id"), unique=True)
    #: which facilities, with their sizes and counts
    facilities: Mapped[str] = mapped_column(String(500))
    #: to whom (the utility's operating company, the property company, …)
    receiver: Mapped[str] = mapped_column(String(100))
    handed_on: Mapped[date] = mapped_column(Date)
    #: the signed handover record and a site photo, in the media store
    record_key: Mapped[str] = mapped_column(String(200))
    photo_key: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<UtilityHandover {self.id} work={self.work_id} {self.handed_on}>"
