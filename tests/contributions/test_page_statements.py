"""The money pages cost the same number of SQL statements however many flats, charges'
lines, payments, works and entries they show (no query per row): the console's
contributions, utilities and money pages and the owners' contributions page, on an estate
of one stairwell (12 flats) and of four (48 flats), counted with before_cursor_execute."""
from datetime import timedelta

from app.contributions.api import add_charge, lines, record_payment
from app.db import utcnow
from app.display import china_today
from app.funding.api import record_entry
from app.projects.api import FundEntryKind, add_fund_entry
from app.utilities.api import record_contribution
from app.utilities.api import services as utilities
from tests.contributions.helpers import Place
from tests.statements import brief, statements
from tests.web.helpers import web_login

DAY = timedelta(days=1)


def money_world(stairwells: int) -> Place:
    """An estate of `stairwells` stairwells with an elevator charge, an agreed amount per flat
    and a fund use over the estate, a payment from every other flat, and per stairwell a
    utility work, a utility's payment and a funding entry."""
    place = Place(buildings=(("1号楼", stairwells),))
    committee = place.committee.id
    add_charge(place.project, {"kind": "elevator", "title": "加装电梯", "elevator_project_id": place.elevator.id},
               committee)
    agreed = add_charge(place.project, {"kind": "agreed", "title": "楼道自筹", "consultation_id": place.decision().id,
                                        "per_flat_cents": 30_000}, committee)
    add_fund_entry(place.estate.id, FundEntryKind.collected, 100_000 * len(place.flats), utcnow().date(), "归集",
                   committee)
    use = add_fund_entry(place.estate.id, FundEntryKind.used, 4_800 * len(place.flats), utcnow().date(), "楼道照明",
                         committee, place.decision().id)
    add_charge(place.project, {"kind": "fund_use", "title": "楼道照明", "fund_entry_id": use.id}, committee)
    for n, line in enumerate(lines(agreed)):
        if n % 2:
            record_payment(agreed, {"flat_id": line.flat.id, "amount_cents": 30_000, "method": "transfer",
                                    "reference": f"BANK-{n}", "paid_on": china_today() - DAY}, committee)
    stairwell_ids = sorted({flat.stairwell_id for flat in place.flats})
    for n, stairwell_id in enumerate(stairwell_ids):
        utilities.add_work(place.project, {"party": "water", "title": f"更换供水立管{n}", "road": f"{n}号路",
                                           "stairwell_id": stairwell_id, "starts_on": china_today() + (10 + n) * DAY,
                                           "ends_on": china_today() + (20 + n) * DAY}, committee)
        record_contribution(place.project, {"utility": "water", "stage": "received", "amount_cents": 10_000 + n,
                                            "dated_on": china_today() - DAY}, committee)
        record_entry(place.project, {"source": "district_subsidy", "stage": "received", "amount_cents": 100_000 + n,
                                     "dated_on": china_today() - DAY, "party": "东城区财政局",
                                     "document_no": f"东财建〔2026〕{n}号", "note": ""}, committee)
    return place


def counted(client, place) -> dict[str, list[str]]:
    """The statements each page sends (the committee's pages, then an owner's)."""
    pages = {name: path.format(p=place.project.id) for name, path in (
        ("console contributions", "/console/projects/{p}/contributions"),
        ("console utilities", "/console/projects/{p}/utilities"),
        ("console money", "/console/projects/{p}/money"))}
    seen = {}
    web_login(client, place.committee.phone)
    for name, path in pages.items():
        client.get(path)  # warm: the session's first reads
        with statements() as sent:
            assert client.get(path).status_code == 200, path
        seen[name] = list(sent)
    web_login(client, place.owner_of(place.flats[10]).phone)
    path = f"/projects/{place.project.id}/contributions"
    client.get(path)
    with statements() as sent:
        assert client.get(path).status_code == 200
    seen["owners' contributions"] = list(sent)
    return seen


def test_the_money_pages_cost_the_same_for_12_flats_as_for_48(app, client, backend):
    small, large = counted(client, money_world(1)), counted(client, money_world(4))
    for page in small:
        print(f"\n[statements] {backend} {page}: {len(small[page])} for 12 flats, {len(large[page])} for 48")
    for page in small:
        assert len(large[page]) == len(small[page]), f"{page}:\n{brief(large[page])}"
    # each charge worked out once for an owner (it was three times: their lines, their lines'
    # charge in full, every charge again): no more than the console, which also lists sources
    assert len(small["owners' contributions"]) <= len(small["console contributions"])
