"""The controls that closed the resident page map's last gaps (issue 17), without a browser:
editing my post and its earlier texts, the moderation log, the estate's counts, my stairwells'
elevators, the sunlight analyses. Both databases."""
import pytest

from app.cases.api import resolution, services as cases
from app.estates.api import estate_counts
from tests.elevators.helpers import Stairwell6
from tests.factories import flats_of, make_estate, make_owner, make_user
from tests.sunlight.helpers import Place
from tests.web.helpers import web_login


@pytest.fixture
def estate(app):
    return make_estate()


def test_the_case_page_offers_editing_my_post_its_earlier_texts_and_the_moderation_log(client, app, estate):
    committee = make_user(roles=[("committee", estate.id)])
    owner, neighbour = (make_owner(flat) for flat in flats_of(estate.id)[:2])
    case = cases.create_case(estate.id, title="占用绿地", description="北侧绿地被占",
                             affected_flat_ids=[flats_of(estate.id)[0].id], actor_id=owner.id)
    mine = cases.create_post(case, owner, "我有意见")
    theirs = cases.create_post(case, neighbour, "我也是")
    web_login(client, owner.phone)
    page = client.get(f"/cases/{case.id}").text
    assert f'data-edit="{mine.id}"' in page and f'data-edit="{theirs.id}"' not in page
    assert "/assets/case_edit.js" in page and "data-revisions" not in page
    assert 'id="moderation-log"' not in page

    cases.edit_post(mine, owner, "我有意见：绿地不能占")
    cases.hide_post(theirs, committee.id, "与本事无关")
    page = client.get(f"/cases/{case.id}").text
    assert "（已修改）" in page and f'data-revisions="{mine.id}"' in page
    log = page[page.index('id="moderation-log"'):]
    assert "版主处理记录（1 条）" in log and "隐藏：与本事无关" in log

    app.config["CASE_POST_EDIT_WINDOW_S"] = 0  # the window has passed: no 修改 any more
    page = client.get(f"/cases/{case.id}").text
    assert f'data-edit="{mine.id}"' not in page and f'data-reply="{mine.id}"' in page

    # closed: the outcome keeps its lines, and nobody is offered a reply that cannot be sent
    resolution.close_case(case, committee.id, "同意拆除\n一周内完成")
    page = client.get(f"/cases/{case.id}").text
    assert "data-reply" not in page and 'id="post-form"' not in page
    assert '<p class="case-description">同意拆除\n一周内完成</p>' in page


def test_home_counts_the_estate_in_flats_and_lists_my_stairwells_elevators(client):
    place = Stairwell6()
    project = place.create(client).json
    elsewhere = Stairwell6()
    elsewhere.create(client)
    web_login(client, place.owners[place.flats[0].id].phone)
    home = client.get("/").text
    counts = estate_counts(place.estate.id)
    assert (f"{counts['building_count']} 栋楼，{counts['stairwell_count']} 个单元，"
            f"{counts['flat_count']} 户") in home
    assert f'href="/elevators/{project["id"]}"' in home and home.count('href="/elevators/') == 1


def test_a_resident_reads_the_estates_sunlight_analyses_with_their_window_marked(client, app):
    place = Place()
    analysis = place.create(client, case_id=place.case.id).json
    web_login(client, place.owner_b.phone)
    listing = client.get(f"/estates/{place.estate.id}/sunlight").text
    assert f'href="/sunlight/{analysis["id"]}"' in listing and "大寒日，2 扇窗" in listing
    page = client.get(f"/sunlight/{analysis['id']}").text
    assert "窗户：1单元301" in page and "窗户：2单元301" in page
    mine = page[page.index('data-window="1"'):]
    assert '<span class="tag">您家</span>' in mine[:300]
    assert f'src="/api/v1/sunlight-analyses/{analysis["id"]}/chart.png?window=1"' in page  # mine, readable
    assert f'href="/api/v1/sunlight-analyses/{analysis["id"]}/chart.png"' in page
    assert f'href="/cases/{place.case.id}"' in page
    case_page = client.get(f"/cases/{place.case.id}").text
    assert f'href="/sunlight/{analysis["id"]}"' in case_page
    web_login(client, make_owner(flats_of(make_estate().id)[0]).phone)
    assert client.get(f"/sunlight/{analysis['id']}").status_code == 404
