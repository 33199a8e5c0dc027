"""Ballots: proxies, assisted ballots, question types, hidden results, closing, exports."""
import subprocess
from datetime import timedelta

from sqlalchemy import select

from app.consultations.api import Ballot, BallotVersion, Consultation, Status
from app.consultations.api import cast_ballot, close_due, results
from app.db import utcnow
from app.extensions import db
from tests.factories import (
    auth, flats_of, link, make_consultation, make_estate, make_owner, make_user)
from tests.helpers import together


def put_ballot(client, consultation, user, answers, flat_id=None):
    body = {"answers": answers, **({"flat_id": flat_id} if flat_id else {})}
    return client.put(f"/api/v1/consultations/{consultation.id}/ballots/mine", headers=auth(user),
                      json=body)


def elevator_vote(estate, **kwargs):
    return make_consultation(estate, scope_type="stairwell",
                             scope_id=flats_of(estate.id)[0].stairwell_id, **kwargs)


def test_family_proxy_votes_until_the_owner_votes_and_can_be_revoked(client):
    estate = make_estate()
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat)
    relative = make_user()
    consultation = elevator_vote(estate)
    granted = client.post(f"/api/v1/flats/{flat.id}/proxies", headers=auth(owner),
                          json={"phone": relative.phone})
    assert granted.status_code == 201, granted.json
    by_proxy = put_ballot(client, consultation, relative, {"install": "agree"})
    assert by_proxy.status_code == 200, by_proxy.json
    assert db.session.scalar(select(Ballot.cast_as)) == "proxy"
    # the owner's own ballot overrides the proxy's ...
    assert put_ballot(client, consultation, owner, {"install": "abstain"}).status_code == 200
    # ... and the proxy can no longer change it
    refused = put_ballot(client, consultation, relative, {"install": "agree"})
    assert refused.status_code == 409 and refused.json["error"]["code"] == "owner_already_voted"
    assert db.session.scalar(select(Ballot.answers)) == {"install": "abstain"}
    assert db.session.scalar(select(db.func.count(BallotVersion.id))) == 2
    mine = client.get(f"/api/v1/consultations/{consultation.id}", headers=auth(owner)).json
    assert mine["my_ballots"][0]["cast_as"] == "owner" and mine["my_ballots"][0]["mine"] is True
    # revoking ends the relative's access to the flat
    revoked = client.post(f"/api/v1/proxies/{granted.json['id']}/revoke", headers=auth(owner))
    assert revoked.status_code == 200 and revoked.json["active"] is False
    assert put_ballot(client, consultation, relative, {"install": "agree"}).status_code == 404
    listed = client.get(f"/api/v1/flats/{flat.id}/proxies", headers=auth(owner)).json
    assert [p["active"] for p in listed] == [False]


def test_only_a_verified_owner_may_authorise_a_proxy(client):
    estate = make_estate()
    flat = flats_of(estate.id)[0]
    tenant = make_user()
    link(tenant, flat, "tenant")
    response = client.post(f"/api/v1/flats/{flat.id}/proxies", headers=auth(tenant),
                           json={"phone": "13912340000"})
    assert response.status_code == 403
    outsider = make_owner(flats_of(make_estate(name="外小区").id)[0])
    response = client.post(f"/api/v1/flats/{flat.id}/proxies", headers=auth(outsider),
                           json={"phone": "13912340000"})
    assert response.status_code == 404


