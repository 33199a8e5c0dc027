"""Consultation pages without a browser: who may open them, the ballot and assisted-ballot
forms (with their CSRF token), receipts, hidden results. Both databases."""
import json
import re
import pytest

from app.consultations.api import services
from app.consultations.api import Ballot, BallotVersion
from app.extensions import db
from tests.factories import auth, flats_of, link, make_consultation, make_estate, make_owner, make_user
from tests.web.helpers import web_login
from tests.web.helpers import csrf_of


def results_of(page: str) -> dict | None:
    found = re.search(r'<script type="application/json" id="results-data">(.*?)</script>', page, re.S)
    return json.loads(found.group(1)) if found else None


def _session_csrf(client) -> str:
    """The session's CSRF token, as a page would carry it."""
    return client.get("/api/v1/auth/session").json["csrf_token"]


def ballots_of(consultation) -> list[Ballot]:
    return list(db.session.scalars(db.select(Ballot).where(Ballot.consultation_id == consultation.id)))


@pytest.fixture
def estate(app):
    return make_estate()


@pytest.fixture
def committee(estate):
    return make_user(phone="13911120001", roles=[("committee", estate.id)])


def test_home_lists_open_consultations_answered_or_not_per_flat(client, estate, committee):
    flats = flats_of(estate.id)
    owner = make_owner(flats[0], phone="13911120002")
    link(owner, flats[1])
    survey = make_consultation(estate, "willingness_survey", actor=committee)
    make_consultation(estate, "needs_survey", actor=committee, open_now=False, title="还没开始的调查")
    services.cast_ballot(survey, owner, flats[1].id, {"willing": "agree", "contribute": "willing"})
    web_login(client, owner.phone)
    page = client.get("/").text
    assert "老旧小区改造意愿征询" in page and "还没开始的调查" not in page
    assert f'href="/consultations/{survey.id}"' in page
    assert "1号楼 1单元 101：还没投票" in page and "1号楼 1单元 102：已投票" in page


def test_resident_votes_with_the_form_and_gets_a_receipt(client, estate, committee):
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat, phone="13911120003")
    survey = make_consultation(estate, "willingness_survey", actor=committee)
    web_login(client, owner.phone)
    page = client.get(f"/consultations/{survey.id}").text
    assert 'name="q.willing" value="agree"' in page
    # the conditional questions start hidden (and disabled, so a browser does not send them)
    assert re.search(r'id="question-contribute"[^>]*hidden disabled', page)
    csrf = csrf_of(page)

    missing = client.post(f"/consultations/{survey.id}/ballot", data={"csrf_token": csrf})
    assert missing.status_code == 422 and "请回答这道题" in missing.text
    assert ballots_of(survey) == []

    # a hidden question's field is not read: "contribute" is asked only after "agree"
    sent = client.post(f"/consultations/{survey.id}/ballot", data={
        "csrf_token": csrf, "q.willing": "oppose", "q.contribute": "willing",
        "q.oppose_reason": "费用说不清楚", "q.join": ["meetings", "volunteer"]})
    assert sent.status_code == 303 and sent.headers["Location"].endswith(f"?flat={flat.id}#receipt")
    [ballot] = ballots_of(survey)
    assert ballot.answers == {"willing": "oppose", "oppose_reason": "费用说不清楚",
                              "join": ["meetings", "volunteer"]}
    page = client.get(f"/consultations/{survey.id}?flat={flat.id}").text
    assert f"已提交。回执编号：{ballot.receipt}" in page
    assert f"1号楼 1单元 101：{ballot.receipt}（第 1 次提交）" in page
    assert "修改我的选择" in page and 'value="oppose" checked' in page

    # changing it while open: a new version and a new receipt, the old one kept
    client.post(f"/consultations/{survey.id}/ballot", data={
        "csrf_token": csrf, "q.willing": "agree", "q.contribute": "unsure"})
    db.session.refresh(ballot)
    assert ballot.version == 2 and ballot.answers["contribute"] == "unsure"
    assert db.session.scalar(db.select(db.func.count(BallotVersion.id))
                             .where(BallotVersion.ballot_id == ballot.id)) == 2
    assert f"{ballot.receipt}（第 2 次提交）" in client.get(f"/consultations/{survey.id}").text


