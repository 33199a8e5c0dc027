"""Plan versions and their sections, comments on a section, heritage reviews."""
import enum
from datetime import datetime

from sqlalchemy import JSON, Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import UTCDateTime, utcnow
from app.extensions import db


class PlanVersion(db.Model):
    """One version of an estate's renovation plan; a change is a new version."""

    __tablename__ = "plan_versions"
    __table_args__ = (UniqueConstraint("estate_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: 1, 2, 3 … within the estate
    number: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    #: catalogue codes of the content items the plan proposes
    item_codes: Mapped[list] = mapped_column(JSON, default=list)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: the publicity period (方案公示) of this version: its start and length
    publicity_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    publicity_days: Mapped[int | None]

    sections: Mapped[list["PlanSection"]] = relationship(order_by="PlanSection.position")

    def __repr__(self):
        return f"<PlanVersion {self.id} estate={self.estate_id} v{self.number}>"


class PlanSection(db.Model):
    """A section of a plan version; `key` follows a section from version to version."""

    __tablename__ = "plan_sections"
    __table_args__ = (UniqueConstraint("version_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("plan_versions.id"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)

    version: Mapped[PlanVersion] = relationship(back_populates="sections")


class PlanComment(db.Model):
    """A resident's comment on a quoted passage of a section, and its one answer."""

    __tablename__ = "plan_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("plan_sections.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: the passage commented on, as it stands in the section; empty: the whole section
    quote: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answer: Mapped[str | None] = mapped_column(String(2000))
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReviewDecision(str, enum.Enum):
    approved = "approved"  # 同意
    refused = "refused"  # 不同意


class HeritageReview(db.Model):
    """The review of a facade-altering item in an estate with historic buildings; one per item."""

    __tablename__ = "heritage_reviews"
    __table_args__ = (UniqueConstraint("estate_id", "item_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"))
    item_code: Mapped[str] = mapped_column(String(64))
    decision: Mapped[ReviewDecision] = mapped_column(Enum(ReviewDecision, native_enum=False, length=10))
    #: the conditions or reasons, as the reviewer wrote them
    note: Mapped[str] = mapped_column(String(1000))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
