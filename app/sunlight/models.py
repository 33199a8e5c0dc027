"""A sunlight analysis (日照分析): a site, the proposed structures, and each window's minutes."""
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import UTCDateTime, utcnow
from app.extensions import db


class SunlightAnalysis(db.Model):
    """Sun before and after a proposed structure, per window, attached to a case or an elevator."""

    __tablename__ = "sunlight_analyses"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: the 一事一议 case it informs, if any
    case_id: Mapped[int | None] = mapped_column(index=True)
    #: the elevator project it informs, if any
    elevator_project_id: Mapped[int | None] = mapped_column(index=True)
    #: the validated input (latitude, day, buildings, proposed, windows, settings)
    inputs: Mapped[dict] = mapped_column(JSON)
    #: the computed result (period, exempt, per-window minutes and sunlit stretches)
    results: Mapped[dict] = mapped_column(JSON)
    #: sha256 of the inputs and settings the results were computed from: an unchanged
    #: design reuses them (services.design_hash)
    design_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<SunlightAnalysis {self.id} estate={self.estate_id}>"
