"""The registry: Estate → Building → Stairwell → Flat, owners, and residents' links to flats."""
import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Enum, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Hundredths, UTCDateTime, utcnow
from app.extensions import db


class Estate(db.Model):
    """A residential estate (小区)."""

    __tablename__ = "estates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    #: 区 / 县
    district: Mapped[str] = mapped_column(String(50))
    #: 街道 / 镇
    street: Mapped[str] = mapped_column(String(50))
    #: year the estate was built; before 2000 matters for central funds
    built_year: Mapped[int]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    buildings: Mapped[list["Building"]] = relationship(
        back_populates="estate", order_by="Building.id")

    def __repr__(self):
        return f"<Estate {self.id} {self.name!r}>"


class Building(db.Model):
    """A building (楼栋) of an estate."""

    __tablename__ = "buildings"
    __table_args__ = (UniqueConstraint("estate_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: as the ledger names it, e.g. 3号楼
    name: Mapped[str] = mapped_column(String(50))
    #: historic (历史建筑) or townscape-protected (风貌保护); None for an ordinary building
    heritage: Mapped[str | None] = mapped_column(String(20))

    estate: Mapped[Estate] = relationship(back_populates="buildings")
    stairwells: Mapped[list["Stairwell"]] = relationship(
        back_populates="building", order_by="Stairwell.id")

    def __repr__(self):
        return f"<Building {self.id} estate={self.estate_id} {self.name!r}>"


class Stairwell(db.Model):
    """One entrance (单元) of a building; elevators are added per stairwell."""

    __tablename__ = "stairwells"
    __table_args__ = (UniqueConstraint("building_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    building_id: Mapped[int] = mapped_column(ForeignKey("buildings.id"), index=True)
    #: e.g. 1单元
    name: Mapped[str] = mapped_column(String(50))

    building: Mapped[Building] = relationship(back_populates="stairwells")

    def __repr__(self):
        return f"<Stairwell {self.id} building={self.building_id} {self.name!r}>"


class Owner(db.Model):
    """An owner (业主) in an estate's ledger; one owner may hold several flats.

    The key is a keyed hash of the ID number (or of name and phone when the
    ledger has no ID number); the number itself is never stored.
    """

    __tablename__ = "owners"
    __table_args__ = (UniqueConstraint("estate_id", "key_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    name: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(20))
    #: "mobile" (text messages go here) or "landline" (a contact number only)
    phone_kind: Mapped[str | None] = mapped_column(String(10))
    #: "person" (one person or the co-owners of a flat) or "organisation" (a 公房's 产权单位)
    kind: Mapped[str] = mapped_column(String(12), default="person", server_default="person")

    people: Mapped[list["OwnerPerson"]] = relationship(order_by="OwnerPerson.position")

    def __repr__(self):
        return f"<Owner {self.id} estate={self.estate_id}>"


class OwnerPerson(db.Model):
    """One of the co-owners (共有人) an Owner stands for; the owner counts as one head."""

    __tablename__ = "owner_people"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id"), index=True)
    #: order as the ledger names them
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(100))
    #: keyed hash of the ID number, as Owner.key_hash for one person; never the number
    id_hash: Mapped[str | None] = mapped_column(String(64))

    def __repr__(self):
        return f"<OwnerPerson {self.id} owner={self.owner_id}>"


class Flat(db.Model):
    """An exclusive unit (户 / 专有部分) with its registered area."""

    __tablename__ = "flats"
    __table_args__ = (UniqueConstraint("stairwell_id", "room"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    building_id: Mapped[int] = mapped_column(ForeignKey("buildings.id"), index=True)
    stairwell_id: Mapped[int] = mapped_column(ForeignKey("stairwells.id"), index=True)
    #: room number as on the door, e.g. 302
    room: Mapped[str] = mapped_column(String(20))
    floor: Mapped[int]
    #: registered exclusive area in m², exact to 0.01
    area_m2: Mapped[Decimal] = mapped_column(Hundredths)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("owners.id"), index=True)
    #: 产权性质 as the ledger writes it (私产, 直管公房, …)
    property_kind: Mapped[str | None] = mapped_column(String(20))
    #: 承租人 of a 公房: the unit owns it, this person lives in it
    tenant_name: Mapped[str | None] = mapped_column(String(100))
    #: keyed hash of the 不动产权证号 / 房产证号, matched when an owner verifies by identity
    certificate_hash: Mapped[str | None] = mapped_column(String(64), index=True)

    stairwell: Mapped[Stairwell] = relationship()
    building: Mapped[Building] = relationship()
    owner: Mapped[Owner | None] = relationship()

    def __repr__(self):
        return f"<Flat {self.id} stairwell={self.stairwell_id} {self.room!r}>"


class Relation(str, enum.Enum):
    owner = "owner"  # 业主
    tenant = "tenant"  # 租户
    family = "family"  # 家属


class LinkStatus(str, enum.Enum):
    pending = "pending"
    verified = "verified"
    rejected = "rejected"
    revoked = "revoked"


class FlatLink(db.Model):
    """A resident's claim on a flat; verified by the committee or by a flat code."""

    __tablename__ = "flat_links"
    __table_args__ = (
        # one live (pending or verified) link per person and flat
        Index("uq_flat_links_live", "user_id", "flat_id", unique=True,
              postgresql_where=text("status IN ('pending', 'verified')"),
              sqlite_where=text("status IN ('pending', 'verified')")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    relation: Mapped[Relation] = mapped_column(Enum(Relation, native_enum=False, length=10))
    status: Mapped[LinkStatus] = mapped_column(Enum(LinkStatus, native_enum=False, length=10))
    #: claim = approved by the committee; code = a one-time flat code
    via: Mapped[str] = mapped_column(String(10), default="claim")
    #: why a claim was rejected or revoked, shown to the resident
    reason: Mapped[str | None] = mapped_column(String(200))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    flat: Mapped[Flat] = relationship()

    def __repr__(self):
        return f"<FlatLink {self.id} flat={self.flat_id} user={self.user_id} {self.status.value}>"


class IdentityAttempt(db.Model):
    """One try to verify as a flat's owner by name, ID number and certificate number;
    counted to limit tries per person and per flat. Nothing typed is kept."""

    __tablename__ = "identity_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: None when the certificate number named no flat of any ledger
    estate_id: Mapped[int | None] = mapped_column(ForeignKey("estates.id"), index=True)
    flat_id: Mapped[int | None] = mapped_column(ForeignKey("flats.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    matched: Mapped[bool]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FlatTransfer(db.Model):
    """A change of owner (a sale, 过户) the committee recorded, with its evidence: the old
    owner's links ended, the ledger names the new owner, who can then verify."""

    __tablename__ = "flat_transfers"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"), index=True)
    old_owner_id: Mapped[int | None] = mapped_column(ForeignKey("owners.id"))
    new_owner_id: Mapped[int] = mapped_column(ForeignKey("owners.id"))
    #: media key of the photo of the new certificate or the transfer record
    evidence_key: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(String(200))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    flat: Mapped[Flat] = relationship()

    def __repr__(self):
        return f"<FlatTransfer {self.id} flat={self.flat_id}>"


class FlatCode(db.Model):
    """A one-time code the committee hands to a flat's owner, to verify without waiting."""

    __tablename__ = "flat_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"), index=True)
    #: keyed hash of the code; the code is printed once and not kept
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    used_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: a newer code for the same flat replaces this one
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
