"""Sunlight's bounds on the console in Chromium at 390×844 (issue 31.1): a site past the
limit of footprint points is refused beside the buildings, the limit named, nothing saved."""
import json
import math

from app.demo.api import data
from tests.web.conftest import login, page_api, screenshot
from tests.web.helpers import check_page


def test_a_site_past_the_points_limit_is_refused_on_the_console_naming_it(site, open_context):
    committee = open_context().new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/sunlight")
    before = page_api(committee, "GET", "/api/v1/estates/1/sunlight-analyses").json()
    committee.goto(site.url + "/console/estates/1/sunlight/new")
    committee.click("details.sun-advanced summary")
    # The box is filled on the details' toggle event, a task after the click.
    committee.wait_for_function("() => document.querySelector('details.sun-advanced textarea').value !== ''")
    site_json = json.loads(committee.input_value("details.sun-advanced textarea"))
    site_json["buildings"] = [{"name": f"{n + 1}号楼", "height_m": 18, "footprint": [
        [n * 40 + 10 + 10 * math.cos(2 * math.pi * k / 64), 100 + 5 * math.sin(2 * math.pi * k / 64)]
        for k in range(64)]} for n in range(16)]  # 16 × 64 = 1,024 points
    site_json["proposed"] = [{"name": "电梯", "kind": "elevator", "height_m": 21,
                              "footprint": [[0, 80], [3, 80], [3, 83], [0, 83]]}]
    site_json["windows"] = [{"label": "1单元101", "x": 20, "y": 0, "z": 1, "facing_deg": 180}]
    committee.fill("details.sun-advanced textarea", json.dumps(site_json))
    committee.click("[data-apply-json]")
    committee.click("#sun-form button[type=submit]")
    refusal = committee.wait_for_selector("[data-error-path='buildings']:has-text('最多 1000 个')")
    assert "这次是 1028 个" in refusal.inner_text()  # and the elevator's four
    refusal.scroll_into_view_if_needed()
    screenshot(committee, "console-sunlight-bounds")
    check_page(committee, elder=False)
    assert page_api(committee, "GET", "/api/v1/estates/1/sunlight-analyses").json() == before
