"""Owners verified against the register: name, ID number and 不动产权证号
matched against the ledger; a change of owner (a sale) recorded by the committee.

ID numbers are checked with their GB 11643 check digit and only ever compared as keyed
hashes (app.estates.ledger_import.person_hash); nothing typed is stored or shown.
"""
from datetime import timedelta

from sqlalchemy import func, select, update

from app.audit.api import record
from app.auth.api import consent
from app.auth.api import User
from app.db import lock_row, utcnow
from app.errors import InvalidInput, NotFound, TooManyRequests
from app.estates import messages
from app.estates.ledger_cells import certificate_of, id_number_valid
from app.estates.ledger_import import person_hash
from app.estates.membership import live_link_or_new
from app.estates.models import (
    Flat, FlatLink, FlatTransfer, IdentityAttempt, LinkStatus, Owner, Relation)
from app.extensions import db
from app.security import keyed_hash
from app.signals import flat_transferred
from app.unit_of_work import announce

#: tries per day; a name, an 18-character number and a certificate number are not guessed in 5
TRIES_PER_USER = 5
TRIES_PER_FLAT = 5
TRY_WINDOW = timedelta(days=1)


def certificate_hash(text: str) -> str:
    return keyed_hash("certificate", certificate_of(text))


def _tries(since, **where) -> int:
    query = select(func.count(IdentityAttempt.id)).where(IdentityAttempt.created_at >= since)
    for column, value in where.items():
        query = query.where(getattr(IdentityAttempt, column) == value)
    return db.session.scalar(query)


def mismatch(owner: Owner | None, name: str, id_number: str) -> str | None:
    """Why the typed name and ID number are not the ledger's owner of the flat, or None."""
    if owner is None:
        return messages.IDENTITY_NO_OWNER
    if owner.kind == "organisation":
        return messages.IDENTITY_PUBLIC
    people = [(p.name, p.id_hash) for p in owner.people] or [(owner.name, owner.key_hash)]
    typed = person_hash(id_number)
    if (name, typed) in people:
        return None
    if any(person == name for person, _ in people):
        return messages.IDENTITY_ID_MISMATCH
    return messages.IDENTITY_NAME_MISMATCH


def verify_by_identity(user: User, name: str, id_number: str, certificate_number: str,
                       id_number_consent: bool = False) -> FlatLink:
    """A match verifies the user as the flat's owner at once; a mismatch puts a claim with
    the reason in the committee's queue and answers 422 saying so. Nothing happens to the ID
    number without the person's separate consent (given now, or before to this version)."""
    consent.require_id_numbers(user, consent.ID_NUMBER, id_number_consent)
    id_number, name = id_number.strip().upper(), name.strip()
    if not id_number_valid(id_number):
        raise InvalidInput(messages.IDENTITY_ID_INVALID, code="id_number_invalid",
                           fields={"id_number": messages.IDENTITY_ID_INVALID})
    lock_row(db.session, User, user.id)  # one try of a person at a time: the count holds
    since = utcnow() - TRY_WINDOW
    if _tries(since, user_id=user.id) >= TRIES_PER_USER:
        db.session.rollback()
        raise TooManyRequests(messages.IDENTITY_TOO_MANY, code="identity_tries")
    flat = db.session.scalar(select(Flat).where(
        Flat.certificate_hash == certificate_hash(certificate_number)).order_by(Flat.id).limit(1))
    if flat is None:
        db.session.add(IdentityAttempt(user_id=user.id, matched=False))
        db.session.commit()
        raise InvalidInput(messages.IDENTITY_NO_CERTIFICATE, code="identity_no_certificate",
                           fields={"certificate_number": messages.IDENTITY_NO_CERTIFICATE})
    lock_row(db.session, Flat, flat.id)  # and of a flat: its count holds too
    if _tries(since, flat_id=flat.id) >= TRIES_PER_FLAT:
        db.session.rollback()
        raise TooManyRequests(messages.IDENTITY_TOO_MANY_FLAT, code="identity_tries")
    reason = mismatch(flat.owner, name, id_number)
    db.session.add(IdentityAttempt(estate_id=flat.estate_id, flat_id=flat.id, user_id=user.id,
                                   matched=reason is None))
    link = live_link_or_new(user.id, flat.estate_id, flat.id)
    if link.status != LinkStatus.verified:
        link.relation, link.via = Relation.owner, "identity"
        link.status = LinkStatus.verified if reason is None else LinkStatus.pending
        link.reason = None if reason is None else messages.IDENTITY_QUEUE_REASON.format(reason=reason)
        link.decided_at = utcnow() if reason is None else None
    db.session.flush()
    record("claim.verified_by_identity" if reason is None else "claim.identity_mismatch",
           estate_id=flat.estate_id, actor_id=user.id, subject_type="flat_link", subject_id=link.id,
           data={"flat_id": flat.id, "matched": reason is None})
    db.session.commit()
    if reason is not None:
        raise InvalidInput(messages.IDENTITY_SENT.format(reason=reason), code="identity_mismatch")
    return link


