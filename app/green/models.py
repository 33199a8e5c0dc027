"""Where an estate stands on each green-community criterion."""
import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import UTCDateTime, utcnow
from app.extensions import db


class GreenStatus(str, enum.Enum):
    not_started = "not_started"  # 未开展
    in_progress = "in_progress"  # 推进中
    met = "met"  # 已达标 (with its evidence)


class GreenCheck(db.Model):
    """One criterion of one estate: its status and what shows it."""

    __tablename__ = "green_checks"
    #: one row per estate and criterion: the database keeps "only one"
    __table_args__ = (UniqueConstraint("estate_id", "criterion", name="uq_green_checks_criterion"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: the criterion's key in the criteria file
    criterion: Mapped[str] = mapped_column(String(40))
    status: Mapped[GreenStatus] = mapped_column(Enum(GreenStatus, native_enum=False, length=20),
                                                default=GreenStatus.not_started)
    #: what shows it, in the committee's words (a project, a facility, a date); residents read it
    evidence: Mapped[str] = mapped_column(String(500), default="")
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<GreenCheck {self.estate_id} {self.criterion} {self.status.value}>"
