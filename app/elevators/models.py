"""An added elevator per stairwell: its costs, stage, objections, signatures and transitions."""
import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, BigInteger, Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import UTCDateTime, utcnow
from app.elevators.shares import CostPlan, parse_cap
from app.elevators.stages import Stage
from app.extensions import db


class ElevatorProject(db.Model):
    """An elevator to be added to one stairwell (加装电梯)."""

    __tablename__ = "elevator_projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    stairwell_id: Mapped[int] = mapped_column(ForeignKey("stairwells.id"), index=True)
    #: where the project stands in the pipeline
    stage: Mapped[Stage] = mapped_column(Enum(Stage, native_enum=False, length=20),
                                         default=Stage.proposed)
    #: the whole cost of the elevator, in cents
    total_cost_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    #: government and other subsidies, in cents; the owners share the rest
    subsidy_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    #: floor -> coefficient as exact decimal strings, e.g. {"1": "0", "2": "0.4"}
    floor_coefficients: Mapped[dict] = mapped_column(JSON, default=dict)
    #: floor -> cents each flat on that floor receives from the payers, e.g. {"1": 300000}
    low_floor_compensation_cents: Mapped[dict] = mapped_column(JSON, default=dict)
    #: compensation cap as an exact fraction of the owners' cost, e.g. "3/10"
    compensation_cap: Mapped[str] = mapped_column(String(20), default="3/10")
    #: length of the plan publicity (方案公示) in days
    publicity_days: Mapped[int]
    #: when the publicity stage began; the guard counts publicity_days from here
    publicity_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: the consent round (意愿征询) among the stairwell's owners
    consultation_id: Mapped[int | None] = mapped_column(index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: when the stage last changed
    stage_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    stairwell = relationship("Stairwell", lazy="joined")

    def __repr__(self):
        return f"<ElevatorProject {self.id} stairwell={self.stairwell_id} {self.stage.value}>"

    def cost_plan(self) -> CostPlan:
        return CostPlan(
            total_cost_cents=self.total_cost_cents, subsidy_cents=self.subsidy_cents,
            floor_coefficients={int(k): Decimal(v) for k, v in self.floor_coefficients.items()},
            compensation_cents={int(k): int(v)
                                for k, v in self.low_floor_compensation_cents.items()},
            compensation_cap=parse_cap(self.compensation_cap))


class ObjectionStatus(str, enum.Enum):
    open = "open"  # raised, waiting for its case
    withdrawn = "withdrawn"  # taken back by the objector


class Objection(db.Model):
    """An owner's objection to the plan during publicity, handled through a 一事一议 case."""

    __tablename__ = "elevator_objections"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("elevator_projects.id"), index=True)
    #: the flat the objection speaks for
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"))
    #: the owner who raised it
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: why, in the owner's words
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[ObjectionStatus] = mapped_column(
        Enum(ObjectionStatus, native_enum=False, length=20), default=ObjectionStatus.open)
    #: the case that handles it; several objections of one project share one case
    case_id: Mapped[int | None] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    flat = relationship("Flat", lazy="joined")

    def __repr__(self):
        return f"<Objection {self.id} project={self.project_id} flat={self.flat_id}>"


class Signature(db.Model):
    """A flat's acceptance of its cost share (协议签署); one per flat and project."""

    __tablename__ = "elevator_signatures"
    __table_args__ = (UniqueConstraint("project_id", "flat_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("elevator_projects.id"), index=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"))
    #: the owner who signed
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: the net share the owner accepted, in cents (negative: the flat receives)
    share_cents: Mapped[int] = mapped_column(BigInteger)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    flat = relationship("Flat", lazy="joined")

    def __repr__(self):
        return f"<Signature {self.id} project={self.project_id} flat={self.flat_id}>"


class StageTransition(db.Model):
    """One step of a project through the pipeline: who moved it, when."""

    __tablename__ = "elevator_stage_transitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("elevator_projects.id"), index=True)
    #: None for the project's creation
    from_stage: Mapped[Stage | None] = mapped_column(Enum(Stage, native_enum=False, length=20))
    to_stage: Mapped[Stage] = mapped_column(Enum(Stage, native_enum=False, length=20))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: what the committee noted, e.g. a permit number
    note: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<StageTransition {self.id} project={self.project_id} {self.to_stage.value}>"