def test_committee_enters_paper_ballots_with_evidence_and_results_show_the_channel(client):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    consultation = elevator_vote(estate, actor=committee)
    flats = flats_of(estate.id)
    url = f"/api/v1/consultations/{consultation.id}/assisted-ballots"
    paper = client.post(url, headers=auth(committee), json={
        "flat_id": flats[0].id, "answers": {"install": "agree"}, "channel": "paper",
        "evidence": "纸质表决票第 12 号，存居委会", "witness_phone": "13912345678"})
    assert paper.status_code == 201, paper.json
    ballot = db.session.scalar(select(Ballot))
    assert (ballot.entered_by_id, ballot.channel.value, ballot.witness_phone) == \
        (committee.id, "paper", "13912345678")
    # a written proxy entered later cannot replace the owner's paper ballot
    proxy = client.post(url, headers=auth(committee), json={
        "flat_id": flats[0].id, "answers": {"install": "abstain"}, "channel": "proxy",
        "evidence": "委托书"})
    assert proxy.status_code == 409
    client.post(url, headers=auth(committee), json={
        "flat_id": flats[1].id, "answers": {"install": "agree"}, "channel": "assisted",
        "evidence": "上门协助，业主本人在场"})
    outcome = client.get(f"/api/v1/consultations/{consultation.id}/results",
                         headers=auth(committee)).json
    assert outcome["channels"] == {"online": 0, "paper": 1, "proxy": 0, "assisted": 1}
    bad = client.post(url, headers=auth(committee), json={
        "flat_id": flats[2].id, "answers": {"install": "agree"}, "channel": "fax", "evidence": ""})
    assert bad.status_code == 422 and {"channel", "evidence"} <= set(bad.json["error"]["fields"])
    owner = make_owner(flats[3])
    assert client.post(url, headers=auth(owner), json={
        "flat_id": flats[3].id, "answers": {"install": "agree"}, "channel": "paper",
        "evidence": "纸质票"}).status_code == 403


def test_an_owners_online_ballot_outranks_a_paper_sheet_entered_later(client):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    consultation = elevator_vote(estate, actor=committee)
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat)
    assert put_ballot(client, consultation, owner, {"install": "agree"}).status_code == 200
    paper = client.post(f"/api/v1/consultations/{consultation.id}/assisted-ballots",
                        headers=auth(committee), json={
                            "flat_id": flat.id, "answers": {"install": "abstain"}, "channel": "paper",
                            "evidence": "纸质表决票", "witness_phone": "13912345678"})
    assert paper.status_code == 409 and paper.json["error"]["code"] == "owner_already_voted"
    assert "由业主本人在网上投票" in paper.json["error"]["message"]
    ballot = db.session.scalar(select(Ballot))
    assert (ballot.channel.value, ballot.answers, ballot.version) == ("online", {"install": "agree"}, 1)
    # the owner may still change their own ballot
    assert put_ballot(client, consultation, owner, {"install": "abstain"}).status_code == 200


def test_residents_survey_one_ballot_per_resident_with_every_question_type(client):
    estate = make_estate()
    flats = flats_of(estate.id)
    consultation = make_consultation(estate, "needs_survey")
    tenant, owner = make_user(), make_owner(flats[0])
    link(tenant, flats[0], "tenant")
    good = {"basic_needs": ["basic.water_supply", "basic.roof_repair"], "urgency": 4,
            "other": "  楼道灯经常坏  "}
    assert put_ballot(client, consultation, tenant, good).status_code == 200
    assert put_ballot(client, consultation, owner, {**good, "urgency": 5}).status_code == 200
    assert put_ballot(client, consultation, owner, {**good, "urgency": 2}).status_code == 200
    assert db.session.scalar(select(db.func.count(Ballot.id))) == 2
    assert db.session.scalar(select(Ballot.answers).where(Ballot.voter_id == tenant.id))["other"] == \
        "楼道灯经常坏"
    too_many = {**good, "basic_needs": ["basic.water_supply", "basic.drainage", "basic.roads",
                                        "basic.heating", "basic.security", "basic.fire_safety"]}
    bad_cases = [(too_many, "basic_needs", "最多选 5 项"), ({**good, "basic_needs": []}, "basic_needs", None),
                 ({**good, "urgency": 6}, "urgency", None), ({**good, "urgency": True}, "urgency", None),
                 ({**good, "other": "字" * 501}, "other", None),
                 ({**good, "basic_needs": ["improvement.greening"]}, "basic_needs", None)]
    for answers, question, message in bad_cases:
        response = put_ballot(client, consultation, owner, answers)
        assert response.status_code == 422, answers
        assert question in response.json["error"]["fields"]["answers"]
        if message:
            assert response.json["error"]["fields"]["answers"][question] == message
    outcome = client.get(f"/api/v1/consultations/{consultation.id}/results", headers=auth(owner)).json
    assert outcome["decision"] is None and outcome["participation"]["ballots"] == 2
    questions = {q["key"]: q for q in outcome["questions"]}
    assert questions["basic_needs"]["options"]["basic.water_supply"]["ballots"] == 2
    assert questions["urgency"]["average"] == "3.00"
    assert questions["other"]["answers"] == 2
    assert outcome["scope"]["residents"] == 2
    assert outcome["participation"]["residents"] == "2/2"


