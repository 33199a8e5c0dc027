"""Consultations: lifecycle, who may answer, ballots with history, proxies and results.

Other domains call these by name (BRIEF: create_consultation, open_consultation,
close_consultation, publish_consultation, cast_ballot, results). Each function is
one unit of work: it checks everything before writing, commits at the end, and
sends its signal after the commit.
"""
import secrets
from datetime import datetime
from decimal import Decimal

from flask import current_app
from sqlalchemy import and_, case, distinct, func, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from app.audit.services import record
from app.auth.models import User
from app.auth.permissions import is_committee, is_moderator
from app.auth.services import get_or_create_user, normalize_phone
from app.consultations import messages
from app.consultations.answers import check_answers
from app.consultations.models import (
    Ballot, BallotAnswer, BallotVersion, Channel, Consultation, ConsultationFlat, FlatProxy,
    Status)
from app.consultations.templates import APPROVE, Template
from app.db import utcnow
from app.errors import Conflict, Forbidden, InvalidInput, NotFound
from app.estates.models import Building, Flat, FlatLink, LinkStatus, Relation, Stairwell
from app.estates.services import get_or_404, is_verified_owner
from app.extensions import db
from app.rules import get_rule
from app.rules import engine
from app.rules.engine import Tally
from app.signals import ballot_cast, consultation_status_changed

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud without doubt
ZERO = Decimal("0.00")


# -- templates --------------------------------------------------------------------------------

def all_templates() -> dict[str, Template]:
    return current_app.extensions["consultation_templates"]


def get_template(key: str) -> Template | None:
    return all_templates().get(key)


# -- lookups and permissions ------------------------------------------------------------------

def get_consultation(consultation_id: int) -> Consultation:
    return get_or_404(Consultation, consultation_id)


def scope_condition(c: Consultation):
    """SQL condition on Flat for the consultation's scope (always within its estate)."""
    in_estate = Flat.estate_id == c.estate_id
    if c.scope_type == "building":
        return and_(in_estate, Flat.building_id == c.scope_id)
    if c.scope_type == "stairwell":
        return and_(in_estate, Flat.stairwell_id == c.scope_id)
    if c.scope_type == "flats":
        return and_(in_estate, Flat.id.in_(select(ConsultationFlat.flat_id).where(
            ConsultationFlat.consultation_id == c.id)))
    return in_estate


def head_of():
    """Headcount key: the owner, or the flat itself when no owner is registered."""
    return func.coalesce(Flat.owner_id, -Flat.id)


def _linked_flats(c: Consultation, user: User, owners_only: bool) -> list[int]:
    """The user's flats in scope: as verified owner (or any verified resident) or active proxy."""
    links = select(FlatLink.flat_id).where(
        FlatLink.user_id == user.id, FlatLink.estate_id == c.estate_id,
        FlatLink.status == LinkStatus.verified)
    if owners_only:
        links = links.where(FlatLink.relation == Relation.owner)
    proxies = select(FlatProxy.flat_id).where(
        FlatProxy.proxy_user_id == user.id, FlatProxy.estate_id == c.estate_id,
        FlatProxy.revoked_at.is_(None))
    return list(db.session.scalars(select(Flat.id).where(
        scope_condition(c), or_(Flat.id.in_(links), Flat.id.in_(proxies))).order_by(Flat.id)))


def can_view(user: User | None, c: Consultation) -> bool:
    """Committee and moderators of the estate see every consultation; residents see the
    open, closed and published ones of their scope. Others get 404 (they learn nothing)."""
    if user is None:
        return False
    if is_moderator(user, c.estate_id):
        return True
    if c.status == Status.draft:
        return False
    return bool(_linked_flats(c, user, owners_only=False))


def require_view(user: User, c: Consultation) -> None:
    if not can_view(user, c):
        raise NotFound()


def require_manage(user: User, c: Consultation) -> None:
    if not can_view(user, c):
        raise NotFound()
    if not is_committee(user, c.estate_id):
        raise Forbidden()


# -- lifecycle --------------------------------------------------------------------------------

