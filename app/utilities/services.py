"""The rules of utilities' works: plan them beside the renovation's, warn when one place is
dug twice, record their money (read by app.funding), hand over what they built."""
from datetime import date

from flask import current_app
from sqlalchemy import select

from app.audit.api import record
from app.db import add_once, utcnow
from app.display import china_today, day_label
from app.errors import Conflict, InvalidInput
from app.extensions import db
from app.media.api import store_photo
from app.unit_of_work import unit
from app.utilities import messages
from app.utilities.models import MoneyStage, UtilityContribution, UtilityHandover, UtilityWork, WorkStatus


def _refuse(field: str, message: str):
    raise InvalidInput(message, fields={field: message})


def stored_photo(estate_id: int, data: bytes, field: str, missing: str) -> str:
    """The media key of an uploaded photo; an empty file input, or a file that is not a photo,
    is refused beside `field` (the form's own input, not the media store's name for it)."""
    if not data:
        _refuse(field, missing)
    try:
        return store_photo(estate_id, data).key
    except InvalidInput as error:
        raise InvalidInput(error.message, code=error.code, status=error.status,
                           fields={field: error.message}) from error


def _road(text: str) -> str:
    """A road as typed, with its spaces tidied: "小区 主路 " and "小区主路" are one road."""
    return "".join(text.split())


def _check_place(estate_id: int, road: str, stairwell_id: int | None) -> None:
    from app.estates.api import Stairwell

    if not road and stairwell_id is None:
        raise InvalidInput(messages.PLACE_REQUIRED, fields={"road": messages.PLACE_REQUIRED,
                                                            "stairwell_id": messages.PLACE_REQUIRED})
    if stairwell_id is not None:
        stairwell = db.session.get(Stairwell, stairwell_id)
        if stairwell is None or stairwell.estate_id != estate_id:
            _refuse("stairwell_id", messages.NOT_THIS_ESTATES_STAIRWELL)


