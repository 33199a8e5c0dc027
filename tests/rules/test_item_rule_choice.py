"""A committee cannot decide an Art. 278 item under a laxer rule than the item's (issue 20).

Through the API: the consultation keeps the item its template names, defaults to the
item's rule, accepts a stricter rule and refuses a laxer one (422 naming `rule`)."""
from datetime import timedelta

import pytest

from app.db import utcnow
from tests.factories import auth


def create(client, estate, committee, template, rule=None):
    body = {"template": template, "closes_at": (utcnow() + timedelta(days=3)).isoformat(),
            "scope": {"type": "estate"}}
    if rule:
        body["rule"] = rule
    return client.post(f"/api/v1/estates/{estate.id}/consultations", headers=auth(committee),
                       json=body)


@pytest.mark.parametrize("template, item, rule", [
    ("fund_use", 5, "civil_code_278_ordinary"), ("fund_raise", 6, "civil_code_278_special"),
    ("elevator_consent", 7, "civil_code_278_special"), ("content_vote", 9, "civil_code_278_ordinary"),
])
def test_the_item_fixes_the_default_rule(client, estate, committee, template, item, rule):
    created = create(client, estate, committee, template)
    assert created.status_code == 201, created.json
    assert created.json["civil_code_item"] == item and created.json["rule"] == rule
    assert "第二百七十八条" in created.json["civil_code_item_label"]


@pytest.mark.parametrize("template, rule", [
    ("fund_raise", "civil_code_278_ordinary"), ("fund_use", "simple_majority"),
    ("fund_use", "none"), ("elevator_consent", "civil_code_278_ordinary"),
])
def test_a_laxer_rule_is_refused(client, estate, committee, template, rule):
    refused = create(client, estate, committee, template, rule)
    assert refused.status_code == 422
    assert "不能用更宽松的规则" in refused.json["error"]["fields"]["rule"]


def test_a_stricter_rule_is_accepted(client, estate, committee):
    created = create(client, estate, committee, "fund_use", "civil_code_278_special")
    assert created.status_code == 201 and created.json["rule"] == "civil_code_278_special"


def test_a_survey_deciding_no_item_keeps_its_free_choice(client, estate, committee):
    created = create(client, estate, committee, "willingness_survey", "simple_majority")
    assert created.status_code == 201 and created.json["civil_code_item"] is None
