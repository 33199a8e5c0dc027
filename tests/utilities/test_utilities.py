"""专业经营单位: pipeline works planned beside the renovation's, the warning when one road or
stairwell is dug twice close together (and none when far apart), their money, the handover
with its signed record and photo (once per work, even at the same moment), who may do what."""
import io
from datetime import timedelta

import pytest
from PIL import Image

from app.display import china_today
from app.estates.api import buildings_with_stairwells
from app.extensions import db
from app.projects.api import RenovationProject, create_project
from app.utilities.api import UtilityHandover, UtilityWork, services
from tests.factories import auth, make_estate, make_user
from tests.helpers import together

DAY = timedelta(days=1)


@pytest.fixture
def project(estate, committee):
    return create_project(estate.id, "和平里综合改造", 1_000_000_00, committee.id)


def stairwell_id(estate) -> int:
    return buildings_with_stairwells(estate.id)[0]["stairwells"][0]["id"]


def plan(client, user, project, **body):
    start = china_today() + 10 * DAY
    work = {"party": "water", "title": "更换供水主管", "road": "小区主路", "starts_on": str(start),
            "ends_on": str(start + 14 * DAY), **body}
    return client.post(f"/api/v1/projects/{project.id}/utility-works", headers=auth(user), json=work)


def jpeg() -> tuple:
    out = io.BytesIO()
    Image.new("RGB", (60, 80), (240, 240, 240)).save(out, "PNG")
    return io.BytesIO(out.getvalue()), "p.png"


def test_the_same_road_dug_twice_close_together_is_flagged_with_who_and_when(client, project, committee):
    start = china_today() + 10 * DAY
    assert plan(client, committee, project).status_code == 201
    gas = plan(client, committee, project, party="gas", title="燃气管道改造", road=" 小区 主路",
               starts_on=str(start + 20 * DAY), ends_on=str(start + 30 * DAY))
    assert gas.status_code == 201, gas.json
    far = plan(client, committee, project, party="power", title="架空线入地", road="小区主路",
               starts_on=str(start + 90 * DAY), ends_on=str(start + 95 * DAY))
    assert far.status_code == 201
    clashes = client.get(f"/api/v1/projects/{project.id}/utilities", headers=auth(committee)).json["clashes"]
    assert len(clashes) == 1  # the power works start 60 days after the gas ends: not flagged
    clash = clashes[0]
    assert (clash["place"], clash["overlap"], clash["gap_days"]) == ("小区主路", False, 5)
    assert [w["party_label"] for w in clash["works"]] == ["供水单位", "燃气单位"]
    assert clash["text"].startswith("小区主路要挖两次：供水单位“更换供水主管”")
    assert "前后只隔 5 天" in clash["text"] and "请协调同期施工" in clash["text"]


def test_a_place_dug_again_after_a_finished_work_asks_to_move_the_next_one(app, project, committee):
    """Digging at the same time is no longer possible when the first work is over."""
    from app.utilities.api import add_work, clashes_of_estate

    today = china_today()
    for party, title, starts, ends in [("water", "更换供水主管", -20, -5), ("gas", "燃气管道改造", 5, 15)]:
        add_work(project, {"party": party, "title": title, "road": "小区主路", "starts_on": today + starts * DAY,
                           "ends_on": today + ends * DAY}, committee.id)
    text = clashes_of_estate(project.estate_id)[0]["text"]
    assert text.startswith("小区主路刚挖过又要挖：供水单位“更换供水主管”") and "已完工" in text
    assert "请协调同期施工" not in text


def test_the_renovation_and_a_utility_in_one_stairwell_at_once_overlap(client, estate, project, committee):
    start = china_today() + 3 * DAY
    sid = stairwell_id(estate)
    plan(client, committee, project, party="renovation", title="楼道墙面翻新", road="", stairwell_id=sid,
         starts_on=str(start), ends_on=str(start + 20 * DAY))
    plan(client, committee, project, party="heating", title="供热立管更换", road="", stairwell_id=sid,
         starts_on=str(start + 5 * DAY), ends_on=str(start + 8 * DAY))
    clash = client.get(f"/api/v1/projects/{project.id}/utilities", headers=auth(committee)).json["clashes"][0]
    assert clash["place"] == "1号楼1单元" and clash["overlap"] is True and "时间重叠" in clash["text"]
    staff = make_user(roles=[("staff", None)])
    street = client.get("/api/v1/staff/utility-clashes", headers=auth(staff)).json
    assert [(c["estate_name"], c["place"]) for c in street] == [("测试小区", "1号楼1单元")]


