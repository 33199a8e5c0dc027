"""片区 (neighbourhoods): neighbouring estates of one street planned together; surveys
across them and the register of spare premises and land (存量资源).

A 片区 survey is one residents' consultation per estate, made and opened together and
counted together: each estate's flats and ballots are counted in its own consultation
(ballots, answers and audit entries keep their estate), so the sum counts every flat of
the 片区 once. Who sees a 片区: street staff, and members of any of its estates.
"""
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.audit.api import record
from app.auth.api import User
from app.auth.api import is_member, is_staff, require_user
from app.comanage import messages
from app.comanage.models import (
    Neighbourhood, NeighbourhoodEstate, NeighbourhoodSurvey, NeighbourhoodSurveyPart,
    ResourceComment, ResourceProposal, ResourceVote, SpareResource)
from app.consultations.api import services as consultations
from app.consultations.api import Consultation
from app.db import utcnow
from app.errors import Conflict, Forbidden, InvalidInput, NotFound
from app.estates.api import Estate, FlatLink, LinkStatus
from app.extensions import db
from app.rules.api import engine, get_rule
from app.unit_of_work import unit


def estate_ids(neighbourhood_id: int) -> list[int]:
    return list(db.session.scalars(select(NeighbourhoodEstate.estate_id).where(
        NeighbourhoodEstate.neighbourhood_id == neighbourhood_id)
        .order_by(NeighbourhoodEstate.estate_id)))


def estates_of(neighbourhood_id: int) -> list[Estate]:
    return list(db.session.scalars(select(Estate).where(Estate.id.in_(estate_ids(neighbourhood_id)))
                                   .order_by(Estate.id)))


def can_see(user: User | None, n: Neighbourhood) -> bool:
    return is_staff(user) or any(is_member(user, estate_id) for estate_id in estate_ids(n.id))


def visible(neighbourhood_id: int) -> tuple[Neighbourhood, User]:
    """The 片区 for staff and its estates' members (404 for anyone else)."""
    user = require_user()
    n = db.session.get(Neighbourhood, neighbourhood_id)
    if n is None or not can_see(user, n):
        raise NotFound()
    return n, user


def managed(neighbourhood_id: int) -> tuple[Neighbourhood, User]:
    """The 片区 for street staff (members of its estates: 403)."""
    n, user = visible(neighbourhood_id)
    if not is_staff(user):
        raise Forbidden()
    return n, user


def create(name: str, ids: list[int], actor_id: int) -> Neighbourhood:
    ids = sorted(set(ids))
    if len(ids) < 2:
        raise InvalidInput(messages.ESTATES_TWO, fields={"estate_ids": messages.ESTATES_TWO})
    estates = list(db.session.scalars(select(Estate).where(Estate.id.in_(ids))))
    if len(estates) != len(ids):
        raise InvalidInput(messages.ESTATE_UNKNOWN, fields={"estate_ids": messages.ESTATE_UNKNOWN})
    if len({(e.district, e.street) for e in estates}) != 1:
        raise InvalidInput(messages.ESTATES_ONE_STREET,
                           fields={"estate_ids": messages.ESTATES_ONE_STREET})
    n = Neighbourhood(name=name, district=estates[0].district, street=estates[0].street,
                      created_by_id=actor_id)
    db.session.add(n)
    db.session.flush()
    db.session.add_all(NeighbourhoodEstate(neighbourhood_id=n.id, estate_id=i) for i in ids)
    try:
        db.session.flush()  # an estate is in one 片区 at most: the unique estate_id decides
    except IntegrityError:
        db.session.rollback()
        raise Conflict(messages.ESTATE_IN_ANOTHER, code="estate_in_another") from None
    record("neighbourhood.created", estate_id=None, actor_id=actor_id, subject_type="neighbourhood",
           subject_id=n.id, data={"name": name, "estates": ids})
    db.session.commit()
    return n


def list_visible(user: User) -> list[Neighbourhood]:
    rows = db.session.scalars(select(Neighbourhood).order_by(Neighbourhood.id)).all()
    return [n for n in rows if can_see(user, n)]


# -- surveys across the 片区 ---------------------------------------------------------------

