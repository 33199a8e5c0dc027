"""Issue 30 item 4: an objection (询异) upheld about a ballot voids or corrects it, with the
reason: audited, the flat's owners told, the result recounted, the 公示 says how many
ballots were corrected and why."""
import subprocess
from datetime import timedelta

from sqlalchemy import select

from app.audit.api import AuditEntry
from app.consultations.api import Ballot, BallotVersion, Consultation
from app.consultations.api import results
from app.db import utcnow
from app.extensions import db
from app.notifications.api import Notification
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user
from tests.cases.helpers import A, agree_count, object_to, paper


def resolve(client, committee, objection_id, **body):
    return client.post(f"{A}/result-objections/{objection_id}/resolve", headers=auth(committee), json=body)


def test_an_upheld_objection_voids_or_corrects_the_ballot_and_the_publicity_says_so(client):
    """Fails on the old code: the resolve route knew no ballot action (422), the ballot stood."""
    estate = make_estate()
    committee = make_user(name="王芳", roles=[("committee", estate.id)])
    flats = flats_of(estate.id)
    vote = make_consultation(estate, actor=committee, scope_type="stairwell", scope_id=flats[0].stairwell_id,
                             rule_key="civil_code_278_special_objections")
    wrong, misread, other = flats[0], flats[1], flats[2]
    paper(client, vote, committee, wrong, "agree")  # another flat's sheet, entered for this one
    paper(client, vote, committee, misread, "agree")  # the owner ticked 弃权
    owner_other = make_owner(other)
    assert client.put(f"{A}/consultations/{vote.id}/ballots/mine", headers=auth(owner_other),
                      json={"answers": {"install": "agree"}}).status_code == 200
    assert client.post(f"{A}/consultations/{vote.id}/close", headers=auth(committee)).status_code == 200
    assert agree_count(vote) == 3
    owner_wrong, owner_misread = make_owner(wrong), make_owner(misread)
    first = object_to(client, vote, owner_wrong, wrong, "我家没有交纸质票，这张票不是我家的")
    second = object_to(client, vote, owner_misread, misread, "我勾的是弃权")

    # refused, nothing changed: a correction needs its answers; an unknown action is input
    bad = resolve(client, committee, second, resolution="核实", ballot_action="correct")
    assert bad.status_code == 422 and "answers" in bad.json["error"]["fields"]
    assert resolve(client, committee, second, resolution="核实",
                   ballot_action="burn").status_code == 422
    assert agree_count(vote) == 3

    why = "核对原件：这张纸质票是 102 室的，录成了本户，作废"
    voided = resolve(client, committee, first, resolution=why, ballot_action="void")
    assert voided.status_code == 200, voided.json
    assert voided.json["correction"]["action"] == "void"
    fixed = resolve(client, committee, second, resolution="核对原件：业主勾的是弃权，读错了",
                    ballot_action="correct", answers={"install": "abstain"})
    assert fixed.status_code == 200, fixed.json
    # the result recounts: one agree left; the voided flat no longer took part
    assert agree_count(vote) == 1
    outcome = results(db.session.get(Consultation, vote.id))
    assert outcome.participants.owners == 2 and outcome.channels["paper"] == 1
    assert db.session.scalar(select(Ballot).where(Ballot.flat_id == wrong.id)) is None
    corrected = db.session.scalar(select(Ballot).where(Ballot.flat_id == misread.id))
    assert corrected.answers == {"install": "abstain"} and corrected.version == 2
    assert db.session.scalar(select(db.func.count(BallotVersion.id))) == 5  # every version kept
    # audited, with the reason
    entries = db.session.scalars(select(AuditEntry).where(
        AuditEntry.action == "consultation.ballot_corrected").order_by(AuditEntry.id)).all()
    assert [(e.data["flat_id"], e.data["action"], e.data["reason"]) for e in entries] == [
        (wrong.id, "void", why), (misread.id, "correct", "核对原件：业主勾的是弃权，读错了")]
    # the owners are told, with a link to the vote
    for owner, word in ((owner_wrong, "作废"), (owner_misread, "更正")):
        told = db.session.scalars(select(Notification).where(
            Notification.user_id == owner.id, Notification.kind == "ballot_corrected")).all()
        assert len(told) == 1 and word in told[0].body and told[0].link == f"/consultations/{vote.id}#preliminary"
    # a second resolution of the same objection changes nothing
    assert resolve(client, committee, first, resolution="再来", ballot_action="void").status_code == 409

    # the 公示 says how many ballots were corrected and why
    db.session.get(Consultation, vote.id).closed_at = utcnow() - timedelta(days=8)
    db.session.commit()
    assert client.post(f"{A}/consultations/{vote.id}/publish", headers=auth(committee)).status_code == 200
    pdf = client.get(f"{A}/consultations/{vote.id}/export.pdf", headers=auth(owner_other))
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.data, capture_output=True, check=True).stdout.decode()
    flat_text = "".join(text.split())
    assert "询异期间更正了2张票" in flat_text and "作废1张" in flat_text and "更正1张" in flat_text
    assert "录成了本户" in flat_text
    csv = client.get(f"{A}/consultations/{vote.id}/export.csv", headers=auth(owner_other)).data.decode("utf-8-sig")
    assert "询异期间更正了 2 张票" in csv and "读错了" in csv


def one_flat_vote():
    """A committee member, the first flat, and an open vote over its stairwell with 询异."""
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    flat = flats_of(estate.id)[0]
    return committee, flat, make_consultation(
        estate, actor=committee, scope_type="stairwell", scope_id=flat.stairwell_id,
        rule_key="civil_code_278_special_objections")


def test_a_void_without_a_ballot_is_refused_and_leaves_the_objection_open(client):
    committee, flat, vote = one_flat_vote()
    assert client.post(f"{A}/consultations/{vote.id}/close", headers=auth(committee)).status_code == 200
    owner = make_owner(flat)
    objection = object_to(client, vote, owner, flat, "我家明明投了票")
    refused = resolve(client, committee, objection, resolution="核实", ballot_action="void")
    assert refused.status_code == 409 and refused.json["error"]["code"] == "no_ballot"
    listed = client.get(f"{A}/consultations/{vote.id}/objections", headers=auth(committee)).json
    assert [o["status"] for o in listed["objections"]] == ["open"]


def test_two_resolutions_of_one_objection_at_once_correct_the_ballot_once(app):
    """Real threads: the objection's row lock makes the second wait, then see it resolved (409)."""
    from app.cases.api import file_objection, resolve_objection
    from app.consultations.api import BallotCorrection, ResultObjection
    from app.consultations.api import cast_assisted_ballot, close_consultation
    from tests.helpers import together

    committee, flat, vote = one_flat_vote()
    cast_assisted_ballot(vote, committee, flat.id, {"install": "agree"}, channel="paper", evidence="纸质表决票")
    close_consultation(vote, committee.id)
    objection_id = file_objection(vote, make_owner(flat), flat.id, "不是我家的票").id
    committee_id = committee.id
    outcomes = together(app, 2, lambda n: resolve_objection(
        db.session.get(ResultObjection, objection_id), committee_id, f"核实后作废 {n}", "void"))
    assert sorted(outcomes) == ["objection_resolved", "ok"], outcomes
    db.session.expire_all()
    assert db.session.scalar(select(db.func.count(BallotCorrection.id))) == 1
    assert db.session.scalar(select(db.func.count(BallotVersion.id))) == 2
