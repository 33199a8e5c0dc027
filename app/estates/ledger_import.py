"""From checked ledger rows to the registry: who counts as one owner, what an import would
change (the preview, which writes nothing), and the import itself (all or nothing).

Heads follow the owners: co-owners of a flat are one Owner (its people listed in
OwnerPerson), one person or organisation holding several flats is one Owner shared by them.
Flats missing from a new file are reported and kept: a file may hold one building only, and
ballots and frozen electorates refer to flats.
"""
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from app.audit.api import record
from app.errors import Conflict
from app.estates import ledger_cells, messages
from app.estates.ledger import LedgerParse, LedgerRow, parse_ledger, rows_of
from app.estates.models import Building, Flat, Owner, OwnerPerson, Stairwell
from app.extensions import db
from app.heavyjobs.api import finish, submit
from app.offload import off_the_loop
from app.privacy import mask_name
from app.security import keyed_hash

#: entries listed per kind of change in a preview (the counts are always whole)
PREVIEW_LIST = 300


def person_hash(id_number: str) -> str:
    """The keyed hash of an ID number, as an Owner's key and an OwnerPerson's id_hash."""
    return keyed_hash("owner", f"id:{id_number.upper()}")


def owner_key(row: LedgerRow) -> str:
    """Keyed hash naming an owner, so one owner of several flats counts once.

    An organisation by its name; one person by the ID number when the ledger has it, else
    name and phone. With neither ID number nor phone a name alone cannot tell two 张伟
    apart, so the owner is taken as holding only this flat (counted separately, never
    merged wrongly). Co-owners together by each one's ID number (else name), with the phone
    or the flat when no ID number is given.
    """
    if row.owner_kind == "organisation":
        return keyed_hash("owner", f"org:{row.owner_name}")
    people = row.people or (row.owner_name,)
    place = f"flat:{row.building}|{row.stairwell}|{row.room}"
    if len(people) == 1:
        if row.owner_id_number:
            return person_hash(row.owner_id_number)
        if row.owner_phone:
            return keyed_hash("owner", f"name:{row.owner_name}|phone:{row.owner_phone}")
        return keyed_hash("owner", f"{place}|{row.owner_name}")
    parts = sorted(f"id:{row.id_numbers[i]}" if i < len(row.id_numbers) else f"name:{name}"
                   for i, name in enumerate(people))
    if not row.id_numbers:
        parts.append(f"phone:{row.owner_phone}" if row.owner_phone else place)
    return keyed_hash("owner", "group:" + "|".join(parts))


def matched_by(row: LedgerRow) -> str:
    """How rows of one owner were found to be the same owner, in the preview's words."""
    if row.owner_kind == "organisation":
        return messages.MATCH_BY_UNIT
    return messages.MATCH_BY_ID if row.owner_id_number else messages.MATCH_BY_NAME_PHONE


def _current(estate_id: int) -> dict:
    """The estate's flats by place: (flat id, floor, area, owner key, name, phone)."""
    found = db.session.execute(
        select(Building.name, Stairwell.name, Flat.room, Flat.id, Flat.floor, Flat.area_m2,
               Owner.key_hash, Owner.name, Owner.phone)
        .join(Building, Flat.building_id == Building.id)
        .join(Stairwell, Flat.stairwell_id == Stairwell.id)
        .outerjoin(Owner, Flat.owner_id == Owner.id)
        .where(Flat.estate_id == estate_id).order_by(Flat.id)).all()
    return {(b, s, r): rest for b, s, r, *rest in found}


def _label(row_or_place) -> str:
    building, stairwell, room = row_or_place
    return f"{building} {stairwell} {room}"


def _changes(row: LedgerRow, key: str, before) -> list[str]:
    """What an import changes on an existing flat, in words."""
    _, floor, area, old_key, name, phone = before
    said = []
    if floor != row.floor:
        said.append(messages.CHANGE_FLOOR.format(old=floor, new=row.floor))
    if area != row.area_m2:
        said.append(messages.CHANGE_AREA.format(old=area, new=row.area_m2))
    if old_key != key:
        said.append(messages.CHANGE_OWNER.format(old=mask_name(name) if name else "—",
                                                 new=mask_name(row.owner_name)))
    elif (name, phone) != (row.owner_name, row.owner_phone or phone):
        said.append(messages.CHANGE_OWNER_CONTACT)
    return said


