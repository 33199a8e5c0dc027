"""住宅专项维修资金: the balance always equals the entries; uses need a passed decision."""

from app.projects.services import fund_balance_cents
from tests.factories import auth, flats_of, make_owner


def add(client, estate, user, **entry):
    return client.post(f"/api/v1/estates/{estate.id}/fund-ledger", headers=auth(user), json=entry)


def test_balance_is_the_sum_of_entries_with_a_running_balance(client, estate, committee):
    assert add(client, estate, committee, kind="collected", amount_cents=120_000_00,
               memo="首次归集").status_code == 201
    ledger = add(client, estate, committee, kind="topped_up", amount_cents=30_000_50,
                 memo="续筹").json
    assert ledger["balance_cents"] == 150_000_50
    assert [e["balance_cents"] for e in ledger["entries"]] == [120_000_00, 150_000_50]
    assert fund_balance_cents(estate.id) == sum(e["amount_cents"] for e in ledger["entries"])
    resident = make_owner(flats_of(estate.id)[0])
    assert client.get(f"/api/v1/estates/{estate.id}/fund-ledger", headers=auth(resident)).json == ledger


def test_use_needs_a_decision_and_bad_entries_write_nothing(client, estate, committee):
    add(client, estate, committee, kind="collected", amount_cents=1000, memo="归集")
    no_decision = add(client, estate, committee, kind="used", amount_cents=500, memo="修屋面")
    assert no_decision.status_code == 422
    assert "业主表决" in no_decision.json["error"]["message"]
    for bad in ({"kind": "collected", "amount_cents": 0, "memo": "x"},
                {"kind": "collected", "amount_cents": -5, "memo": "x"},
                {"kind": "collected", "amount_cents": "100", "memo": "x"},
                {"kind": "stolen", "amount_cents": 100, "memo": "x"},
                {"kind": "collected", "amount_cents": 100, "memo": ""}):
        assert add(client, estate, committee, **bad).status_code == 422
    assert fund_balance_cents(estate.id) == 1000


def test_only_the_committee_writes_the_ledger(client, estate, committee):
    resident = make_owner(flats_of(estate.id)[0])
    assert add(client, estate, resident, kind="collected", amount_cents=100, memo="x").status_code == 403


def test_use_with_a_passed_special_decision_is_recorded(client, estate, committee):
    from app.consultations.services import cast_ballot, close_consultation
    from tests.factories import make_consultation

    add(client, estate, committee, kind="collected", amount_cents=100_000, memo="归集")
    decision = make_consultation(estate, "elevator_consent", rule_key="civil_code_278_special")
    for flat in flats_of(estate.id)[:9]:
        cast_ballot(decision, make_owner(flat), flat.id, {"install": "agree"})
    close_consultation(decision, committee.id)
    used = add(client, estate, committee, kind="used", amount_cents=60_000, memo="屋面防水",
               consultation_id=decision.id)
    assert used.status_code == 201, used.json
    assert used.json["balance_cents"] == 40_000
    over = add(client, estate, committee, kind="used", amount_cents=50_000, memo="再修",
               consultation_id=decision.id)
    assert over.status_code == 409 and "不够支出" in over.json["error"]["message"]
    assert fund_balance_cents(estate.id) == 40_000


def test_use_under_a_failed_decision_is_refused(client, estate, committee):
    from app.consultations.services import close_consultation
    from tests.factories import make_consultation

    add(client, estate, committee, kind="collected", amount_cents=100_000, memo="归集")
    decision = make_consultation(estate, "elevator_consent", rule_key="civil_code_278_special")
    close_consultation(decision, committee.id)  # nobody voted: fails on participation
    refused = add(client, estate, committee, kind="used", amount_cents=1, memo="x",
                  consultation_id=decision.id)
    assert refused.status_code == 409
    assert fund_balance_cents(estate.id) == 100_000