def _check_scope(estate_id: int, scope_type: str, scope_id, flat_ids) -> tuple[int | None, list[int]]:
    if scope_type == "estate":
        if scope_id not in (None, estate_id):
            raise InvalidInput(messages.SCOPE_NOT_IN_ESTATE, fields={"scope": messages.SCOPE_NOT_IN_ESTATE})
        scope_id, where = estate_id, Flat.estate_id == estate_id
    elif scope_type in ("building", "stairwell"):
        model = Building if scope_type == "building" else Stairwell
        if scope_id is None:
            raise InvalidInput(messages.SCOPE_ID_REQUIRED, fields={"scope": messages.SCOPE_ID_REQUIRED})
        place = db.session.get(model, scope_id)
        if place is None or place.estate_id != estate_id:
            raise InvalidInput(messages.SCOPE_NOT_IN_ESTATE, fields={"scope": messages.SCOPE_NOT_IN_ESTATE})
        column = Flat.building_id if scope_type == "building" else Flat.stairwell_id
        where = and_(Flat.estate_id == estate_id, column == scope_id)
    elif scope_type == "flats":
        flat_ids = sorted(set(flat_ids or []))
        if not flat_ids:
            raise InvalidInput(messages.SCOPE_FLATS_REQUIRED,
                               fields={"scope": messages.SCOPE_FLATS_REQUIRED})
        found = db.session.scalar(select(func.count(Flat.id)).where(
            Flat.estate_id == estate_id, Flat.id.in_(flat_ids)))
        if found != len(flat_ids):
            raise InvalidInput(messages.SCOPE_FLATS_NOT_IN_ESTATE,
                               fields={"scope": messages.SCOPE_FLATS_NOT_IN_ESTATE})
        return None, flat_ids
    else:
        raise InvalidInput(fields={"scope": messages.SCOPE_NOT_IN_ESTATE})
    if not db.session.scalar(select(func.count(Flat.id)).where(where)):
        raise InvalidInput(messages.SCOPE_EMPTY, fields={"scope": messages.SCOPE_EMPTY})
    return scope_id, []


def create_consultation(estate_id: int, *, template_key: str, closes_at: datetime, actor_id,
                        title: str | None = None, scope_type: str = "estate", scope_id=None,
                        flat_ids=None, rule_key: str | None = None, opens_at=None,
                        hide_results_until_closed: bool = False,
                        extra_questions: list[dict] | None = None, commit: bool = True) -> Consultation:
    """A draft consultation from a template, over a scope, under a named rule.

    `extra_questions` (already in the template's question shape) are appended, e.g.
    the evaluation's one scale question per renovated item. With commit=False it joins the
    caller's transaction (a case's vote, an elevator's consent round): one commit for all.
    """
    template = get_template(template_key)
    if template is None:
        raise InvalidInput(messages.UNKNOWN_TEMPLATE, fields={"template": messages.UNKNOWN_TEMPLATE})
    rule_key = rule_key or template.default_rule
    rule = get_rule(rule_key)
    if rule is None:
        raise InvalidInput(messages.UNKNOWN_RULE, fields={"rule": messages.UNKNOWN_RULE})
    if template.voters == "residents" and rule.decides:
        raise InvalidInput(messages.RULE_FOR_RESIDENTS, fields={"rule": messages.RULE_FOR_RESIDENTS})
    now = utcnow()
    if closes_at <= now:
        raise InvalidInput(messages.CLOSES_AT_PAST, fields={"closes_at": messages.CLOSES_AT_PAST})
    if opens_at is not None and opens_at >= closes_at:
        raise InvalidInput(messages.CLOSES_BEFORE_OPENS,
                           fields={"closes_at": messages.CLOSES_BEFORE_OPENS})
    scope_id, flat_ids = _check_scope(estate_id, scope_type, scope_id, flat_ids)
    consultation = Consultation(
        estate_id=estate_id, kind=template.kind, template_key=template.key,
        template_version=template.version, title=title or template.title,
        description=template.description, status=Status.draft, rule_key=rule_key,
        scope_type=scope_type, scope_id=scope_id, voters=template.voters,
        questions=template.questions + list(extra_questions or []), opens_at=opens_at, closes_at=closes_at,
        hide_results_until_closed=hide_results_until_closed, created_by_id=actor_id)
    db.session.add(consultation)
    db.session.flush()
    db.session.add_all(ConsultationFlat(consultation_id=consultation.id, flat_id=flat_id,
                                        estate_id=estate_id) for flat_id in flat_ids)
    record("consultation.created", estate_id=estate_id, actor_id=actor_id,
           subject_type="consultation", subject_id=consultation.id,
           data={"template": template.key, "version": template.version, "rule": rule_key,
                 "scope": [scope_type, scope_id], "flats": flat_ids,
                 "closes_at": closes_at.isoformat()})
    db.session.commit() if commit else db.session.flush()
    return consultation


def announce_status(c: Consultation) -> None:
    """The status signal; sent after the commit that made the status true."""
    consultation_status_changed.send(current_app._get_current_object(), consultation_id=c.id,
                                     estate_id=c.estate_id, status=c.status.value)


