"""Who the request is, and what they may see and do.

API clients send a Bearer token; the web pages use the cookie session with a
CSRF header. Both end in the same `current_user()` and the same checks.
Objects of an estate the user does not belong to answer 404, never 403.
"""
import hmac
import secrets

from flask import g, request, session
from app.auth import membership, messages, signed
from app.auth.models import Role, User
from app.errors import Forbidden, NotFound, Unauthorized
from app.extensions import db

UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
CSRF_HEADER = "X-CSRF-Token"


def load_request_user():
    """before_request: resolve the bearer token or the session into g.user (or, for a view
    that checks its user itself, the token's claims into g.signed: app.auth.signed)."""
    g.user = g.auth_error = g.auth_session_id = g.auth_via = g.signed = None
    header = request.headers.get("Authorization", "")
    if header:
        # A bad or expired token makes the request anonymous, and require_user() then
        # refuses it as invalid_token. Routes open to anyone (asking for a code, logging
        # in, refreshing) still work for a client that keeps sending its stale token.
        from app.auth.tokens import checked_claims, user_of_claims

        scheme, _, token = header.partition(" ")
        try:
            if scheme.lower() != "bearer" or not token.strip():
                raise Unauthorized(messages.TOKEN_INVALID, code="invalid_token")
            claims = checked_claims(token.strip())
            g.auth_session_id, g.auth_via = claims.get("sid"), "bearer"
            g.signed = signed.deferred(request.endpoint, request.method, claims)
            if g.signed is None:
                g.user = user_of_claims(claims)
            else:
                g.signed_claims = claims
        except Unauthorized as error:
            g.auth_error = error
        return
    user_id = session.get("uid")
    if user_id is None:
        return
    from app.auth.tokens import session_is_live

    user = db.session.get(User, user_id)
    # the cookie is only signed, not stored: its session row must still be live, so a
    # cookie copied before logout (or "log out everywhere") signs nobody in
    if (user is None or user.deleted_at is not None or session.get("ver") != user.token_version
            or not session_is_live(session.get("sid"), user.id)):
        session.clear()
        return
    g.auth_session_id, g.auth_via = session["sid"], "cookie"
    if request.method in UNSAFE_METHODS and request.path.startswith("/api/"):
        sent = request.headers.get(CSRF_HEADER, "")
        if not sent or not hmac.compare_digest(sent, session.get("csrf", "")):
            raise Forbidden("页面已过期，请刷新后再试", code="csrf_failed")
    g.user = user


def login_session(user: User, channel: str | None = None) -> None:
    """Sign the web pages in: a new server-side session row, named in the signed cookie."""
    from app.auth.services import end_session, start_session

    end_session(session.get("sid"))  # a sign-in replaces the browser's previous one
    auth_session = start_session(user, "web", channel)
    db.session.commit()
    session.clear()
    session["uid"] = user.id
    session["ver"] = user.token_version
    session["sid"] = auth_session.id
    session["csrf"] = secrets.token_urlsafe(24)
    session.permanent = True


def current_user() -> User | None:
    if g.get("signed") is not None:
        _load_signed()
    return g.get("user")


def signed_user() -> signed.Signed | None:
    """The request's signed user, for a view that checks it in its own query (else None:
    the user is loaded, or nobody signed in)."""
    return g.get("signed")


def _load_signed() -> None:
    """Load the signed user as any route would: its refusals (invalid_token, then the gates
    such as consent) are those of every other route."""
    from app.auth.tokens import user_of_claims

    g.signed = None
    try:
        g.user = user_of_claims(g.signed_claims)
    except Unauthorized as error:
        g.auth_error = error
        return
    signed.pass_gates(g.user)


def require_user() -> User:
    user = current_user()
    if user is None:
        raise g.get("auth_error") or Unauthorized()
    return user


def _has_role(user: User, roles: set[Role], estate_id: int | None) -> bool:
    return any(grant.role in roles and (grant.estate_id is None or grant.estate_id == estate_id)
               for grant in user.roles)


def is_staff(user: User | None) -> bool:
    return user is not None and _has_role(user, {Role.staff, Role.admin}, None)


def is_committee(user: User | None, estate_id: int) -> bool:
    return user is not None and (
        is_staff(user) or _has_role(user, {Role.committee}, estate_id))


def is_moderator(user: User | None, estate_id: int) -> bool:
    return user is not None and (
        is_committee(user, estate_id) or _has_role(user, {Role.moderator}, estate_id))


def is_member(user: User | None, estate_id: int) -> bool:
    """Staff, anyone holding a role in the estate, and residents with a verified flat there."""
    if user is None:
        return False
    if is_staff(user) or any(grant.estate_id == estate_id for grant in user.roles):
        return True
    return membership.estates().lives_in(user.id, estate_id)


def require_member(estate_id: int) -> User:
    user = require_user()
    if not is_member(user, estate_id) or not membership.estates().exists(estate_id):
        raise NotFound()
    return user


def load_checked(model, object_id: int, require=require_member):
    """An object of an estate and the user, if `require` (a member by default) lets them
    at its estate: the one load-and-check of the API and the pages (404 for outsiders)."""
    obj = db.session.get(model, object_id)
    if obj is None:
        raise NotFound()
    return obj, require(obj.estate_id)


def require_moderator(estate_id: int) -> User:
    user = require_member(estate_id)
    if not is_moderator(user, estate_id):
        raise Forbidden()
    return user


def require_committee(estate_id: int) -> User:
    user = require_member(estate_id)
    if not is_committee(user, estate_id):
        raise Forbidden()
    return user


def require_estate_role(estate_id: int, roles: set[Role]) -> User:
    """A member holding one of `roles` here (the committee and staff always qualify)."""
    user = require_member(estate_id)
    if not (is_committee(user, estate_id) or _has_role(user, roles, estate_id)):
        raise Forbidden()
    return user


def require_staff() -> User:
    user = require_user()
    if not is_staff(user):
        raise Forbidden()
    return user