def test_ballot_form_needs_the_csrf_token(client, estate, committee):
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat, phone="13911120004")
    vote = make_consultation(estate, "willingness_survey", actor=committee)
    web_login(client, owner.phone)
    for token in (None, "", "forged-token"):
        data = {"q.willing": "agree", "q.contribute": "willing"}
        if token is not None:
            data["csrf_token"] = token
        refused = client.post(f"/consultations/{vote.id}/ballot", data=data)
        assert refused.status_code == 403 and "页面已过期" in refused.text
    assert ballots_of(vote) == []


def test_resident_cannot_open_another_estates_consultation(client, estate, committee):
    other = make_estate(name="别的小区")
    elsewhere = make_consultation(other, "willingness_survey")
    draft = make_consultation(estate, "willingness_survey", actor=committee, open_now=False)
    owner = make_owner(flats_of(estate.id)[0], phone="13911120005")
    web_login(client, owner.phone)
    for consultation in (elsewhere, draft):
        assert client.get(f"/consultations/{consultation.id}").status_code == 404
        posted = client.post(f"/consultations/{consultation.id}/ballot",
                             data={"csrf_token": _session_csrf(client), "q.willing": "agree"})
        assert posted.status_code == 404
    assert client.get("/consultations/999999").status_code == 404
    assert ballots_of(elsewhere) == []


def test_pages_need_a_login(client, estate, committee):
    vote = make_consultation(estate, "willingness_survey", actor=committee)
    response = client.get(f"/consultations/{vote.id}")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login?next=")
    assert client.get(f"/console/consultations/{vote.id}").status_code == 302


def test_tenant_sees_the_vote_but_cannot_answer_it(client, estate, committee):
    tenant = make_user(phone="13911120006")
    link(tenant, flats_of(estate.id)[0], "tenant")
    vote = make_consultation(estate, "willingness_survey", actor=committee)
    web_login(client, tenant.phone)
    page = client.get(f"/consultations/{vote.id}").text
    # not the false "no verified flat": a verified tenant is told who votes, and what they can do
    assert "本次由业主参加" in page and "您是租户" in page and 'id="ballot-form"' not in page
    assert "没有经过核实的房屋" not in page
    refused = client.post(f"/consultations/{vote.id}/ballot", data={
        "csrf_token": _session_csrf(client), "q.willing": "agree", "q.contribute": "willing"})
    assert refused.status_code == 403 and "业主" in refused.text
    assert ballots_of(vote) == []


def test_evaluation_is_answered_by_residents_through_the_same_page(client, estate, committee):
    tenant = make_user(phone="13911120007")
    link(tenant, flats_of(estate.id)[2], "tenant")
    evaluation = make_consultation(estate, "evaluation", actor=committee)
    web_login(client, tenant.phone)
    page = client.get(f"/consultations/{evaluation.id}").text
    assert "改造效果评价" in page and 'name="q.overall" value="5"' in page and "提交答卷" in page
    sent = client.post(f"/consultations/{evaluation.id}/ballot", data={
        "csrf_token": csrf_of(page), "q.overall": "4", "q.quality": "5", "q.process": "3",
        "q.best_items": ["basic.water_supply"], "q.suggestions": "楼道灯再亮一点"})
    assert sent.status_code == 303
    [ballot] = ballots_of(evaluation)
    assert ballot.slot == f"user:{tenant.id}" and ballot.answers["overall"] == 4
    page = client.get(f"/consultations/{evaluation.id}").text
    results = results_of(page)
    assert results["participation"]["ballots"] == 1
    assert results["questions"][0]["average"] == "4.00"


