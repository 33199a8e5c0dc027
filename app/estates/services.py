"""Estates, the ledger import, flat claims and flat codes."""
import re
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from app.audit.api import record
from app.auth.api import ESTATE_ROLES, Role, RoleGrant, User
from app.auth.api import is_staff
from app.auth.api import get_or_create_user, grant_role, normalize_phone
from app.db import utcnow
from app.display import csv_document
from app.errors import Conflict, InvalidInput, NotFound
from app.estates import messages
from app.estates.ledger_import import import_ledger, owner_key  # noqa: F401 - the registry's API
from app.estates.membership import claims_of_estate, live_link_or_new
from app.estates.models import (
    Building, Estate, Flat, FlatCode, FlatLink, LinkStatus, Relation, Stairwell)
from app.extensions import db
from app.privacy import mask_name, mask_phone
from app.security import keyed_hash, numeric_code
from app.signals import claim_decided
from app.unit_of_work import unit

FLAT_CODE_TTL = timedelta(days=30)
#: codes are looked up across the whole deployment (millions of flats), so 10^12 of them
#: keep a guess hopeless even with every flat holding a live code
FLAT_CODE_DIGITS = 12


def get_or_404(model, object_id):
    obj = db.session.get(model, object_id)
    if obj is None:
        raise NotFound()
    return obj


def is_verified_owner(user_id: int, flat_id: int) -> bool:
    return db.session.scalar(select(FlatLink.id).where(
        FlatLink.user_id == user_id, FlatLink.flat_id == flat_id,
        FlatLink.relation == Relation.owner, FlatLink.status == LinkStatus.verified)
        .limit(1)) is not None


def create_estate(name, district, street, built_year, actor_id=None) -> Estate:
    estate = Estate(name=name, district=district, street=street, built_year=built_year)
    db.session.add(estate)
    db.session.flush()
    record("estate.created", estate_id=estate.id, actor_id=actor_id, subject_type="estate",
           subject_id=estate.id, data={"name": name})
    db.session.commit()
    return estate


def estate_counts(estate_id: int) -> dict:
    return {
        "building_count": db.session.scalar(
            select(func.count(Building.id)).where(Building.estate_id == estate_id)),
        "stairwell_count": db.session.scalar(
            select(func.count(Stairwell.id)).where(Stairwell.estate_id == estate_id)),
        "flat_count": db.session.scalar(
            select(func.count(Flat.id)).where(Flat.estate_id == estate_id)),
    }


def buildings_with_stairwells(estate_id: int) -> list[dict]:
    flats_of = {}
    for stairwell_id, flat_id in db.session.execute(
            select(Flat.stairwell_id, Flat.id).where(Flat.estate_id == estate_id).order_by(Flat.id)):
        flats_of.setdefault(stairwell_id, []).append(flat_id)
    stairwells = db.session.scalars(
        select(Stairwell).where(Stairwell.estate_id == estate_id).order_by(Stairwell.id)).all()
    by_building = {}
    for stairwell in stairwells:
        flat_ids = flats_of.get(stairwell.id, [])
        by_building.setdefault(stairwell.building_id, []).append(
            {"id": stairwell.id, "name": stairwell.name, "flat_count": len(flat_ids), "flat_ids": flat_ids})
    buildings = db.session.scalars(
        select(Building).where(Building.estate_id == estate_id).order_by(Building.id)).all()
    return [{"id": b.id, "name": b.name, "stairwells": by_building.get(b.id, [])} for b in buildings]


def get_estate(estate_id: int) -> Estate:
    return get_or_404(Estate, estate_id)


def place_label(scope_type: str, place_id: int) -> str:
    """A building's name, or a stairwell's with its building ("1号楼 2单元")."""
    if scope_type == "building":
        return get_or_404(Building, place_id).name
    stairwell = get_or_404(Stairwell, place_id)
    return f"{stairwell.building.name} {stairwell.name}"


def flat_label(flat: Flat) -> str:
    """How people name a flat: "1号楼 1单元 402"."""
    return f"{flat.building.name} {flat.stairwell.name} {flat.room}"


def flat_labels(flat_ids) -> dict[int, str]:
    """Labels of many flats, with their buildings and stairwells in one query."""
    flats = db.session.scalars(select(Flat).where(Flat.id.in_(list(flat_ids)))
                               .options(joinedload(Flat.building), joinedload(Flat.stairwell))).all()
    return {flat.id: flat_label(flat) for flat in flats}


def estate_flat_labels(estate_id: int) -> dict[int, str]:
    """Every flat of the estate and its label, in id order (e.g. to pick a window's flat)."""
    flats = db.session.scalars(select(Flat).where(Flat.estate_id == estate_id).order_by(Flat.id)
                               .options(joinedload(Flat.building), joinedload(Flat.stairwell))).all()
    return {flat.id: flat_label(flat) for flat in flats}


