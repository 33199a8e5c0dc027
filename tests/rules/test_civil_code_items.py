"""Each consultation decides an item of 民法典第二百七十八条, and the item fixes the rule.

Pinned from the law's text (tests/rules/law.py), not from the data: item 五 (using the
fund) under the ordinary rule, items 六–八 under the special one, checked at exactly
the thresholds and one unit below, in exact fractions. A city may raise an item's rule
in data, never lower it: a laxer file stops start-up naming the file and the item.
"""
import shutil
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from app import create_app
from app.config import TestConfig
from app.rules.api import ITEMS, at_least_as_strict, law_rule
from app.rules.api import DataFileError
from app.rules.api import AT_LEAST, MORE_THAN, Rule, Tally, Threshold, evaluate
from tests.rules.law import ITEM_LAW, LAW

SHIPPED = Path(__file__).resolve().parents[2] / "consultation_templates"
ITEMS_FILE = Path("rules") / "items" / "civil_code_278.yaml"


def app_with(directory):
    return create_app(type("C", (TestConfig,), {"TEMPLATES_DIR": str(directory)}))


@pytest.fixture(scope="module")
def shipped():
    return create_app(TestConfig)


@pytest.fixture
def templates_copy(tmp_path):
    target = tmp_path / "templates"
    shutil.copytree(SHIPPED, target)
    return target


def as_law(threshold):
    if threshold is None:
        return {}
    symbol = {AT_LEAST: ">=", MORE_THAN: ">"}[threshold.comparison]
    return {m: (symbol, getattr(threshold, m)) for m in ("owners", "area")
            if getattr(threshold, m) is not None}


@pytest.mark.parametrize("item", sorted(ITEMS))
def test_the_law_floor_of_each_item_is_the_articles(item):
    law = LAW[ITEM_LAW[item]]
    assert law_rule(item).key == ITEM_LAW[item]
    assert as_law(law_rule(item).participation) == law["participation"]
    assert as_law(law_rule(item).approval) == law["approval"]


@pytest.mark.parametrize("item", sorted(ITEMS))
def test_the_shipped_rule_of_each_item_is_the_laws(shipped, item):
    rule = shipped.extensions["rule_items"][item]
    assert rule.key == ITEM_LAW[item]
    assert at_least_as_strict(rule, law_rule(item))


# Scope: 12 owners of 100.00 m² each. 8 taking part is exactly 2/3 of heads and area.
SCOPE = Tally(12, Decimal("1200.00"))
TOOK_PART = Tally(8, Decimal("800.00"))


def decide(item: int, app, participants: Tally, approving: Tally) -> str:
    rule = app.extensions["rule_items"][item]
    return evaluate(rule, SCOPE, participants, approving, final=True).decision


def test_using_the_fund_passes_at_exactly_the_ordinary_thresholds(shipped):
    # participation exactly 2/3 (8/12, 800/1200); approval 5/8 heads and 400.01/800 m²: more than half
    assert Fraction(8, 12) == Fraction(2, 3) and Fraction(800, 1200) == Fraction(2, 3)
    assert decide(5, shipped, TOOK_PART, Tally(5, Decimal("400.01"))) == "passed"


@pytest.mark.parametrize("participants, approving", [
    (Tally(7, Decimal("800.00")), Tally(5, Decimal("450.00"))),   # 7/12 heads: below 2/3
    (Tally(8, Decimal("799.99")), Tally(5, Decimal("450.00"))),   # area one hundredth below 2/3
    (TOOK_PART, Tally(4, Decimal("450.00"))),                     # 4/8 heads: exactly half is not more
    (TOOK_PART, Tally(5, Decimal("400.00"))),                     # 400/800 m²: exactly half is not more
])
def test_using_the_fund_fails_just_below(shipped, participants, approving):
    assert decide(5, shipped, participants, approving) == "failed"


