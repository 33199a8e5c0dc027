"""Heritage (历史建筑 / 风貌保护): buildings flagged by staff; catalogue items that alter a
facade (`alters_facade` in the catalogue data) carry a warning in such an estate and need
a heritage review, recorded by staff, before they go to publicity, a vote or a project
("改造项目涉及历史文化街区、历史建筑的，应严格落实相关保护修缮要求")."""
from sqlalchemy import select

from app.audit.api import record
from app.db import add_once
from app.consultations.api import catalogue_items
from app.errors import Conflict, InvalidInput
from app.estates.api import Building
from app.extensions import db
from app.plans import messages
from app.plans.models import HeritageReview, PlanVersion, ReviewDecision


def heritage_buildings(estate_id: int) -> list[Building]:
    return list(db.session.scalars(select(Building).where(
        Building.estate_id == estate_id, Building.heritage.is_not(None)).order_by(Building.id)))


def buildings_words(buildings: list[Building]) -> str:
    return "、".join(f"{b.name}（{messages.HERITAGE_LABELS[b.heritage]}）" for b in buildings)


def building_row(building: Building) -> dict:
    return {"id": building.id, "name": building.name, "heritage": building.heritage,
            "heritage_label": messages.HERITAGE_LABELS.get(building.heritage or "", "")}


def set_heritage(building: Building, heritage: str | None, actor_id: int) -> Building:
    building.heritage = heritage
    record("building.heritage_set", estate_id=building.estate_id, actor_id=actor_id,
           subject_type="building", subject_id=building.id, data={"heritage": heritage})
    db.session.commit()
    return building


def latest_version(estate_id: int) -> PlanVersion | None:
    return db.session.scalar(select(PlanVersion).where(PlanVersion.estate_id == estate_id)
                             .order_by(PlanVersion.number.desc()).limit(1))


def facade_items(codes) -> list[dict]:
    items = catalogue_items()
    return [items[code] for code in codes if code in items and items[code]["alters_facade"]]


def reviews_of(estate_id: int) -> dict[str, HeritageReview]:
    return {r.item_code: r for r in db.session.scalars(
        select(HeritageReview).where(HeritageReview.estate_id == estate_id))}


def heritage_review_pending(estate_id: int, item_codes=None) -> list[str]:
    """Why the estate's facade-altering items may not go on yet (empty: nothing pending).

    The items are those of the latest plan version unless `item_codes` names others (a
    content vote's, a project's). An estate without flagged buildings has nothing pending."""
    buildings = heritage_buildings(estate_id)
    if not buildings:
        return []
    if item_codes is None:
        version = latest_version(estate_id)
        item_codes = version.item_codes if version else []
    reviews, reasons = reviews_of(estate_id), []
    for item in facade_items(item_codes):
        review = reviews.get(item["code"])
        if review is None:
            reasons.append(messages.REVIEW_PENDING.format(label=item["label"],
                                                          buildings=buildings_words(buildings)))
        elif review.decision == ReviewDecision.refused:
            reasons.append(messages.REVIEW_REFUSED.format(label=item["label"], note=review.note))
    return reasons


def record_review(estate_id: int, item_code: str, decision: ReviewDecision, note: str,
                  actor_id: int) -> HeritageReview:
    item = catalogue_items().get(item_code)
    if item is None:
        raise InvalidInput(messages.UNKNOWN_ITEM.format(code=item_code),
                           fields={"item_code": messages.UNKNOWN_ITEM.format(code=item_code)})
    if not item["alters_facade"]:
        raise InvalidInput(messages.ITEM_NOT_FACADE.format(label=item["label"]),
                           fields={"item_code": messages.ITEM_NOT_FACADE.format(label=item["label"])})
    if not heritage_buildings(estate_id):
        raise Conflict(messages.NO_HERITAGE, code="no_heritage")
    review = HeritageReview(estate_id=estate_id, item_code=item_code, decision=decision, note=note,
                            reviewer_id=actor_id)
    add_once(db.session, review, Conflict(messages.ALREADY_REVIEWED.format(label=item["label"]),
                                          code="already_reviewed"))
    record("heritage.reviewed", estate_id=estate_id, actor_id=actor_id, subject_type="heritage_review",
           subject_id=review.id, data={"item_code": item_code, "decision": decision.value})
    db.session.commit()
    return review


def heritage_view(estate_id: int) -> dict:
    """The estate's flagged buildings, the plan's facade items with their reviews, what is pending."""
    version = latest_version(estate_id)
    buildings = list(db.session.scalars(select(Building).where(Building.estate_id == estate_id)
                                        .order_by(Building.id)))
    reviews = reviews_of(estate_id)
    return {
        "buildings": [building_row(b) for b in buildings],
        "items": [{"code": item["code"], "label": item["label"],
                   "review": ({"decision": reviews[item["code"]].decision.value,
                               "label": messages.REVIEW_LABELS[reviews[item["code"]].decision.value],
                               "note": reviews[item["code"]].note}
                              if item["code"] in reviews else None)}
                  for item in facade_items(version.item_codes if version else [])],
        "pending": heritage_review_pending(estate_id)}
