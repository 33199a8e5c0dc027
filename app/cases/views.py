"""A case as the API and the pages show it."""
from app.auth.api import User
from app.auth.api import is_committee
from app.cases.models import Case
from app.cases.resolution import meetings_of, published_outcome, resolution_of
from app.cases.services import name_masked, post_count
from app.consultations.api import Consultation
from app.extensions import db
from app.privacy import mask_room


def case_summary(case: Case) -> dict:
    return {"id": case.id, "estate_id": case.estate_id, "title": case.title,
            "status": case.status.value, "locked": case.locked,
            "affected_flat_count": len(case.flats), "created_at": case.created_at,
            "updated_at": case.updated_at,
            "origin": {"type": case.origin_type, "id": case.origin_id} if case.origin_type else None}


def _resolution_view(consultation: Consultation | None) -> dict | None:
    if consultation is None:
        return None
    return {"consultation_id": consultation.id, "status": consultation.status.value,
            "rule": consultation.rule_key, "title": consultation.title,
            "closes_at": consultation.closes_at, "proposal": consultation.description}


def case_view(case: Case, viewer: User | None) -> dict:
    """A case with its flats, parties, meetings, resolution and outcome; rooms masked for residents."""
    committee = is_committee(viewer, case.estate_id)
    flats = [{"flat_id": link.flat_id, "building": link.flat.building.name,
              "stairwell": link.flat.stairwell.name,
              "room": link.flat.room if committee else mask_room(link.flat.room)}
             for link in case.flats]
    parties = [{"id": p.id, "role": p.role.value, "label": p.label, "flat_id": p.flat_id,
                "name_masked": name_masked(db.session.get(User, p.user_id), case.estate_id) if p.user_id else None}
               for p in case.parties]
    outcome = None
    if case.outcome is not None:
        outcome = {"text": case.outcome, "published": published_outcome(case),
                   "published_at": case.outcome_published_at, "resolution": case.resolution_result}
    return {
        **case_summary(case),
        "description": case.description,
        "affected_flats": flats, "parties": parties,
        "created_by": ({"id": case.created_by_id,
                        "name_masked": name_masked(db.session.get(User, case.created_by_id), case.estate_id)}
                       if case.created_by_id else None),
        "meetings": meetings_of(case),
        "resolution": _resolution_view(resolution_of(case)),
        "outcome": outcome,
        "post_count": post_count(case),
    }
