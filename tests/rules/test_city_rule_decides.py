"""A city's stricter rule decides a real consultation (issue 30, item 8): this city's data
puts 民法典第二百七十八条 item 五 (using the fund) under the special rule. A fund-use vote
made without naming a rule is then decided by it, and naming the law's ordinary rule is
refused. Expectations written from the article: 5 of 8 participants (62.5%) approve, more
than half but under three quarters, so the ordinary rule would pass it and this city's fails it."""
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from app.consultations.api import cast_ballot, close_consultation, create_consultation, results
from app.db import utcnow
from app.errors import InvalidInput
from tests.factories import flats_of, make_consultation, make_owner

SHIPPED = Path(__file__).resolve().parents[2] / "consultation_templates"
ITEMS_FILE = Path("rules") / "items" / "civil_code_278.yaml"


@pytest.fixture(scope="module")
def stricter_city(tmp_path_factory):
    target = tmp_path_factory.mktemp("city") / "templates"
    shutil.copytree(SHIPPED, target)
    items = target / ITEMS_FILE
    text = items.read_text(encoding="utf-8")
    assert "  5: civil_code_278_ordinary" in text
    items.write_text(text.replace("  5: civil_code_278_ordinary", "  5: civil_code_278_special"),
                     encoding="utf-8")
    return target


@pytest.fixture
def config_overrides(stricter_city):
    return {"TEMPLATES_DIR": str(stricter_city)}


def test_a_fund_use_vote_is_decided_by_the_citys_stricter_rule(app, estate, committee):
    c = make_consultation(estate, "fund_use", actor=committee)  # no rule named
    assert c.rule_key == "civil_code_278_special"
    flats = flats_of(estate.id)  # 12 flats of 60 ㎡, one owner each
    for flat, choice in zip(flats, ["agree"] * 5 + ["oppose"] * 3):
        cast_ballot(c, make_owner(flat), flat.id, {"use": choice})
    close_consultation(c, committee.id)
    outcome = results(c).as_dict()
    assert outcome["rule"] == "civil_code_278_special"
    assert outcome["participation"]["owners"] == "8/12" and outcome["participation"]["passed"] is True
    assert outcome["questions"][0]["approval"]["owners"] == "5/8"
    assert outcome["questions"][0]["approval"]["area"] == "300.00/480.00"
    assert outcome["questions"][0]["approval"]["passed"] is False
    assert outcome["decision"] == "failed"


def test_the_citys_rule_refuses_the_laws_laxer_one_for_that_item(app, estate, committee):
    with pytest.raises(InvalidInput) as refused:
        create_consultation(estate.id, template_key="fund_use", actor_id=committee.id,
                            closes_at=utcnow() + timedelta(days=7),
                            rule_key="civil_code_278_ordinary")
    assert "不能用更宽松的规则" in refused.value.fields["rule"]
