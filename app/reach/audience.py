"""Who a notice reaches: the owners of the consultation's frozen electorate, once per person.

A person is a registered account (linked to a flat as its verified owner, or whose phone is
the ledger's number for the owner): they get the in-app message. Everyone else with a mobile
number in the ledger is a phone: they get an SMS, unless the number opted out. A flat with
neither is unreachable (the committee knocks on that door)."""
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from app.auth.api import User
from app.consultations.api import VOID, Ballot, ConsultationElectorate
from app.estates.api import PHONE_RE
from app.estates.api import Flat, FlatLink, LinkStatus, Owner, Relation, Stairwell
from app.extensions import db
from app.reach import messages
from app.auth.api import opted_out


@dataclass
class Person:
    key: str
    channel: str
    user_id: int | None
    phone: str | None
    flat_ids: list[int] = field(default_factory=list)


@dataclass
class ScopeFlat:
    flat_id: int
    stairwell_id: int
    label: str
    owner_id: int | None
    phone: str | None
    user_ids: set[int]


def mobile(phone: str | None, kind: str | None) -> str | None:
    return phone if phone and kind in (None, "mobile") and PHONE_RE.match(phone) else None


def scope_flats(consultation_id: int) -> list[ScopeFlat]:
    """The electorate's flats with their owner's mobile number and the accounts that stand
    for that owner (verified owner links, and the account of the ledger's number)."""
    rows = db.session.execute(
        select(Flat.id, Flat.stairwell_id, Flat.room, Stairwell.name, ConsultationElectorate.owner_id,
               Owner.phone, Owner.phone_kind)
        .join(Flat, Flat.id == ConsultationElectorate.flat_id)
        .join(Stairwell, Stairwell.id == Flat.stairwell_id)
        .outerjoin(Owner, Owner.id == ConsultationElectorate.owner_id)
        .where(ConsultationElectorate.consultation_id == consultation_id).order_by(Flat.id)).all()
    flat_ids = [row[0] for row in rows]
    linked = defaultdict(set)
    for flat_id, user_id in db.session.execute(
            select(FlatLink.flat_id, FlatLink.user_id).join(User, User.id == FlatLink.user_id)
            .where(FlatLink.flat_id.in_(flat_ids), FlatLink.status == LinkStatus.verified,
                   FlatLink.relation == Relation.owner, User.deleted_at.is_(None))):
        linked[flat_id].add(user_id)
    phones = {mobile(phone, kind) for *_, phone, kind in rows} - {None}
    account_of = dict(db.session.execute(select(User.phone, User.id).where(
        User.phone.in_(phones), User.deleted_at.is_(None))).all()) if phones else {}
    flats = []
    for flat_id, stairwell_id, room, stairwell, owner_id, phone, kind in rows:
        number = mobile(phone, kind)
        users = set(linked[flat_id]) | ({account_of[number]} if number in account_of else set())
        flats.append(ScopeFlat(flat_id, stairwell_id, f"{stairwell} {room}", owner_id, number, users))
    return flats


def voted_flats(consultation_id: int) -> dict[int, Ballot]:
    return {ballot.flat_id: ballot for ballot in db.session.scalars(select(Ballot).where(
        Ballot.consultation_id == consultation_id, Ballot.flat_id.is_not(None),
        ~Ballot.slot.startswith(VOID)))}


def plan(consultation_id: int, audience: str, channels: set[str]) -> tuple[list[Person], list[dict]]:
    """The people to tell (one each) and the flats nobody can be told of, with why."""
    flats = scope_flats(consultation_id)
    if audience == "not_voted":
        voted = voted_flats(consultation_id)
        flats = [flat for flat in flats if flat.flat_id not in voted]
    user_phone = dict(db.session.execute(select(User.id, User.phone).where(
        User.id.in_({uid for flat in flats for uid in flat.user_ids}))).all()) if flats else {}
    stopped = opted_out([flat.phone for flat in flats] + list(user_phone.values()))
    people: dict[str, Person] = {}
    unreachable = []
    for flat in flats:
        reason = None
        candidates = [("user", uid, user_phone.get(uid)) for uid in sorted(flat.user_ids)]
        if not flat.user_ids and flat.phone:
            candidates.append(("phone", None, flat.phone))
        reached = False
        for kind, user_id, phone in candidates:
            if kind == "user" and "app" in channels:
                channel = "app"
            elif phone and "sms" in channels and phone not in stopped:
                channel = "sms"
            else:
                reason = messages.UNREACHABLE_OPTED_OUT if phone in stopped else messages.UNREACHABLE_NO_CHANNEL
                continue
            key = f"user:{user_id}" if kind == "user" else f"phone:{phone}"
            person = people.setdefault(key, Person(key, channel, user_id, phone))
            person.flat_ids.append(flat.flat_id)
            reached = True
        if not reached:
            unreachable.append({"flat_id": flat.flat_id, "flat": flat.label,
                                "reason": reason or messages.UNREACHABLE_NO_PHONE})
    return list(people.values()), unreachable
