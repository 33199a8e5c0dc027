"""The new resident pages without a browser: who may open them, what they call. Both databases."""
import pytest

from app.extensions import db
from app.notifications.api import notify
from app.projects.api import services as projects
from tests.factories import flats_of, make_estate, make_owner, make_user
from tests.web.helpers import web_login


@pytest.fixture
def estate(app):
    return make_estate()


@pytest.fixture
def owner(estate):
    return make_owner(flats_of(estate.id)[0], phone="13911140001")


def test_home_links_every_phase_and_counts_unread_notifications(client, estate, owner):
    notify(owner.id, estate_id=estate.id, kind="test", title="征询开始了", body="请去投票")
    db.session.commit()
    web_login(client, owner.phone)
    home = client.get("/").text
    assert "1 条未读" in home and 'href="/notifications"' in home
    for link in (f"/estates/{estate.id}/projects", f"/estates/{estate.id}/complaints",
                 f"/estates/{estate.id}/cases/new", "/proxies", "/account", f"/estates/{estate.id}/public"):
        assert f'href="{link}"' in home
        assert client.get(link).status_code == 200


def test_pages_of_another_estate_are_not_found(client, estate, owner):
    other = make_estate(name="别的小区")
    committee = make_user(roles=[("committee", other.id)])
    elsewhere = projects.create_project(other.id, "别处的项目", 0, committee.id)
    web_login(client, owner.phone)
    for path in (f"/estates/{other.id}/projects", f"/estates/{other.id}/complaints",
                 f"/estates/{other.id}/cases/new", f"/projects/{elsewhere.id}"):
        assert client.get(path).status_code == 404, path


def test_logged_out_pages_ask_to_log_in(client):
    for path in ("/notifications", "/proxies", "/account"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_proxies_page_lists_only_flats_i_own(client, estate, owner):
    web_login(client, owner.phone)
    page = client.get("/proxies").text
    flat = flats_of(estate.id)[0]
    assert f'data-api="/api/v1/flats/{flat.id}/proxies"' in page and "1号楼 1单元 101" in page
    assert "102" not in page


def test_account_page_states_the_consequence_before_deleting(client, owner):
    web_login(client, owner.phone)
    page = client.get("/account").text
    assert 'href="/api/v1/me/export"' in page
    assert "注销后不能恢复" in page and "已公示的结果不变" in page
    assert 'id="delete-confirm" class="review" hidden' in page


def test_project_page_lists_its_evaluations(client, estate, owner):
    committee = make_user(roles=[("committee", estate.id)])
    project = projects.create_project(estate.id, "屋面防水", 100_000, committee.id)
    web_login(client, owner.phone)
    page = client.get(f"/projects/{project.id}").text
    assert f'data-api="/api/v1/projects/{project.id}/progress"' in page
    assert f'data-api="/api/v1/projects/{project.id}/supervision-reports"' in page
    assert "还没有开始评价" in page