def test_hidden_results_show_nothing_until_closed(client, estate, committee):
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat, phone="13911120008")
    vote = make_consultation(estate, "willingness_survey", actor=committee,
                             hide_results_until_closed=True)
    services.cast_ballot(vote, owner, None, {"willing": "agree", "contribute": "willing"})
    web_login(client, owner.phone)
    page = client.get(f"/consultations/{vote.id}").text
    assert results_of(page) is None and "截止后才公布结果" in page
    services.close_consultation(vote, committee.id)
    results = results_of(client.get(f"/consultations/{vote.id}").text)
    assert results["questions"][0]["options"]["agree"]["ballots"] == 1


def test_published_receipts_are_checked_on_the_page(client, estate, committee):
    owner = make_owner(flats_of(estate.id)[0], phone="13911120009")
    vote = make_consultation(estate, "willingness_survey", actor=committee)
    ballot = services.cast_ballot(vote, owner, None, {"willing": "agree", "contribute": "willing"})
    services.close_consultation(vote, committee.id)
    services.publish_consultation(vote, committee.id)
    web_login(client, owner.phone)
    page = client.get(f"/consultations/{vote.id}").text
    assert ballot.receipt in page and "已在公示名单中" in page and "已公示" in page


def test_console_consultation_pages_are_for_the_committee_only(client, estate, committee):
    other = make_estate(name="别的小区")
    other_vote = make_consultation(other, "willingness_survey")
    vote = make_consultation(estate, "willingness_survey", actor=committee)
    owner = make_owner(flats_of(estate.id)[0], phone="13911120010")
    web_login(client, owner.phone)
    assert client.get(f"/console/estates/{estate.id}/consultations").status_code == 403
    assert client.get(f"/console/consultations/{vote.id}").status_code == 403
    refused = client.post(f"/console/consultations/{vote.id}/assisted-ballots", data={
        "csrf_token": _session_csrf(client), "flat_id": flats_of(estate.id)[1].id,
        "channel": "paper", "evidence": "纸质票 001", "q.willing": "agree", "q.contribute": "willing"})
    assert refused.status_code == 403 and ballots_of(vote) == []
    assert client.get(f"/console/consultations/{other_vote.id}").status_code == 404

    web_login(client, committee.phone)
    listing = client.get(f"/console/estates/{estate.id}/consultations")
    assert listing.status_code == 200
    assert "老旧小区改造意愿征询" in listing.text and 'id="new-consultation"' in listing.text
    assert 'value="content_vote"' in listing.text and 'value="evaluation"' in listing.text
    assert client.get(f"/console/consultations/{vote.id}").status_code == 200
    assert client.get(f"/console/consultations/{other_vote.id}").status_code == 404
    assert client.get(f"/console/estates/{other.id}/consultations").status_code == 404


def test_console_creates_opens_closes_and_publishes_through_the_api(client, estate, committee):
    csrf = web_login(client, committee.phone)
    body = {"template": "content_vote", "scope": {"type": "estate"},
            "closes_at": "2099-01-01T18:00:00+08:00"}
    assert client.post(f"/api/v1/estates/{estate.id}/consultations", json=body).status_code == 403
    created = client.post(f"/api/v1/estates/{estate.id}/consultations", json=body,
                          headers={"X-CSRF-Token": csrf})
    assert created.status_code == 201
    consultation_id = created.json["id"]
    page = client.get(f"/console/consultations/{consultation_id}").text
    assert 'data-lifecycle="open"' in page and "草稿" in page
    for step, label in (("open", "截止"), ("close", "公示结果"), ("publish", None)):
        assert client.post(f"/api/v1/consultations/{consultation_id}/{step}",
                           headers={"X-CSRF-Token": csrf}).status_code == 200
        page = client.get(f"/console/consultations/{consultation_id}").text
        if label:
            assert f">{label}</button>" in page
    assert "结果已公示" in page and "export.pdf" in page


