"""Users, their roles, one-time SMS codes and one-time login tickets."""
import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import UTCDateTime, utcnow
from app.extensions import db


class Role(str, enum.Enum):
    committee = "committee"  # 社区党组织 / 居委会 / 业委会, per estate
    moderator = "moderator"  # moderates discussions, per estate
    designer = "designer"  # 设计师 / 工程师 posting plans and progress, per estate
    contractor = "contractor"  # 施工单位 posting progress, per estate
    staff = "staff"  # street / district staff, all estates of the deployment
    admin = "admin"  # operators


ESTATE_ROLES = {Role.committee, Role.moderator, Role.designer, Role.contractor}


class User(db.Model):
    """A person using the app (a resident until granted more)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: mainland mobile number, the login name; None for a WeChat-only account or after deletion
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)
    #: display name the person chose
    name: Mapped[str | None] = mapped_column(String(50))
    #: WeChat openid of the official account, when signed in through WeChat
    wechat_openid: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: WeChat openid of the mini-program (another app, so another openid)
    wechat_mini_openid: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: WeChat unionid: the same person across our official account and mini-program
    wechat_unionid: Mapped[str | None] = mapped_column(String(64), unique=True)
    #: bumped to revoke every token issued before
    token_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: set when the person deleted their account; identity fields are then cleared
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    roles: Mapped[list["RoleGrant"]] = relationship(back_populates="user", lazy="selectin")

    def __repr__(self):
        return f"<User {self.id}>"


class RoleGrant(db.Model):
    """A role held by a user; estate roles name the estate, staff and admin do not."""

    __tablename__ = "role_grants"
    __table_args__ = (
        UniqueConstraint("user_id", "role", "estate_id"),
        # NULLs are distinct in a unique constraint: staff and admin (no estate) need their own
        Index("uq_role_grants_global", "user_id", "role", unique=True,
              postgresql_where=text("estate_id IS NULL"), sqlite_where=text("estate_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    role: Mapped[Role] = mapped_column(Enum(Role, native_enum=False, length=20))
    #: the estate of a committee or moderator role
    estate_id: Mapped[int | None] = mapped_column(ForeignKey("estates.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="roles")

    def __repr__(self):
        return f"<RoleGrant {self.id} user={self.user_id} {self.role.value} estate={self.estate_id}>"


class AuthSession(db.Model):
    """One sign-in on one device: a web cookie session, or a family of rotating refresh tokens.

    Every token and cookie names its session; revoking the row ends them all at once.
    A refresh token is good only while its jti is the family's current one: an older
    one coming back means it was copied, and the whole family is revoked.
    """

    __tablename__ = "auth_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    #: "web" (cookie) or "api" (refresh token family)
    kind: Mapped[str] = mapped_column(String(10))
    #: jti of the one refresh token of the family that may still be exchanged (api only)
    refresh_jti: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: when a refresh token last rotated (or the cookie session began)
    rotated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: logout, logout_everywhere, reuse or account_deleted
    revoked_reason: Mapped[str | None] = mapped_column(String(20))

    def __repr__(self):
        return f"<AuthSession {self.id} user={self.user_id} {self.kind}>"


class SmsCode(db.Model):
    """A one-time login code; only its keyed hash is kept."""

    __tablename__ = "sms_codes"
    __table_args__ = (Index("ix_sms_codes_phone_created", "phone", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(20))
    #: HMAC of the code, never the code
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: wrong tries so far
    attempts: Mapped[int] = mapped_column(default=0)
    consumed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: address that asked for it, for abuse review
    requested_ip: Mapped[str | None] = mapped_column(String(64))


class SmsOutboxMessage(db.Model):
    """Messages the console SMS backend 'sent': how local runs and tests read codes."""

    __tablename__ = "sms_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    code: Mapped[str | None] = mapped_column(String(10))
    body: Mapped[str] = mapped_column(String(500))
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TicketPurpose(str, enum.Enum):
    wechat_phone = "wechat_phone"  # a first mini-program login waiting for the phone number
    web = "web"  # a one-time link that opens the web pages signed in (mini-program web-view)


class LoginTicket(db.Model):
    """A short-lived, one-use ticket; only its keyed hash is kept.

    The session_key WeChat returns with an openid is never stored here (nor anywhere).
    """

    __tablename__ = "login_tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[TicketPurpose] = mapped_column(Enum(TicketPurpose, native_enum=False, length=20))
    #: HMAC of the ticket, never the ticket
    ticket_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: who a web ticket signs in
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    #: the mini-program openid and unionid a phone ticket will bind
    wechat_mini_openid: Mapped[str | None] = mapped_column(String(64))
    wechat_unionid: Mapped[str | None] = mapped_column(String(64))
    #: the same-site path a web ticket opens
    next_path: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def __repr__(self):
        return f"<LoginTicket {self.id} {self.purpose.value} user={self.user_id}>"
