""""Only one", with real threads released together by a barrier: one project per content
vote, one objection per flat and vote, one joint acceptance per project. Each is a unique
constraint; the losers get a 409-style Conflict, never a 500."""
from datetime import date

from app.cases.api import file_objection
from app.consultations.api import close_consultation, get_consultation
from app.extensions import db
from app.projects.api import work
from app.projects.api import JointAcceptance, Phase, RenovationProject
from app.consultations.api import ResultObjection
from tests.helpers import together
from tests.factories import agreed_on_paper, flats_of, make_consultation, make_owner

ROOF = "basic.roof_repair"
THREADS = 6


def at_once(app, action):
    """Run `action()` in THREADS threads at the same moment (tests/helpers.together); the
    outcomes, by code, sorted."""
    return sorted(together(app, THREADS, lambda _: action()))


def closed_vote(estate, committee, rule_key="civil_code_278_ordinary"):
    vote = make_consultation(estate, "content_vote", actor=committee, rule_key=rule_key)
    agreed_on_paper(vote, committee, {"items": {ROOF: "agree"}})
    close_consultation(vote, committee.id)
    return vote.id


def test_one_project_per_content_vote(app, estate, committee):
    vote_id = closed_vote(estate, committee)
    outcomes = at_once(app, lambda: work.create_from_vote(estate.id, vote_id, "屋面", committee.id))
    print(f"\n[coplan] {THREADS} simultaneous projects from one vote: {outcomes}")
    assert outcomes == ["ok"] + ["vote_has_project"] * (THREADS - 1)
    assert db.session.scalar(db.select(db.func.count(RenovationProject.id)).where(
        RenovationProject.content_vote_id == vote_id)) == 1


def test_one_objection_per_flat_and_vote(app, estate, committee):
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat)
    owner_id = owner.id
    vote_id = closed_vote(estate, committee, "civil_code_278_ordinary_objections")

    def object_once():
        from app.auth.api import User

        file_objection(get_consultation(vote_id), db.session.get(User, owner_id), flat.id, "记错了")

    outcomes = at_once(app, object_once)
    print(f"\n[coplan] {THREADS} simultaneous objections on one flat: {outcomes}")
    assert outcomes == ["objection_exists"] * (THREADS - 1) + ["ok"]
    assert db.session.scalar(db.select(db.func.count(ResultObjection.id)).where(
        ResultObjection.consultation_id == vote_id)) == 1


def test_one_joint_acceptance_per_project(app, estate, committee):
    project = work.create_from_vote(estate.id, closed_vote(estate, committee), "屋面", committee.id)
    project.phase = Phase.co_build
    db.session.commit()
    project_id, flats = project.id, [f.id for f in flats_of(estate.id)[:2]]

    def accept():
        found = db.session.get(RenovationProject, project_id)
        work.record_acceptance(found, date(2026, 11, 20), "街道、施工单位", "合格",
                               [{"flat_id": flats[0], "name": "张建国"}, {"flat_id": flats[1], "name": "李秀兰"}],
                               committee.id)

    outcomes = at_once(app, accept)
    print(f"\n[coplan] {THREADS} simultaneous acceptances of one project: {outcomes}")
    assert outcomes == ["acceptance_exists"] * (THREADS - 1) + ["ok"]
    assert db.session.scalar(db.select(db.func.count(JointAcceptance.id)).where(
        JointAcceptance.project_id == project_id)) == 1