def preview_ledger(estate_id: int, parsed: LedgerParse) -> dict:
    """What importing `parsed` would do, against the current ledger; reads only."""
    current = _current(estate_id)
    added, changed, seen = [], [], set()
    by_building = defaultdict(lambda: {"flats": 0, "owners": set(), "area": Decimal(0),
                                       "public": 0, "co_owned": 0})
    owners = defaultdict(list)
    for row in parsed.rows:
        place, key = (row.building, row.stairwell, row.room), owner_key(row)
        seen.add(place)
        building = by_building[row.building]
        building["flats"] += 1
        building["owners"].add(key)
        building["area"] += row.area_m2
        building["public"] += ledger_cells.is_public(row.property_kind or "")
        building["co_owned"] += len(row.people) > 1
        owners[key].append(row)
        entry = {"sheet": row.sheet, "row": row.row, "flat": _label(place)}
        if place not in current:
            added.append(entry)
        elif said := _changes(row, key, current[place]):
            changed.append({**entry, "changes": said})
    removed = [{"flat": _label(place)} for place in current if place not in seen]
    several = [{"owner": mask_name(rows[0].owner_name), "matched_by": matched_by(rows[0]),
                "flats": [_label((r.building, r.stairwell, r.room)) for r in rows]}
               for rows in owners.values() if len(rows) > 1]
    return {
        "sheets": parsed.sheets,
        "columns": _columns(parsed.sheets),
        "buildings": [{"name": name, "flats": b["flats"], "owners": len(b["owners"]),
                       "area_m2": b["area"], "public": b["public"], "co_owned": b["co_owned"]}
                      for name, b in by_building.items()],
        "totals": {"flats": len(parsed.rows), "owners": len(owners),
                   "area_m2": sum((r.area_m2 for r in parsed.rows), Decimal(0))},
        "owners_with_several_flats": several[:PREVIEW_LIST],
        "skipped": parsed.skipped[:PREVIEW_LIST],
        "problems": parsed.problems[:PREVIEW_LIST],
        "problem_count": len(parsed.problems),
        "changes": {"added": added[:PREVIEW_LIST], "changed": changed[:PREVIEW_LIST],
                    "removed": removed[:PREVIEW_LIST],
                    "counts": {"added": len(added), "changed": len(changed), "removed": len(removed)}},
        "notes": _notes(parsed),
    }


def _columns(sheets: list[dict]) -> list[dict]:
    """Each column found, with the header texts it came from over all sheets."""
    found = {}
    for sheet in sheets:
        for column in sheet["columns"]:
            headers = found.setdefault(column["label"], [])
            if column["header"] not in headers:
                headers.append(column["header"])
    return [{"label": label, "header": "、".join(headers)} for label, headers in found.items()]


def _notes(parsed: LedgerParse) -> list[str]:
    """What the reader inferred, said plainly (a floor taken from the room number, …)."""
    notes = []
    for sheet in parsed.sheets:
        if sheet["floor_from_room"]:
            notes.append(messages.NOTE_FLOOR_FROM_ROOM.format(sheet=sheet["name"]))
        if sheet["building_from_sheet"]:
            notes.append(messages.NOTE_BUILDING_FROM_SHEET.format(sheet=sheet["name"]))
    return notes


def start_import(estate_id: int, data: bytes, filename: str, actor_id: int) -> dict:
    """Read and import a ledger file as a heavy job (app/heavyjobs): a kill mid-way leaves
    the registry as it was and a job to run again; the file is kept only until the job ends."""
    return submit("estates.ledger_import", estate_id, actor_id, {"filename": filename},
                  upload=data, upload_name=filename[:200])


