"""Console pages without a browser: every irreversible or public act asks first (data-confirm
with the consequence in words), the paper ballot's flat grid, its receipt and 下一户, the
list of entered ballots. Both databases."""
import re

import pytest

from app.consultations.api import services
from app.estates.api import estate_members
from app.web.api import messages_console
from app.web.api import flat_picker, next_flat
from tests.factories import flats_of, make_consultation, make_estate, make_user
from tests.web.test_pages import web_login
from tests.web.test_pages_consultations import csrf_of


@pytest.fixture
def estate(app):
    return make_estate(buildings=(("1号楼", 2), ("2号楼", 1)), floors=2)


@pytest.fixture
def committee(estate):
    return make_user(phone="13911130001", roles=[("committee", estate.id)])


def confirm_of(page: str, selector_attr: str) -> str:
    """The data-confirm text of the button carrying `selector_attr` (e.g. data-lifecycle="close")."""
    button = re.search(r"<button[^>]*" + re.escape(selector_attr) + r"[^>]*>", page).group(0)
    return re.search(r'data-confirm="([^"]+)"', button).group(1)


def test_every_lifecycle_step_asks_first_saying_what_it_does(client, estate, committee):
    csrf = web_login(client, committee.phone)
    vote = make_consultation(estate, "willingness_survey", actor=committee, open_now=False)
    for step in ("open", "close", "publish"):
        page = client.get(f"/console/consultations/{vote.id}").text
        assert confirm_of(page, f'data-lifecycle="{step}"') == messages_console.CONFIRM_LIFECYCLE[step]
        assert 'id="confirm-dialog"' in page and "window.confirm" not in page
        assert client.post(f"/api/v1/consultations/{vote.id}/{step}",
                           headers={"X-CSRF-Token": csrf}).status_code == 200
    assert "不能撤销" in messages_console.CONFIRM_LIFECYCLE["close"]
    assert "不能撤回" in messages_console.CONFIRM_LIFECYCLE["publish"]


def test_codes_and_posters_ask_before_old_codes_stop_working(client, estate, committee):
    web_login(client, committee.phone)
    codes = client.get(f"/console/estates/{estate.id}/flat-codes").text
    assert confirm_of(codes, 'type="submit"') == messages_console.CONFIRM_FLAT_CODES
    posters = client.get(f"/console/estates/{estate.id}/posters").text
    assert confirm_of(posters, 'type="submit"') == messages_console.CONFIRM_ROTATE


def test_paper_ballot_flat_is_picked_on_a_grid_and_the_receipt_offers_the_next_flat(
        client, estate, committee):
    flats = flats_of(estate.id)  # 3 stairwells × 2 floors × 2 doors
    vote = make_consultation(estate, "willingness_survey", actor=committee)
    web_login(client, committee.phone)
    page = client.get(f"/console/consultations/{vote.id}").text
    assert 'id="assisted-flat"' not in page and "<option value=\"%d\">" % flats[0].id not in page
    assert 'id="room-search"' in page and page.count('class="room-grid"') == 3
    assert page.count('name="flat_id"') == len(flats) == 12
    assert 'data-pick-building=' in page and page.count("data-pick-stairwell=") == 3

    form = {"csrf_token": csrf_of(page), "flat_id": str(flats[0].id), "channel": "paper",
            "evidence": "纸质票 第 0101 号", "q.willing": "agree", "q.contribute": "willing"}
    entered = client.post(f"/console/consultations/{vote.id}/assisted-ballots", data=form)
    assert entered.status_code == 303 and entered.location.endswith("#assisted")  # the title, the receipt under it
    assert f"after={flats[0].id}" in entered.location and "channel=paper" in entered.location
    page = client.get(entered.location).text
    receipt = re.search(r'<div class="card receipt-card" id="receipt".*?</div>', page, re.S).group(0)
    [ballot] = services.entered_ballots(vote)
    assert f"回执编号：{ballot.receipt}" in receipt
    # 下一户: the next flat in the same stairwell, with the channel kept
    assert "下一户：1号楼 1单元 102" in receipt
    assert f"flat={flats[1].id}" in receipt and "channel=paper" in receipt
    following = client.get(f"/console/consultations/{vote.id}?flat={flats[1].id}&channel=paper").text
    assert f'value="{flats[1].id}" data-room="102" data-label="1号楼 1单元 102" checked' in following
    assert "已选：1号楼 1单元 102" in following
    # The entered ballots, with their evidence; the voted flat is marked on the grid
    listing = re.search(r'<section class="card" id="entered">.*?</section>', following, re.S).group(0)
    assert "1号楼 1单元 101" in listing and "纸质票 第 0101 号" in listing and ballot.receipt in listing
    assert "纸质票" in listing
    assert re.search(r'<label class="pick voted"><input type="radio" name="flat_id" value="%d"' % flats[0].id,
                     following)


def test_next_flat_wraps_to_the_first_without_a_ballot(client, estate, committee):
    flats = flats_of(estate.id)
    vote = make_consultation(estate, "willingness_survey", actor=committee)
    for flat in flats[:-1]:
        services.cast_assisted_ballot(vote, committee, flat.id, {"willing": "agree", "contribute": "willing"},
                                      channel="paper", evidence="纸质票")
    web_login(client, committee.phone)
    page = client.get(f"/console/consultations/{vote.id}?after={flats[2].id}&channel=paper").text
    assert page.count('class="pick voted"') == 11
    assert services.voted_flat_ids(vote) == {flat.id for flat in flats[:-1]}
    assert len(services.entered_ballots(vote)) == 11
    picker = flat_picker(vote)
    assert next_flat(picker, flats[2].id)["id"] == flats[-1].id
    assert next_flat(picker, flats[-1].id)["id"] == flats[-1].id


def test_members_page_lists_roles_and_adds_one(client, estate, committee):
    csrf = web_login(client, committee.phone)
    page = client.get(f"/console/estates/{estate.id}/members").text
    assert "居委会" in page and "139****0001" in page
    assert f'data-api="/api/v1/estates/{estate.id}/members"' in page
    assert client.post(f"/api/v1/estates/{estate.id}/members", json={"phone": "13911130099", "role": "contractor"},
                       headers={"X-CSRF-Token": csrf}).status_code == 201
    assert [row["role"] for row in estate_members(estate.id)] == ["committee", "contractor"]
    assert "施工方" in client.get(f"/console/estates/{estate.id}/members").text


def test_recording_a_joint_meeting_asks_first(client, estate, committee):
    from app.coordination.api import messages as coordination_messages

    web_login(client, committee.phone)
    page = client.get(f"/console/estates/{estate.id}/coordination").text
    assert confirm_of(page, "data-record-meeting") == coordination_messages.CONFIRM_RECORD
