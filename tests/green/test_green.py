"""绿色社区: the national criteria as data, each estate's status and evidence, who may read and
record, a city's own list, and one row per criterion however many write at once."""
import pytest

from app.green.api import services
from app.green.api import criteria
from app.green.api import GreenCheck
from app.extensions import db
from app.rules.api import DataFileError
from tests.factories import auth, make_user
from tests.helpers import together

URL = "/api/v1/estates/{}/green-community"


def test_the_national_list_has_five_areas_and_every_item_starts_not_begun(client, estate, owner):
    body = client.get(URL.format(estate.id), headers=auth(owner)).json
    assert [area["title"][:4] for area in body["areas"]] == ["建立健全", "推进社区", "营造社区", "提高社区", "培育社区"]
    assert body["total"] == sum(len(area["items"]) for area in body["areas"]) == 14
    assert body["met"] == 0 and body["summary"] == "0 项已达标，共 14 项"
    assert {item["status_label"] for area in body["areas"] for item in area["items"]} == {"未开展"}


def test_met_needs_its_evidence_and_residents_read_it(client, estate, committee, owner):
    url = URL.format(estate.id) + "/waste_sorting"
    refused = client.put(url, headers=auth(committee), json={"status": "met"})
    assert refused.status_code == 422
    assert refused.json["error"]["fields"]["evidence"].startswith("达标要写明依据")
    assert db.session.query(GreenCheck).count() == 0
    done = client.put(url, headers=auth(committee), json={"status": "met", "evidence": "3号楼前垃圾分类驿站，2026年5月建成"})
    assert done.status_code == 200 and done.json["met"] == 1
    seen = client.get(URL.format(estate.id), headers=auth(owner)).json
    item = next(i for a in seen["areas"] for i in a["items"] if i["key"] == "waste_sorting")
    assert (item["status_label"], item["evidence"]) == ("已达标", "3号楼前垃圾分类驿站，2026年5月建成")
    back = client.put(url, headers=auth(committee), json={"status": "in_progress", "evidence": "驿站维修中"})
    assert back.json["met"] == 0
    assert db.session.query(GreenCheck).count() == 1


def test_only_the_committee_records_and_outsiders_learn_nothing(client, estate, committee, owner):
    url = URL.format(estate.id) + "/greening"
    assert client.put(url, headers=auth(owner), json={"status": "in_progress"}).status_code == 403
    assert client.get(URL.format(estate.id), headers=auth(make_user())).status_code == 404
    assert client.put(URL.format(estate.id) + "/flying_cars", headers=auth(committee),
                      json={"status": "met", "evidence": "x"}).status_code == 404
    assert client.put(url, headers=auth(committee), json={"status": "done"}).status_code == 422


def test_a_citys_own_list_is_read_and_a_broken_one_is_named(tmp_path):
    own = tmp_path / "green.yaml"
    own.write_text("areas:\n  - {key: a, title: 本市要求, items: [{key: roofs, text: 屋顶绿化}]}\n", encoding="utf-8")
    assert criteria(str(own))[0]["items"][0]["text"] == "屋顶绿化"
    broken = tmp_path / "broken.yaml"
    broken.write_text("areas:\n  - {key: a, title: 甲, items: [{key: x, text: 一}]}\n"
                      "  - {key: b, title: 乙, items: [{key: x, text: 二}]}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="broken.yaml: areas"):
        criteria(str(broken))


def test_first_writes_at_once_leave_one_row(app, estate, committee):
    """Real threads released together: on PostgreSQL they race to insert, and the unique
    constraint turns the losers into updates of the winner's row."""
    estate_id = estate.id
    outcomes = together(app, 4, lambda n: services.set_check(estate_id, "greening", "in_progress", f"第{n}次",
                                                             committee.id))
    assert outcomes == ["ok"] * 4
    rows = db.session.query(GreenCheck).filter_by(estate_id=estate_id).all()
    assert len(rows) == 1 and rows[0].evidence in {f"第{n}次" for n in range(4)}