def _transition(c: Consultation, to: Status, actor_id, action: str, stamp: str, data=None,
                commit: bool = True):
    c.move_to(to, messages.WRONG_STATUS.format(status=messages.STATUS_LABELS[c.status.value]))
    setattr(c, stamp, utcnow())
    record(action, estate_id=c.estate_id, actor_id=actor_id, subject_type="consultation",
           subject_id=c.id, data=data or {})
    if not commit:  # the caller commits, then calls announce_status
        db.session.flush()
        return c
    db.session.commit()
    announce_status(c)
    return c


def open_consultation(c: Consultation, actor_id, commit: bool = True) -> Consultation:
    if c.status == Status.draft and c.closes_at <= utcnow():
        raise Conflict(messages.CLOSES_AT_PAST, code="closes_at_past")
    return _transition(c, Status.open, actor_id, "consultation.opened", "opened_at", commit=commit)


def close_consultation(c: Consultation, actor_id) -> Consultation:
    """Close now (actor None: closed automatically at closes_at)."""
    _lock(c)
    return _transition(c, Status.closed, actor_id, "consultation.closed", "closed_at",
                       {"automatic": actor_id is None})


def publish_consultation(c: Consultation, actor_id) -> Consultation:
    """公示: the results and the receipts list become public to the scope."""
    return _transition(c, Status.published, actor_id, "consultation.published", "published_at",
                       {"results": _decision_summary(c)})


def _lock(c: Consultation, read: bool = False) -> None:
    """Re-read the row under a lock so closing and voting never interleave (PostgreSQL)."""
    db.session.execute(select(Consultation.id).where(Consultation.id == c.id)
                       .with_for_update(read=read))
    db.session.refresh(c)


def close_if_due(c: Consultation) -> bool:
    """Closing lazily: an open consultation read or voted on after closes_at closes first."""
    if c.status == Status.open and c.closes_at <= utcnow():
        _lock(c)
        if c.status == Status.open:
            close_consultation(c, None)
            return True
    return False


def close_due(now: datetime | None = None) -> list[int]:
    """Close every open consultation whose closes_at has passed (the CLI job)."""
    now = now or utcnow()
    due = db.session.scalars(select(Consultation).where(
        Consultation.status == Status.open, Consultation.closes_at <= now)
        .order_by(Consultation.id)).all()
    closed = []
    for consultation in due:
        _lock(consultation)
        if consultation.status == Status.open:
            close_consultation(consultation, None)
            closed.append(consultation.id)
    return closed


# -- ballots ----------------------------------------------------------------------------------

def new_receipt() -> str:
    code = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(10))
    return f"{code[:5]}-{code[5:]}"


def _require_open(c: Consultation) -> None:
    close_if_due(c)
    if c.status != Status.open:
        raise Conflict(messages.CLOSED if c.status != Status.draft else messages.NOT_OPEN_YET,
                       code="consultation_closed" if c.status != Status.draft else "not_open")
    if c.opens_at is not None and utcnow() < c.opens_at:
        raise Conflict(messages.NOT_OPEN_YET, code="not_open")


def _flat_in_scope(c: Consultation, flat_id: int) -> bool:
    return db.session.scalar(select(func.count(Flat.id)).where(
        scope_condition(c), Flat.id == flat_id)) == 1


def _voter_right(c: Consultation, user: User, flat_id: int) -> str | None:
    """'owner' or 'proxy' when the user may vote for the flat, else None."""
    if is_verified_owner(user.id, flat_id):
        return "owner"
    proxy = db.session.scalar(select(func.count(FlatProxy.id)).where(
        FlatProxy.proxy_user_id == user.id, FlatProxy.flat_id == flat_id,
        FlatProxy.revoked_at.is_(None)))
    return "proxy" if proxy else None


def _resolve_voter(c: Consultation, user: User, flat_id: int | None) -> tuple[str, int, str]:
    """(slot, flat_id, cast_as) for the user's own ballot, or a refusal (404/403/422)."""
    if not can_view(user, c):
        raise NotFound()
    if c.per_resident:
        flats = _linked_flats(c, user, owners_only=False)
        if not flats:
            raise Forbidden(messages.NOT_RESIDENT, code="not_resident")
        if flat_id is not None and flat_id not in flats:
            raise Forbidden(messages.NOT_RESIDENT, code="not_resident")
        return f"user:{user.id}", flat_id or flats[0], "resident"
    if flat_id is None:
        flats = [f for f in _linked_flats(c, user, owners_only=True)]
        if not flats:
            raise Forbidden(messages.NOT_OWNER, code="not_owner")
        if len(flats) > 1:
            raise InvalidInput(messages.FLAT_REQUIRED, fields={"flat_id": messages.FLAT_REQUIRED})
        flat_id = flats[0]
    elif not _flat_in_scope(c, flat_id):
        raise InvalidInput(messages.FLAT_NOT_IN_SCOPE, fields={"flat_id": messages.FLAT_NOT_IN_SCOPE})
    right = _voter_right(c, user, flat_id)
    if right is None:
        raise Forbidden(messages.NOT_OWNER, code="not_owner")
    return f"flat:{flat_id}", flat_id, right


