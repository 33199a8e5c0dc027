"""Reach per stairwell: for each stairwell of the consultation's electorate, and in total,
how many flats, owners, owners with a phone, registered, notified, opened the link, voted
(online / paper / assisted / proxy) and not yet reached. Every figure counts flats, so the
rows add up to the total; `people` in the total counts each owner once. A read: writes nothing."""
from collections import defaultdict

from sqlalchemy import select

from app.consultations.api import Channel
from app.estates.api import Building, Stairwell
from app.extensions import db
from app.reach.audience import scope_flats, voted_flats
from app.reach.models import NoticeRecipient

COLUMNS = ("flats", "owners", "with_phone", "registered", "notified", "opened", "voted_online",
           "voted_paper", "voted_assisted", "voted_proxy", "not_voted", "not_reached")


def voted_how(ballot) -> str:
    return "proxy" if ballot.cast_as == "proxy" or ballot.channel == Channel.proxy else ballot.channel.value


def reach_of(consultation_id: int) -> dict:
    flats = scope_flats(consultation_id)
    ballots = voted_flats(consultation_id)
    notified, opened = set(), set()
    for flat_ids, opened_at in db.session.execute(select(NoticeRecipient.flat_ids, NoticeRecipient.opened_at)
                                                  .where(NoticeRecipient.consultation_id == consultation_id)):
        notified.update(flat_ids)
        if opened_at is not None:
            opened.update(flat_ids)
    names = {sid: f"{building}{name}" for sid, name, building in db.session.execute(
        select(Stairwell.id, Stairwell.name, Building.name).join(Building, Building.id == Stairwell.building_id)
        .where(Stairwell.id.in_({flat.stairwell_id for flat in flats}))).all()} if flats else {}
    rows = defaultdict(lambda: dict.fromkeys(COLUMNS, 0))
    for flat in flats:
        row = rows[flat.stairwell_id]
        ballot = ballots.get(flat.flat_id)
        row["flats"] += 1
        row["owners"] += flat.owner_id is not None
        row["with_phone"] += flat.phone is not None
        row["registered"] += bool(flat.user_ids)
        row["notified"] += flat.flat_id in notified
        row["opened"] += flat.flat_id in opened
        if ballot is not None:
            row[f"voted_{voted_how(ballot)}"] += 1
        else:
            row["not_voted"] += 1
            row["not_reached"] += flat.flat_id not in notified
    stairwells = sorted(({"stairwell_id": sid, "name": names[sid], **row} for sid, row in rows.items()),
                        key=lambda r: (-r["not_voted"], -r["not_reached"], r["name"]))
    total = {column: sum(row[column] for row in stairwells) for column in COLUMNS}
    total["people"] = len({flat.owner_id for flat in flats if flat.owner_id is not None})
    return {"consultation_id": consultation_id, "stairwells": stairwells, "total": total}


def estates_reach(estate_ids: list[int]) -> list[dict]:
    """The street office's view: each estate's open or closed (not yet published) votes with
    their total reach, most missing first."""
    from app.consultations.api import Consultation, Status

    rows = []
    for c in db.session.scalars(select(Consultation).where(
            Consultation.estate_id.in_(estate_ids), Consultation.stored_status.in_([Status.open, Status.closed]))
            .order_by(Consultation.id)):
        rows.append({"estate_id": c.estate_id, "consultation_id": c.id, "title": c.title,
                     **reach_of(c.id)["total"]})
    return sorted(rows, key=lambda r: (-r["not_voted"], r["consultation_id"]))
