"""QR places (the version printed on a place's code) and the scans counted per place."""
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import UTCDateTime, utcnow
from app.extensions import db

#: the places that carry a code; a token names one of them by its first letter
PLACE_KINDS = ("stairwell", "building")


class QrPlace(db.Model):
    """The current code version of a stairwell or building; no row means version 1.

    Rotating bumps the version, and every code printed with an older version
    stops working.
    """

    __tablename__ = "qr_places"
    __table_args__ = (UniqueConstraint("place_type", "place_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: "stairwell" or "building"
    place_type: Mapped[str] = mapped_column(String(10))
    #: id of the stairwell or building
    place_id: Mapped[int]
    #: the version current codes carry; starts at 1
    version: Mapped[int] = mapped_column(default=1)
    #: when and by whom the code was last rotated
    rotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rotated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    def __repr__(self):
        return f"<QrPlace {self.id} estate={self.estate_id} {self.place_type}:{self.place_id} v{self.version}>"


class QrScan(db.Model):
    """One scan of a place's code (a valid or a rotated-away one); nothing about who scanned."""

    __tablename__ = "qr_scans"
    __table_args__ = (Index("ix_qr_scans_estate_place", "estate_id", "place_type", "place_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"))
    #: "stairwell" or "building"
    place_type: Mapped[str] = mapped_column(String(10))
    place_id: Mapped[int]
    #: the version the scanned code carried
    version: Mapped[int]
    #: the code had been rotated away when scanned: an old poster still hanging
    retired: Mapped[bool] = mapped_column(default=False)
    #: "page" (the resident page) or "api" (a client reading /api/v1/qr/<token>)
    via: Mapped[str] = mapped_column(String(10), default="page")
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<QrScan {self.id} estate={self.estate_id} {self.place_type}:{self.place_id} v{self.version}>"