def verified_flat_ids(user_id: int, flat_ids: set[int]) -> set[int]:
    """Of `flat_ids`, those the person has a verified link to (owner, tenant or family)."""
    if not flat_ids:
        return set()
    return set(db.session.scalars(select(FlatLink.flat_id).where(
        FlatLink.user_id == user_id, FlatLink.status == LinkStatus.verified,
        FlatLink.flat_id.in_(list(flat_ids)))))


def stairwell_rooms(stairwell_id: int) -> dict:
    """A stairwell's place names and rooms, without anything about who lives there.

    What a logged-in resident needs to pick their own flat when claiming it.
    """
    stairwell = get_or_404(Stairwell, stairwell_id)
    building = stairwell.building
    estate = db.session.get(Estate, stairwell.estate_id)
    rooms = db.session.execute(
        select(Flat.id, Flat.room, Flat.floor).where(Flat.stairwell_id == stairwell_id)
        .order_by(Flat.floor, Flat.room)).all()
    return {"estate": {"id": estate.id, "name": estate.name},
            "building": {"id": building.id, "name": building.name},
            "stairwell": {"id": stairwell.id, "name": stairwell.name},
            "rooms": [{"flat_id": flat_id, "room": room, "floor": floor}
                      for flat_id, room, floor in rooms]}


def add_member(estate_id: int, phone: str, role: str, actor_id: int) -> User:
    if role not in {r.value for r in ESTATE_ROLES}:
        raise InvalidInput(messages.MEMBER_ROLE, fields={"role": messages.MEMBER_ROLE})
    user = get_or_create_user(normalize_phone(phone))
    grant_role(user, Role(role), estate_id)
    record("member.granted", estate_id=estate_id, actor_id=actor_id, subject_type="user",
           subject_id=user.id, data={"role": role})
    db.session.commit()
    return user


def claim_flat(user: User, flat: Flat, relation: Relation) -> FlatLink:
    live = db.session.scalar(select(FlatLink).where(
        FlatLink.user_id == user.id, FlatLink.flat_id == flat.id,
        FlatLink.status.in_([LinkStatus.pending, LinkStatus.verified])))
    if live is not None:
        raise Conflict(messages.CLAIM_EXISTS, code="claim_exists")
    link = FlatLink(estate_id=flat.estate_id, flat_id=flat.id, user_id=user.id, relation=relation,
                    status=LinkStatus.pending, via="claim")
    db.session.add(link)
    try:
        db.session.commit()
    except IntegrityError as error:  # the same claim sent twice at once
        db.session.rollback()
        raise Conflict(messages.CLAIM_EXISTS, code="claim_exists") from error
    return link


def decide_claim(link: FlatLink, approve: bool, actor: User, reason: str | None = None) -> FlatLink:
    if link.status != LinkStatus.pending:
        raise Conflict(messages.CLAIM_NOT_PENDING, code="claim_not_pending")
    link.status = LinkStatus.verified if approve else LinkStatus.rejected
    link.reason, link.decided_by_id, link.decided_at = reason, actor.id, utcnow()
    record("claim.approved" if approve else "claim.rejected", estate_id=link.estate_id,
           actor_id=actor.id, subject_type="flat_link", subject_id=link.id,
           data={"flat_id": link.flat_id, "user_id": link.user_id,
                 "relation": link.relation.value, "reason": reason})
    db.session.commit()
    claim_decided.send(current_app._get_current_object(), estate_id=link.estate_id, link_id=link.id,
                       approved=approve)
    return link


def _fresh_flat_codes(count: int) -> list[tuple[str, str]]:
    """`count` new (hash, code) pairs, none equal to a code ever issued (codes are global)."""
    pairs: dict[str, str] = {}
    while len(pairs) < count:
        fresh = {}
        for _ in range(count - len(pairs)):
            code = numeric_code(FLAT_CODE_DIGITS)
            fresh[keyed_hash("flat-code", code)] = code
        hashes = [h for h in fresh if h not in pairs]
        taken = set()
        for start in range(0, len(hashes), 1000):
            taken.update(db.session.scalars(select(FlatCode.code_hash).where(
                FlatCode.code_hash.in_(hashes[start:start + 1000]))))
        pairs.update((h, fresh[h]) for h in hashes if h not in taken)
    return list(pairs.items())


def printable_code(code: str) -> str:
    """1234 5678 9012: easy to read out, and Excel keeps it as text (leading zeros stay)."""
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4))


def issue_flat_codes(estate_id: int, actor: User, flat_ids: list[int] | None = None) -> str:
    """New one-time codes (older unused ones stop working); returns CSV text with a BOM.

    flat_ids None means every flat of the estate; flats of other estates are left out.
    """
    return csv_document([["flat_id", "building", "stairwell", "room", "code"],
                         *issue_flat_code_rows(estate_id, actor, flat_ids)])