def test_content_vote_counts_each_item_and_leaves_unanswered_items_as_abstentions(app):
    estate = make_estate(floors=1, flats_per_floor=3)
    flats = flats_of(estate.id)
    consultation = make_consultation(estate, "content_vote", rule_key="civil_code_278_ordinary")
    owners = [make_owner(flat) for flat in flats]
    cast_ballot(consultation, owners[0], None, {"items": {"basic.water_supply": "agree",
                                                          "improvement.elevator": "oppose"}})
    cast_ballot(consultation, owners[1], None, {"items": {"basic.water_supply": "agree"}})
    cast_ballot(consultation, owners[2], None, {"items": {"improvement.elevator": "agree"}})
    from app.consultations.api import close_consultation
    close_consultation(consultation, None)
    outcome = results(consultation).as_dict()
    items = {item["code"]: item for item in outcome["questions"][0]["items"]}
    assert len(items) == 41
    water = items["basic.water_supply"]
    assert water["options"]["agree"]["owners"] == 2 and water["options"]["abstain"]["owners"] == 1
    assert water["decision"] == "passed" and water["approval"]["owners"] == "2/3"
    assert items["improvement.elevator"]["decision"] == "failed"
    assert items["enhancement.market"]["options"]["abstain"]["owners"] == 3
    assert outcome["decision"] == "passed"
    assert "逐项结果：1 项通过，40 项未通过" in outcome["explanation"]


def test_results_stay_hidden_until_closed_when_asked(client):
    estate = make_estate()
    consultation = elevator_vote(estate, hide_results_until_closed=True)
    owner = make_owner(flats_of(estate.id)[0])
    put_ballot(client, consultation, owner, {"install": "agree"})
    hidden = client.get(f"/api/v1/consultations/{consultation.id}/results", headers=auth(owner)).json
    assert hidden["hidden"] is True and "options" not in hidden["questions"][0]
    assert hidden["participation"]["owners"] == "1/12" and hidden["decision"] == "pending"
    committee = make_user(roles=[("committee", estate.id)])
    client.post(f"/api/v1/consultations/{consultation.id}/close", headers=auth(committee))
    shown = client.get(f"/api/v1/consultations/{consultation.id}/results", headers=auth(owner)).json
    assert shown["hidden"] is False and shown["questions"][0]["options"]["agree"]["owners"] == 1


def test_consultations_close_at_closes_at_by_cli_and_lazily(client, runner, signals_seen):
    estate = make_estate()
    owner = make_owner(flats_of(estate.id)[0])
    due = elevator_vote(estate)
    lazy = elevator_vote(estate)
    later = elevator_vote(estate)
    past = utcnow() - timedelta(minutes=1)
    for consultation in (due, lazy):
        consultation.closes_at = past
    db.session.commit()
    response = put_ballot(client, lazy, owner, {"install": "agree"})
    assert response.status_code == 409 and response.json["error"]["code"] == "consultation_closed"
    assert db.session.get(Consultation, lazy.id).status == Status.closed
    result = runner.invoke(args=["consultations", "close-due"])
    assert result.exit_code == 0 and f"closed 1: {due.id}" in result.output
    assert db.session.get(Consultation, due.id).status == Status.closed
    assert db.session.get(Consultation, later.id).status == Status.open
    assert close_due() == []
    closed = [kw["consultation_id"] for name, kw in signals_seen
              if name == "consultation_status_changed" and kw["status"] == "closed"]
    assert sorted(closed) == sorted([due.id, lazy.id])


