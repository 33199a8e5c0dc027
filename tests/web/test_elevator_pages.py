"""Elevator pages without a browser: who sees what, the share explained, the console's section."""
import re

import pytest

from app.elevators.api import services
from app.elevators.api import ElevatorProject
from app.extensions import db
from tests.elevators.helpers import Stairwell6
from tests.factories import flats_of, link, make_estate, make_user
from tests.web.helpers import web_login


@pytest.fixture
def place(app):
    return Stairwell6()


@pytest.fixture
def project(client, place):
    created = place.create(client)
    assert created.status_code == 201, created.json
    return db.session.get(ElevatorProject, created.json["id"])


def test_resident_sees_stage_share_and_how_it_was_computed(client, place, project):
    flat = next(f for f in place.flats if f.room == "302")  # floor 3, 60 m², coefficient 0.8
    web_login(client, place.owners[flat.id].phone)
    page = client.get(f"/elevators/{project.id}")
    assert page.status_code == 200
    text = page.text
    assert "1号楼 1单元 加装电梯" in text and '<strong id="stage-label">意愿征询</strong>' in text
    # 600,000 − 200,000 = 400,000 yuan over Σ coefficient × area = 2 × 60 × 6.0 = 720
    share = next(s for s in services.cost_shares(project).shares if s.flat_id == flat.id)
    # exact quota 40,000,000 × 48 / 720 = 2,666,666.67 cents; a remainder cent goes to it
    assert share.share_cents == 2_666_667
    assert "应分摊 26,666.67 元" in text
    assert "总造价 600,000.00 元 − 补贴 200,000.00 元 = 400,000.00 元" in text
    assert "您家在 3 层，楼层系数 0.8，面积 60.00 ㎡，比例 = 0.8 × 60.00 = 48.00" in text
    assert "全单元 12 户的比例合计 720.00" in text
    assert "400,000.00 元 × 48.00 ÷ 720.00，精确到分是 26,666.67 元" in text
    assert f'href="/api/v1/elevator-projects/{project.id}/flats/{flat.id}/statement.pdf"' in text
    # the consent question, with its rule and the exact thresholds
    assert 'class="vote-form"' in text and 'value="agree"' in text and 'value="oppose"' in text
    assert "民法典第二百七十八条" in text
    assert "业主人数：0/12 人，占 0.0%；要求 2/3以上（含本数）" in text
    assert "还差业主 8 人 / 480.00 ㎡" in text
    assert "还没有业主参与表决。" in text and "✓ 已达到" not in text  # approval of nobody is not met
    # the home page lists it
    assert f'href="/elevators/{project.id}"' in client.get("/").text


def test_ground_floor_owner_pays_nothing_and_reads_why(client, place, project):
    flat = next(f for f in place.flats if f.floor == 1)
    web_login(client, place.owners[flat.id].phone)
    text = client.get(f"/elevators/{project.id}").text
    assert "不需要分摊费用" in text and "您家楼层系数是 0，所以不分摊费用。" in text


def test_vote_receipt_and_progress_show_on_the_page(client, place, project):
    flats = place.flats
    for flat in flats[:9]:
        place.vote(client, project.consultation_id, flat, "agree")
    web_login(client, place.owners[flats[0].id].phone)
    text = client.get(f"/elevators/{project.id}").text
    receipt = re.search(r"回执编号 (\w{5}-\w{5})（第 1 次提交", text)
    assert receipt and "我的选择：同意" in text
    assert "业主人数：9/12 人，占 75.0%" in text and "✓ 已达到" in text
    assert "截止前可以随时修改" in text
    fragment = client.get(f"/elevators/{project.id}/progress").text
    assert "业主人数：9/12 人" in fragment and "<html" not in fragment


def test_after_the_vote_closes_the_receipt_no_longer_offers_a_change(client, place, project):
    from tests.elevators.helpers import close_consent

    for flat in place.flats[:9]:
        place.vote(client, project.consultation_id, flat, "agree")
    close_consent(client, place, project.consultation_id)
    web_login(client, place.owners[place.flats[0].id].phone)
    text = client.get(f"/elevators/{project.id}").text
    assert "我的选择：同意" in text and "回执编号可以和公示名单核对" in text
    assert "截止前可以随时修改" not in text