@unit
def start_survey(n: Neighbourhood, template_key: str, closes_at: datetime, actor_id: int,
                 title: str | None = None) -> NeighbourhoodSurvey:
    template = consultations.get_template(template_key)
    if template is None:
        raise InvalidInput(fields={"template": messages.UNKNOWN_TEMPLATE})
    if get_rule(template.default_rule).decides:
        raise InvalidInput(messages.SURVEY_NOT_SURVEY, fields={"template": messages.SURVEY_NOT_SURVEY})
    survey = NeighbourhoodSurvey(neighbourhood_id=n.id, title=title or template.title,
                                 template_key=template_key, closes_at=closes_at,
                                 created_by_id=actor_id)
    db.session.add(survey)
    db.session.flush()
    parts = []
    for estate_id in estate_ids(n.id):
        c = consultations.create_consultation(
            estate_id, template_key=template_key, closes_at=closes_at, actor_id=actor_id,
            title=survey.title)
        consultations.open_consultation(c, actor_id)
        parts.append(c)
        db.session.add(NeighbourhoodSurveyPart(survey_id=survey.id, estate_id=estate_id,
                                               consultation_id=c.id))
    return survey


def survey_parts(survey: NeighbourhoodSurvey) -> list[tuple[Estate, object]]:
    """Each estate of the survey with its consultation, in one query."""
    return [tuple(row) for row in db.session.execute(
        select(Estate, Consultation)
        .join(NeighbourhoodSurveyPart, NeighbourhoodSurveyPart.estate_id == Estate.id)
        .join(Consultation, Consultation.id == NeighbourhoodSurveyPart.consultation_id)
        .where(NeighbourhoodSurveyPart.survey_id == survey.id).order_by(Estate.id)).all()]


def survey_results(survey: NeighbourhoodSurvey) -> dict:
    """Each estate's figures and the 片区's sum: flats, residents, answers, option counts.
    The parts in one query, their counts in one statement (`results_of`), however many
    estates and ballots."""
    estates, questions, totals = [], {}, {"flats": 0, "residents": 0, "ballots": 0}
    parts = survey_parts(survey)
    outcomes = consultations.results_of([c for _, c in parts])
    for estate, c in parts:
        outcome = outcomes[c.id]
        figures = {"flats": outcome.flat_count, "residents": outcome.residents or 0,
                   "ballots": outcome.ballots}
        estates.append({"estate_id": estate.id, "name": estate.name, "consultation_id": c.id,
                        "status": outcome.status, **figures})
        for key in totals:
            totals[key] += figures[key]
        for q in outcome.questions:
            entry = questions.setdefault(q.key, {"key": q.key, "title": q.title, "type": q.type,
                                                 "options": {}, "answers": 0})
            entry["answers"] += q.answers or 0
            for o in q.options:
                slot = entry["options"].setdefault(o.key, {"label": o.label, "ballots": 0})
                slot["ballots"] += o.ballots
    status = "open" if any(e["status"] == "open" for e in estates) else "closed"
    owners = _owners_across([c for _, c in parts], questions)
    return {"id": survey.id, "neighbourhood_id": survey.neighbourhood_id, "title": survey.title,
            "template": survey.template_key, "closes_at": survey.closes_at, "status": status,
            "estates": estates, **totals, "owners": owners, "questions": list(questions.values())}


def _owners_across(parts: list, questions: dict) -> dict | None:
    """An owner-voted survey counted over the whole 片区, not estate by estate: its scope and
    participants, and each option's heads and area (written into `questions`)."""
    if not parts or any(c.per_resident or c.electorate_at is None for c in parts):
        return None
    across = consultations.count_across([c.id for c in parts])
    for (question, option), tally in across.options.items():
        slot = questions.get(question, {}).get("options", {}).get(option)
        if slot is not None:
            slot.update(engine.tally_view(tally))
    return {"scope": engine.tally_view(across.scope),
            "participants": engine.tally_view(across.participants)}


def surveys_of(n: Neighbourhood) -> list[NeighbourhoodSurvey]:
    return list(db.session.scalars(select(NeighbourhoodSurvey).where(
        NeighbourhoodSurvey.neighbourhood_id == n.id).order_by(NeighbourhoodSurvey.id.desc())))


def visible_survey(survey_id: int) -> NeighbourhoodSurvey:
    survey = db.session.get(NeighbourhoodSurvey, survey_id)
    if survey is None:
        raise NotFound()
    visible(survey.neighbourhood_id)
    return survey


# -- spare resources (存量资源), proposed uses, comments and votes ------------------------------

def add_resource(n: Neighbourhood, data: dict, actor_id: int) -> SpareResource:
    resource = SpareResource(neighbourhood_id=n.id, created_by_id=actor_id, **data)
    db.session.add(resource)
    db.session.flush()
    record("neighbourhood.resource", estate_id=None, actor_id=actor_id,
           subject_type="spare_resource", subject_id=resource.id,
           data={"neighbourhood_id": n.id, "name": data["name"]})
    db.session.commit()
    return resource