def _same_as_current(ballot: Ballot, **cast) -> bool:
    """Is this the slot's current ballot sent again (same answers, voter, right and channel)?"""
    return ballot.version > 0 and all(getattr(ballot, name) == value for name, value in cast.items())


def _write_ballot(c: Consultation, *, slot: str, flat_id: int | None, voter_id, cast_as: str,
                  channel: Channel, answers: dict, rows: list[tuple], entered_by_id=None,
                  evidence=None, witness_phone=None) -> Ballot:
    """Insert or replace the slot's current ballot; keep the version; one commit."""
    now = utcnow()
    # Claim the slot first: INSERT … ON CONFLICT DO NOTHING waits for a concurrent
    # first ballot of the same flat and then leaves it be; the row is then locked and
    # updated. No savepoint is needed: the claim lives and dies with the request's transaction.
    dialect = db.session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    db.session.execute(insert(Ballot).values(
        estate_id=c.estate_id, consultation_id=c.id, slot=slot, version=0, flat_id=flat_id,
        voter_id=voter_id, cast_as=cast_as, channel=channel, answers=answers,
        receipt=new_receipt(), created_at=now, updated_at=now)
        .on_conflict_do_nothing(index_elements=["consultation_id", "slot"]))
    ballot = db.session.scalar(
        select(Ballot).where(Ballot.consultation_id == c.id, Ballot.slot == slot)
        .with_for_update().execution_options(populate_existing=True))
    if ballot.version and ballot.cast_as == "owner" and cast_as == "proxy":
        raise Conflict(messages.OWNER_ALREADY_VOTED, code="owner_already_voted")
    if _same_as_current(ballot, voter_id=voter_id, cast_as=cast_as, channel=channel,
                        answers=answers, entered_by_id=entered_by_id, evidence=evidence,
                        witness_phone=witness_phone):
        db.session.commit()  # a retry of the current ballot: its receipt again, nothing written
        return ballot
    ballot.version += 1
    ballot.flat_id, ballot.voter_id, ballot.cast_as, ballot.channel = flat_id, voter_id, cast_as, channel
    ballot.entered_by_id, ballot.evidence, ballot.witness_phone = entered_by_id, evidence, witness_phone
    ballot.answers, ballot.updated_at = answers, now
    if ballot.version > 1:
        ballot.receipt = new_receipt()
    db.session.execute(BallotAnswer.__table__.delete().where(BallotAnswer.ballot_id == ballot.id))
    db.session.add_all(BallotAnswer(estate_id=c.estate_id, consultation_id=c.id, ballot_id=ballot.id,
                                    question_key=question, item_key=item, option_key=option,
                                    value_text=text)
                       for question, item, option, text in rows)
    db.session.add(BallotVersion(
        estate_id=c.estate_id, consultation_id=c.id, ballot_id=ballot.id, version=ballot.version,
        flat_id=flat_id, voter_id=voter_id, cast_as=cast_as, channel=channel,
        entered_by_id=entered_by_id, evidence=evidence, witness_phone=witness_phone,
        answers=answers, receipt=ballot.receipt, created_at=now))
    record("ballot.cast", estate_id=c.estate_id, actor_id=entered_by_id or voter_id,
           subject_type="consultation", subject_id=c.id,
           data={"slot": slot, "version": ballot.version, "channel": channel.value,
                 "cast_as": cast_as, "receipt": ballot.receipt})
    db.session.commit()
    ballot_cast.send(current_app._get_current_object(), consultation_id=c.id, estate_id=c.estate_id)
    return ballot


def cast_ballot(c: Consultation, user: User, flat_id: int | None, answers: dict) -> Ballot:
    """The user's own ballot (PUT …/ballots/mine): idempotent, changeable until close.

    An owner's ballot always replaces a proxy's; a proxy cannot replace an owner's.
    """
    slot, flat_id, cast_as = _resolve_voter(c, user, flat_id)
    _require_open(c)
    _lock(c, read=True)
    if c.status != Status.open:
        raise Conflict(messages.CLOSED, code="consultation_closed")
    normalised, rows = check_answers(c.questions, answers)
    return _write_ballot(c, slot=slot, flat_id=flat_id, voter_id=user.id, cast_as=cast_as,
                         channel=Channel.online, answers=normalised, rows=rows)