def _check_dates(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        _refuse("ends_on", messages.ENDS_BEFORE_STARTS)


@unit
def add_work(project, data: dict, actor_id: int) -> UtilityWork:
    """A pipeline work planned in the project (audited): where (a road, a stairwell or both)
    and when."""
    road = _road(data.get("road") or "")
    _check_place(project.estate_id, road, data.get("stairwell_id"))
    _check_dates(data["starts_on"], data["ends_on"])
    work = UtilityWork(estate_id=project.estate_id, project_id=project.id, party=data["party"],
                       title=data["title"].strip(), road=road, stairwell_id=data.get("stairwell_id"),
                       starts_on=data["starts_on"], ends_on=data["ends_on"],
                       status=WorkStatus(data.get("status") or "planned"), updated_by_id=actor_id)
    db.session.add(work)
    db.session.flush()
    record("utilities.work", estate_id=project.estate_id, actor_id=actor_id, subject_type="project",
           subject_id=project.id, data={"work_id": work.id, "party": work.party, "road": road,
                                        "stairwell_id": work.stairwell_id,
                                        "starts_on": work.starts_on.isoformat(), "ends_on": work.ends_on.isoformat()})
    return work


@unit
def change_work(work: UtilityWork, data: dict, actor_id: int) -> UtilityWork:
    """New dates or progress for a work (audited)."""
    _check_dates(data["starts_on"], data["ends_on"])
    work.starts_on, work.ends_on, work.status = data["starts_on"], data["ends_on"], WorkStatus(data["status"])
    work.updated_by_id, work.updated_at = actor_id, utcnow()
    record("utilities.work_changed", estate_id=work.estate_id, actor_id=actor_id, subject_type="project",
           subject_id=work.project_id, data={"work_id": work.id, "status": work.status.value,
                                             "starts_on": work.starts_on.isoformat(),
                                             "ends_on": work.ends_on.isoformat()})
    return work


def place_names(estate_id: int) -> dict[int, str]:
    from app.estates.api import buildings_with_stairwells

    return {s["id"]: f"{b['name']}{s['name']}" for b in buildings_with_stairwells(estate_id)
            for s in b["stairwells"]}


def work_view(work: UtilityWork, places: dict[int, str]) -> dict:
    where = [part for part in (work.road, places.get(work.stairwell_id, "")) if part]
    return {"id": work.id, "project_id": work.project_id, "party": work.party,
            "party_label": messages.PARTIES.get(work.party, work.party), "title": work.title,
            "road": work.road, "stairwell_id": work.stairwell_id, "place": "、".join(where),
            "starts_on": work.starts_on, "ends_on": work.ends_on, "status": work.status.value,
            "status_label": messages.STATUS_LABELS[work.status.value]}


def _clash(first: UtilityWork, second: UtilityWork, place: str, places: dict, gap_days: int) -> dict | None:
    """Two works at one place: a clash when their periods overlap or lie `gap_days` or fewer apart."""
    if first.starts_on > second.starts_on or (first.starts_on == second.starts_on and first.id > second.id):
        first, second = second, first
    gap = (second.starts_on - first.ends_on).days - 1  # whole days with no digging between them
    if gap > gap_days:
        return None
    when = messages.CLASH_OVERLAP if gap < 0 else messages.CLASH_GAP.format(days=gap)

    def words(work):
        return messages.CLASH_WORK.format(party=messages.PARTIES.get(work.party, work.party), title=work.title,
                                          start=day_label(work.starts_on), end=day_label(work.ends_on))

    advice = messages.CLASH_AFTER_DONE if first.ends_on < china_today() else messages.CLASH
    return {"place": place, "overlap": gap < 0, "gap_days": max(gap, 0),
            "works": [work_view(first, places), work_view(second, places)],
            "text": advice.format(place=place, first=words(first), second=words(second), when=when)}


def clashes_of_estate(estate_id: int) -> list[dict]:
    """Every pair of the estate's works (any project, any party) that digs the same road or
    the same stairwell in overlapping or nearby periods, the soonest first."""
    works = db.session.scalars(select(UtilityWork).where(UtilityWork.estate_id == estate_id)
                               .order_by(UtilityWork.starts_on, UtilityWork.id)).all()
    places, gap_days = place_names(estate_id), current_app.config["UTILITY_CLASH_GAP_DAYS"]
    found = []
    for i, first in enumerate(works):
        for second in works[i + 1:]:
            shared = []
            if first.road and first.road == second.road:
                shared.append(first.road)
            if first.stairwell_id is not None and first.stairwell_id == second.stairwell_id:
                shared.append(places.get(first.stairwell_id, ""))
            if shared:
                clash = _clash(first, second, "、".join(shared), places, gap_days)
                if clash is not None:
                    found.append(clash)
    return sorted(found, key=lambda c: (c["works"][1]["starts_on"], c["works"][0]["id"]))


def all_clashes(estate_ids: list[int] | None = None) -> list[dict]:
    """The street's list: every estate's clashes still ahead or under way, with the estate."""
    from app.estates.api import Estate

    query = select(Estate.id, Estate.name).where(
        Estate.id.in_(select(UtilityWork.estate_id).where(UtilityWork.ends_on >= china_today())))
    if estate_ids is not None:
        query = query.where(Estate.id.in_(estate_ids))
    rows = []
    for estate_id, name in db.session.execute(query.order_by(Estate.id)):
        rows += [{"estate_id": estate_id, "estate_name": name, **clash} for clash in clashes_of_estate(estate_id)
                 if any(work["ends_on"] >= china_today() for work in clash["works"])]
    return rows


@unit
def record_contribution(project, data: dict, actor_id: int) -> UtilityContribution:
    """Money a utility committed or paid in (audited); app.funding reads it, nobody enters it twice."""
    if data["dated_on"] > china_today():
        _refuse("dated_on", messages.DATE_IN_FUTURE)
    row = UtilityContribution(estate_id=project.estate_id, project_id=project.id, utility=data["utility"],
                              stage=MoneyStage(data["stage"]), amount_cents=data["amount_cents"],
                              dated_on=data["dated_on"], document_no=(data.get("document_no") or "").strip(),
                              note=(data.get("note") or "").strip(), created_by_id=actor_id)
    db.session.add(row)
    db.session.flush()
    record("utilities.money", estate_id=project.estate_id, actor_id=actor_id, subject_type="project",
           subject_id=project.id, data={"id": row.id, "utility": row.utility, "stage": row.stage.value,
                                        "amount_cents": row.amount_cents})
    return row


def contribution_view(row: UtilityContribution) -> dict:
    return {"id": row.id, "utility": row.utility, "utility_label": messages.UTILITIES.get(row.utility, row.utility),
            "stage": row.stage.value, "stage_label": messages.STAGE_LABELS[row.stage.value],
            "amount_cents": row.amount_cents, "dated_on": row.dated_on, "document_no": row.document_no,
            "note": row.note}


def contributions_of(project_id: int) -> list[dict]:
    """A project's utility money, one row per commitment or payment, in date order."""
    rows = db.session.scalars(select(UtilityContribution).where(UtilityContribution.project_id == project_id)
                              .order_by(UtilityContribution.dated_on, UtilityContribution.id))
    return [contribution_view(row) for row in rows]


def money_of(project_id: int) -> dict:
    """What the project's utilities committed and paid in, in fen (the funding table's row)."""
    rows = contributions_of(project_id)
    return {stage.value + "_cents": sum(r["amount_cents"] for r in rows if r["stage"] == stage.value)
            for stage in MoneyStage} | {"entries": rows}


@unit
def record_handover(project, form: dict, record_photo: bytes, site_photo: bytes, actor_id: int) -> UtilityHandover:
    """验收移交 of a utility's work, with the signed record and a site photo; once per work
    (a second one, even at the same moment, is refused). The work is done from then on."""
    work = db.session.get(UtilityWork, form["work_id"])
    if work is None or work.project_id != project.id:
        _refuse("work_id", messages.NOT_THIS_PROJECTS_WORK)
    if work.party not in messages.UTILITIES:
        _refuse("work_id", messages.RENOVATION_HANDS_OVER_NOTHING)
    if form["handed_on"] > china_today():
        _refuse("handed_on", messages.DATE_IN_FUTURE)
    if form["handed_on"] < work.starts_on:
        _refuse("handed_on", messages.HANDED_BEFORE_START)
    if db.session.scalar(select(UtilityHandover.id).where(UtilityHandover.work_id == work.id)) is not None:
        raise Conflict(messages.ALREADY_HANDED_OVER, code="already_handed_over")
    record_key = stored_photo(project.estate_id, record_photo, "record", messages.RECORD_REQUIRED)
    photo_key = stored_photo(project.estate_id, site_photo, "photo", messages.PHOTO_REQUIRED)
    handover = UtilityHandover(estate_id=project.estate_id, project_id=project.id, work_id=work.id,
                               facilities=form["facilities"].strip(), receiver=form["receiver"].strip(),
                               handed_on=form["handed_on"], record_key=record_key, photo_key=photo_key,
                               created_by_id=actor_id)
    add_once(db.session, handover, Conflict(messages.ALREADY_HANDED_OVER, code="already_handed_over"))
    work.status, work.updated_by_id, work.updated_at = WorkStatus.done, actor_id, utcnow()
    record("utilities.handover", estate_id=project.estate_id, actor_id=actor_id, subject_type="project",
           subject_id=project.id, data={"work_id": work.id, "receiver": handover.receiver,
                                        "handed_on": handover.handed_on.isoformat()})
    return handover


def handover_view(row: UtilityHandover, works: dict[int, dict]) -> dict:
    return {"id": row.id, "work_id": row.work_id, "work": works.get(row.work_id), "facilities": row.facilities,
            "receiver": row.receiver, "handed_on": row.handed_on,
            "record_url": f"/api/v1/media/{row.record_key}", "photo_url": f"/api/v1/media/{row.photo_key}",
            "text": messages.HANDED_OVER.format(date=day_label(row.handed_on), receiver=row.receiver)}


def overview(project) -> dict:
    """Everything of a project's utilities: works (with their clashes), money, handovers."""
    places = place_names(project.estate_id)
    works = db.session.scalars(select(UtilityWork).where(UtilityWork.project_id == project.id)
                               .order_by(UtilityWork.starts_on, UtilityWork.id)).all()
    views = {work.id: work_view(work, places) for work in works}
    handovers = db.session.scalars(select(UtilityHandover).where(UtilityHandover.project_id == project.id)
                                   .order_by(UtilityHandover.handed_on, UtilityHandover.id)).all()
    clashes = [c for c in clashes_of_estate(project.estate_id)
               if any(w["project_id"] == project.id for w in c["works"])]
    money = money_of(project.id)
    handed = {row.work_id for row in handovers}
    return {"project_id": project.id, "works": [dict(view, handed_over=view["id"] in handed) for view in views.values()],
            "clashes": clashes, "committed_cents": money["committed_cents"],
            "received_cents": money["received_cents"], "contributions": money["entries"],
            "handovers": [handover_view(row, views) for row in handovers]}
