"""QR codes for places: links, rotation, what a scan resolves to, and scan counts.

A code never grants anything: resolving a token gives place names and the titles
of what is open there, never a vote or anyone's personal data.
"""
from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError

from app.audit.api import record
from app.consultations.api import Consultation, Status
from app.db import utcnow
from app.errors import Conflict, NotFound
from app.estates.api import Building, Estate, Stairwell
from app.estates.api import get_or_404
from app.extensions import db
from app.qr import messages, posters, tokens
from app.qr.models import QrPlace, QrScan


@dataclass(frozen=True)
class Place:
    """A stairwell or a building, with the names a resident reads."""

    kind: str  # "stairwell" or "building"
    estate: Estate
    building: Building
    stairwell: Stairwell | None = None

    @property
    def id(self) -> int:
        return self.stairwell.id if self.kind == "stairwell" else self.building.id

    @property
    def estate_id(self) -> int:
        return self.estate.id

    @property
    def label(self) -> str:
        """How the place is called in its estate: 3号楼 2单元, or 3号楼."""
        if self.stairwell is None:
            return self.building.name
        return f"{self.building.name} {self.stairwell.name}"


def place_of(kind: str, place_id: int) -> Place | None:
    if kind == "stairwell":
        stairwell = db.session.get(Stairwell, place_id)
        if stairwell is None:
            return None
        return Place(kind, stairwell.building.estate, stairwell.building, stairwell)
    if kind == "building":
        building = db.session.get(Building, place_id)
        return None if building is None else Place(kind, building.estate, building)
    return None


def get_place_or_404(kind: str, place_id: int) -> Place:
    place = place_of(kind, place_id)
    if place is None:
        raise NotFound()
    return place


def versions_of(kind: str, place_ids) -> dict[int, int]:
    """Current code version per place id (1 for places never rotated)."""
    ids = list(place_ids)
    rows = dict(db.session.execute(select(QrPlace.place_id, QrPlace.version).where(
        QrPlace.place_type == kind, QrPlace.place_id.in_(ids))).all()) if ids else {}
    return {place_id: rows.get(place_id, 1) for place_id in ids}


def current_version(place: Place) -> int:
    return versions_of(place.kind, [place.id])[place.id]


def link_of(kind: str, place_id: int, version: int) -> str:
    """The address printed in the code: PUBLIC_BASE_URL/q/<token>."""
    base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
    return f"{base}/q/{tokens.sign(kind, place_id, version)}"


def link_for(place: Place) -> str:
    return link_of(place.kind, place.id, current_version(place))


def code_view(place: Place) -> dict:
    """What a committee sees about a place's code."""
    version = current_version(place)
    return {"place_type": place.kind, "id": place.id, "estate_id": place.estate_id,
            "name": place.label, "version": version, "url": link_of(place.kind, place.id, version)}


def _locked_qr_place(place: Place) -> QrPlace:
    statement = select(QrPlace).where(
        QrPlace.place_type == place.kind, QrPlace.place_id == place.id).with_for_update()
    row = db.session.scalar(statement)
    if row is None:
        # first rotation of this place: create its row in a savepoint, so that a
        # concurrent first rotation makes us re-read instead of failing
        try:
            with db.session.begin_nested():
                db.session.add(QrPlace(estate_id=place.estate_id, place_type=place.kind,
                                       place_id=place.id, version=1))
        except IntegrityError:
            pass
        row = db.session.scalar(statement)
    return row


def rotate(place: Place, actor_id: int | None) -> dict:
    """A new code for the place; every code printed before stops working."""
    row = _locked_qr_place(place)
    row.version += 1
    row.rotated_at, row.rotated_by_id = utcnow(), actor_id
    record("qr.rotated", estate_id=place.estate_id, actor_id=actor_id, subject_type=place.kind,
           subject_id=place.id, data={"version": row.version})
    db.session.commit()
    return code_view(place)


@dataclass(frozen=True)
class Scan:
    """What a token resolves to: `ok`, `retired` (rotated away) or `invalid`."""

    status: str
    place: Place | None = None
    version: int | None = None


def resolve(token: str) -> Scan:
    data = tokens.unsign(token)
    place = data and place_of(data.kind, data.place_id)
    if place is None:
        return Scan("invalid")
    current = current_version(place)
    if data.version > current:  # signed by us, yet never issued: treat as unknown
        return Scan("invalid")
    return Scan("ok" if data.version == current else "retired", place, data.version)


def record_scan(scan: Scan, via: str) -> None:
    """Count a scan of a known place (old posters too: the committee sees them still read)."""
    if scan.place is None:
        return
    db.session.add(QrScan(estate_id=scan.place.estate_id, place_type=scan.place.kind,
                          place_id=scan.place.id, version=scan.version,
                          retired=scan.status == "retired", via=via))
    db.session.commit()