@pytest.mark.parametrize("item", [6, 7, 8])
def test_raising_rebuilding_and_common_parts_need_three_quarters(shipped, item):
    assert decide(item, shipped, TOOK_PART, Tally(6, Decimal("600.00"))) == "passed"  # exactly 3/4
    assert decide(item, shipped, TOOK_PART, Tally(5, Decimal("600.00"))) == "failed"  # 5/8 heads
    assert decide(item, shipped, TOOK_PART, Tally(6, Decimal("599.99"))) == "failed"  # area below
    # what passes using the fund (five of eight, more than half) does not raise it
    assert decide(5, shipped, TOOK_PART, Tally(5, Decimal("500.00"))) == "passed"
    assert decide(item, shipped, TOOK_PART, Tally(5, Decimal("500.00"))) == "failed"


def rule(participation, approval, comparison=AT_LEAST, key="r"):
    p = Threshold(participation, participation, AT_LEAST) if participation is not None else None
    a = Threshold(approval, approval, comparison) if approval is not None else None
    return Rule(key, key, p, a)


@pytest.mark.parametrize("candidate, floor, stricter", [
    (law_rule(6), law_rule(5), True),
    (law_rule(5), law_rule(6), False),
    (rule(Fraction(2, 3), Fraction(1, 2), AT_LEAST), law_rule(5), False),   # 1/2 "以上" admits exactly half
    (rule(Fraction(2, 3), Fraction(51, 100), AT_LEAST), law_rule(5), True),
    (rule(Fraction(3, 5), Fraction(3, 4)), law_rule(5), False),              # lower participation
    (rule(None, Fraction(3, 4)), law_rule(5), False),                        # no participation bound
    (rule(Fraction(4, 5), Fraction(4, 5)), law_rule(7), True),
    (rule(None, None), law_rule(5), False),                                  # decides nothing
])
def test_stricter_means_every_passing_count_passes_the_floor(candidate, floor, stricter):
    assert at_least_as_strict(candidate, floor) is stricter


def test_a_city_rule_laxer_than_the_law_stops_start_up(templates_copy):
    path = templates_copy / ITEMS_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("6: civil_code_278_special", "6: civil_code_278_ordinary"),
                    encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        app_with(templates_copy)
    assert str(path) in str(error.value) and "items.6" in str(error.value), str(error.value)


def test_a_city_may_be_stricter(templates_copy):
    (templates_copy / "rules" / "city.yaml").write_text(
        "rules:\n  - key: city_fund_use\n    title: 本市使用维修资金（四分之三）\n"
        '    participation: {owners: "3/4", area: "3/4", comparison: at_least}\n'
        '    approval: {owners: "3/4", area: "3/4", comparison: at_least}\n', encoding="utf-8")
    path = templates_copy / ITEMS_FILE
    path.write_text(path.read_text(encoding="utf-8").replace(
        "5: civil_code_278_ordinary", "5: city_fund_use"), encoding="utf-8")
    assert app_with(templates_copy).extensions["rule_items"][5].key == "city_fund_use"


@pytest.mark.parametrize("old, new, named", [
    ("civil_code_item: 5", "civil_code_item: 10", "civil_code_item"),
    ("civil_code_item: 5  # 第（五）项：使用维修资金\n", "", "civil_code_item"),
    ("default_rule: civil_code_278_ordinary", "default_rule: simple_majority", "default_rule"),
])
def test_a_template_without_its_item_or_laxer_than_it_stops_start_up(templates_copy, old, new, named):
    path = templates_copy / "fund_use.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        app_with(templates_copy)
    assert str(path) in str(error.value) and named in str(error.value), str(error.value)


def test_every_shipped_template_names_its_item(shipped):
    templates = shipped.extensions["consultation_templates"]
    items = {key: t.civil_code_item for key, t in templates.items()}
    assert items["fund_use"] == 5 and items["fund_raise"] == 6 and items["elevator_consent"] == 7
    assert items["content_vote"] == 9
    for key in ("needs_survey", "evaluation", "willingness_survey", "dispute_resolution"):
        assert items[key] is None
