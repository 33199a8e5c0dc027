"""The console's 更正 page: an objection upheld about a flat's ballot, the ballot corrected
to what the owner really chose, on a form of the consultation's own questions."""
from sqlalchemy import select

from app.consultations.api import Ballot, ObjectionStatus, ResultObjection
from app.extensions import db
from tests.cases.helpers import A, agree_count, object_to, paper
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user, sign_in_cookie


def _objected(client):
    estate = make_estate()
    committee = make_user(name="王芳", roles=[("committee", estate.id)])
    flat = flats_of(estate.id)[0]
    vote = make_consultation(estate, actor=committee, scope_type="stairwell", scope_id=flat.stairwell_id,
                             rule_key="civil_code_278_special_objections")
    paper(client, vote, committee, flat, "agree")  # the owner ticked 弃权
    assert client.post(f"{A}/consultations/{vote.id}/close", headers=auth(committee)).status_code == 200
    objection = object_to(client, vote, make_owner(flat), flat, "我勾的是弃权")
    return vote, committee, flat, objection


def test_the_committee_corrects_a_ballot_on_the_page_and_the_result_recounts(client):
    vote, committee, flat, objection = _objected(client)
    sign_in_cookie(client, committee, csrf="t")
    page = client.get(f"/console/result-objections/{objection}/correct")
    assert page.status_code == 200
    assert "我勾的是弃权" in page.text and 'value="agree" checked' in page.text  # as recorded
    done = client.post(f"/console/result-objections/{objection}/correct", data={
        "csrf_token": "t", "resolution": "核对原件：业主勾的是弃权", "q.install": "abstain"})
    assert done.status_code == 303 and done.headers["Location"].endswith("#objections")
    assert agree_count(vote) == 0
    ballot = db.session.scalar(select(Ballot).where(Ballot.flat_id == flat.id))
    assert ballot.answers == {"install": "abstain"}
    assert db.session.get(ResultObjection, objection).status == ObjectionStatus.resolved
    assert client.get(f"/console/result-objections/{objection}/correct").status_code == 409


def test_without_a_reason_or_with_a_wrong_answer_nothing_changes(client):
    vote, committee, flat, objection = _objected(client)
    sign_in_cookie(client, committee, csrf="t")
    for form in ({"resolution": "", "q.install": "abstain"}, {"resolution": "核对原件", "q.install": "burn"}):
        refused = client.post(f"/console/result-objections/{objection}/correct", data={"csrf_token": "t", **form})
        assert refused.status_code == 422 and 'class="form-error"' in refused.text
    assert agree_count(vote) == 1
    assert db.session.get(ResultObjection, objection).status == ObjectionStatus.open


def test_only_the_committee_opens_the_page(client):
    vote, committee, flat, objection = _objected(client)
    sign_in_cookie(client, make_owner(flats_of(vote.estate_id)[1]), csrf="t")
    assert client.get(f"/console/result-objections/{objection}/correct").status_code in (403, 404)
