"""Renovation projects and what happens in each phase: 共谋 → 共建 → 共管 → 共评 → 共享."""
import enum
from datetime import date, datetime

from sqlalchemy import (JSON, BigInteger, CheckConstraint, Date, Enum, ForeignKey, Index, String,
                        Text, UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import UTCDateTime, utcnow
from app.extensions import db


class Phase(str, enum.Enum):
    co_plan = "co_plan"  # 共谋
    co_build = "co_build"  # 共建
    co_manage = "co_manage"  # 共管
    co_evaluate = "co_evaluate"  # 共评
    co_share = "co_share"  # 共享


PHASE_ORDER = list(Phase)


class FundingSource(str, enum.Enum):
    central = "central"  # 中央补助
    local = "local"  # 地方政府
    residents = "residents"  # 居民出资
    utilities = "utilities"  # 专业经营单位
    former_owner_units = "former_owner_units"  # 原产权单位
    social_capital = "social_capital"  # 社会资本


class ItemStatus(str, enum.Enum):
    planned = "planned"  # 未开工
    in_progress = "in_progress"  # 施工中
    completed = "completed"  # 已完工
    cancelled = "cancelled"  # 已取消


class RenovationProject(db.Model):
    """An estate's renovation (改造项目)."""

    __tablename__ = "renovation_projects"
    #: one project per content vote
    __table_args__ = (Index("uq_renovation_projects_content_vote", "content_vote_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    title: Mapped[str] = mapped_column(String(100))
    phase: Mapped[Phase] = mapped_column(Enum(Phase, native_enum=False, length=20), default=Phase.co_plan)
    budget_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    #: the content vote (内容表决) whose approved items the project carries out
    content_vote_id: Mapped[int | None] = mapped_column()
    #: the 共评 evaluation opened on entering co_evaluate
    evaluation_id: Mapped[int | None] = mapped_column()
    #: when the outcomes were published (entering 共享)
    shared_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    phases: Mapped[list["PhaseChange"]] = relationship(order_by="PhaseChange.id", lazy="selectin")
    items: Mapped[list["ProjectItem"]] = relationship(order_by="ProjectItem.id", lazy="selectin")
    funding: Mapped[list["FundingShare"]] = relationship(order_by="FundingShare.id", lazy="selectin")

    def __repr__(self):
        return f"<RenovationProject {self.id} estate={self.estate_id} {self.title!r}>"


class PhaseChange(db.Model):
    """When a project entered a phase, and who moved it: the timeline."""

    __tablename__ = "project_phase_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    phase: Mapped[Phase] = mapped_column(Enum(Phase, native_enum=False, length=20))
    began_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class ProjectItem(db.Model):
    """A content item from the catalogue that the project carries out."""

    __tablename__ = "project_items"
    __table_args__ = (UniqueConstraint("project_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: stable catalogue code, e.g. basic.water_supply
    code: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(100))
    #: basic / improvement / enhancement
    category: Mapped[str] = mapped_column(String(20))
    #: the estimate from the content vote's snapshot; the weight of the item's progress
    estimated_cost_cents: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    #: what each flat contributes to it
    flat_contribution_cents: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    status: Mapped[ItemStatus] = mapped_column(Enum(ItemStatus, native_enum=False, length=20),
                                               default=ItemStatus.planned, server_default="planned")
    #: 0–100, whole percent
    progress_percent: Mapped[int] = mapped_column(default=0, server_default="0")

    updates: Mapped[list["ItemUpdate"]] = relationship(order_by="ItemUpdate.id", lazy="selectin")


class ItemUpdate(db.Model):
    """One entry of an item's timeline (Decidim's accountability): status and progress then."""

    __tablename__ = "project_item_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("project_items.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    status: Mapped[ItemStatus] = mapped_column(Enum(ItemStatus, native_enum=False, length=20))
    progress_percent: Mapped[int]
    #: what happened, as the committee wrote it
    note: Mapped[str] = mapped_column(Text, default="")
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class JointAcceptance(db.Model):
    """联合验收: the works accepted jointly, with resident representatives signing off."""

    __tablename__ = "joint_acceptances"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: one acceptance per project
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), unique=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    #: the units that took part, e.g. 街道、设计单位、施工单位、监理单位
    units: Mapped[str] = mapped_column(String(300))
    #: the conclusion as written in the record
    conclusion: Mapped[str] = mapped_column(Text)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    signatures: Mapped[list["AcceptanceSignature"]] = relationship(
        order_by="AcceptanceSignature.id", lazy="selectin")


class AcceptanceSignature(db.Model):
    """A resident representative's sign-off on the joint acceptance (one per flat)."""

    __tablename__ = "acceptance_signatures"
    __table_args__ = (UniqueConstraint("acceptance_id", "flat_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    acceptance_id: Mapped[int] = mapped_column(ForeignKey("joint_acceptances.id"), index=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"))
    #: the representative's name as signed
    name: Mapped[str] = mapped_column(String(50))
    signed_on: Mapped[date] = mapped_column(Date)


class FundingShare(db.Model):
    """How much of the budget one source pays."""

    __tablename__ = "project_funding_shares"
    __table_args__ = (UniqueConstraint("project_id", "source"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    source: Mapped[FundingSource] = mapped_column(Enum(FundingSource, native_enum=False, length=30))
    amount_cents: Mapped[int] = mapped_column(BigInteger)


class ProgressPost(db.Model):
    """共建: a progress update by the committee, a designer or a contractor."""

    __tablename__ = "progress_posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: committee / designer / contractor, as the author presents themself
    author_role: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    photos: Mapped[list["ProgressPhoto"]] = relationship(order_by="ProgressPhoto.id", lazy="selectin")


class ProgressPhoto(db.Model):
    """A re-encoded photo of a progress post, kept in the media store."""

    __tablename__ = "progress_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("progress_posts.id"), index=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: key in the media store
    storage_key: Mapped[str] = mapped_column(String(200))
    width: Mapped[int]
    height: Mapped[int]
    size_bytes: Mapped[int]


class SupervisionReport(db.Model):
    """A resident supervisor's report (居民监督) on the works."""

    __tablename__ = "supervision_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: the committee's answer, public with the report; a later answer replaces it (audited)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ComplaintStatus(str, enum.Enum):
    received = "received"  # 已受理
    handling = "handling"  # 处理中
    answered = "answered"  # 已答复
    closed = "closed"  # 已办结


class Complaint(db.Model):
    """投诉举报: the complainant sees its status; anonymous ones hide the name from the public only."""

    __tablename__ = "complaints"
    __table_args__ = (Index("ix_complaints_estate_status", "estate_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    complainant_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    #: hidden from the public; the committee still knows who
    anonymous: Mapped[bool] = mapped_column(default=False)
    title: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[ComplaintStatus] = mapped_column(
        Enum(ComplaintStatus, native_enum=False, length=20), default=ComplaintStatus.received)
    handler_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    answer: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: the time limit; past it an unanswered complaint is overdue
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def is_overdue(self, now: datetime) -> bool:
        return self.status in (ComplaintStatus.received, ComplaintStatus.handling) and now > self.due_at


class FundEntryKind(str, enum.Enum):
    collected = "collected"  # 归集
    used = "used"  # 使用
    topped_up = "topped_up"  # 续筹


class FundEntry(db.Model):
    """住宅专项维修资金 ledger entry; the balance is always the sum of the entries."""

    __tablename__ = "fund_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    kind: Mapped[FundEntryKind] = mapped_column(Enum(FundEntryKind, native_enum=False, length=20))
    #: always positive; the kind says which way it goes
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    occurred_on: Mapped[date] = mapped_column(Date)
    memo: Mapped[str] = mapped_column(String(200))
    #: the owners' decision that allowed it: a use (item 五) or a raise (item 六) of Art. 278
    consultation_id: Mapped[int | None] = mapped_column()
    #: estate | buildings | stairwells | flats: whose sub-accounts it goes to (列支范围)
    scope_type: Mapped[str] = mapped_column(String(12), default="estate")
    #: the buildings, stairwells or flats named (empty for the whole estate)
    scope_ids: Mapped[list] = mapped_column(JSON, default=list)
    entered_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FundAccount(db.Model):
    """A flat's sub-account (分户账) of the fund: its balance is the sum of its postings, and
    the database refuses it below zero. Locked (in flat order) while an entry is decided."""

    __tablename__ = "fund_accounts"
    __table_args__ = (CheckConstraint("balance_cents >= 0", name="balance_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"), unique=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    balance_cents: Mapped[int] = mapped_column(BigInteger, default=0)


class FundPosting(db.Model):
    """One flat's part of a ledger entry, apportioned by area; a use's part is negative."""

    __tablename__ = "fund_postings"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: None only for the balance carried over when the sub-accounts began (migration 0005)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("fund_entries.id"), index=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"), index=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    amount_cents: Mapped[int] = mapped_column(BigInteger)


class FollowUpItem(db.Model):
    """共评: an item residents rated low, to be followed up."""

    __tablename__ = "follow_up_items"
    __table_args__ = (UniqueConstraint("evaluation_id", "question_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    evaluation_id: Mapped[int] = mapped_column()
    question_key: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(200))
    #: average score 1–5, as a decimal string
    average_score: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