def cast_assisted_ballot(c: Consultation, actor: User, flat_id: int, answers: dict, *,
                         channel: str, evidence: str, witness_phone: str | None = None) -> Ballot:
    """A paper, proxy or assisted ballot entered by a committee member, with evidence.

    paper and assisted ballots are the owner's own (they replace anything); a written
    proxy (channel proxy) ranks like an online proxy and cannot replace the owner's ballot.
    """
    if c.per_resident:
        raise InvalidInput(messages.ASSISTED_FOR_RESIDENTS,
                           fields={"flat_id": messages.ASSISTED_FOR_RESIDENTS})
    if not _flat_in_scope(c, flat_id):
        raise InvalidInput(messages.FLAT_NOT_IN_SCOPE, fields={"flat_id": messages.FLAT_NOT_IN_SCOPE})
    _require_open(c)
    _lock(c, read=True)
    if c.status != Status.open:
        raise Conflict(messages.CLOSED, code="consultation_closed")
    normalised, rows = check_answers(c.questions, answers)
    witness = normalize_phone(witness_phone) if witness_phone else None
    return _write_ballot(c, slot=f"flat:{flat_id}", flat_id=flat_id, voter_id=None,
                         cast_as="proxy" if channel == Channel.proxy.value else "owner",
                         channel=Channel(channel), answers=normalised, rows=rows,
                         entered_by_id=actor.id, evidence=evidence, witness_phone=witness)


def my_ballots(c: Consultation, user: User) -> list[dict]:
    """The ballots the user can see as theirs: their own, and those of flats they vote for."""
    if c.per_resident:
        condition = Ballot.slot == f"user:{user.id}"
    else:
        flats = _linked_flats(c, user, owners_only=True)
        condition = Ballot.slot.in_([f"flat:{flat_id}" for flat_id in flats])
    ballots = db.session.execute(
        select(Ballot, Flat.room).outerjoin(Flat, Ballot.flat_id == Flat.id)
        .where(Ballot.consultation_id == c.id, condition).order_by(Ballot.id)).all()
    return [{"flat_id": b.flat_id, "room": room, "receipt": b.receipt, "version": b.version,
             "channel": b.channel.value, "cast_as": b.cast_as, "mine": b.voter_id == user.id,
             "answers": b.answers, "updated_at": b.updated_at} for b, room in ballots]


def voting_flats(c: Consultation, user: User) -> list[int]:
    """Flats the user may vote for in this consultation (empty for a per-resident survey)."""
    return [] if c.per_resident else _linked_flats(c, user, owners_only=True)


def receipts(c: Consultation) -> list[dict]:
    """After 公示: every receipt ever handed out, with its masked room, to check one's own;
    one replaced by a later ballot of the same flat (or resident) says so (`current` false)."""
    from app.privacy import mask_room

    if c.status != Status.published:
        raise Conflict(messages.NOT_PUBLISHED, code="not_published")
    rows = db.session.execute(
        select(BallotVersion.receipt, BallotVersion.channel, Flat.room,
               BallotVersion.receipt == Ballot.receipt)
        .join(Ballot, BallotVersion.ballot_id == Ballot.id)
        .outerjoin(Flat, BallotVersion.flat_id == Flat.id)
        .where(BallotVersion.consultation_id == c.id).order_by(BallotVersion.receipt)).all()
    return [{"receipt": receipt, "room_masked": mask_room(room), "channel": channel.value,
             "current": bool(current), "note": None if current else messages.RECEIPT_REPLACED}
            for receipt, channel, room, current in rows]


# -- family proxies ---------------------------------------------------------------------------

def require_flat_owner_or_committee(user: User, flat: Flat) -> None:
    if not is_verified_owner(user.id, flat.id) and not is_committee(user, flat.estate_id):
        raise Forbidden(messages.PROXY_NOT_OWNER, code="not_owner")