def record_transfer(flat: Flat, actor: User, *, name: str, id_number: str | None,
                    certificate_number: str | None, evidence_key: str, note: str | None) -> FlatTransfer:
    """A sale: the flat's new owner in the ledger, the old owner's links ended (they are
    told, by the flat_transferred signal after commit), the new owner able to verify."""
    if id_number and not id_number_valid(id_number):
        raise InvalidInput(messages.IDENTITY_ID_INVALID, fields={"id_number": messages.IDENTITY_ID_INVALID})
    lock_row(db.session, Flat, flat.id)
    key = (person_hash(id_number) if id_number
           else keyed_hash("owner", f"transfer:{flat.id}|{name}|{utcnow().isoformat()}"))
    owner = db.session.scalar(select(Owner).where(Owner.estate_id == flat.estate_id, Owner.key_hash == key))
    if owner is None:
        owner = Owner(estate_id=flat.estate_id, key_hash=key, name=name, kind="person")
        db.session.add(owner)
        db.session.flush()
    old_owner_id = flat.owner_id
    ended = list(db.session.scalars(select(FlatLink.user_id).where(
        FlatLink.flat_id == flat.id, FlatLink.relation == Relation.owner,
        FlatLink.status.in_([LinkStatus.pending, LinkStatus.verified]))))
    now = utcnow()
    db.session.execute(update(FlatLink).where(
        FlatLink.flat_id == flat.id, FlatLink.relation == Relation.owner,
        FlatLink.status.in_([LinkStatus.pending, LinkStatus.verified]))
        .values(status=LinkStatus.revoked, reason=messages.TRANSFER_LINK_ENDED,
                decided_by_id=actor.id, decided_at=now))
    flat.owner = owner
    if certificate_number:
        flat.certificate_hash = certificate_hash(certificate_number)
    transfer = FlatTransfer(estate_id=flat.estate_id, flat_id=flat.id, old_owner_id=old_owner_id,
                            new_owner_id=owner.id, evidence_key=evidence_key, note=note,
                            recorded_by_id=actor.id, created_at=now)
    db.session.add(transfer)
    db.session.flush()
    record("flat.transferred", estate_id=flat.estate_id, actor_id=actor.id, subject_type="flat",
           subject_id=flat.id, data={"transfer_id": transfer.id, "links_ended": len(ended),
                                     "evidence_key": evidence_key})
    announce(flat_transferred, estate_id=flat.estate_id, flat_id=flat.id,
             transfer_id=transfer.id, user_ids=ended, actor_id=actor.id)
    db.session.commit()
    return transfer


def get_flat(flat_id: int) -> Flat:
    flat = db.session.get(Flat, flat_id)
    if flat is None:
        raise NotFound(messages.FLAT_NOT_FOUND, fields={"flat_id": messages.FLAT_NOT_FOUND})
    return flat
