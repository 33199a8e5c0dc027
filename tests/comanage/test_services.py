"""共管 services without HTTP: the choice rule at its bounds, a tie on the last seat, the
rating index, and public income that never goes below zero under concurrent spendings."""
from datetime import date, timedelta
from fractions import Fraction

import pytest

from app.comanage.api import choices, income, rating
from app.consultations.api import cast_ballot, close_consultation
from app.db import utcnow
from app.errors import InvalidInput
from tests.factories import flats_of, make_owner
from tests.helpers import together


def _owners(estate):
    return [(make_owner(flat), flat) for flat in flats_of(estate.id)]


def _cast(c, owners, answers_list):
    for (owner, flat), answers in zip(owners, answers_list):
        if answers is not None:
            cast_ballot(c, owner, flat.id, answers)


def _election(estate, committee, candidates, seats):
    return choices.start_decision(estate.id, "committee_election", utcnow() + timedelta(days=7),
                                  committee.id, candidates=candidates, seats=seats)


def test_a_candidate_needs_more_than_half_of_the_participants(estate, committee):
    owners = _owners(estate)  # 12 owners of 60 ㎡
    c = _election(estate, committee, ["甲", "乙"], 2)
    # 8 take part (8/12 = 2/3, exactly enough); 甲 5/8 passes, 乙 4/8 is exactly half: fails
    _cast(c, owners, [{"candidates": ["c1", "c2"]}] * 4 + [{"candidates": ["c1"]}]
          + [{"candidates": []}] * 3)
    close_consultation(c, committee.id)
    result = choices.choice_result(c)
    assert result.participation_passed and result.participants.owners == 8
    assert [(o.label, o.passed, o.chosen) for o in result.options] == [
        ("甲", True, True), ("乙", False, False)]
    assert result.chosen == ["甲"]


def test_participation_below_two_thirds_elects_nobody(estate, committee):
    owners = _owners(estate)
    c = _election(estate, committee, ["甲"], 1)
    _cast(c, owners, [{"candidates": ["c1"]}] * 7)  # 7/12 < 2/3
    close_consultation(c, committee.id)
    result = choices.choice_result(c)
    assert result.decision == "no_participation" and result.chosen == []
    assert "没有达到参与门槛" in result.explanation


def test_a_tie_on_the_last_seat_elects_neither(estate, committee):
    owners = _owners(estate)
    c = _election(estate, committee, ["甲", "乙", "丙"], 2)
    # 12 take part: 甲 8/12, 乙 7/12 and 丙 7/12 all pass; 乙 and 丙 tie for the second seat
    _cast(c, owners, [{"candidates": ["c1", "c2"]}] * 4 + [{"candidates": ["c1", "c3"]}] * 4
          + [{"candidates": ["c2", "c3"]}] * 3 + [{"candidates": []}])
    close_consultation(c, committee.id)
    result = choices.choice_result(c)
    assert result.chosen == ["甲"]
    assert {o.label for o in result.options if o.tied} == {"乙", "丙"}
    assert "另行表决" in result.explanation


def test_named_options_are_checked(estate, committee):
    later = utcnow() + timedelta(days=7)
    with pytest.raises(InvalidInput):
        choices.start_decision(estate.id, "committee_election", later, committee.id, candidates=[])
    with pytest.raises(InvalidInput):
        choices.start_decision(estate.id, "committee_election", later, committee.id,
                               candidates=["甲", "甲"])
    with pytest.raises(InvalidInput):
        choices.start_decision(estate.id, "committee_election", later, committee.id,
                               candidates=["甲"], seats=2)
    with pytest.raises(InvalidInput):
        choices.start_decision(estate.id, "management_model", later, committee.id, candidates=["甲"])


