"""A request's signed user: a bearer token's checked claims, not yet checked against the
user's row.

The busiest write of all (an owner's ballot) checks them inside its own first query instead
of in a query of their own before the view: one round trip and one ORM load of the user and
its grants less per ballot. Whatever that query doubts (the user deleted, a newer
token version, the sign-in ended, a gate such as consent not passed), the view loads the
user as every route does (`permissions.require_user`), so every refusal reads the same.
"""
from dataclasses import dataclass

from sqlalchemy import Integer, and_, bindparam, exists

#: (endpoint, method) of the views that check the signed user in their own query
_DEFERRING: set[tuple[str, str]] = set()
#: user columns every user must hold a value of before using the site (the consent gate's
#: privacy_version), and the checks that refuse a loaded user who does not
_REQUIRED: dict[str, object] = {}
_GATES: list = []
_CONDITIONS: dict = {}


@dataclass(frozen=True)
class Signed:
    """Who the token says the request is: what a view needs of its user (the id) until its
    query has checked the rest."""

    id: int
    token_version: int
    session_id: int | None


def check_in_view(endpoint: str, method: str) -> None:
    """The view of `endpoint` (for `method`) checks the signed user itself (`condition`)."""
    _DEFERRING.add((endpoint, method))


def require_user_value(column: str, value, refuse) -> None:
    """Every user must have `value` in `column`; `refuse(user)` raises the refusal of a
    loaded user who has not (the same gate a before_request hook applies to the others)."""
    _REQUIRED[column] = value
    _GATES.append(refuse)


def deferred(endpoint: str | None, method: str, claims: dict) -> Signed | None:
    """The signed user of these claims when this view checks it itself, else None."""
    version = claims.get("ver")
    if (endpoint, method) not in _DEFERRING or not isinstance(version, int) or isinstance(version, bool):
        return None
    return Signed(id=int(claims["sub"]), token_version=version, session_id=claims.get("sid"))


def pass_gates(user) -> None:
    for refuse in _GATES:
        refuse(user)


def condition(signed: Signed):
    """(SQL condition, parameters): the signed user's row is as the token says (not deleted,
    the same token version, every required value) and so is its sign-in. Built once per
    shape and run with parameters."""
    from app.auth.models import AuthSession, User

    with_sid = signed.session_id is not None
    if with_sid not in _CONDITIONS:
        user_id = bindparam("signed_user_id", type_=Integer)
        checks = [User.id == user_id, User.deleted_at.is_(None),
                  User.token_version == bindparam("signed_version", type_=Integer),
                  *(getattr(User, column) == bindparam(f"signed_{column}") for column in _REQUIRED)]
        if with_sid:
            checks.append(exists().where(
                AuthSession.id == bindparam("signed_sid", type_=Integer),
                AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None)))
        _CONDITIONS[with_sid] = exists().where(and_(*checks))
    params = {"signed_user_id": signed.id, "signed_version": signed.token_version,
              **{f"signed_{column}": value for column, value in _REQUIRED.items()}}
    if with_sid:
        params["signed_sid"] = signed.session_id
    return _CONDITIONS[with_sid], params
