"""JWT access and refresh tokens (joserfc, HS256 only)."""
import functools
import hashlib
import re
import time
import uuid

from flask import current_app
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey

from app.auth import messages
from app.errors import Unauthorized
from app.schemas import INT_MAX

ALGORITHMS = ["HS256"]


def _key() -> OctKey:
    return _key_of(current_app.config["SECRET_KEY"])


@functools.lru_cache(maxsize=8)
def _key_of(secret: str) -> OctKey:
    """The signing key of a secret, imported once: every authenticated request needs it."""
    return OctKey.import_key(hashlib.sha256(f"jwt:{secret}".encode()).digest())


def new_jti() -> str:
    return uuid.uuid4().hex


def issue(user, kind: str, session_id: int | None = None, jti: str | None = None) -> str:
    """A signed token; `session_id` (claim sid) ties it to a revocable AuthSession."""
    config = current_app.config
    ttl = config["JWT_ACCESS_TTL_S"] if kind == "access" else config["JWT_REFRESH_TTL_S"]
    now = int(time.time())
    claims = {
        "iss": config["JWT_ISSUER"], "aud": config["JWT_AUDIENCE"], "sub": str(user.id),
        "iat": now, "exp": now + ttl, "typ": kind, "ver": user.token_version,
        "jti": jti or new_jti(),
    }
    if session_id is not None:
        claims["sid"] = session_id
    return jwt.encode({"alg": "HS256", "typ": "JWT"}, claims, _key(), algorithms=ALGORITHMS)


def token_pair(user, auth_session) -> dict:
    """An access token and the family's current refresh token (auth_session.refresh_jti)."""
    return {
        "access_token": issue(user, "access", auth_session.id),
        "refresh_token": issue(user, "refresh", auth_session.id, auth_session.refresh_jti),
        "expires_in": current_app.config["JWT_ACCESS_TTL_S"],
    }


def decode(token: str, kind: str) -> dict:
    """Claims of a valid token of that kind, or Unauthorized."""
    config = current_app.config
    try:
        claims = jwt.decode(token, _key(), algorithms=ALGORITHMS).claims
        jwt.JWTClaimsRegistry(
            iss={"essential": True, "value": config["JWT_ISSUER"]},
            aud={"essential": True, "value": config["JWT_AUDIENCE"]},
            exp={"essential": True}, sub={"essential": True},
        ).validate(claims)
    except (JoseError, ValueError, TypeError) as error:
        raise Unauthorized(messages.TOKEN_INVALID, code="invalid_token") from error
    if claims.get("typ") != kind or not _is_user_id(claims.get("sub")):
        raise Unauthorized(messages.TOKEN_INVALID, code="invalid_token")
    return claims


def _is_user_id(sub) -> bool:
    """`sub` as issue() writes it: a user id in decimal, within INTEGER."""
    return isinstance(sub, str) and re.fullmatch(r"[1-9][0-9]{0,9}", sub) is not None \
        and int(sub) <= INT_MAX


def session_is_live(session_id, user_id: int) -> bool:
    """Is this sign-in (a web cookie's or a token family's session row) still not revoked?"""
    from app.auth.models import AuthSession
    from app.extensions import db

    if not isinstance(session_id, int) or isinstance(session_id, bool):
        return False
    auth_session = db.session.get(AuthSession, session_id)
    return (auth_session is not None and auth_session.user_id == user_id
            and auth_session.revoked_at is None)


def user_from_token(token: str, kind: str = "access"):
    return user_and_claims(token, kind)[0]


def user_and_claims(token: str, kind: str = "access"):
    """(user, claims) of a valid token whose user, version and session (sid) are still live.

    One query on every authenticated request: the user, its role grants and whether the
    token's sign-in is still live (a statement built once, run with parameters).
    """
    claims = checked_claims(token, kind)
    return user_of_claims(claims), claims


def checked_claims(token: str, kind: str = "access") -> dict:
    """The claims of a valid token of that kind (signature, expiry, a well-formed sid):
    what can be checked without the database."""
    claims = decode(token, kind)
    if "sid" in claims and not _is_id(claims["sid"]):
        raise Unauthorized(messages.TOKEN_INVALID, code="invalid_token")
    return claims


def user_of_claims(claims: dict):
    """The user of checked claims, if it is still as the token says (not deleted, the same
    token version, its sign-in not ended), or Unauthorized."""
    from app.extensions import db

    with_sid = "sid" in claims
    params = {"user_id": int(claims["sub"]), **({"sid": claims["sid"]} if with_sid else {})}
    row = db.session.execute(_user_statement(with_sid), params).unique().first()
    user = row[0] if row else None
    if user is None or user.deleted_at is not None or claims.get("ver") != user.token_version:
        raise Unauthorized(messages.TOKEN_INVALID, code="invalid_token")
    if with_sid and not row[1]:
        raise Unauthorized(messages.TOKEN_INVALID, code="invalid_token")
    return user


_USER_STATEMENTS: dict = {}


def _user_statement(with_sid: bool):
    """The user with its role grants (and, for a token naming its sign-in, whether it is live)."""
    if with_sid not in _USER_STATEMENTS:
        from sqlalchemy import Integer, bindparam, exists, select
        from sqlalchemy.orm import contains_eager

        from app.auth.models import AuthSession, User

        columns = [User]
        if with_sid:
            columns.append(exists().where(
                AuthSession.id == bindparam("sid", type_=Integer), AuthSession.user_id == User.id,
                AuthSession.revoked_at.is_(None)))
        _USER_STATEMENTS[with_sid] = (
            select(*columns).outerjoin(User.roles).options(contains_eager(User.roles))
            .where(User.id == bindparam("user_id", type_=Integer))
            .execution_options(populate_existing=True))
    return _USER_STATEMENTS[with_sid]


def _is_id(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
