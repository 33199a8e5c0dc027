"""Fresh objects of estate A for the access rows of issue 19 (b): content votes, projects made
from them, objections to a preliminary result. Each call makes a new one, so a row that
changes it never depends on another role's request."""
from datetime import timedelta

from app.consultations.api import services as consultations
from app.db import utcnow
from app.extensions import db
from app.projects.api import work
from app.projects.api import Phase, RenovationProject
from tests.factories import agreed_on_paper, make_consultation

ROOF = "basic.roof_repair"


def draft_content_vote(w) -> int:
    return make_consultation(w.a.estate, "content_vote", actor=w.committee, open_now=False).id


def passed_content_vote(w, rule_key="civil_code_278_ordinary") -> int:
    """Closed; the roof approved on paper by every flat (the law's rule for a content vote)."""
    vote = make_consultation(w.a.estate, "content_vote", actor=w.committee, rule_key=rule_key)
    agreed_on_paper(vote, w.committee, {"items": {ROOF: "agree"}})
    consultations.close_consultation(vote, w.committee.id)
    return vote.id


def project_from_vote(w, phase: Phase = Phase.co_plan) -> int:
    project = work.create_from_vote(w.a.estate.id, passed_content_vote(w), "屋面维修", w.committee.id)
    project.phase = phase  # the guards are tested in tests/projects; here only the place matters
    db.session.commit()
    return project.id


def item_of(project_id: int) -> int:
    return db.session.get(RenovationProject, project_id).items[0].id


def preliminary_vote(w) -> int:
    """Closed under a rule with an objection period, the owner's flat 1 recorded."""
    vote = make_consultation(w.a.estate, "content_vote", actor=w.committee,
                             rule_key="civil_code_278_ordinary_objections")
    consultations.cast_assisted_ballot(vote, w.committee, w.a.flats[0].id, {"items": {ROOF: "agree"}},
                                       channel="paper", evidence="纸质选票")
    consultations.close_consultation(vote, w.committee.id)
    return vote.id


def fresh_objection(w) -> int:
    from app.cases.api import file_objection

    vote = consultations.get_consultation(preliminary_vote(w))
    return file_objection(vote, w.owner, w.a.flats[0].id, "纸质票记错了").id


def later(days=7) -> str:
    return (utcnow() + timedelta(days=days)).isoformat()