def test_other_estate_and_other_stairwell_get_404(client, place, project):
    other = make_estate(name="别的小区")
    outsider = make_user(phone="13911110101")
    link(outsider, flats_of(other.id)[0])
    web_login(client, outsider.phone)
    assert client.get(f"/elevators/{project.id}").status_code == 404
    assert client.get(f"/elevators/{project.id}/progress").status_code == 404
    assert client.get("/elevators/999999").status_code == 404
    # a resident of the same estate but another stairwell does not see it either
    two = make_estate(name="两个单元", buildings=(("1号楼", 2),))
    owner_a = make_user(phone="13911110102")
    link(owner_a, flats_of(two.id)[0])
    committee = make_user(phone="13911110103", roles=[("committee", two.id)])
    second_stairwell = flats_of(two.id)[-1].stairwell_id
    web_login(client, committee.phone)
    from tests.factories import auth
    created = client.post(f"/api/v1/stairwells/{second_stairwell}/elevator-projects",
                          json=place.body(), headers=auth(committee))
    assert created.status_code == 201, created.json
    web_login(client, owner_a.phone)
    assert client.get(f"/elevators/{created.json['id']}").status_code == 404


def test_pages_need_a_login(client, project):
    response = client.get(f"/elevators/{project.id}")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login?next=")


def test_console_elevator_section_is_for_the_committee_only(client, place, project):
    owner = place.owners[place.flats[5].id]
    web_login(client, owner.phone)
    estate_id = place.estate.id
    assert client.get(f"/console/estates/{estate_id}/elevators").status_code == 403
    assert client.get(f"/console/estates/{estate_id}/elevators/{project.id}").status_code == 403
    other = make_estate(name="别的小区")
    other_committee = make_user(phone="13911110104", roles=[("committee", other.id)])
    web_login(client, other_committee.phone)
    assert client.get(f"/console/estates/{estate_id}/elevators").status_code == 404
    # the project under another estate's console address is not found
    assert client.get(f"/console/estates/{other.id}/elevators/{project.id}").status_code == 404

    web_login(client, place.committee.phone)
    listing = client.get(f"/console/estates/{estate_id}/elevators").text
    assert "1号楼 1单元" in listing and "意愿征询" in listing and 'id="elevator-new"' in listing
    assert f'href="/console/estates/{estate_id}/elevators"' in listing  # the nav tab
    page = client.get(f"/console/estates/{estate_id}/elevators/{project.id}").text
    assert "进入下一阶段：方案公示" in page and "截止意愿征询" in page
    assert page.count('<tr data-flat="') == 12 and "合计 400,000.00 元" in page
    assert 'id="what-if"' in page


def test_console_shows_stances_only_after_the_round_closes(client, place, project):
    flats = place.flats
    place.vote(client, project.consultation_id, flats[2], "agree")
    place.vote(client, project.consultation_id, flats[3], "oppose")
    web_login(client, place.committee.phone)
    url = f"/console/estates/{place.estate.id}/elevators/{project.id}"

    def stance_of(page, flat):
        row = re.search(rf'<tr data-flat="{flat.id}">(.*?)</tr>', page, re.S).group(1)
        return re.findall(r"<td>(.*?)</td>", row, re.S)[-2]

    page = client.get(url).text
    assert stance_of(page, flats[2]) == "已表态" and stance_of(page, flats[4]) == "未表态"
    from tests.factories import auth
    closed = client.post(f"/api/v1/consultations/{project.consultation_id}/close",
                         headers=auth(place.committee))
    assert closed.status_code == 200
    page = client.get(url).text
    assert stance_of(page, flats[2]) == "同意" and stance_of(page, flats[3]) == "不同意"
    assert stance_of(page, flats[4]) == ""


def test_advance_from_the_console_needs_the_csrf_token_and_names_the_guard(client, place, project):
    csrf = web_login(client, place.committee.phone)
    url = f"/api/v1/elevator-projects/{project.id}/advance"
    refused = client.post(url, json={"to": "publicity"})
    assert refused.status_code == 403 and refused.json["error"]["code"] == "csrf_failed"
    guarded = client.post(url, json={"to": "publicity"}, headers={"X-CSRF-Token": csrf})
    assert guarded.status_code == 409 and guarded.json["error"]["code"] == "guard_failed"
    assert guarded.json["error"]["message"] == "意愿征询还没有结束，结束并通过后才能进入方案公示"
    create = client.post(f"/api/v1/stairwells/{place.stairwell.id}/elevator-projects",
                         json=place.body())
    assert create.status_code == 403 and create.json["error"]["code"] == "csrf_failed"


def test_resident_ballot_from_the_page_needs_the_csrf_token(client, place, project):
    flat = place.flats[6]
    csrf = web_login(client, place.owners[flat.id].phone)
    url = f"/api/v1/consultations/{project.consultation_id}/ballots/mine"
    body = {"flat_id": flat.id, "answers": {"install": "agree"}}
    assert client.put(url, json=body).status_code == 403
    voted = client.put(url, json=body, headers={"X-CSRF-Token": csrf})
    assert voted.status_code == 200 and voted.json["receipt"]
    assert voted.json["receipt"] in client.get(f"/elevators/{project.id}").text


