"""A photographed or scanned paper ballot sheet, its draft reading and what the committee did."""
import enum
from datetime import datetime

from sqlalchemy import JSON, Enum, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import UTCDateTime, utcnow
from app.errors import Conflict
from app.extensions import db
from app.paperballots import messages


class ScanStatus(str, enum.Enum):
    draft = "draft"  # read, waiting for a committee member to check it
    confirmed = "confirmed"  # cast as the flat's paper ballot
    rejected = "rejected"  # not used (e.g. the other sheet of a duplicate pair was kept)


class PaperBallotScan(db.Model):
    """One page of a flat's sheet as read from a photo or a scanned PDF.

    Nothing counts until it is confirmed: the confirmed answers become the flat's
    paper ballot, with this scan as its evidence.
    """

    __tablename__ = "paper_ballot_scans"
    __table_args__ = (Index("ix_paper_ballot_scans_consultation_flat", "consultation_id", "flat_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"))
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"))
    #: the flat's stairwell, for the per-stairwell counts
    stairwell_id: Mapped[int] = mapped_column(ForeignKey("stairwells.id"), index=True)
    #: the sheet version printed in the QR code (app.paperballots.layout.sheet_version)
    sheet_version: Mapped[str] = mapped_column(String(16))
    #: which page of the flat's sheet (1..pages)
    page: Mapped[int] = mapped_column(Integer, default=1)
    pages: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[ScanStatus] = mapped_column(Enum(ScanStatus, native_enum=False, length=10),
                                               default=ScanStatus.draft)
    #: answers as read, {question_key: value} (only the questions on this page)
    answers: Mapped[dict] = mapped_column(JSON)
    #: rows the reader is unsure of, [{question, item}]
    uncertain: Mapped[list] = mapped_column(JSON)
    #: every box as measured, [{question, item, option, state, strong, weak}]
    marks: Mapped[list] = mapped_column(JSON)
    #: the photo as uploaded (re-encoded JPEG) and the page aligned to the layout, media store keys
    image_key: Mapped[str] = mapped_column(String(200))
    aligned_key: Mapped[str] = mapped_column(String(200))
    #: an earlier scan of the same flat and page that this one repeats
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("paper_ballot_scans.id"))
    #: the flat's paper ballot that existed when this scan came in (entered by hand or from a scan)
    duplicate_ballot_id: Mapped[int | None] = mapped_column(ForeignKey("ballots.id"))
    uploaded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: the ballot it was confirmed into, with the receipt it got
    ballot_id: Mapped[int | None] = mapped_column(ForeignKey("ballots.id"))
    receipt: Mapped[str | None] = mapped_column(String(16))
    #: why a scan was not used
    reason: Mapped[str | None] = mapped_column(String(200))

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of_id is not None or self.duplicate_ballot_id is not None

    def decide(self, status: ScanStatus, actor_id: int) -> None:
        """draft -> confirmed | rejected; a scan is decided once (409 otherwise)."""
        if self.status != ScanStatus.draft:
            raise Conflict(messages.SCAN_NOT_DRAFT, code="scan_decided")
        self.status, self.decided_by_id, self.decided_at = status, actor_id, utcnow()

    def __repr__(self):
        return (f"<PaperBallotScan {self.id} consultation={self.consultation_id} flat={self.flat_id} "
                f"p{self.page} {self.status.value}>")
