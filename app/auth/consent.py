"""Consents (PIPL): a person's agreement to one version of a text, recorded with the time
and how they had signed in. Kept forever and never changed: a new version asks again.

Three kinds: the processing rules at first login ("rules", its text and version in
app/personal), and the separate consents to ID numbers (敏感个人信息): a person's own, when
they verify as an owner ("id_number"), and a committee's statement about the owners' ID
numbers in a ledger it imports ("ledger_id_numbers")."""
from flask import g
from sqlalchemy import select

from app.auth import messages
from app.auth.models import AuthSession, Consent, User
from app.db import insert_or_ignore, utcnow
from app.errors import Conflict, InvalidInput
from app.extensions import db

RULES, ID_NUMBER, LEDGER_ID_NUMBERS = "rules", "id_number", "ledger_id_numbers"
KINDS = (RULES, ID_NUMBER, LEDGER_ID_NUMBERS)
#: the versions of the ID-number texts (the rules' version is app.personal.messages.NOTICE_VERSION)
VERSIONS = {ID_NUMBER: messages.ID_NUMBER_CONSENT_VERSION,
            LEDGER_ID_NUMBERS: messages.ID_NUMBER_CONSENT_VERSION}
#: the field an ID-number consent is asked with, and what a person reads without it
REFUSALS = {ID_NUMBER: ("id_number_consent", messages.ID_NUMBER_CONSENT_REQUIRED),
            LEDGER_ID_NUMBERS: ("id_number_consent", messages.LEDGER_ID_CONSENT_REQUIRED)}


def request_channel() -> str:
    """How the person of this request signed in (their sign-in's channel), else web or api."""
    session_id = g.get("auth_session_id")
    auth_session = db.session.get(AuthSession, session_id) if isinstance(session_id, int) else None
    if auth_session is not None and auth_session.channel:
        return auth_session.channel
    return "web" if g.get("auth_via") == "cookie" else "api"


def has(user: User, kind: str, version: str) -> bool:
    if kind == RULES:
        return user.privacy_version == version
    return db.session.scalar(select(Consent.id).where(
        Consent.user_id == user.id, Consent.kind == kind, Consent.version == version)) is not None


def give(user: User, kind: str, version: str, channel: str) -> Consent:
    """Record the agreement (the caller commits); agreeing twice keeps the first record."""
    insert_or_ignore(db.session, Consent, {"user_id": user.id, "kind": kind, "version": version,
                                           "channel": channel, "created_at": utcnow()})
    if kind == RULES:
        user.privacy_version = version
    return db.session.scalar(select(Consent).where(
        Consent.user_id == user.id, Consent.kind == kind, Consent.version == version))


def accept(user: User, kind: str, version: str, current: str, channel: str) -> Consent:
    """The person agrees to `version` of a text whose current version is `current`: an old
    page's agreement is refused (409), the person reads the new text first."""
    if version != current:
        raise Conflict(messages.CONSENT_OUTDATED, code="consent_outdated",
                       fields={"version": messages.CONSENT_OUTDATED})
    consent = give(user, kind, version, channel)
    db.session.commit()
    return consent


def require_id_numbers(user: User, kind: str, agreed_now: bool) -> None:
    """Before an ID number is processed: the person's separate consent to the current
    version, given now (recorded, in the caller's transaction) or before; else 422."""
    version = VERSIONS[kind]
    if agreed_now:
        give(user, kind, version, request_channel())
    elif not has(user, kind, version):
        field, message = REFUSALS[kind]
        raise InvalidInput(message, code="id_number_consent_required", fields={field: message})


def of(user_id: int) -> list[Consent]:
    """Every consent of a person, oldest first."""
    return list(db.session.scalars(select(Consent).where(Consent.user_id == user_id)
                                   .order_by(Consent.created_at, Consent.id)))
