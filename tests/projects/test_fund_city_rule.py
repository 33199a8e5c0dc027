"""A city's stricter rule (city data) applies to every decision it names, the fund use
included (issue 30, items 5 and 8): this city decides using the fund (民法典第二百七十八条
第五项) by two thirds of the participants, not more than half. Expected outcomes are
written from the thresholds here, in exact fractions, not from the app's evaluate."""
import shutil
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from app import create_app
from app.consultations.api import results
from app.errors import Conflict
from app.extensions import db
from app.projects.api import fund
from app.projects.api import FundEntryKind
from tests.conftest import make_config
from tests.factories import flats_of, make_estate, make_user
from tests.projects.fund_helpers import fund_decision

SHIPPED = Path(__file__).resolve().parents[2] / "consultation_templates"
CITY_RULE = "city_fund_use_two_thirds"
CITY_RULES = f"""rules:
  - key: {CITY_RULE}
    title: 本市规定（使用维修资金须参与者三分之二以上同意）
    participation: {{owners: "2/3", area: "2/3", comparison: at_least}}
    approval: {{owners: "2/3", area: "2/3", comparison: at_least}}
"""


@pytest.fixture(scope="module")
def city_templates(tmp_path_factory):
    """The shipped data with this city's rule for item 五."""
    target = tmp_path_factory.mktemp("city") / "templates"
    shutil.copytree(SHIPPED, target)
    (target / "rules" / "city.yaml").write_text(CITY_RULES, encoding="utf-8")
    items = target / "rules" / "items" / "civil_code_278.yaml"
    text = items.read_text(encoding="utf-8")
    assert "  5: civil_code_278_ordinary" in text
    items.write_text(text.replace("  5: civil_code_278_ordinary", f"  5: {CITY_RULE}"),
                     encoding="utf-8")
    return target


@pytest.fixture
def config_overrides(city_templates):
    return {"TEMPLATES_DIR": str(city_templates)}


def law_passes(agree: int, take_part: int, scope: int) -> bool:
    """Item 五 under the law: 2/3 or more take part, more than half of them agree (equal areas)."""
    return Fraction(take_part, scope) >= Fraction(2, 3) and Fraction(agree, take_part) > Fraction(1, 2)


def city_passes(agree: int, take_part: int, scope: int) -> bool:
    return Fraction(take_part, scope) >= Fraction(2, 3) and Fraction(agree, take_part) >= Fraction(2, 3)


def use(estate, committee, decision):
    return fund.add_fund_entry(estate.id, FundEntryKind.used, 120_000, date.today(), "屋面防水",
                               committee.id, consultation_id=decision.id)


@pytest.fixture
def estate_with_fund(app):
    estate = make_estate(buildings=(("1号楼", 2),))
    committee = make_user(roles=[("committee", estate.id)])
    fund.add_fund_entry(estate.id, FundEntryKind.collected, 2_400_000, date.today(), "归集",
                        committee.id)
    return estate, committee, flats_of(estate.id)


def test_the_citys_rule_decides_a_fund_use_vote_and_so_the_use(estate_with_fund):
    estate, committee, flats = estate_with_fund
    # 10 of 24 agree, 16 take part: more than half under the law, short of two thirds here
    assert law_passes(10, 16, 24) and not city_passes(10, 16, 24)
    short = fund_decision(estate, committee, flats, agree=10, take_part=16)
    assert short.rule_key == CITY_RULE
    assert results(short).decision == "failed"
    with pytest.raises(Conflict) as refused:
        use(estate, committee, short)
    assert refused.value.code == "decision_not_passed"
    # 11 of 16 is two thirds or more: the same use passes
    assert city_passes(11, 16, 24)
    enough = fund_decision(estate, committee, flats, agree=11, take_part=16)
    assert results(enough).decision == "passed"
    assert use(estate, committee, enough).amount_cents == 120_000


def test_a_decision_taken_under_the_laws_rule_no_longer_authorises_a_use(app, estate_with_fund):
    """The vote was decided before the city raised item 五 (an app over the same database
    with the shipped data); the use is entered after: the city's rule applies to it."""
    estate, committee, flats = estate_with_fund
    before_city = create_app(make_config(app.config["SQLALCHEMY_DATABASE_URI"]))
    with before_city.app_context():
        decision = fund_decision(estate, db.session.merge(committee), flats_of(estate.id),
                                 agree=10, take_part=16)
        assert decision.rule_key == "civil_code_278_ordinary"
        assert results(decision).decision == "passed"
        decision_id = decision.id
        db.session.remove()
        db.engine.dispose()
    decision = db.session.get(type(decision), decision_id)
    with pytest.raises(Conflict) as refused:
        use(estate, committee, decision)
    assert refused.value.code == "decision_wrong_rule"
    assert "本市规定" in refused.value.message
