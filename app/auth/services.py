"""Login by phone and one-time code, and role grants."""
import re
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from app.auth import membership, messages, tokens
from app.auth.models import ESTATE_ROLES, AuthSession, Role, RoleGrant, SmsCode, User
from app.auth.sms import send_sms
from app.db import insert_or_ignore, utcnow
from app.errors import InvalidInput, NotFound, TooManyRequests, Unauthorized
from app.extensions import db
from app.security import keyed_hash, numeric_code, same_hash

PHONE_RE = re.compile(r"^1[3-9]\d{9}$")


def normalize_phone(phone: str) -> str:
    phone = re.sub(r"[\s-]", "", phone or "")
    if phone.startswith("+86"):
        phone = phone[3:]
    if not PHONE_RE.match(phone):
        raise InvalidInput(messages.PHONE_INVALID, fields={"phone": messages.PHONE_INVALID})
    return phone


def request_code(phone: str, ip: str | None = None) -> int:
    """Send a 6-digit code; returns its lifetime in seconds."""
    phone = normalize_phone(phone)
    config = current_app.config
    now = utcnow()
    last = db.session.scalar(
        select(SmsCode).where(SmsCode.phone == phone).order_by(SmsCode.created_at.desc()).limit(1))
    if last is not None:
        wait = config["SMS_RESEND_INTERVAL_S"] - (now - last.created_at).total_seconds()
        if wait > 0:
            raise TooManyRequests(messages.RESEND_TOO_SOON.format(seconds=int(wait) + 1),
                                  code="sms_too_soon")
    sent_today = db.session.scalar(select(func.count(SmsCode.id)).where(
        SmsCode.phone == phone, SmsCode.created_at > now - timedelta(days=1)))
    if sent_today >= config["SMS_MAX_PER_PHONE_PER_DAY"]:
        raise TooManyRequests(messages.DAILY_LIMIT, code="sms_daily_limit")
    code = numeric_code(6)
    ttl = config["SMS_CODE_TTL_S"]
    db.session.add(SmsCode(phone=phone, code_hash=keyed_hash("sms", f"{phone}:{code}"),
                           expires_at=now + timedelta(seconds=ttl), requested_ip=ip))
    send_sms(phone, "login_code", {"code": code})
    db.session.commit()
    return ttl


def verify_code(phone: str, code: str) -> User:
    """The user for this phone once the code checks out; creates the account on first login."""
    phone = normalize_phone(phone)
    sms = db.session.scalar(
        select(SmsCode).where(SmsCode.phone == phone, SmsCode.consumed_at.is_(None))
        .order_by(SmsCode.created_at.desc()).limit(1).with_for_update())
    if sms is None:
        raise Unauthorized(messages.NO_CODE, code="no_code")
    if utcnow() >= sms.expires_at:
        raise Unauthorized(messages.CODE_EXPIRED, code="code_expired")
    max_tries = current_app.config["SMS_CODE_MAX_TRIES"]
    if sms.attempts >= max_tries:
        raise Unauthorized(messages.TOO_MANY_TRIES, code="code_locked")
    if not same_hash("sms", f"{phone}:{(code or '').strip()}", sms.code_hash):
        sms.attempts += 1
        db.session.commit()  # a wrong try counts even though the request fails
        left = max_tries - sms.attempts
        if left <= 0:
            raise Unauthorized(messages.TOO_MANY_TRIES, code="code_locked")
        raise Unauthorized(messages.WRONG_CODE.format(left=left), code="wrong_code")
    sms.consumed_at = utcnow()
    user = get_or_create_user(phone)
    db.session.commit()
    return user


def _insert_or_ignore(model, **values) -> None:
    insert_or_ignore(db.session, model, values)


def get_or_create_user(phone: str) -> User:
    """The account of this phone, created if there is none; safe when two logins race
    (the loser of the unique index finds the winner's row)."""
    user = db.session.scalar(select(User).where(User.phone == phone))
    if user is not None:
        return user
    try:
        with db.session.begin_nested():
            user = User(phone=phone)
            db.session.add(user)
    except IntegrityError:
        user = db.session.scalar(select(User).where(User.phone == phone))
        if user is None:
            raise
    return user


def user_by_unionid(unionid: str | None) -> User | None:
    if not unionid:
        return None
    return db.session.scalar(select(User).where(User.wechat_unionid == unionid,
                                                User.deleted_at.is_(None)))


def person_for(*, unionid: str | None, phone: str) -> User:
    """One person however they came (SMS, WeChat web, mini-program): by unionid, else by phone."""
    return user_by_unionid(unionid) or get_or_create_user(phone)


def bind_wechat(user: User, *, unionid: str | None = None, mini_openid: str | None = None,
                web_openid: str | None = None) -> None:
    """Remember the person's WeChat ids; a unionid already set is kept."""
    if unionid and not user.wechat_unionid:
        user.wechat_unionid = unionid
    if mini_openid:
        user.wechat_mini_openid = mini_openid
    if web_openid:
        user.wechat_openid = web_openid


