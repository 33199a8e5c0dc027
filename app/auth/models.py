"""Users, their roles, one-time SMS codes and one-time login tickets."""
import enum
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, Enum, ForeignKey, Index, String, UniqueConstraint, text
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
    #: the version of 个人信息处理规则 the person last agreed to (the record is in `consents`);
    #: loaded with the user, so the consent gate costs no query
    privacy_version: Mapped[str | None] = mapped_column(String(20))

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
    #: how the person signed in: sms, wechat, mini_program or ticket (None: before this was kept)
    channel: Mapped[str | None] = mapped_column(String(20))

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


class Consent(db.Model):
    """A person's agreement to one version of a text (PIPL): the processing rules at first
    login (kind "rules"), or the separate consent to their ID number (kind "id_number") or
    to owners' ID numbers in a ledger (kind "ledger_id_numbers"). Kept, never changed."""

    __tablename__ = "consents"
    __table_args__ = (UniqueConstraint("user_id", "kind", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    #: rules, id_number or ledger_id_numbers (app.auth.consent.KINDS)
    kind: Mapped[str] = mapped_column(String(20))
    #: the version of the text agreed to
    version: Mapped[str] = mapped_column(String(20))
    #: how the person had signed in when agreeing: sms, wechat, mini_program, ticket, web or api
    channel: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<Consent {self.id} user={self.user_id} {self.kind} {self.version}>"


class SmsStatus(str, enum.Enum):
    queued = "queued"  # waiting for the quiet hours to end, or for another try
    sent = "sent"  # the provider took it
    delivered = "delivered"  # the provider's receipt says it reached the phone
    failed = "failed"  # refused every try, or the receipt says it did not arrive


class SmsOutboxMessage(db.Model):
    """Every SMS: what it says, whether it went and what the provider reported.

    Login codes are kept in clear (`code`, `body`) only by the console backend, which is how
    local runs and tests read them; a real provider's row holds the body with the code hidden.
    """

    __tablename__ = "sms_outbox"
    __table_args__ = (Index("ix_sms_outbox_status_kind", "status", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), index=True)
    #: the console backend's login code (never kept with a real provider)
    code: Mapped[str | None] = mapped_column(String(10))
    body: Mapped[str] = mapped_column(String(500))
    #: login_code, vote_opened, closing_soon, results, meeting (app.auth.sms.KINDS); text: free text
    kind: Mapped[str] = mapped_column(String(20), default="text")
    #: the template's parameters (a login code's is never kept)
    params: Mapped[dict | None] = mapped_column(JSON)
    status: Mapped[SmsStatus] = mapped_column(Enum(SmsStatus, native_enum=False, length=10),
                                              default=SmsStatus.sent)
    #: console, http, aliyun or tencent
    provider: Mapped[str | None] = mapped_column(String(10))
    #: the provider's id of the message (aliyun BizId, tencent SerialNo), for its receipt
    provider_id: Mapped[str | None] = mapped_column(String(64), index=True)
    #: tries so far, and the provider's last refusal or the receipt's failure
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: when the provider took it (None while queued)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=utcnow)
    #: when the receipt says it reached the phone (or failed to)
    receipt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def __repr__(self) -> str:
        return f"<SmsOutboxMessage {self.id} {self.kind} {self.status.value}>"


class WechatSubscription(db.Model):
    """订阅消息: how many messages of one template a mini-program user has accepted and not
    yet received (each acceptance of wx.requestSubscribeMessage allows one)."""

    __tablename__ = "wechat_subscriptions"
    __table_args__ = (UniqueConstraint("user_id", "template_id"),
                      CheckConstraint("remaining >= 0", name="remaining_not_negative"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    template_id: Mapped[str] = mapped_column(String(64))
    #: the message kind the template is configured for
    kind: Mapped[str] = mapped_column(String(20))
    #: messages still allowed (never below zero: the database checks)
    remaining: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    def __repr__(self) -> str:
        return f"<WechatSubscription user={self.user_id} {self.kind} remaining={self.remaining}>"


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


class SmsOptOut(db.Model):
    """A number that asked for no more notices by SMS (a reply word, the console, or the
    person's own setting): `send_sms` sends it no notice of any kind; login codes still go."""

    __tablename__ = "sms_opt_outs"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(20), unique=True)
    #: reply | console | self
    source: Mapped[str] = mapped_column(String(10))
    #: the estate whose committee entered it (console), else None
    estate_id: Mapped[int | None] = mapped_column(ForeignKey("estates.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self):
        return f"<SmsOptOut {self.id} {self.source}>"