def run_import_job(job, payload: dict, upload: bytes) -> dict:
    parsed = off_the_loop(parse_ledger, upload, payload["filename"])
    return import_ledger(job.estate_id, rows_of(parsed), actor_id=job.created_by_id, job=job)


def import_ledger(estate_id: int, rows: list[LedgerRow], actor_id=None, job=None) -> dict:
    """Create or update every row's building, stairwell, owner and flat; all or nothing
    (one commit, with its job's end)."""
    buildings = {b.name: b for b in db.session.scalars(
        select(Building).where(Building.estate_id == estate_id))}
    stairwells = {(s.building_id, s.name): s for s in db.session.scalars(
        select(Stairwell).where(Stairwell.estate_id == estate_id))}
    owners = {o.key_hash: o for o in db.session.scalars(
        select(Owner).where(Owner.estate_id == estate_id))}
    flats = {(f.stairwell_id, f.room): f for f in db.session.scalars(
        select(Flat).where(Flat.estate_id == estate_id))}
    owner_before = {o.id: (o.name, o.phone) for o in owners.values()}
    created = updated = 0
    grouped = {}
    try:
        for row in rows:
            building = buildings.get(row.building)
            if building is None:
                building = buildings[row.building] = Building(estate_id=estate_id, name=row.building)
                db.session.add(building)
                db.session.flush()
            stairwell = stairwells.get((building.id, row.stairwell))
            if stairwell is None:
                stairwell = Stairwell(estate_id=estate_id, building_id=building.id, name=row.stairwell)
                stairwells[(building.id, row.stairwell)] = stairwell
                db.session.add(stairwell)
                db.session.flush()
            key = owner_key(row)
            owner = owners.get(key)
            if owner is None:
                owner = owners[key] = Owner(estate_id=estate_id, key_hash=key)
                db.session.add(owner)
            owner.name, owner.kind = row.owner_name, row.owner_kind
            if row.owner_phone:
                owner.phone, owner.phone_kind = row.owner_phone, row.phone_kind or "mobile"
            if len(row.people) > 1:
                grouped[key] = (owner, row)
            flat = flats.get((stairwell.id, row.room))
            if flat is None:
                flat = Flat(estate_id=estate_id, building_id=building.id, stairwell_id=stairwell.id,
                            room=row.room)
                flats[(stairwell.id, row.room)] = flat
                db.session.add(flat)
                created += 1
            elif ((flat.floor, flat.area_m2, flat.owner) != (row.floor, row.area_m2, owner)
                  or owner_before.get(owner.id) != (owner.name, owner.phone)):
                updated += 1  # the flat, who owns it, or the owner's name or phone changed
            flat.floor, flat.area_m2, flat.owner = row.floor, row.area_m2, owner
            flat.property_kind, flat.tenant_name = row.property_kind, row.tenant_name
            if row.certificate_number:
                flat.certificate_hash = keyed_hash("certificate", row.certificate_number)
        db.session.flush()
        _save_people(estate_id, grouped.values())
        record("ledger.imported", estate_id=estate_id, actor_id=actor_id, subject_type="estate",
               subject_id=estate_id, data={"rows": len(rows), "created": created, "updated": updated})
        finish(job, None)
        db.session.commit()
    except IntegrityError as error:  # another import of this estate committed first
        db.session.rollback()
        raise Conflict(messages.LEDGER_BUSY, code="ledger_busy") from error
    except Exception:
        db.session.rollback()
        raise
    return {"created": created, "updated": updated}


def _save_people(estate_id: int, groups) -> None:
    """The co-owners each group Owner stands for, as the newest ledger names them."""
    groups = list(groups)
    if not groups:
        return
    db.session.execute(delete(OwnerPerson).where(
        OwnerPerson.owner_id.in_([owner.id for owner, _ in groups])))
    for owner, row in groups:
        for position, name in enumerate(row.people):
            id_number = row.id_numbers[position] if position < len(row.id_numbers) else None
            db.session.add(OwnerPerson(estate_id=estate_id, owner_id=owner.id, position=position,
                                       name=name, id_hash=person_hash(id_number) if id_number else None))