@unit
def issue_flat_code_rows(estate_id: int, actor: User, flat_ids: list[int] | None = None) -> list[list]:
    """As issue_flat_codes, the rows [flat_id, building, stairwell, room, code]. A unit of
    work: a caller with work still to finish (letters to draw) joins it to its own."""
    query = (select(Flat, Building.name, Stairwell.name)
             .join(Building, Flat.building_id == Building.id)
             .join(Stairwell, Flat.stairwell_id == Stairwell.id)
             .where(Flat.estate_id == estate_id).order_by(Building.id, Stairwell.id, Flat.room))
    if flat_ids is not None:
        query = query.where(Flat.id.in_(flat_ids))
    flats = db.session.execute(query).all()
    now = utcnow()
    db.session.execute(
        FlatCode.__table__.update()
        .where(FlatCode.estate_id == estate_id, FlatCode.used_at.is_(None),
               FlatCode.revoked_at.is_(None),
               FlatCode.flat_id.in_([flat.id for flat, _, _ in flats]))
        .values(revoked_at=now))
    table = []
    for (flat, building_name, stairwell_name), (code_hash, code) in zip(
            flats, _fresh_flat_codes(len(flats))):
        db.session.add(FlatCode(estate_id=estate_id, flat_id=flat.id, code_hash=code_hash,
                                issued_by_id=actor.id, created_at=now,
                                expires_at=now + FLAT_CODE_TTL))
        table.append([flat.id, building_name, stairwell_name, flat.room, printable_code(code)])
    record("flat_codes.issued", estate_id=estate_id, actor_id=actor.id, subject_type="estate",
           subject_id=estate_id, data={"count": len(flats)})
    return table


def redeem_flat_code(user: User, code: str) -> FlatLink:
    """A valid code verifies its holder as the flat's owner at once."""
    typed = re.sub(r"[\s-]", "", code or "")  # printed in groups; typed with or without spaces
    flat_code = db.session.scalar(select(FlatCode).where(
        FlatCode.code_hash == keyed_hash("flat-code", typed)).with_for_update())
    if flat_code is None or flat_code.used_at or flat_code.revoked_at:
        raise InvalidInput(messages.FLAT_CODE_INVALID, code="flat_code_invalid",
                           fields={"code": messages.FLAT_CODE_INVALID})
    if utcnow() >= flat_code.expires_at:
        raise InvalidInput(messages.FLAT_CODE_EXPIRED, code="flat_code_expired",
                           fields={"code": messages.FLAT_CODE_EXPIRED})
    flat_code.used_at, flat_code.used_by_id = utcnow(), user.id
    link = live_link_or_new(user.id, flat_code.estate_id, flat_code.flat_id)
    link.relation, link.status, link.via = Relation.owner, LinkStatus.verified, "code"
    link.decided_at = utcnow()
    db.session.flush()
    record("claim.verified_by_code", estate_id=flat_code.estate_id, actor_id=user.id,
           subject_type="flat_link", subject_id=link.id, data={"flat_id": flat_code.flat_id})
    db.session.commit()
    return link


def claims_for_review(estate_id: int) -> list[dict]:
    """The pending claims of an estate, each with what the committee compares: the
    claimant's phone (masked) against the ledger owner's, and whether they match."""
    rows = []
    for link in claims_of_estate(estate_id, LinkStatus.pending):
        claimant = db.session.get(User, link.user_id)
        owner = link.flat.owner
        rows.append({"link": link, "claimant_phone": mask_phone(claimant.phone),
                     "claimant_name": mask_name(claimant.name),
                     "owner_name": mask_name(owner.name) if owner else None,
                     "owner_phone": mask_phone(owner.phone) if owner else None,
                     "phone_matches": bool(owner and owner.phone and owner.phone == claimant.phone)})
    return rows


def committee_estates(user: User) -> list[Estate]:
    """Estates whose console this user may open: their committee roles, or all for staff."""
    query = select(Estate).order_by(Estate.id)
    if not is_staff(user):
        ids = {grant.estate_id for grant in user.roles if grant.role == Role.committee}
        query = query.where(Estate.id.in_(ids))
    return list(db.session.scalars(query.limit(200)))


def estate_members(estate_id: int) -> list[dict]:
    """Who holds a role in the estate (committee, moderator, designer, contractor), by role
    then by when it was granted; names and phones masked (the console lists them)."""
    grants = db.session.execute(
        select(RoleGrant.role, RoleGrant.created_at, User.name, User.phone)
        .join(User, RoleGrant.user_id == User.id)
        .where(RoleGrant.estate_id == estate_id, RoleGrant.role.in_(list(ESTATE_ROLES)))
        .order_by(RoleGrant.role, RoleGrant.id)).all()
    return [{"role": role.value, "since": since, "name": mask_name(name), "phone": mask_phone(phone)}
            for role, since, name, phone in grants]