def test_console_enters_an_assisted_ballot_with_its_evidence(client, estate, committee):
    flats = flats_of(estate.id)
    vote = make_consultation(estate, "willingness_survey", actor=committee)
    web_login(client, committee.phone)
    page = client.get(f"/console/consultations/{vote.id}").text
    assert 'id="assisted-form"' in page and f'value="{flats[3].id}" data-room="202" data-label="1号楼 1单元 202"' in page
    form = {"csrf_token": csrf_of(page), "flat_id": str(flats[3].id), "channel": "assisted",
            "q.willing": "agree", "q.contribute": "willing", "witness_phone": "13911120099"}

    no_evidence = client.post(f"/console/consultations/{vote.id}/assisted-ballots", data=form)
    assert no_evidence.status_code == 422 and "必填" in no_evidence.text
    no_csrf = client.post(f"/console/consultations/{vote.id}/assisted-ballots",
                          data={**form, "csrf_token": "", "evidence": "纸质票 001"})
    assert no_csrf.status_code == 403
    assert ballots_of(vote) == []

    entered = client.post(f"/console/consultations/{vote.id}/assisted-ballots",
                          data={**form, "evidence": "王奶奶本人在场，居委会代填"})
    assert entered.status_code == 303
    [ballot] = ballots_of(vote)
    assert ballot.channel.value == "assisted" and ballot.entered_by_id == committee.id
    assert ballot.evidence == "王奶奶本人在场，居委会代填" and ballot.witness_phone == "13911120099"
    assert ballot.flat_id == flats[3].id and ballot.voter_id is None
    page = client.get(f"/console/consultations/{vote.id}").text
    assert f"已录入。回执编号：{ballot.receipt}" in page
    assert results_of(page)["channels"]["assisted"] == 1


def test_api_results_match_what_the_page_embeds(client, estate, committee):
    owner = make_owner(flats_of(estate.id)[0], phone="13911120011")
    vote = make_consultation(estate, "elevator_consent", actor=committee,
                             scope_type="stairwell", scope_id=flats_of(estate.id)[0].stairwell_id)
    services.cast_ballot(vote, owner, None, {"install": "agree"})
    api = client.get(f"/api/v1/consultations/{vote.id}/results", headers=auth(owner)).json
    web_login(client, owner.phone)
    assert results_of(client.get(f"/consultations/{vote.id}").text) == api


def test_owner_of_two_flats_votes_for_each_flat(client, estate, committee):
    flats = flats_of(estate.id)
    owner = make_owner(flats[0], phone="13911120012")
    link(owner, flats[5])
    vote = make_consultation(estate, "willingness_survey", actor=committee)
    web_login(client, owner.phone)
    page = client.get(f"/consultations/{vote.id}").text
    assert "为哪一户投票" in page and f'value="{flats[0].id}" data-flat-switch checked' in page
    client.post(f"/consultations/{vote.id}/ballot", data={
        "csrf_token": csrf_of(page), "flat_id": str(flats[5].id), "q.willing": "abstain"})
    page = client.get(f"/consultations/{vote.id}?flat={flats[5].id}").text
    assert f'value="{flats[5].id}" data-flat-switch checked' in page
    assert 'value="abstain" checked' in page and "1号楼 1单元 302：" in page
    assert "修改我的选择" in page
    first = client.get(f"/consultations/{vote.id}?flat={flats[0].id}").text
    assert 'value="abstain" checked' not in first and "修改我的选择" not in first
    # a flat that is not the owner's is not offered (and the service refuses it)
    refused = client.post(f"/consultations/{vote.id}/ballot", data={
        "csrf_token": csrf_of(page), "flat_id": str(flats[1].id), "q.willing": "agree",
        "q.contribute": "willing"})
    assert refused.status_code == 403
    assert {b.flat_id for b in ballots_of(vote)} == {flats[5].id}
