"""One case, one discussion (一事一议): a dispute, its discussion, meetings and outcome.

Nothing here is ever deleted: hidden posts, replaced texts, reports and every
moderation act stay in the record.
"""
import enum
from datetime import datetime

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.cases import messages
from app.db import UTCDateTime, utcnow
from app.errors import Conflict
from app.extensions import db


class CaseStatus(str, enum.Enum):
    open = "open"  # 讨论中
    mediation = "mediation"  # 调解中
    resolution_vote = "resolution_vote"  # 表决中
    closed = "closed"  # 已结案


class Case(db.Model):
    """A dispute handled case by case (一事一议)."""

    __tablename__ = "cases"
    __table_args__ = (
        # one case at a time per origin (an elevator project's objections join it)
        Index("uq_cases_open_origin", "estate_id", "origin_type", "origin_id", unique=True,
              postgresql_where=text("status != 'closed' AND origin_type IS NOT NULL"),
              sqlite_where=text("status != 'closed' AND origin_type IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    #: short title, e.g. 3号楼加装电梯遮挡采光
    title: Mapped[str] = mapped_column(String(100))
    #: what the dispute is about, plain text
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[CaseStatus] = mapped_column(
        Enum(CaseStatus, native_enum=False, length=20), default=CaseStatus.open)
    #: a locked case takes no new posts or edits until unlocked
    locked: Mapped[bool] = mapped_column(default=False)
    #: what raised the case in another domain, e.g. "elevator_objection"; None when opened directly
    origin_type: Mapped[str | None] = mapped_column(String(40))
    #: id of the origin object (e.g. the elevator project)
    origin_id: Mapped[int | None]
    #: the resolution vote among the affected flats' owners (a consultation)
    resolution_consultation_id: Mapped[int | None] = mapped_column(index=True)
    #: the outcome as the committee wrote it
    outcome: Mapped[str | None] = mapped_column(Text)
    #: the resolution's result at closing ({"decision", "participation", ...}), None without a vote
    resolution_result: Mapped[dict | None] = mapped_column(JSON)
    #: when the outcome was published (公示), i.e. when the case closed
    outcome_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    flats: Mapped[list["CaseFlat"]] = relationship(order_by="CaseFlat.flat_id", lazy="selectin")
    parties: Mapped[list["CaseParty"]] = relationship(order_by="CaseParty.id", lazy="selectin")

    def __repr__(self):
        return f"<Case {self.id} estate={self.estate_id} {self.title!r}>"

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.closed

    @property
    def affected_flat_ids(self) -> list[int]:
        return [link.flat_id for link in self.flats]

    def refuse_if_closed(self):
        if self.is_closed:
            raise Conflict(messages.CASE_CLOSED, code="case_closed")

    def refuse_posting(self):
        """Posting and editing need an unlocked case that is not closed."""
        self.refuse_if_closed()
        if self.locked:
            raise Conflict(messages.CASE_LOCKED, code="case_locked")

    def start_mediation(self):
        """open → mediation; a later meeting in mediation or during the vote changes nothing."""
        self.refuse_if_closed()
        if self.status == CaseStatus.open:
            self.status = CaseStatus.mediation

    def start_resolution_vote(self, consultation_id: int):
        self.refuse_if_closed()
        if self.resolution_consultation_id is not None:
            raise Conflict(messages.RESOLUTION_EXISTS, code="resolution_exists")
        self.status = CaseStatus.resolution_vote
        self.resolution_consultation_id = consultation_id

    def close(self, outcome: str, resolution_result: dict | None, actor_id: int | None):
        self.refuse_if_closed()
        self.status = CaseStatus.closed
        self.outcome = outcome
        self.resolution_result = resolution_result
        self.outcome_published_at = utcnow()
        self.closed_by_id = actor_id


class CaseFlat(db.Model):
    """A flat the case touches (shaded, losing green space, objecting...)."""

    __tablename__ = "case_flats"
    __table_args__ = (UniqueConstraint("case_id", "flat_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    flat = relationship("Flat", lazy="joined")

    def __repr__(self):
        return f"<CaseFlat case={self.case_id} flat={self.flat_id}>"


class PartyRole(str, enum.Enum):
    applicant = "applicant"  # 提出方
    respondent = "respondent"  # 相对方
    other = "other"  # 其他相关方


class CaseParty(db.Model):
    """A party to the dispute: a person using the app, a flat, or both."""

    __tablename__ = "case_parties"
    __table_args__ = (UniqueConstraint("case_id", "user_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    role: Mapped[PartyRole] = mapped_column(Enum(PartyRole, native_enum=False, length=20))
    #: the person, when they use the app
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    #: the flat the party speaks for, when there is one
    flat_id: Mapped[int | None] = mapped_column(ForeignKey("flats.id"))
    #: how the party is shown, e.g. 3号楼1单元住户 or 施工单位
    label: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<CaseParty {self.id} case={self.case_id} {self.role.value}>"


class Post(db.Model):
    """A post or reply in a case's discussion; its body is raw text, escaped on output."""

    __tablename__ = "case_posts"
    __table_args__ = (
        Index("ix_case_posts_case_id_id", "case_id", "id"),
        Index("ix_case_posts_author_created", "author_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    #: the post this one answers; None for a top-level post
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("case_posts.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: the text exactly as written (never HTML); every view escapes it
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: last edit; earlier texts are in case_post_revisions
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: hidden by a moderator or by reports; the body stays in the record
    hidden: Mapped[bool] = mapped_column(default=False)
    #: why it is hidden, shown to everyone
    hidden_reason: Mapped[str | None] = mapped_column(String(200))
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: the moderator who hid it; None when hidden automatically by reports
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: last time a moderator decided on it (hide or unhide); reports before it are settled
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    author = relationship("User", foreign_keys=[author_id], lazy="joined")

    def __repr__(self):
        return f"<Post {self.id} case={self.case_id} parent={self.parent_id}>"


class PostRevision(db.Model):
    """A text a post had before an edit."""

    __tablename__ = "case_post_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("case_posts.id"), index=True)
    #: the text as it was before the edit
    body: Mapped[str] = mapped_column(Text)
    #: when that text was written (the post's creation or an earlier edit)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: when it was replaced
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<PostRevision {self.id} post={self.post_id}>"


class PostReport(db.Model):
    """A member's report of a post; one per member per post."""

    __tablename__ = "case_post_reports"
    __table_args__ = (UniqueConstraint("post_id", "reporter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("case_posts.id"), index=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: why the member reports it
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<PostReport {self.id} post={self.post_id} by={self.reporter_id}>"


class ModerationKind(str, enum.Enum):
    hide = "hide"
    unhide = "unhide"
    auto_hide = "auto_hide"  # by reports from distinct members
    lock = "lock"
    unlock = "unlock"


class ModerationAction(db.Model):
    """One moderation act: who, when, why. Also written to the audit log."""

    __tablename__ = "case_moderation_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    #: the post acted on; None for acts on the case (lock, unlock)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("case_posts.id"), index=True)
    kind: Mapped[ModerationKind] = mapped_column(Enum(ModerationKind, native_enum=False, length=20))
    #: the moderator; None for the system (auto-hide)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<ModerationAction {self.id} case={self.case_id} {self.kind.value}>"


class Meeting(db.Model):
    """A mediation meeting: scheduled ahead (agenda, time, place) or recorded after it was held
    (minutes, attendance, the agreement reached). No minutes yet means it has not been held."""

    __tablename__ = "case_meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    held_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: where, e.g. 社区活动室
    place: Mapped[str] = mapped_column(String(100))
    #: what will be discussed, when scheduled ahead
    agenda: Mapped[str | None] = mapped_column(Text)
    #: who came, as the committee wrote them (names or descriptions)
    attendees: Mapped[list] = mapped_column(JSON, default=list)
    #: None while the meeting is only scheduled
    minutes: Mapped[str | None] = mapped_column(Text)
    #: what the parties agreed, if anything
    agreement: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: who scheduled it ahead; None for a meeting recorded only afterwards
    scheduled_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def held(self) -> bool:
        return self.minutes is not None

    def __repr__(self):
        return f"<Meeting {self.id} case={self.case_id} {self.held_at:%Y-%m-%d}>"


class MeetingSignIn(db.Model):
    """A flat present at a meeting, as its people signed the printed sign-in sheet (纸质),
    entered by the committee with the sheet's photo; each flat once per meeting."""

    __tablename__ = "case_meeting_sign_ins"
    __table_args__ = (UniqueConstraint("meeting_id", "flat_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("case_meetings.id"), index=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"))
    #: paper: the printed sheet (there is no online sign-in: the sheet is the attendance record)
    channel: Mapped[str] = mapped_column(String(10), default="paper", server_default="paper")
    entered_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    #: the media key of the signed sheet's photo
    evidence: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
