"""The printed kit (issue 34 item 4): each PDF read back with pdftotext."""
import re
import subprocess
from datetime import timedelta

from sqlalchemy import func, select

from app.cases.api import meetings, services as cases
from app.consultations.api import cast_assisted_ballot, cast_ballot
from app.db import utcnow
from app.estates.api import FlatCode
from app.extensions import db
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user


def read(response) -> str:
    assert response.mimetype == "application/pdf", response.get_data()[:200]
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=response.get_data(), check=True,
                          capture_output=True).stdout.decode()



def setting():
    estate = make_estate(name="幸福里", buildings=(("1号楼", 2),), floors=2)
    committee = make_user(roles=[("committee", estate.id)])
    vote = make_consultation(estate, actor=committee, title="加装电梯意见征询")
    return estate, committee, vote, flats_of(estate.id)


def test_the_board_notice_says_what_when_and_three_ways_to_vote(client):
    estate, committee, vote, _ = setting()
    text = read(client.get(f"/api/v1/consultations/{vote.id}/print/notice.pdf", headers=auth(committee)))
    for words in ("表决通知", "幸福里", "加装电梯意见征询", "您是否同意本单元加装电梯", "手机扫码", "纸质票",
                  "上门协助", "全小区"):
        assert words in text, words
    assert pages_of_text(text) == 1


def pages_of_text(text: str) -> int:
    return text.count("\f")


def test_the_door_to_door_list_has_the_flats_not_voted_masked_and_no_phones(client):
    estate, committee, vote, flats = setting()
    owner = make_owner(flats[0])
    cast_ballot(vote, owner, flats[0].id, {"install": "agree"})
    cast_assisted_ballot(vote, committee, flats[1].id, {"install": "abstain"}, channel="paper", evidence="纸质票")
    response = client.get(f"/api/v1/consultations/{vote.id}/print/door-to-door.pdf", headers=auth(committee))
    text = read(response)
    assert pages_of_text(text) == 2  # one page per stairwell
    assert "1单元 尚未表决 2 户" in text.replace("　", " ") and "2单元 尚未表决 4 户" in text.replace("　", " ")
    assert "走访记录" in text and "业**" in text and not re.search(r"业主\d", text)  # names masked
    assert owner.phone not in text
    first = text.split("\f")[0]  # 101 and 102 voted (online, on paper)
    assert re.findall(r"^\s*(\d{3})\s", first, re.M) == ["201", "202"]
    one = read(client.get(f"/api/v1/consultations/{vote.id}/print/door-to-door.pdf",
                          query_string={"stairwell_id": flats[-1].stairwell_id}, headers=auth(committee)))
    assert pages_of_text(one) == 1 and "2单元" in one


def test_letters_give_each_flat_a_fresh_claim_code_that_works(client):
    estate, committee, vote, flats = setting()
    response = client.post(f"/api/v1/consultations/{vote.id}/print/letters.pdf", headers=auth(committee),
                           json={"stairwell_id": flats[0].stairwell_id})
    assert response.status_code == 201
    text = read(response)
    assert pages_of_text(text) == 4 and text.count("告业主书") == 4 and "本户认证码" in text
    assert db.session.scalar(select(func.count(FlatCode.id))) == 4
    code = next(line.strip() for line in text.splitlines()
                if line.strip().replace(" ", "").isdigit() and len(line.strip().replace(" ", "")) >= 8)
    resident = make_user()
    claimed = client.post("/api/v1/flats/claims/by-code", headers=auth(resident), json={"code": code})
    assert claimed.status_code == 201, claimed.json


def test_the_sign_in_sheet_lists_the_affected_flats_with_a_signature_column(client):
    estate, committee, _, flats = setting()
    case = cases.create_case(estate.id, title="绿地改停车位", description="南侧绿地",
                             affected_flat_ids=[f.id for f in flats[:3]], actor_id=committee.id)
    meeting = meetings.schedule_meeting(case, committee.id, held_at=utcnow() + timedelta(days=2),
                                        place="居委会二楼会议室", agenda="听取各户意见")
    text = read(client.get(f"/api/v1/case-meetings/{meeting.id}/sign-in.pdf", headers=auth(committee)))
    assert "会议签到表" in text and "绿地改停车位" in text and "居委会二楼会议室" in text and "签名" in text
    assert text.count("1号楼 1单元") == 3 and "业*" in text


def test_only_the_committee_prints_and_only_open_votes(client):
    estate, committee, vote, flats = setting()
    owner = make_owner(flats[0])
    url = f"/api/v1/consultations/{vote.id}/print/notice.pdf"
    assert client.get(url, headers=auth(owner)).status_code == 403
    assert client.get(url, headers=auth(make_user())).status_code == 404
    other = make_estate(name="别处")
    wrong = client.get(f"/api/v1/consultations/{vote.id}/print/door-to-door.pdf",
                       query_string={"stairwell_id": flats_of(other.id)[0].stairwell_id}, headers=auth(committee))
    assert wrong.status_code == 404 and wrong.json["error"]["code"]
    bad = client.get(f"/api/v1/consultations/{vote.id}/print/door-to-door.pdf",
                     query_string={"stairwell_id": "一单元"}, headers=auth(committee))
    assert bad.status_code == 422 and "stairwell_id" in bad.json["error"]["fields"]


def test_letters_for_a_stairwell_outside_the_vote_are_refused_and_issue_no_code(client):
    estate, committee, _, flats = setting()
    vote = make_consultation(estate, actor=committee, scope_type="stairwell", scope_id=flats[0].stairwell_id)
    refused = client.post(f"/api/v1/consultations/{vote.id}/print/letters.pdf", headers=auth(committee),
                          json={"stairwell_id": flats[-1].stairwell_id})
    assert refused.status_code == 422 and "stairwell_id" in refused.json["error"]["fields"]
    assert db.session.scalar(select(func.count(FlatCode.id))) == 0
