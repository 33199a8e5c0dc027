"""News about flats the committee entered on paper (a meeting's sign-ins, an application's
support): whoever has an account was told in the app; an owner known only by the ledger's
mobile number hears it by SMS, unless the number opted out, within the estate's monthly
budget (over it: nothing is sent, and it is logged; nothing half-sent). Once per flat and
news: the caller's dedup key is kept in the audit entry."""
import logging

from flask import current_app
from sqlalchemy import select

from app.audit.api import record
from app.auth.api import User
from app.auth.api import KINDS, opted_out, send_sms
from app.errors import Conflict
from app.estates.api import Estate, Flat, FlatLink, LinkStatus, Owner, Relation
from app.estates.api import flat_labels
from app.extensions import db
from app.reach.audience import mobile
from app.reach.services import parts_of, take_budget
from app.signals import flats_entered

log = logging.getLogger(__name__)


def ledger_phones(flat_ids: list[int]) -> dict[int, str]:
    """flat id -> the ledger's mobile number of its owner, for the flats no account stands
    for (no verified owner, no account with that number) and whose number did not opt out."""
    rows = db.session.execute(select(Flat.id, Owner.phone, Owner.phone_kind).join(Owner, Owner.id == Flat.owner_id)
                              .where(Flat.id.in_(flat_ids))).all()
    numbers = {flat_id: mobile(phone, kind) for flat_id, phone, kind in rows}
    numbers = {flat_id: phone for flat_id, phone in numbers.items() if phone}
    if not numbers:
        return {}
    linked = set(db.session.scalars(select(FlatLink.flat_id).join(User, User.id == FlatLink.user_id).where(
        FlatLink.flat_id.in_(numbers), FlatLink.relation == Relation.owner,
        FlatLink.status == LinkStatus.verified, User.deleted_at.is_(None))))
    registered = set(db.session.scalars(select(User.phone).where(
        User.phone.in_(set(numbers.values())), User.deleted_at.is_(None))))
    stopped = opted_out(numbers.values())
    return {flat_id: phone for flat_id, phone in numbers.items()
            if flat_id not in linked and phone not in registered and phone not in stopped}


def tell_ledger_owners(estate_id: int, flat_ids: list[int], kind: str, params: dict, path: str,
                       dedup_key: str, now=None) -> int:
    """SMS of `kind` to the ledger-only owners of these flats; how many were sent."""
    phones = ledger_phones(sorted(set(flat_ids)))
    if not phones:
        return 0
    labels, estate = flat_labels(list(phones)), db.session.get(Estate, estate_id)
    link = current_app.config["PUBLIC_BASE_URL"].rstrip("/") + path
    values = {flat_id: {**params, "estate": estate.name, "flat": labels.get(flat_id, ""), "link": link}
              for flat_id in phones}
    parts = sum(parts_of(KINDS[kind].text.format(**values[flat_id])) for flat_id in phones)
    try:
        take_budget(estate_id, parts * current_app.config["SMS_PRICE_CENTS"], now)
    except Conflict:
        log.warning("%s of estate %s not sent by SMS to %d ledger owners: over the month's budget",
                    kind, estate_id, len(phones))
        return 0
    for flat_id, phone in phones.items():
        send_sms(phone, kind, {name: values[flat_id][name] for name in KINDS[kind].params}, now=now, hold=True)
    record("reach.flat_news_sent", estate_id=estate_id, actor_id=None, subject_type="estate", subject_id=estate_id,
           data={"kind": kind, "dedup_key": dedup_key, "flat_ids": sorted(phones), "sms_parts": parts})
    db.session.commit()
    return len(phones)


def on_flats_entered(_sender, estate_id, flat_ids, kind, params, path, dedup_key, **_):
    """After the entry's commit; a failure here never undoes the entry nor fails the request."""
    try:
        tell_ledger_owners(estate_id, flat_ids, kind, params, path, dedup_key)
    except Exception:  # noqa: BLE001 - logged; the entry stands
        db.session.rollback()
        log.exception("could not tell the ledger owners of %s (%s)", dedup_key, kind)


def connect(app) -> None:
    flats_entered.connect(on_flats_entered, sender=app, weak=False)