def test_a_work_needs_a_place_in_this_estate_and_dates_in_order(client, project, committee):
    other_stairwell = stairwell_id(make_estate(name="青年湖小区"))
    start = china_today()
    cases = [({"road": "", "stairwell_id": None}, "road", "请填写路段，或选一个单元"),
             ({"road": "", "stairwell_id": other_stairwell}, "stairwell_id", "这个单元不属于本小区"),
             ({"ends_on": str(start - DAY), "starts_on": str(start)}, "ends_on", "完工日期不能早于开工日期"),
             ({"party": "cable_tv"}, "party", None), ({"starts_on": "2026-13-01"}, "starts_on", None)]
    for body, field, message in cases:
        response = plan(client, committee, project, **body)
        assert response.status_code == 422, body
        if message:
            assert response.json["error"]["fields"][field] == message
    assert db.session.query(UtilityWork).count() == 0


def test_their_money_takes_fen_only_and_is_summed_exactly(client, project, committee):
    url = f"/api/v1/projects/{project.id}/utility-contributions"
    body = {"utility": "water", "stage": "committed", "dated_on": str(china_today()), "document_no": "京水协〔2026〕3号"}
    for amount in (12.5, "1,000", "1000", -5, 0):
        assert client.post(url, headers=auth(committee), json={**body, "amount_cents": amount}).status_code == 422
    future = client.post(url, headers=auth(committee),
                         json={**body, "amount_cents": 1, "dated_on": str(china_today() + DAY)})
    assert future.json["error"]["fields"]["dated_on"] == "日期不能晚于今天"
    for stage, amount in (("committed", 30_000_001), ("received", 10_000_000), ("received", 7)):
        assert client.post(url, headers=auth(committee),
                           json={**body, "stage": stage, "amount_cents": amount}).status_code == 201
    money = services.money_of(project.id)
    assert (money["committed_cents"], money["received_cents"]) == (30_000_001, 10_000_007)


def test_a_handover_needs_the_signed_record_and_a_photo_and_happens_once(client, project, committee, owner):
    work = plan(client, committee, project, starts_on=str(china_today() - 30 * DAY),
                ends_on=str(china_today() - 2 * DAY)).json
    url = f"/api/v1/projects/{project.id}/utility-handovers"
    form = {"work_id": str(work["id"]), "facilities": "DN100 供水管 320 米、水表 48 块", "receiver": "北京市自来水集团",
            "handed_on": str(china_today() - DAY)}
    missing = client.post(url, headers=auth(committee), data={**form, "record": jpeg()})
    assert missing.status_code == 422 and "photo" in missing.json["error"]["fields"]
    early = client.post(url, headers=auth(committee),
                        data={**form, "handed_on": str(china_today() - 40 * DAY), "record": jpeg(), "photo": jpeg()})
    assert early.json["error"]["fields"]["handed_on"] == "移交日期不能早于这项工程开工"
    assert client.post(url, headers=auth(owner), data={**form, "record": jpeg(), "photo": jpeg()}).status_code == 403
    done = client.post(url, headers=auth(committee), data={**form, "record": jpeg(), "photo": jpeg()})
    assert done.status_code == 201, done.json
    assert done.json["text"].endswith("移交给 北京市自来水集团") and done.json["work"]["status"] == "done"
    assert client.get(done.json["record_url"], headers=auth(committee)).status_code == 200
    again = client.post(url, headers=auth(committee), data={**form, "record": jpeg(), "photo": jpeg()})
    assert again.status_code == 409 and again.json["error"]["message"] == "这项工程已经移交过了"


def test_two_handovers_of_one_work_at_once_leave_one(app, project, committee):
    """Real threads released together: the unique constraint keeps one handover per work."""
    work = services.add_work(project, {"party": "gas", "title": "燃气管道", "road": "北侧路",
                                       "starts_on": china_today() - 9 * DAY, "ends_on": china_today() - DAY}, committee.id)
    project_id, work_id, committee_id = project.id, work.id, committee.id
    photo = jpeg()[0].getvalue()

    def hand_over(n):
        services.record_handover(db.session.get(RenovationProject, project_id), {
            "work_id": work_id, "facilities": "燃气管 80 米", "receiver": f"燃气公司{n}",
            "handed_on": china_today()}, photo, photo, committee_id)

    outcomes = together(app, 3, hand_over)
    assert sorted(outcomes) == ["already_handed_over", "already_handed_over", "ok"]
    assert db.session.query(UtilityHandover).filter_by(work_id=work_id).count() == 1


def test_residents_and_outsiders_are_kept_out(client, project, committee, owner):
    assert client.get(f"/api/v1/projects/{project.id}/utilities", headers=auth(owner)).status_code == 403
    assert client.get(f"/api/v1/projects/{project.id}/utilities", headers=auth(make_user())).status_code == 404
    assert plan(client, owner, project).status_code == 403
    assert client.get("/api/v1/staff/utility-clashes", headers=auth(committee)).status_code == 403
