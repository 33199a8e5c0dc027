"""The co-planning pages render for the people they are for, with what the API shows them."""
from app.applications.api import reserve, services as applications
from app.extensions import db
from app.plans.api import heritage, services as plans
from app.plans.api import ReviewDecision
from tests.factories import flats_of, make_owner, make_user, sign_in_cookie


def page(app, user, path):
    client = app.test_client()
    sign_in_cookie(client, user)
    response = client.get(path, headers={"Accept": "text/html"})
    return response.status_code, response.get_data(as_text=True)


def test_resident_pages_apply_support_and_read_the_plan(app, estate):
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat)
    status, html = page(app, owner, f"/estates/{estate.id}/application")
    assert status == 200 and f"/api/v1/estates/{estate.id}/applications" in html
    application = applications.start_application(estate.id, "屋面漏水", owner.id)
    status, html = page(app, owner, f"/estates/{estate.id}/application")
    assert status == 200 and "已有 0/12 户业主支持（0.0%）" in html
    assert f"/api/v1/applications/{application.id}/supports" in html and "每户只算一次" in html
    status, html = page(app, owner, f"/estates/{estate.id}/plan")
    assert status == 200 and "设计师还没有发布改造方案" in html
    designer = make_user(roles=[("designer", estate.id)])
    plans.create_version(estate.id, "方案", [{"title": "外墙", "body": "外墙翻新。"}],
                         ["basic.exterior_wall_repair"], designer.id)
    status, html = page(app, owner, f"/estates/{estate.id}/plan")
    assert status == 200 and "外墙翻新。" in html and "/api/v1/plan-sections/" in html
    assert page(app, owner, f"/estates/{estate.id}/plan?version=9")[0] == 404


def test_console_and_street_pages(app, estate, committee):
    staff = make_user(roles=[("staff", None)])
    owner = make_owner(flats_of(estate.id)[0])
    application = applications.start_application(estate.id, "屋面漏水", owner.id)
    status, html = page(app, committee, f"/console/estates/{estate.id}/application")
    assert status == 200 and f"/api/v1/applications/{application.id}/submit" in html and "data-confirm" in html
    plans.create_version(estate.id, "方案", [{"title": "外墙", "body": "外墙翻新。"}],
                         ["basic.exterior_wall_repair"], committee.id)
    status, html = page(app, committee, f"/console/estates/{estate.id}/plan")
    assert status == 200 and "/publicity" in html and "改变外立面" in html
    building = estate.buildings[0]
    heritage.set_heritage(building, "historic", staff.id)
    status, html = page(app, committee, f"/console/estates/{estate.id}/heritage")
    assert status == 200 and "还没有做历史建筑保护审查" in html and "heritage-reviews" not in html
    status, html = page(app, staff, f"/console/estates/{estate.id}/heritage")
    assert status == 200 and f"/api/v1/estates/{estate.id}/heritage-reviews" in html
    heritage.record_review(estate.id, "basic.exterior_wall_repair", ReviewDecision.approved, "可以", staff.id)
    assert "审查同意" in page(app, staff, f"/console/estates/{estate.id}/heritage")[1]
    assert page(app, owner, f"/console/estates/{estate.id}/plan")[0] == 403
    plan = reserve.create_plan(2027, "东城区", 100_000_000, staff.id)
    status, html = page(app, staff, "/street/reserve")
    assert status == 200 and "已用 0.00 / 1,000,000.00 元（0.0%）" in html
    assert "储备库里没有本区待列入计划的小区" in html and "/entries" not in html
    application.status = applications.ApplicationStatus.submitted
    db.session.commit()
    assert f"/api/v1/applications/{application.id}/reserve" in page(app, staff, "/street/reserve")[1]
    reserve.add_to_reserve(application, 50_000_000, None, staff.id)
    status, html = page(app, staff, "/street/reserve")
    assert f"/api/v1/annual-plans/{plan.id}/entries" in html and "500,000.00 元" in html
    assert page(app, committee, "/street/reserve")[0] == 403