def authorise_proxy(owner: User, flat: Flat, phone: str) -> FlatProxy:
    """A verified owner lets a relative vote for this flat; the relative becomes family of it."""
    if not is_verified_owner(owner.id, flat.id):
        raise Forbidden(messages.PROXY_NOT_OWNER, code="not_owner")
    relative = get_or_create_user(normalize_phone(phone))
    if relative.id == owner.id:
        raise InvalidInput(messages.PROXY_SELF, fields={"phone": messages.PROXY_SELF})
    # one decision per flat at a time: a double submit waits here, then sees the proxy
    db.session.execute(select(Flat.id).where(Flat.id == flat.id).with_for_update())
    active = db.session.scalar(select(func.count(FlatProxy.id)).where(
        FlatProxy.flat_id == flat.id, FlatProxy.proxy_user_id == relative.id,
        FlatProxy.revoked_at.is_(None)))
    if active:
        raise Conflict(messages.PROXY_EXISTS, code="proxy_exists")
    link = db.session.scalar(select(FlatLink).where(
        FlatLink.user_id == relative.id, FlatLink.flat_id == flat.id,
        FlatLink.status.in_([LinkStatus.pending, LinkStatus.verified])))
    made_link = None
    if link is None or link.status == LinkStatus.pending:
        if link is None:
            link = FlatLink(estate_id=flat.estate_id, flat_id=flat.id, user_id=relative.id,
                            relation=Relation.family)
            db.session.add(link)
        link.status, link.via, link.decided_by_id, link.decided_at = (
            LinkStatus.verified, "proxy", owner.id, utcnow())
        db.session.flush()
        made_link = link.id
    proxy = FlatProxy(estate_id=flat.estate_id, flat_id=flat.id, owner_user_id=owner.id,
                      proxy_user_id=relative.id, link_id=made_link)
    db.session.add(proxy)
    try:
        db.session.flush()
    except IntegrityError as error:  # uq_flat_proxies_active: a twin request got there first
        db.session.rollback()
        raise Conflict(messages.PROXY_EXISTS, code="proxy_exists") from error
    record("proxy.authorised", estate_id=flat.estate_id, actor_id=owner.id,
           subject_type="flat_proxy", subject_id=proxy.id,
           data={"flat_id": flat.id, "proxy_user_id": relative.id})
    db.session.commit()
    return proxy


def revoke_proxy(proxy: FlatProxy, actor: User) -> FlatProxy:
    """The owner (any verified owner of the flat) or the committee ends a proxy.

    Ballots the proxy already cast stay: they were valid when cast, and the owner's
    own ballot replaces them anyway.
    """
    require_flat_owner_or_committee(actor, db.session.get(Flat, proxy.flat_id))
    if proxy.revoked_at is not None:
        raise Conflict(messages.PROXY_NOT_ACTIVE, code="proxy_revoked")
    proxy.revoked_at = utcnow()
    if proxy.link_id is not None:
        link = db.session.get(FlatLink, proxy.link_id)
        if link.status == LinkStatus.verified:
            link.status, link.reason = LinkStatus.revoked, messages.PROXY_NOT_ACTIVE
    record("proxy.revoked", estate_id=proxy.estate_id, actor_id=actor.id,
           subject_type="flat_proxy", subject_id=proxy.id, data={"flat_id": proxy.flat_id})
    db.session.commit()
    return proxy


def proxies_of(flat: Flat) -> list[FlatProxy]:
    return list(db.session.scalars(select(FlatProxy).where(FlatProxy.flat_id == flat.id)
                                   .order_by(FlatProxy.id)))


# -- results ----------------------------------------------------------------------------------

def _tally(owners, area) -> Tally:
    return Tally(int(owners or 0), Decimal(area or ZERO))


def _scope_tally(c: Consultation) -> tuple[Tally, int]:
    owners, unowned, area, flats = db.session.execute(select(
        func.count(distinct(Flat.owner_id)),
        func.coalesce(func.sum(case((Flat.owner_id.is_(None), 1), else_=0)), 0),
        func.sum(Flat.area_m2), func.count(Flat.id)).where(scope_condition(c))).one()
    return _tally(owners + unowned, area), flats


def _voted_flats(c: Consultation):
    """Per ballot of a flat in scope: its head, its area and the voted area of that head.

    A window function gives each row its head's voted area, so the per-option query
    below joins rows by ballot id (indexed) and never joins aggregates on a computed
    key: PostgreSQL keeps a good plan even before it has statistics for a new vote.
    """
    return (select(Ballot.id.label("ballot_id"), head_of().label("head"),
                   Flat.area_m2.label("area"),
                   func.sum(Flat.area_m2).over(partition_by=head_of()).label("head_area"))
            .select_from(Ballot).join(Flat, Ballot.flat_id == Flat.id)
            .where(Ballot.consultation_id == c.id, scope_condition(c)).subquery())


def _participants(voted) -> Tally:
    return _tally(*db.session.execute(
        select(func.count(distinct(voted.c.head)), func.sum(voted.c.area))).one())