def official_account_user(openid: str, unionid: str | None) -> User:
    """The person signing in by WeChat web authorization: by openid, then unionid, else new."""
    user = db.session.scalar(select(User).where(User.wechat_openid == openid)) or user_by_unionid(unionid)
    if user is None:
        user = User()
        db.session.add(user)
    bind_wechat(user, unionid=unionid, web_openid=openid)
    db.session.commit()
    return user


def grant_role(user: User, role: Role, estate_id: int | None = None) -> RoleGrant:
    """Give a role; estate roles need an estate. Granting twice is harmless."""
    if role in ESTATE_ROLES and estate_id is None:
        raise InvalidInput(messages.ROLE_NEEDS_ESTATE, fields={"estate_id": messages.ROLE_NEEDS_ESTATE})
    if role not in ESTATE_ROLES:
        estate_id = None
    if estate_id is not None and not membership.estates().exists(estate_id):
        raise NotFound(messages.ESTATE_NOT_FOUND, fields={"estate_id": messages.ESTATE_NOT_FOUND})
    same = (RoleGrant.user_id == user.id, RoleGrant.role == role,
            RoleGrant.estate_id.is_(None) if estate_id is None else RoleGrant.estate_id == estate_id)
    existing = db.session.scalar(select(RoleGrant).where(*same))
    if existing:
        return existing
    _insert_or_ignore(RoleGrant, user_id=user.id, role=role, estate_id=estate_id,
                      created_at=utcnow())
    db.session.expire(user, ["roles"])
    return db.session.scalar(select(RoleGrant).where(*same))


# -- sessions: every sign-in is a row that can be revoked ---------------------------------------

def start_session(user: User, kind: str, channel: str | None = None) -> AuthSession:
    """A new sign-in ("web" cookie or "api" token family) by `channel` (sms, wechat,
    mini_program, ticket); the caller commits."""
    auth_session = AuthSession(user_id=user.id, kind=kind, channel=channel,
                               refresh_jti=tokens.new_jti() if kind == "api" else None)
    db.session.add(auth_session)
    db.session.flush()
    return auth_session


def issue_tokens(user: User, channel: str | None = None) -> dict:
    """Log in an API client: a new token family and its first pair."""
    auth_session = start_session(user, "api", channel)
    db.session.commit()
    return tokens.token_pair(user, auth_session)


def _revoke(auth_session: AuthSession, reason: str) -> None:
    if auth_session.revoked_at is None:
        auth_session.revoked_at, auth_session.revoked_reason = utcnow(), reason


def _family_of(refresh_token: str) -> tuple[User, dict, AuthSession]:
    """The user, claims and (locked) family of a refresh token, or Unauthorized."""
    user, claims = tokens.user_and_claims(refresh_token, "refresh")
    auth_session = None
    if isinstance(claims.get("sid"), int):
        auth_session = db.session.scalar(select(AuthSession).where(
            AuthSession.id == claims["sid"], AuthSession.user_id == user.id,
            AuthSession.kind == "api").with_for_update())
    if auth_session is None or auth_session.revoked_at is not None:
        raise Unauthorized(messages.TOKEN_INVALID, code="invalid_token")
    return user, claims, auth_session


def refresh_tokens(refresh_token: str) -> tuple[User, dict]:
    """Rotate: the family's current refresh token buys a new pair and stops working itself.

    A refresh token that was already rotated coming back means a copy exists: the whole
    family is revoked (its newest tokens too) and the caller is told to log in again.
    """
    user, claims, auth_session = _family_of(refresh_token)
    if claims.get("jti") != auth_session.refresh_jti:
        _revoke(auth_session, "reuse")
        db.session.commit()
        current_app.logger.warning("refresh token reused: session %s of user %s revoked",
                                   auth_session.id, user.id)
        raise Unauthorized(messages.TOKEN_REUSED, code="token_reused")
    auth_session.refresh_jti, auth_session.rotated_at = tokens.new_jti(), utcnow()
    db.session.commit()
    return user, tokens.token_pair(user, auth_session)


def revoke_refresh_family(refresh_token: str) -> None:
    """Log out one API client: its family ends. A token that is not (or no longer) valid
    is ignored, so the answer tells nothing."""
    try:
        _, _, auth_session = _family_of(refresh_token)
    except Unauthorized:
        db.session.rollback()
        return
    _revoke(auth_session, "logout")
    db.session.commit()


def end_session(session_id) -> None:
    """Log out one web session (the cookie's sid)."""
    if isinstance(session_id, int):
        auth_session = db.session.get(AuthSession, session_id)
        if auth_session is not None:
            _revoke(auth_session, "logout")
            db.session.commit()


def log_out_everywhere(user: User) -> None:
    """Every token and cookie of the person stops working: the version moves on and every
    session is revoked."""
    db.session.execute(update(AuthSession).where(
        AuthSession.user_id == user.id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=utcnow(), revoked_reason="logout_everywhere"))
    user.token_version += 1
    db.session.commit()