def test_tenant_sees_the_share_but_neither_votes_nor_downloads(client, place, project):
    flat = place.flats[7]
    tenant = make_user(phone="13911110105")
    link(tenant, flat, "tenant")
    web_login(client, tenant.phone)
    text = client.get(f"/elevators/{project.id}").text
    assert "租户" in text and "应分摊" in text
    assert "只有经过核实的业主" in text and 'class="vote-form"' not in text
    assert "statement.pdf" not in text
    pdf = client.get(f"/api/v1/elevator-projects/{project.id}/flats/{flat.id}/statement.pdf")
    assert pdf.status_code == 404
    web_login(client, place.owners[flat.id].phone)
    pdf = client.get(f"/api/v1/elevator-projects/{project.id}/flats/{flat.id}/statement.pdf")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")


def test_publicity_offers_the_objection_and_signing_the_signature(client, place, project):
    from tests.elevators.helpers import close_consent, end_publicity
    from tests.factories import auth

    for flat in place.flats[:10]:
        place.vote(client, project.consultation_id, flat, "agree")
    close_consent(client, place, project.consultation_id)
    csrf = web_login(client, place.committee.phone)
    moved = client.post(f"/api/v1/elevator-projects/{project.id}/advance", json={"to": "publicity"},
                        headers={"X-CSRF-Token": csrf})
    assert moved.status_code == 200, moved.json

    flat = place.flats[4]
    csrf = web_login(client, place.owners[flat.id].phone)
    page = client.get(f"/elevators/{project.id}").text
    assert '<strong id="stage-label">方案公示</strong>' in page
    assert re.search(r'<div data-stage-show="publicity">\s*<details class="object">', page)
    assert re.search(r'<div data-stage-show="consent" hidden>', page)
    assert "意愿征询已经截止" in page
    objected = client.post(f"/api/v1/elevator-projects/{project.id}/objections",
                           json={"flat_id": flat.id, "reason": "挡住厨房窗户"},
                           headers={"X-CSRF-Token": csrf})
    assert objected.status_code == 201, objected.json
    page = client.get(f"/elevators/{project.id}").text
    assert f"{flat.room} 的异议：挡住厨房窗户" in page and "处理中" in page
    assert f'href="/cases/{objected.json["case_id"]}"' in page
    # the objector can take it back from the page (issue 17: no operation without a page)
    withdraw = f'data-api="/api/v1/elevator-objections/{objected.json["id"]}/withdraw"'
    assert withdraw in page and "撤回我的异议" in page

    client.post(f"/api/v1/elevator-objections/{objected.json['id']}/withdraw",
                headers={"X-CSRF-Token": csrf})
    assert withdraw not in client.get(f"/elevators/{project.id}").text
    end_publicity(project.id)
    assert client.post(f"/api/v1/elevator-projects/{project.id}/advance", json={"to": "signing"},
                       headers=auth(place.committee)).status_code == 200
    page = client.get(f"/elevators/{project.id}").text
    assert f'data-sign="{flat.id}"' in page and "同意并签署：" in page
    signed = client.post(f"/api/v1/elevator-projects/{project.id}/signatures",
                         json={"flat_id": flat.id}, headers={"X-CSRF-Token": csrf})
    assert signed.status_code == 201
    page = client.get(f"/elevators/{project.id}").text
    assert f'data-sign="{flat.id}"' not in page and "已签署" in page

    colleague = make_user(phone="13911110106", roles=[("committee", place.estate.id)])
    web_login(client, colleague.phone)
    console = client.get(f"/console/estates/{place.estate.id}/elevators/{project.id}").text
    row = re.search(rf'<tr data-flat="{flat.id}">(.*?)</tr>', console, re.S).group(1)
    assert "同意" in row and "已签署" in row
    assert "进入下一阶段：审批" in console


def test_a_plan_that_no_longer_fits_the_ledger_is_named_not_a_broken_page(client, place, project):
    from decimal import Decimal

    from app.estates.api import Flat

    first = place.flats[0]
    db.session.add(Flat(estate_id=first.estate_id, building_id=first.building_id,
                        stairwell_id=first.stairwell_id, room="701", floor=7,
                        area_m2=Decimal("55.00")))
    db.session.commit()  # a ledger import added a seventh floor after the plan was made
    web_login(client, place.owners[place.flats[6].id].phone)
    page = client.get(f"/elevators/{project.id}")
    assert page.status_code == 200 and "缺少 7 楼的系数" in page.text
    assert "statement.pdf" not in page.text and 'class="vote-form"' in page.text
    colleague = make_user(phone="13911110107", roles=[("committee", place.estate.id)])
    web_login(client, colleague.phone)
    console = client.get(f"/console/estates/{place.estate.id}/elevators/{project.id}")
    assert console.status_code == 200 and "缺少 7 楼的系数" in console.text
    assert 'id="what-if"' in console.text