def _option_heads(c: Consultation, voted) -> dict:
    """Per question/item/option: the area that chose it and the heads whose majority did.

    One aggregate query (see app.rules.engine for the split-vote rule it applies).
    """
    per_head = (select(voted.c.head, BallotAnswer.question_key.label("question"),
                       BallotAnswer.item_key.label("item"), BallotAnswer.option_key.label("option"),
                       func.sum(voted.c.area).label("area"),
                       func.max(voted.c.head_area).label("head_area"))
                .select_from(BallotAnswer).join(voted, voted.c.ballot_id == BallotAnswer.ballot_id)
                .where(BallotAnswer.consultation_id == c.id, BallotAnswer.option_key.is_not(None))
                .group_by(voted.c.head, BallotAnswer.question_key, BallotAnswer.item_key,
                          BallotAnswer.option_key).subquery())
    majority = case((per_head.c.area + per_head.c.area > per_head.c.head_area, 1), else_=0)
    rows = db.session.execute(
        select(per_head.c.question, per_head.c.item, per_head.c.option,
               func.sum(majority), func.sum(per_head.c.area))
        .group_by(per_head.c.question, per_head.c.item, per_head.c.option)).all()
    return {(q, item, option): _tally(heads, area) for q, item, option, heads, area in rows}


def _ballot_counts(c: Consultation) -> dict:
    rows = db.session.execute(
        select(BallotAnswer.question_key, BallotAnswer.item_key, BallotAnswer.option_key,
               func.count(BallotAnswer.id))
        .where(BallotAnswer.consultation_id == c.id)
        .group_by(BallotAnswer.question_key, BallotAnswer.item_key, BallotAnswer.option_key)).all()
    return {(q, item, option): count for q, item, option, count in rows}


def _channels(c: Consultation) -> dict:
    rows = db.session.execute(select(Ballot.channel, func.count(Ballot.id))
                              .where(Ballot.consultation_id == c.id).group_by(Ballot.channel)).all()
    counts = {channel.value: 0 for channel in Channel}
    counts.update({channel.value: count for channel, count in rows})
    return counts


def _residents_in_scope(c: Consultation) -> int:
    return db.session.scalar(select(func.count(distinct(FlatLink.user_id)))
                             .join(Flat, FlatLink.flat_id == Flat.id)
                             .where(scope_condition(c), FlatLink.status == LinkStatus.verified))


def _options_view(question, counts, heads, item="", per_resident=False) -> dict:
    options = {}
    for option in question["options"]:
        key = option["key"]
        entry = {"label": option["label"], "ballots": counts.get((question["key"], item, key), 0)}
        if not per_resident:
            entry.update(engine.tally_view(heads.get((question["key"], item, key), Tally())))
        options[key] = entry
    return options


def results(c: Consultation) -> dict:
    """The results in API.md's shape, from a fixed number of aggregate queries.

    Never loads ballots into Python: the number of queries is the same for 10 or
    3,000 ballots. Tallies stay hidden while open when the consultation says so.
    """
    close_if_due(c)
    rule = get_rule(c.rule_key)
    final = c.status in (Status.closed, Status.published)
    hidden = c.hide_results_until_closed and not final
    scope, flat_count = _scope_tally(c)
    channels = _channels(c)
    ballots = sum(channels.values())
    counts = _ballot_counts(c)
    if c.per_resident:
        participants, heads = Tally(), {}
    else:
        voted = _voted_flats(c)
        participants = _participants(voted)
        heads = _option_heads(c, voted)
    participation = engine.threshold_holds(rule.participation, participants, scope) \
        if rule.decides else None
    questions, decisions, item_results = [], [], []
    for question in c.questions:
        view = {"key": question["key"], "type": question["type"], "title": question["title"]}
        if question["type"] == "text":
            view["answers"] = counts.get((question["key"], "", None), 0)
            questions.append(view)
            continue
        if hidden:
            questions.append(view)
            continue
        if question["type"] == "items":
            view["items"] = []
            for item in question["items"]:
                entry = {"code": item["code"], "label": item["label"], "category": item["category"],
                         "options": _options_view(question, counts, heads, item["code"],
                                                  c.per_resident)}
                if question["decides"] and rule.decides:
                    approving = heads.get((question["key"], item["code"], APPROVE), Tally())
                    outcome = engine.evaluate(rule, scope, participants, approving, final=final)
                    entry["approval"] = engine.block(approving, participants, outcome.approval_passed)
                    entry["decision"] = outcome.decision
                    item_results.append(outcome.decision)
                view["items"].append(entry)
        else:
            view["options"] = _options_view(question, counts, heads, "", c.per_resident)
            if question["type"] == "scale":
                total = sum(view["options"][str(n)]["ballots"] for n in range(1, 6))
                weighted = sum(n * view["options"][str(n)]["ballots"] for n in range(1, 6))
                view["average"] = engine.ratio_decimal(weighted, total, places=2) if total else None
            if question["decides"] and rule.decides:
                approving = heads.get((question["key"], "", APPROVE), Tally())
                outcome = engine.evaluate(rule, scope, participants, approving, final=final)
                view["approval"] = engine.block(approving, participants, outcome.approval_passed)
                decisions.append((question, approving, outcome))
        questions.append(view)
    if not rule.decides:
        decision = None
    elif not final or hidden:
        decision = engine.PENDING
    elif decisions:
        decision = engine.PASSED if all(o.decision == engine.PASSED for _, _, o in decisions) \
            else engine.FAILED
    else:
        decision = engine.PASSED if participation else engine.FAILED
    missing = engine.missing(rule.participation, participants, scope) if rule.decides else Tally()
    residents = _residents_in_scope(c) if c.per_resident else None
    return {
        "consultation_id": c.id, "rule": rule.key, "rule_title": rule.title,
        "status": c.status.value, "voters": c.voters, "hidden": hidden,
        "scope": {"type": c.scope_type, "id": c.scope_id, "flats": flat_count,
                  **engine.tally_view(scope),
                  **({"residents": residents} if c.per_resident else {})},
        "participation": _participation_view(participants, scope, participation, ballots, residents),
        "channels": channels,
        "questions": questions,
        "decision": decision,
        "missing": engine.tally_view(missing),
        "thresholds": {"participation": engine.threshold_view(rule.participation),
                       "approval": engine.threshold_view(rule.approval)},
        "explanation": _explain(c, rule, scope, participants, ballots, decision, decisions,
                                item_results, missing, hidden),
    }