def test_the_rating_index_is_exact(estate, committee):
    owners = _owners(estate)
    r = rating.start_round(estate.id, "2026Q1", utcnow() + timedelta(days=7), committee.id)
    from app.consultations.api import get_consultation
    c = get_consultation(r.consultation_id)
    keys = ("cleaning", "order", "greening", "repairs", "openness", "overall")
    _cast(c, owners[:3], [{k: 5 for k in keys}, {k: 4 for k in keys}, {k: 1 for k in keys}])
    point = rating.round_index(r)
    assert point.index == Fraction(10, 15) and point.index_percent == "66.7%"
    assert rating.latest_index(estate.id) is None  # still open: the street sees finished rounds
    close_consultation(c, committee.id)
    assert rating.latest_index(estate.id).index == Fraction(2, 3)
    assert rating.percent(Fraction(1, 3)) == "33.3%" and rating.percent(Fraction(2, 3)) == "66.7%"


def _passed_use(estate, committee):
    owners = _owners(estate)
    c = choices.start_decision(estate.id, "public_income_use", utcnow() + timedelta(days=7),
                               committee.id)
    _cast(c, owners, [{"adopt": "agree"}] * 9)
    close_consultation(c, committee.id)
    return c.id


def test_concurrent_spendings_never_take_public_income_below_zero(app, estate, committee, backend):
    income.add_entry(estate.id, "income", "parking", 50_000, date(2026, 10, 1), "停车费", committee.id)
    decision = _passed_use(estate, committee)
    estate_id, actor = estate.id, committee.id
    outcomes = ["accepted" if outcome == "ok" else outcome for outcome in together(
        app, 12, lambda _: income.add_entry(estate_id, "spending", "repairs", 10_000, date(2026, 11, 1),
                                            "维修", actor, decision))]
    print(f"\n[public income] {backend}: 12 concurrent spendings of 100.00 against 500.00: "
          f"accepted={outcomes.count('accepted')} refused={outcomes.count('over_balance')}")
    assert sorted(set(outcomes)) == ["accepted", "over_balance"]
    assert outcomes.count("accepted") == 5 and income.balance_cents(estate_id) == 0
    assert min(row["balance_cents"] for row in income.ledger(estate_id)["entries"]) >= 0


@pytest.mark.parametrize("template, named", [("committee_election", "候选人"),
                                             ("property_company", "候选企业")])
def test_the_general_route_refuses_a_vote_whose_options_are_named_at_creation(
        client, estate, committee, template, named):
    """Without names it would ask owners to choose the placeholder: 422 on `template`, and the
    committee is sent to the 共管 decisions, which ask for the names."""
    from tests.comanage.helpers import A, decide, later
    from tests.factories import auth

    refused = client.post(f"{A}/estates/{estate.id}/consultations", headers=auth(committee),
                          json={"template": template, "closes_at": later()})
    assert refused.status_code == 422, refused.json
    message = refused.json["error"]["fields"]["template"]
    assert named in message and "共管" in message
    body = {"matter": template, "candidates": ["甲", "乙"]}
    made = client.get(f"{A}/consultations/{decide(client, estate, committee, body)}",
                      headers=auth(committee)).json
    assert [o["label"] for o in made["questions"][0]["options"]] == ["甲", "乙"]


def test_a_backdated_spending_never_shows_a_negative_running_balance(estate, committee):
    """The running balance is in the order entries were recorded: the order the balance check
    saw them. A spending dated before the income it was paid from stays at or above zero."""
    decision = _passed_use(estate, committee)
    income.add_entry(estate.id, "income", "parking", 10_000, date(2026, 10, 20), "十月停车费",
                     committee.id)
    income.add_entry(estate.id, "spending", "repairs", 8_000, date(2026, 10, 5), "修路灯（补记）",
                     committee.id, decision)
    rows = income.ledger(estate.id)["entries"]
    assert [(r["memo"], r["balance_cents"]) for r in rows] == [
        ("十月停车费", 10_000), ("修路灯（补记）", 2_000)]
    assert income.ledger(estate.id)["balance_cents"] == 2_000