def test_publicity_exports_mask_names_and_phones(client, tmp_path):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    consultation = elevator_vote(estate, actor=committee)
    flats = flats_of(estate.id)
    owner = make_owner(flats[0])
    put_ballot(client, consultation, owner, {"install": "agree"})
    url = f"/api/v1/consultations/{consultation.id}"
    assert client.get(url + "/export.csv", headers=auth(committee)).status_code == 409
    client.post(url + "/close", headers=auth(committee))
    assert client.get(url + "/export.csv", headers=auth(owner)).status_code == 409
    client.post(url + "/publish", headers=auth(committee))
    csv_response = client.get(url + "/export.csv", headers=auth(owner))
    assert csv_response.status_code == 200 and csv_response.mimetype == "text/csv"
    text = csv_response.data.decode("utf-8-sig")
    owner_name = flats[0].owner.name
    assert owner_name not in text and owner_name[0] + "*" in text
    assert "101,60.00" in text and "同意" in text and "已参与" in text and "未参与" in text
    pdf = client.get(url + "/export.pdf", headers=auth(owner))
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    path = tmp_path / "export.pdf"
    path.write_bytes(pdf.data)
    extracted = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "结果公示" in extracted and owner_name not in extracted


def test_the_database_keeps_one_ballot_per_flat_under_concurrency(app):
    """Two co-owners of one flat vote at the same moment: one ballot, two versions."""
    from app.auth.api import User

    estate = make_estate()
    flat = flats_of(estate.id)[0]
    co_owners = [make_owner(flat).id, make_owner(flat).id]
    consultation_id = elevator_vote(estate).id
    flat_id = flat.id
    choices = ["agree", "abstain"]
    outcomes = together(app, 2, lambda i: cast_ballot(
        db.session.get(Consultation, consultation_id), db.session.get(User, co_owners[i]), flat_id,
        {"install": choices[i]}), timeout_s=30)
    assert outcomes == ["ok", "ok"], outcomes
    db.session.expire_all()
    assert db.session.scalar(select(db.func.count(Ballot.id))) == 1
    assert sorted(db.session.scalars(select(BallotVersion.version))) == [1, 2]


def test_ballots_wait_for_opening(client):
    estate = make_estate()
    owner = make_owner(flats_of(estate.id)[0])
    draft = elevator_vote(estate, open_now=False)
    response = put_ballot(client, draft, owner, {"install": "agree"})
    assert response.status_code == 404  # a draft is the committee's alone
    scheduled = elevator_vote(estate, opens_at=utcnow() + timedelta(days=1))
    response = put_ballot(client, scheduled, owner, {"install": "agree"})
    assert response.status_code == 409 and response.json["error"]["code"] == "not_open"
    assert db.session.scalar(select(db.func.count(Ballot.id))) == 0


def test_a_residents_survey_exports_its_respondents_not_owner_counts(client):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    survey = make_consultation(estate, "needs_survey", actor=committee)
    url = f"/api/v1/consultations/{survey.id}"
    assert client.post(url + "/close", headers=auth(committee)).status_code == 200
    for kind, mimetype in (("csv", "text/csv"), ("pdf", "application/pdf")):
        response = client.get(f"{url}/export.{kind}", headers=auth(committee))
        assert response.status_code == 200 and response.mimetype == mimetype, response.data[:300]
    text = client.get(url + "/export.csv", headers=auth(committee)).data.decode("utf-8-sig")
    assert "本次调查" in text and "参与 " not in text


def test_a_retry_keeps_the_receipt_it_matched_when_a_co_owner_votes_right_after(app):
    """An identical retry answers with the version it matched, even when a co-owner of the
    flat changes the ballot before the answer is read (it once re-read the row after its
    commit, and so answered with the co-owner's new receipt)."""
    estate = make_estate()
    flat = flats_of(estate.id)[0]
    owner, co_owner = make_owner(flat), make_owner(flat)
    consultation = make_consultation(estate)
    first = cast_ballot(consultation.id, owner, flat.id, {"install": "agree"})
    receipt, version = first.receipt, first.version
    again = cast_ballot(consultation.id, owner, flat.id, {"install": "agree"})
    changed = cast_ballot(consultation.id, co_owner, flat.id, {"install": "oppose", "concerns": ["cost"]})
    assert (again.receipt, again.version, again.voter_id) == (receipt, version, owner.id)
    assert (changed.version, changed.voter_id) == (version + 1, co_owner.id)
    saved = db.session.scalars(select(BallotVersion.receipt).where(
        BallotVersion.consultation_id == consultation.id).order_by(BallotVersion.version)).all()
    assert saved == [receipt, changed.receipt]
