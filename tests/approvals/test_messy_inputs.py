"""Approvals and the green checklist fed what people really type: dates as 2026/3/5,
二〇二六年三月五日 or with full-width digits, blank dates, document numbers with [] or （）
for 〔〕, evidence with blank rows. What can be read is read; what cannot is refused saying
what to write."""
from datetime import date, timedelta

import pytest

from app.approvals.api import services
from app.display import china_today
from app.extensions import db
from app.green.api import GreenCheck
from app.projects.api import create_project
from tests.factories import auth

LAST_YEAR = china_today().year - 1

#: an approved planning permit as committees have written it (body, document number kept)
WRITTEN = [
    ({"submitted_on": f"{LAST_YEAR}/3/5", "decided_on": f"{LAST_YEAR}/4/20", "document_no": "京规建字[2026]18号"},
     (date(LAST_YEAR, 3, 5), date(LAST_YEAR, 4, 20), "京规建字〔2026〕18号")),
    ({"submitted_on": f"{LAST_YEAR}年3月5日", "decided_on": f"{LAST_YEAR}年4月20号",
      "document_no": " 京规建字 （2026） 18 号 "},
     (date(LAST_YEAR, 3, 5), date(LAST_YEAR, 4, 20), "京规建字〔2026〕18号")),
    ({"submitted_on": str(LAST_YEAR).translate(str.maketrans("0123456789", "０１２３４５６７８９")) + "年３月５日",
      "decided_on": f"{LAST_YEAR}.4.20", "document_no": "京规建字【２０２６】１８号"},
     (date(LAST_YEAR, 3, 5), date(LAST_YEAR, 4, 20), "京规建字〔2026〕18号")),
    ({"submitted_on": "".join("〇一二三四五六七八九"[int(c)] for c in str(LAST_YEAR)) + "年三月五日",
      "decided_on": "".join("〇一二三四五六七八九"[int(c)] for c in str(LAST_YEAR)) + "年十二月三十一日",
      "document_no": "京规建字〔2026〕18号"},
     (date(LAST_YEAR, 3, 5), date(LAST_YEAR, 12, 31), "京规建字〔2026〕18号")),
]

#: what cannot be a date, and what the committee is told
REFUSED = [
    ("二〇二六年三月", "请写到哪一天，例如 2026/3/5"),
    (f"{LAST_YEAR}/3", "请写到哪一天，例如 2026/3/5"),
    (f"{LAST_YEAR}/2/30", "没有这一天，请核对月和日"),
    ("上个月", "日期格式不对，请写成 2026/3/5 或 2026年3月5日"),
    ("3/5", "日期格式不对，请写成 2026/3/5 或 2026年3月5日"),
]


@pytest.fixture
def project(estate, committee):
    return create_project(estate.id, "和平里综合改造", 1_000_000_00, committee.id)


def put(client, user, project, **body):
    return client.put(f"/api/v1/projects/{project.id}/approvals/planning", headers=auth(user), json=body)


def test_dates_and_numbers_as_people_write_them_are_read(client, project, committee):
    for body, (submitted, decided, number) in WRITTEN:
        response = put(client, committee, project, status="approved", department="区规划分局", **body)
        assert response.status_code == 200, (body, response.json)
        row = response.json
        assert (row["submitted_on"], row["decided_on"], row["document_no"]) == (
            str(submitted), str(decided), number), body


def test_blank_dates_are_no_date_and_a_status_needing_one_says_so(client, project, committee):
    blank = put(client, committee, project, status="not_started", submitted_on="  ", decided_on="")
    assert blank.status_code == 200 and blank.json["submitted_on"] is None
    needed = put(client, committee, project, status="submitted", submitted_on=" ")
    assert needed.status_code == 422
    assert needed.json["error"]["fields"]["submitted_on"] == "请填写申报日期"
    number = put(client, committee, project, status="approved", submitted_on=f"{LAST_YEAR}/3/5",
                 decided_on=f"{LAST_YEAR}/3/6", document_no="  ")
    assert number.json["error"]["fields"]["document_no"] == "请填写批复文号"


def test_what_is_not_a_date_is_refused_saying_what_to_write(client, project, committee):
    for written, message in REFUSED:
        response = put(client, committee, project, status="submitted", submitted_on=written)
        assert response.status_code == 422, written
        assert response.json["error"]["fields"]["submitted_on"] == message, written
    assert services.approvals_of(project)[0]["status"] == "not_started"  # nothing written


def test_green_evidence_keeps_its_lines_without_the_blank_rows(client, estate, committee):
    url = f"/api/v1/estates/{estate.id}/green-community/waste_sorting"
    response = client.put(url, headers=auth(committee), json={
        "status": "met", "evidence": "\n  3号楼前垃圾分类驿站  \n\n \n２０２６年５月建成\n\n"})
    assert response.status_code == 200, response.json
    assert db.session.query(GreenCheck).one().evidence == "3号楼前垃圾分类驿站\n２０２６年５月建成"
    blank = client.put(url, headers=auth(committee), json={"status": "met", "evidence": "\n \n　\n"})
    assert blank.status_code == 422 and "evidence" in blank.json["error"]["fields"]


def test_a_future_date_written_the_chinese_way_is_still_refused(client, project, committee):
    tomorrow = china_today() + timedelta(days=1)
    response = put(client, committee, project, status="submitted",
                   submitted_on=f"{tomorrow.year}年{tomorrow.month}月{tomorrow.day}日")
    assert response.json["error"]["fields"]["submitted_on"] == "日期不能晚于今天"
