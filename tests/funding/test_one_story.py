"""One funding story: the owners' project page, the public page and the console's money page
show a project's money by source from one service (app.funding), so every source's figures
and the totals are the same numbers on each; the old per-source shares of the budget
(app.projects' funding table) are shown on neither public page."""
import re
from datetime import timedelta

from app.display import china_today
from app.funding.api import money_table, record_entry
from app.projects.api import create_project, set_funding
from app.utilities.api import record_contribution
from tests.web.helpers import web_login

DAY = timedelta(days=1)


def rows(html: str) -> dict[str, list[str]]:
    """The money table's rows as shown: source -> [committed, received, spent]."""
    table = re.search(r'<table class="table money-table".*?</table>', html, re.S)
    assert table, "no money table on the page"
    return {source: re.findall(r'<td data-label="[^"]*">([^<]*)</td>', cells)
            for source, cells in re.findall(r'<tr data-source="([^"]+)">(.*?)</tr>', table.group(0), re.S)}


def test_the_project_page_the_public_page_and_the_console_show_the_same_money(client, estate, committee, owner):
    project = create_project(estate.id, "和平里综合改造", 1_000_000_00, committee.id)
    # the old table of planned shares, with other figures: it must not reach any page's money
    set_funding(project, {"central": 700_000_00, "residents": 12_345_00}, None, committee.id)
    for source, stage, cents in (("central_subsidy", "committed", 300_000_00), ("central_subsidy", "received", 150_000_01),
                                 ("district_subsidy", "received", 80_000_00), ("residents", "received", 12_345_67),
                                 ("central_subsidy", "spent", 99_999_99)):
        record_entry(project, {"source": source, "stage": stage, "amount_cents": cents, "dated_on": china_today() - DAY,
                               "party": "东城区财政局", "document_no": "东财建〔2026〕12号", "note": ""}, committee.id)
    record_contribution(project, {"utility": "water", "stage": "committed", "amount_cents": 50_000_01,
                                  "dated_on": china_today() - DAY}, committee.id)
    table = money_table(project.id)

    public_page = client.get(f"/estates/{estate.id}/public").text
    public = rows(public_page)
    web_login(client, owner.phone)
    page = client.get(f"/projects/{project.id}").text
    owners = rows(page)
    web_login(client, committee.phone)
    console = rows(client.get(f"/console/projects/{project.id}/money").text)

    assert owners == public == console
    assert owners["central_subsidy"] == ["300,000.00", "150,000.01", "99,999.99"]
    assert owners["total"] == ["350,000.01", "242,345.68", "99,999.99"]
    assert set(owners) == {row["source"] for row in table["sources"]
                           if row["committed_cents"] or row["received_cents"] or row["spent_cents"]} | {"total"}
    for shown in (page, public_page):  # the planned shares are not a second story
        assert "700,000.00" not in shown and "12,345.00" not in shown
