"""The console fund page sends the scope in the API's one shape, {type, id, flat_ids}: one
building or stairwell by its id, several as their flats; the server previews each."""
from app.demo.api import data
from tests.web.conftest import PHONE, login


def sent_scope(page, pick) -> dict:
    """Pick a scope, ask for the preview; the request's body, once the preview is shown."""
    page.evaluate("document.getElementById('fund-preview').hidden = true")
    pick()
    with page.expect_request(lambda r: r.url.endswith("/fund-ledger/preview")) as asked:
        page.click("#fund-preview-button")
    page.wait_for_selector("#fund-preview:not([hidden])")
    body = asked.value.post_data_json
    assert "scope_type" not in body and "scope_ids" not in body
    return body["scope"]


def test_the_fund_page_sends_the_new_scope_shape(site, open_context):
    committee = open_context(viewport=PHONE).new_page()
    login(committee, site, data.COMMITTEE_PHONE, start="/console/estates/1/fund")
    committee.fill("#fund-amount", "1000")
    committee.fill("#fund-memo", "范围")
    assert sent_scope(committee, lambda: None) == {"type": "estate"}

    stairwells = committee.locator('input[name="stairwells"]')
    first, second = stairwells.nth(0), stairwells.nth(1)

    def one_stairwell():
        committee.check('input[name="scope_type"][value="stairwells"]')
        first.check()
    assert sent_scope(committee, one_stairwell) == {"type": "stairwell",
                                                    "id": int(first.get_attribute("value"))}

    scope = sent_scope(committee, lambda: second.check())
    both = [int(v) for box in (first, second) for v in box.get_attribute("data-flats").split(",")]
    assert scope == {"type": "flats", "flat_ids": both} and len(both) >= 2
    shown = committee.locator("#fund-shares tbody tr").count()
    assert shown == len(both)