def visible_resource(resource_id: int) -> tuple[SpareResource, User]:
    resource = db.session.get(SpareResource, resource_id)
    if resource is None:
        raise NotFound()
    _, user = visible(resource.neighbourhood_id)
    return resource, user


def resident_of(user: User, neighbourhood_id: int) -> bool:
    """A verified resident (owner, tenant or family) of one of the 片区's estates."""
    return bool(db.session.scalar(select(func.count(FlatLink.id)).where(
        FlatLink.user_id == user.id, FlatLink.status == LinkStatus.verified,
        FlatLink.estate_id.in_(estate_ids(neighbourhood_id)))))


def propose(resource: SpareResource, user: User, title: str, description: str) -> ResourceProposal:
    if not (is_staff(user) or resident_of(user, resource.neighbourhood_id)):
        raise Forbidden(messages.NOT_RESIDENT, code="not_resident")
    proposal = ResourceProposal(resource_id=resource.id, title=title, description=description,
                                proposed_by_id=user.id)
    db.session.add(proposal)
    db.session.commit()
    return proposal


def comment(resource: SpareResource, user: User, body: str) -> ResourceComment:
    entry = ResourceComment(resource_id=resource.id, author_id=user.id, body=body)
    db.session.add(entry)
    db.session.commit()
    return entry


def vote(resource: SpareResource, user: User, proposal_id: int) -> ResourceVote:
    """One vote per resident and resource, changeable: the unique constraint keeps it one
    however many arrive at once (a second insert loses and becomes a change)."""
    if not resident_of(user, resource.neighbourhood_id):
        raise Forbidden(messages.NOT_RESIDENT, code="not_resident")
    proposal = db.session.get(ResourceProposal, proposal_id)
    if proposal is None or proposal.resource_id != resource.id:
        raise InvalidInput(fields={"proposal_id": messages.PROPOSAL_NOT_HERE})
    for _attempt in range(2):
        existing = db.session.scalar(select(ResourceVote).where(
            ResourceVote.resource_id == resource.id, ResourceVote.user_id == user.id))
        if existing is not None:
            existing.proposal_id, existing.updated_at = proposal_id, utcnow()
            db.session.commit()
            return existing
        ballot = ResourceVote(resource_id=resource.id, user_id=user.id, proposal_id=proposal_id)
        db.session.add(ballot)
        try:
            db.session.commit()
            return ballot
        except IntegrityError:
            db.session.rollback()
    raise Conflict()


def resource_view(resource: SpareResource, user: User) -> dict:
    proposals = db.session.scalars(select(ResourceProposal).where(
        ResourceProposal.resource_id == resource.id).order_by(ResourceProposal.id)).all()
    counts = dict(db.session.execute(select(ResourceVote.proposal_id, func.count(ResourceVote.id))
                                     .where(ResourceVote.resource_id == resource.id)
                                     .group_by(ResourceVote.proposal_id)).all())
    mine = db.session.scalar(select(ResourceVote.proposal_id).where(
        ResourceVote.resource_id == resource.id, ResourceVote.user_id == user.id))
    comments = db.session.scalars(select(ResourceComment).where(
        ResourceComment.resource_id == resource.id).order_by(ResourceComment.id)).all()
    return {"id": resource.id, "neighbourhood_id": resource.neighbourhood_id, "kind": resource.kind,
            "kind_label": messages.RESOURCE_KINDS[resource.kind], "name": resource.name,
            "location": resource.location, "area_m2": resource.area_m2,
            "description": resource.description,
            "proposals": [{"id": p.id, "title": p.title, "description": p.description,
                           "votes": counts.get(p.id, 0), "mine": p.id == mine} for p in proposals],
            "votes": sum(counts.values()),
            "comments": [{"id": c.id, "body": c.body, "created_at": c.created_at.isoformat(),
                          "mine": c.author_id == user.id} for c in comments],
            "can_vote": resident_of(user, resource.neighbourhood_id)}


def resources_of(n: Neighbourhood) -> list[SpareResource]:
    return list(db.session.scalars(select(SpareResource).where(
        SpareResource.neighbourhood_id == n.id).order_by(SpareResource.id)))



def area_of_estate(estate_id: int) -> Neighbourhood | None:
    return db.session.scalar(select(Neighbourhood).join(
        NeighbourhoodEstate, NeighbourhoodEstate.neighbourhood_id == Neighbourhood.id)
        .where(NeighbourhoodEstate.estate_id == estate_id))
