"""An estate's application for renovation with its owners' support; the street's reserve of
applied estates; a year's plan within what the budget can bear."""
import enum
from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, Enum, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import UTCDateTime, utcnow
from app.extensions import db


class ApplicationStatus(str, enum.Enum):
    collecting = "collecting"  # 征集支持中
    submitted = "submitted"  # 已提交申报


class SupportBasis(str, enum.Enum):
    """What an application's threshold counts (its rule, kept from the day it started)."""
    flats = "flats"  # 户: every flat counts, an owner of two flats twice
    owners = "owners"  # 业主: heads, an owner of several flats once (民法典 headcount)


class SupportChannel(str, enum.Enum):
    """How a flat's support came: its owner online, or a signed sheet the committee entered."""
    online = "online"  # 网上
    paper = "paper"  # 纸质 (entered by the committee with a photo of the sheet)


class Application(db.Model):
    """A resident's application that their estate be renovated (居民自愿申报)."""

    __tablename__ = "applications"
    __table_args__ = (
        # one live application per estate
        Index("uq_applications_live", "estate_id", unique=True,
              postgresql_where=text("status IN ('collecting', 'submitted')"),
              sqlite_where=text("status IN ('collecting', 'submitted')")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: who started it
    started_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: why the residents want it, in their words
    reason: Mapped[str] = mapped_column(String(1000))
    status: Mapped[ApplicationStatus] = mapped_column(
        Enum(ApplicationStatus, native_enum=False, length=12), default=ApplicationStatus.collecting)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: the committee's submission, once support reached the threshold
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: what the threshold counts, flats or owners (APPLICATION_SUPPORT_BASIS when started)
    support_basis: Mapped[SupportBasis] = mapped_column(
        Enum(SupportBasis, native_enum=False, length=10), default=SupportBasis.flats,
        server_default=SupportBasis.flats.value)
    #: the support share at submission, as an exact fraction "8/12"
    submitted_support: Mapped[str | None] = mapped_column(String(40))

    def __repr__(self):
        return f"<Application {self.id} estate={self.estate_id} {self.status.value}>"


class ApplicationSupport(db.Model):
    """One flat's support for an application, given by its verified owner."""

    __tablename__ = "application_supports"
    # one support per flat: the database decides, however many taps (or entries) arrive at
    # once; an online support is its owner's, a paper one has who entered it and the photo
    __table_args__ = (
        UniqueConstraint("application_id", "flat_id"),
        CheckConstraint("(channel = 'online' AND user_id IS NOT NULL) OR (channel = 'paper' "
                        "AND entered_by_id IS NOT NULL AND evidence IS NOT NULL)", name="support_has_author"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"), index=True)
    #: the owner who supported online (none for a paper sheet)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    channel: Mapped[SupportChannel] = mapped_column(
        Enum(SupportChannel, native_enum=False, length=10), default=SupportChannel.online,
        server_default=SupportChannel.online.value)
    #: the committee member who entered a paper support
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: the media key of the signed sheet's photo
    evidence: Mapped[str | None] = mapped_column(String(200))


class ReserveEntry(db.Model):
    """An applied estate in the street's reserve (项目储备库), with its estimated cost."""

    __tablename__ = "reserve_entries"
    __table_args__ = (UniqueConstraint("estate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"))
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    #: the street's estimate of the renovation's cost, in cents
    estimated_cost_cents: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str | None] = mapped_column(String(500))
    added_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<ReserveEntry {self.id} estate={self.estate_id}>"


class AnnualPlan(db.Model):
    """A district's renovation plan for one year (年度改造计划), within a budget capacity."""

    __tablename__ = "annual_plans"
    __table_args__ = (UniqueConstraint("year", "district"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int]
    #: 区 / 县, as estates name it
    district: Mapped[str] = mapped_column(String(50))
    #: what the budget can bear this year (财政承受能力), in cents
    capacity_cents: Mapped[int] = mapped_column(BigInteger)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    entries: Mapped[list["AnnualPlanEntry"]] = relationship(order_by="AnnualPlanEntry.id")

    def __repr__(self):
        return f"<AnnualPlan {self.id} {self.year} {self.district!r}>"


class AnnualPlanEntry(db.Model):
    """An estate taken from the reserve into a year's plan; an estate is planned once."""

    __tablename__ = "annual_plan_entries"
    __table_args__ = (UniqueConstraint("estate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("annual_plans.id"), index=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"))
    #: the reserve's estimate when it was planned
    cost_cents: Mapped[int] = mapped_column(BigInteger)
    added_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