def _participation_view(participants, scope, passed, ballots, residents) -> dict:
    """Owners and area for per-flat consultations; respondents for residents' surveys."""
    if residents is None:
        return {**engine.block(participants, scope, passed), "ballots": ballots}
    return {"ballots": ballots, "residents": engine.ratio_text(ballots, residents),
            "residents_decimal": engine.ratio_decimal(ballots, residents), "passed": None}


def _explain(c, rule, scope, participants, ballots, decision, decisions, item_results, missing,
             hidden) -> str:
    numbers = {"rule": rule.title, "owners": participants.owners, "total": scope.owners,
               "area": engine.area_text(participants.area_m2),
               "total_area": engine.area_text(scope.area_m2)}
    if c.per_resident:
        text = messages.EXPLAIN_RESIDENTS.format(ballots=ballots)
    elif not rule.decides:
        text = messages.EXPLAIN_NONE.format(**numbers)
    elif decision == engine.PENDING:
        text = messages.EXPLAIN_PENDING.format(**numbers)
        text += (messages.EXPLAIN_MISSING.format(owners=missing.owners,
                                                 area=engine.area_text(missing.area_m2))
                 if missing.owners or missing.area_m2 else messages.EXPLAIN_PARTICIPATION_MET)
    else:
        participation_ok = engine.threshold_holds(rule.participation, participants, scope)
        failing = next((entry for entry in decisions if entry[2].decision != engine.PASSED),
                       decisions[0] if decisions else None)
        agree = {"agree": failing[1].owners if failing else 0,
                 "agree_area": engine.area_text(failing[1].area_m2 if failing else ZERO)}
        if not participation_ok:
            text = messages.EXPLAIN_FAILED_PARTICIPATION.format(**numbers)
        elif not decisions:
            text = messages.EXPLAIN_PARTICIPATION_ONLY.format(**numbers)
        elif decision == engine.PASSED:
            text = messages.EXPLAIN_PASSED.format(**numbers, **agree)
        else:
            text = messages.EXPLAIN_FAILED_APPROVAL.format(**numbers, **agree)
    if item_results and not hidden and decision != engine.PENDING:
        text += messages.EXPLAIN_ITEMS.format(passed=item_results.count(engine.PASSED),
                                              failed=item_results.count(engine.FAILED))
    if hidden:
        text += messages.EXPLAIN_HIDDEN
    return text


def _decision_summary(c: Consultation) -> dict:
    outcome = results(c)
    return {"decision": outcome["decision"], "participation": outcome["participation"]}


def list_consultations(estate_id: int, user: User, status: str | None = None) -> list[Consultation]:
    query = select(Consultation).where(Consultation.estate_id == estate_id)
    if status:
        query = query.where(Consultation.status == Status(status))
    consultations = db.session.scalars(query.order_by(Consultation.id.desc())).all()
    return [c for c in consultations if can_view(user, c)]
