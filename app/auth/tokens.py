"""JWT access and refresh tokens (joserfc, HS256 only)."""
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
    secret = current_app.config["SECRET_KEY"]
    return OctKey.import_key(hashlib.sha256(f"jwt:{secret}".encode()).digest())


def issue(user, kind: str) -> str:
    config = current_app.config
    ttl = config["JWT_ACCESS_TTL_S"] if kind == "access" else config["JWT_REFRESH_TTL_S"]
    now = int(time.time())
    claims = {
        "iss": config["JWT_ISSUER"], "aud": config["JWT_AUDIENCE"], "sub": str(user.id),
        "iat": now, "exp": now + ttl, "typ": kind, "ver": user.token_version,
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode({"alg": "HS256", "typ": "JWT"}, claims, _key(), algorithms=ALGORITHMS)


def token_pair(user) -> dict:
    return {
        "access_token": issue(user, "access"),
        "refresh_token": issue(user, "refresh"),
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


def user_from_token(token: str, kind: str = "access"):
    from app.auth.models import User
    from app.extensions import db

    claims = decode(token, kind)
    user = db.session.get(User, int(claims["sub"]))
    if user is None or user.deleted_at is not None or claims.get("ver") != user.token_version:
        raise Unauthorized(messages.TOKEN_INVALID, code="invalid_token")
    return user
