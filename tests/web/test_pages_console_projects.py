"""The console's project, complaint and fund pages without a browser: committee only, the
passed votes a project or a fund use is tied to, the confirmations. Both databases."""
from app.consultations.api import services
from app.web.api import messages_console, messages_fund
from tests.factories import flats_of, make_consultation, make_estate, make_owner, make_user
from tests.web.helpers import web_login


def test_project_pages_are_for_the_committee_and_offer_passed_votes(client, app):
    estate = make_estate(floors=1)
    committee = make_user(phone="13911160001", roles=[("committee", estate.id)])
    vote = make_consultation(estate, "elevator_consent", actor=committee, title="改造内容表决",
                             scope_type="stairwell", scope_id=flats_of(estate.id)[0].stairwell_id)
    undecided = make_consultation(estate, "elevator_consent", actor=committee, title="还在表决",
                                  scope_type="stairwell", scope_id=flats_of(estate.id)[0].stairwell_id)
    for flat in flats_of(estate.id):
        services.cast_ballot(vote, make_owner(flat), flat.id, {"install": "agree"})
    services.close_consultation(vote, committee.id)
    assert services.results(vote).decision == "passed"
    web_login(client, committee.phone)
    page = client.get(f"/console/estates/{estate.id}/projects").text
    assert 'id="new-project"' in page and "改造内容表决" in page and undecided.title not in page
    use = make_consultation(estate, "fund_use", actor=committee, title="屋面维修用维修资金")
    for flat in flats_of(estate.id):
        services.cast_ballot(use, make_owner(flat), flat.id, {"use": "agree"})
    services.close_consultation(use, committee.id)
    fund = client.get(f"/console/estates/{estate.id}/fund").text
    # only decisions on using (item 五) or raising (item 六) the fund are offered, with their item
    assert f'<option value="{use.id}">屋面维修用维修资金（民法典第二百七十八条第（五）项' in fund
    assert "改造内容表决" not in fund and undecided.title not in fund
    # nothing is recorded before the preview: the confirmation then states the consequence
    assert f'data-confirm="{messages_fund.FUND_PREVIEW_FIRST}" disabled' in fund
    assert 'name="scope_type" value="stairwells"' in fund and 'id="fund-flats"' in fund
    item = "表决事项：民法典第二百七十八条第（五）项：使用建筑物及其附属设施的维修资金"
    assert item in client.get(f"/console/consultations/{use.id}").text
    assert client.get(f"/console/estates/{estate.id}/complaints").status_code == 200
    created = client.post(f"/api/v1/estates/{estate.id}/projects", json={"title": "改造", "budget_cents": 100},
                          headers={"X-CSRF-Token": client.get("/api/v1/auth/session").json["csrf_token"]})
    project = client.get(f"/console/projects/{created.json['id']}").text
    assert f'data-confirm="{messages_console.CONFIRM_PROJECT_ADVANCE}"' in project
    # the evaluation is started in 共评 only (issue 30, item 6): before, the page says so
    assert f'data-confirm="{messages_console.CONFIRM_EVALUATION}"' not in project
    assert messages_console.EVALUATION_IN_CO_EVALUATE in project
    from app.extensions import db
    from app.projects.api import Phase, RenovationProject
    db.session.get(RenovationProject, created.json["id"]).phase = Phase.co_evaluate
    db.session.commit()
    project = client.get(f"/console/projects/{created.json['id']}").text
    assert f'data-confirm="{messages_console.CONFIRM_EVALUATION}"' in project

    owner = make_owner(flats_of(estate.id)[0], phone="13911160002")
    web_login(client, owner.phone)
    assert item in client.get(f"/consultations/{use.id}").text
    for path in (f"/console/estates/{estate.id}/projects", f"/console/estates/{estate.id}/fund",
                 f"/console/estates/{estate.id}/complaints", f"/console/projects/{created.json['id']}"):
        assert client.get(path).status_code == 403, path
