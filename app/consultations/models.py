"""Consultations (征询 / 表决), their ballots with every version kept, and family proxies."""
import enum
from datetime import datetime
from decimal import Decimal

from sqlalchemy import (JSON, BigInteger, Boolean, Enum, ForeignKey, Index, Integer, SmallInteger,
                        String, Text, UniqueConstraint, and_, case, literal, text)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Hundredths, UTCDateTime, utcnow
from app.errors import Conflict
from app.extensions import db


class Status(str, enum.Enum):
    draft = "draft"
    open = "open"
    closed = "closed"
    published = "published"  # 公示


#: allowed transitions of the lifecycle
TRANSITIONS = {Status.draft: {Status.open}, Status.open: {Status.closed},
               Status.closed: {Status.published}, Status.published: set()}


STATUS_TYPE = Enum(Status, native_enum=False, length=10)


class Consultation(db.Model):
    """A survey, content vote, elevator consent, resolution vote or evaluation of one estate."""

    __tablename__ = "consultations"
    __table_args__ = (Index("ix_consultations_status_closes", "status", "closes_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: survey | vote | evaluation, from the template
    kind: Mapped[str] = mapped_column(String(20))
    #: the template it was made from, and that template's version
    template_key: Mapped[str] = mapped_column(String(48))
    template_version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    #: the last lifecycle step recorded (and audited); everyone reads `status`, derived from it
    stored_status: Mapped[Status] = mapped_column("status", STATUS_TYPE, default=Status.draft)
    #: the decision rule applied (app.rules preset key)
    rule_key: Mapped[str] = mapped_column(String(64))
    #: the item of 民法典第二百七十八条 decided (from the template); None: no Art. 278 matter
    civil_code_item: Mapped[int | None] = mapped_column(SmallInteger)
    #: estate | building | stairwell | flats (an explicit set, see ConsultationFlat)
    scope_type: Mapped[str] = mapped_column(String(10))
    #: the building or stairwell id (the estate id for estate scope; None for flats)
    scope_id: Mapped[int | None]
    #: owners: one ballot per flat, by its verified owner or proxy; residents: one per resident
    voters: Mapped[str] = mapped_column(String(10))
    #: snapshot of the template's questions when created (catalogue items resolved)
    questions: Mapped[list] = mapped_column(JSON)
    #: ballots are refused before this time (None: as soon as it is open)
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: closed automatically at this time
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: option tallies stay hidden until the consultation is closed
    hide_results_until_closed: Mapped[bool] = mapped_column(Boolean, default=False)
    #: content votes within means (量力而行): the approved items must fit this sum; None: no cap
    budget_cap_cents: Mapped[int | None] = mapped_column(BigInteger)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: when the electorate was taken from the ledger (at opening, or re-based before the first
    #: ballot): the ledger the vote counts on; None while a draft
    electorate_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: residents' surveys: the verified residents of the electorate's flats, kept at 公示
    electorate_residents: Mapped[int | None] = mapped_column(Integer)

    @hybrid_property
    def status(self) -> Status:
        """The status as everyone reads it: time decides, so an open consultation past
        `closes_at` is closed even before the close job records it (reads never write)."""
        if self.stored_status == Status.open and self.closes_at <= utcnow():
            return Status.closed
        return self.stored_status

    @status.inplace.expression
    @classmethod
    def _status_expression(cls):
        due = and_(cls.stored_status == Status.open, cls.closes_at <= utcnow())
        return case((due, literal(Status.closed, STATUS_TYPE)), else_=cls.stored_status)

    def move_to(self, status: Status, message: str) -> None:
        """Refuse a transition the lifecycle does not allow (409)."""
        if status not in TRANSITIONS[self.stored_status]:
            raise Conflict(message, code="wrong_status")
        self.stored_status = status

    @property
    def per_resident(self) -> bool:
        return self.voters == "residents"

    def question(self, key: str) -> dict | None:
        return next((q for q in self.questions if q["key"] == key), None)

    def __repr__(self):
        return f"<Consultation {self.id} estate={self.estate_id} {self.template_key} {self.status.value}>"


class ConsultationFlat(db.Model):
    """A flat of an explicit "flats" scope (e.g. the flats a 一事一议 case affects)."""

    __tablename__ = "consultation_flats"

    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), primary_key=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"), primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)


class ConsultationElectorate(db.Model):
    """One flat of a consultation's electorate, as the ledger had it when the vote opened:
    results, receipts and the 公示 count these rows, whatever the ledger says later."""

    __tablename__ = "consultation_electorate"

    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), primary_key=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"), primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: the flat's registered area then
    area_m2: Mapped[Decimal] = mapped_column(Hundredths)
    #: its owner in the ledger then (None: no owner registered)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("owners.id"))
    #: headcount key then: the owner's id, or minus the flat's id without an owner
    head: Mapped[int] = mapped_column(BigInteger)

    def __repr__(self):
        return f"<ConsultationElectorate {self.consultation_id} flat={self.flat_id}>"


class Channel(str, enum.Enum):
    online = "online"  # the owner or resident on their phone
    paper = "paper"  # a signed paper ballot entered by the committee
    proxy = "proxy"  # a written proxy (委托书) entered by the committee
    assisted = "assisted"  # the committee entered it with the owner present (e.g. elderly)


class CastFields:
    """What a ballot says and how it was cast: shared by the current ballot and its versions."""

    #: the flat it counts for (per-resident surveys: the resident's flat, for the room only)
    flat_id: Mapped[int | None] = mapped_column(ForeignKey("flats.id"), index=True)
    #: the person whose answer it is (the owner, proxy or resident; None when entered on paper)
    voter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    #: owner | proxy | resident: in whose right it was cast; an owner's ballot outranks a proxy's
    cast_as: Mapped[str] = mapped_column(String(10))
    channel: Mapped[Channel] = mapped_column(Enum(Channel, native_enum=False, length=10))
    #: committee member who entered a paper, proxy or assisted ballot
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: what backs an entered ballot (paper ballot number, proxy letter kept at the office …)
    evidence: Mapped[str | None] = mapped_column(String(500))
    #: phone of a witness to an entered ballot
    witness_phone: Mapped[str | None] = mapped_column(String(20))
    #: the answers, {question_key: value}
    answers: Mapped[dict] = mapped_column(JSON)


#: the slot of a ballot voided after an upheld objection ("void:<ballot id>"): no flat's, not counted
VOID = "void:"


class Ballot(CastFields, db.Model):
    """The current ballot of one flat (or one resident) in a consultation.

    `slot` is "flat:<id>" or "user:<id>"; the unique constraint on
    (consultation_id, slot) makes a second ballot for the same flat impossible,
    whatever the concurrency. Every version is kept in BallotVersion.
    """

    __tablename__ = "ballots"
    __table_args__ = (UniqueConstraint("consultation_id", "slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    #: "flat:<id>" for per-flat ballots, "user:<id>" for per-resident surveys
    slot: Mapped[str] = mapped_column(String(32))
    #: the voter's receipt for the current version, checkable against the published list
    receipt: Mapped[str] = mapped_column(String(16), unique=True)
    #: 1 for the first ballot, +1 for each change
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    versions: Mapped[list["BallotVersion"]] = relationship(
        order_by="BallotVersion.version", back_populates="ballot")

    def __repr__(self):
        return f"<Ballot {self.id} consultation={self.consultation_id} {self.slot} v{self.version}>"


class BallotVersion(CastFields, db.Model):
    """Every version of every ballot, append-only: the history of changes until close."""

    __tablename__ = "ballot_versions"
    __table_args__ = (UniqueConstraint("ballot_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    ballot_id: Mapped[int] = mapped_column(ForeignKey("ballots.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    #: the receipt this version was given
    receipt: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    ballot: Mapped[Ballot] = relationship(back_populates="versions")

    def __repr__(self):
        return f"<BallotVersion {self.id} ballot={self.ballot_id} v{self.version}>"


class BallotAnswer(db.Model):
    """One chosen option (or text) of a current ballot: what the results aggregate in SQL.

    Rewritten whenever the ballot changes; `item_key` is "" except for per-item votes.
    """

    __tablename__ = "ballot_answers"
    __table_args__ = (Index("ix_ballot_answers_consultation_question",
                            "consultation_id", "question_key", "item_key", "option_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"))
    ballot_id: Mapped[int] = mapped_column(ForeignKey("ballots.id"), index=True)
    question_key: Mapped[str] = mapped_column(String(48))
    #: the catalogue item code for per-item votes, else ""
    item_key: Mapped[str] = mapped_column(String(64), default="")
    #: the chosen option (scale: "1".."5"); None for free text
    option_key: Mapped[str | None] = mapped_column(String(64))
    #: free text answers
    value_text: Mapped[str | None] = mapped_column(Text)


class FlatProxy(db.Model):
    """An owner's authorisation for a relative to vote for one flat, until revoked."""

    __tablename__ = "flat_proxies"
    __table_args__ = (
        # one active proxy per flat and relative: a double submit cannot make two
        Index("uq_flat_proxies_active", "flat_id", "proxy_user_id", unique=True,
              postgresql_where=text("revoked_at IS NULL"), sqlite_where=text("revoked_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"), index=True)
    #: the verified owner who gave the authorisation
    owner_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: the relative who may vote
    proxy_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    #: the family link to the flat made for the relative, revoked with the proxy
    link_id: Mapped[int | None] = mapped_column(ForeignKey("flat_links.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def __repr__(self):
        return f"<FlatProxy {self.id} flat={self.flat_id} proxy={self.proxy_user_id}>"


class ObjectionStatus(str, enum.Enum):
    open = "open"  # 调解中
    resolved = "resolved"  # 已处理


class ResultObjection(db.Model):
    """询异: an owner disputes how their own flat is recorded in a closed vote's preliminary
    result; the street mediates it as a case, and the final 公示 waits until it is resolved."""

    __tablename__ = "result_objections"
    __table_args__ = (UniqueConstraint("consultation_id", "flat_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: the owner's own flat whose record is disputed (one objection per flat and vote)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"))
    filed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: what the owner says is wrong, in their words
    reason: Mapped[str] = mapped_column(Text)
    #: the mediation case (一事一议) that handles it
    case_id: Mapped[int | None] = mapped_column()
    status: Mapped[ObjectionStatus] = mapped_column(
        Enum(ObjectionStatus, native_enum=False, length=10), default=ObjectionStatus.open)
    #: how it was resolved, as the mediator wrote it
    resolution: Mapped[str | None] = mapped_column(Text)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<ResultObjection {self.id} consultation={self.consultation_id} flat={self.flat_id}>"


class BallotCorrection(db.Model):
    """A ballot voided or corrected because an objection (询异) about it was upheld: one per
    objection, with the reason; the 公示 counts and quotes them."""

    __tablename__ = "ballot_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    #: the upheld objection (one correction at most)
    objection_id: Mapped[int] = mapped_column(ForeignKey("result_objections.id"), unique=True)
    #: the flat whose ballot it was
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"))
    ballot_id: Mapped[int] = mapped_column(ForeignKey("ballots.id"))
    #: void (the flat did not vote) or correct (the answers as the owner gave them)
    action: Mapped[str] = mapped_column(String(10))
    #: why, as the committee wrote it when resolving the objection
    reason: Mapped[str] = mapped_column(Text)
    #: the version and receipt the correction replaced
    version_before: Mapped[int] = mapped_column(Integer)
    receipt_before: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<BallotCorrection {self.id} consultation={self.consultation_id} flat={self.flat_id} {self.action}>"
