"""Pages: a resident's own window on the case and elevator pages; the console's form and list."""
import pytest

from app.sunlight.api import services
from tests.factories import make_owner
from tests.sunlight.helpers import Place
from tests.web.helpers import web_login


@pytest.fixture
def place(app):
    return Place()


def login_page(client, user):
    web_login(client, user.phone)


def test_the_case_page_shows_each_resident_their_own_window(client, place):
    created = place.create(client, case_id=place.case.id).json
    login_page(client, place.owner_b)
    page = client.get(f"/cases/{place.case.id}").get_data(as_text=True)
    assert "日照影响：您家的窗户" in page and "窗户：2单元301" in page
    assert "窗户：1单元301" not in page  # a neighbour's window is theirs
    mine = created["windows"][1]
    assert f"{mine['before_minutes'] // 60} 小时" in page
    assert f'src="{created["chart_url"]}?window=1"' in page
    assert "数字供大家讨论参考" in page  # elevators only: exempt


def test_a_resident_without_a_window_sees_no_sunlight_card(client, place):
    place.create(client, case_id=place.case.id)
    other = make_owner(next(f for f in place.flats if f.id not in (place.flat_a.id, place.flat_b.id)))
    login_page(client, other)
    assert "日照影响" not in client.get(f"/cases/{place.case.id}").get_data(as_text=True)


def test_the_elevator_page_shows_the_stairwell_resident_their_window(client, place):
    project_id = place.elevator_project(client)
    place.create(client, elevator_project_id=project_id)
    login_page(client, place.owner_a)
    page = client.get(f"/elevators/{project_id}").get_data(as_text=True)
    assert "窗户：1单元301" in page and "新建后" in page


def test_console_pages_for_the_committee_only(client, place):
    analysis = place.create(client, case_id=place.case.id).json
    login_page(client, place.committee)
    listing = client.get(f"/console/estates/{place.estate.id}/sunlight").get_data(as_text=True)
    assert f"/console/estates/{place.estate.id}/sunlight/{analysis['id']}" in listing
    form = client.get(f"/console/estates/{place.estate.id}/sunlight/{analysis['id']}").get_data(as_text=True)
    assert 'value="1单元301"' in form and "计算并保存" in form and analysis["chart_url"] in form
    assert 'name="x0" inputmode="decimal" value="-20' in form  # a rectangle shows as corner and sizes
    new = client.get(f"/console/estates/{place.estate.id}/sunlight/new?case_id={place.case.id}")
    assert new.status_code == 200 and f'value="{place.case.id}" selected' in new.get_data(as_text=True)
    login_page(client, place.owner_a)
    assert client.get(f"/console/estates/{place.estate.id}/sunlight").status_code == 403


def test_the_demo_elevator_has_one_sunlight_analysis(runner):
    from sqlalchemy import select

    from app.elevators.api import ElevatorProject
    from app.extensions import db

    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    project = db.session.scalar(select(ElevatorProject))
    found = services.analyses_of(project.estate_id, elevator_project_id=project.id)
    assert len(found) == 1 and found[0].results["exempt"] is True
    assert len(found[0].results["windows"]) == 12
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    assert len(services.analyses_of(project.estate_id)) == 1