def open_consultations(place: Place) -> list[dict]:
    """Titles of the open consultations a resident of this place is asked about.

    Estate-wide ones, the building's, and the stairwell's (for a building: those of
    any of its stairwells), soonest closing first. Consultations among an explicit set of flats (一事一议)
    are left out: their titles can name a household's dispute.
    """
    scopes = [Consultation.scope_type == "estate",
              and_(Consultation.scope_type == "building",
                   Consultation.scope_id == place.building.id)]
    if place.stairwell is not None:
        scopes.append(and_(Consultation.scope_type == "stairwell",
                           Consultation.scope_id == place.stairwell.id))
    else:
        scopes.append(and_(Consultation.scope_type == "stairwell", Consultation.scope_id.in_(
            select(Stairwell.id).where(Stairwell.building_id == place.building.id))))
    rows = db.session.scalars(select(Consultation).where(
        Consultation.estate_id == place.estate_id, Consultation.status == Status.open,
        Consultation.closes_at > utcnow(),  # due but not yet closed by the closing job
        or_(*scopes))
        .order_by(Consultation.closes_at, Consultation.id)).all()
    return [{"id": c.id, "title": c.title, "closes_at": c.closes_at} for c in rows]


def landing(place: Place) -> dict:
    """The public view of a place: names and open titles, nothing personal."""
    return {
        "place_type": place.kind,
        "estate": {"id": place.estate.id, "name": place.estate.name},
        "building": {"id": place.building.id, "name": place.building.name},
        "stairwell": (None if place.stairwell is None
                      else {"id": place.stairwell.id, "name": place.stairwell.name}),
        "open_consultations": open_consultations(place),
    }


def stairwell_places(estate_id: int) -> list[Place]:
    """Every stairwell of the estate in poster order (building, then stairwell)."""
    estate = get_or_404(Estate, estate_id)
    rows = db.session.execute(
        select(Stairwell, Building).join(Building, Stairwell.building_id == Building.id)
        .where(Stairwell.estate_id == estate_id).order_by(Building.id, Stairwell.id)).all()
    return [Place("stairwell", estate, building, stairwell) for stairwell, building in rows]


def scan_counts(estate_id: int, since: datetime | None = None) -> dict:
    """Scans per stairwell and per building code of an estate, places never scanned included.

    `retired_scans` counts scans of codes already rotated away: old posters still hanging.
    """
    query = (select(QrScan.place_type, QrScan.place_id, QrScan.retired, func.count(QrScan.id),
                    func.max(QrScan.scanned_at))
             .where(QrScan.estate_id == estate_id)
             .group_by(QrScan.place_type, QrScan.place_id, QrScan.retired))
    if since is not None:
        query = query.where(QrScan.scanned_at >= since)
    counts = {}
    for kind, place_id, retired, count, last in db.session.execute(query):
        counts.setdefault((kind, place_id), []).append((retired, count, last))
    buildings = db.session.scalars(
        select(Building).where(Building.estate_id == estate_id).order_by(Building.id)).all()
    stairwells = db.session.scalars(
        select(Stairwell).where(Stairwell.estate_id == estate_id).order_by(Stairwell.id)).all()
    names = {b.id: b.name for b in buildings}
    result = {}
    for kind, places in (("stairwell", stairwells), ("building", buildings)):
        versions = versions_of(kind, [p.id for p in places])
        rows = []
        for place in places:
            seen = counts.get((kind, place.id), [])
            row = {"id": place.id, "name": place.name, "version": versions[place.id],
                   "scans": sum(count for _, count, _ in seen),
                   "retired_scans": sum(count for retired, count, _ in seen if retired),
                   "last_scanned_at": max((last for _, _, last in seen), default=None)}
            if kind == "stairwell":
                row.update(building_id=place.building_id, building=names[place.building_id])
            rows.append(row)
        result[f"{kind}s"] = rows
    return result



def estate_posters(estate_id: int) -> bytes:
    """The estate's poster PDF: a page per stairwell with its current code."""
    places = stairwell_places(estate_id)
    if not places:
        raise Conflict(messages.NO_STAIRWELLS, code="no_stairwells")
    versions = versions_of("stairwell", [place.id for place in places])
    pages = [posters.PosterPage(
        estate_name=place.estate.name, place_name=place.label,
        link=link_of(place.kind, place.id, versions[place.id]),
        code_label=messages.POSTER_CODE_LABEL.format(code=f"S{place.id}",
                                                     version=versions[place.id]))
        for place in places]
    return posters.render(pages, messages.POSTER_TITLE.format(estate=places[0].estate.name))
