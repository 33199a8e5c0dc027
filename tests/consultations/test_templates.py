"""Templates and rules are data, validated at start-up: a bad file names file and field."""
import shutil
from pathlib import Path

import pytest

from app import create_app
from app.config import TestConfig
from app.rules.api import DataFileError

SHIPPED = Path(__file__).resolve().parents[2] / "consultation_templates"


def app_with(directory):
    return create_app(type("C", (TestConfig,), {"TEMPLATES_DIR": str(directory)}))


@pytest.fixture
def templates_copy(tmp_path):
    target = tmp_path / "templates"
    shutil.copytree(SHIPPED, target)
    return target


def test_shipped_templates_load_with_the_whole_catalogue():
    app = app_with(SHIPPED)
    templates = app.extensions["consultation_templates"]
    items = templates["content_vote"].questions[0]["items"]
    labels = {item["label"] for item in items}
    for label in ("供水", "光纤入户", "架空线规整（入地）", "楼梯等公共部位维修", "拆除违法建设",
                  "加装电梯", "建筑节能改造", "邮政快递末端综合服务站", "周界防护等智能感知设施"):
        assert label in labels
    assert {item["category"] for item in items} == {"basic", "improvement", "enhancement"}
    assert len(items) == len({item["code"] for item in items}) == 41
    elevator = templates["elevator_consent"].questions[0]
    assert elevator["key"] == "install" and [o["key"] for o in elevator["options"]] == \
        ["agree", "oppose", "abstain"]
    assert templates["dispute_resolution"].questions[0]["key"] == "resolution"


@pytest.mark.parametrize("file, old, new, named", [
    ("elevator_consent.yaml", "type: single", "type: dropdown", "questions.0.type"),
    ("elevator_consent.yaml", "version: 1", "version: zero", "version"),
    ("needs_survey.yaml", "max_choices: 5", "max_choices: 0", "questions.0.max_choices"),
    ("evaluation.yaml", "default_rule: none", "default_rule: unanimity", "default_rule"),
    ("willingness_survey.yaml", "question: willing", "question: later", "when.question"),
    ("content_vote.yaml", "catalogue: renovation", "catalogue: nowhere", "items_from.catalogue"),
    ("rules/civil_code.yaml", 'approval: {owners: "3/4"', 'approval: {owners: 0.75', "approval.owners"),
    ("catalogue/renovation.yaml", "code: basic.drainage", "code: basic.water_supply", "categories"),
    ("committee_election.yaml", "options_named_at_creation: candidates",
     "options_named_at_creation: seats", "options_named_at_creation"),
])
def test_a_bad_file_stops_start_up_naming_file_and_field(templates_copy, file, old, new, named):
    path = templates_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        app_with(templates_copy)
    assert str(path) in str(error.value) and named in str(error.value), str(error.value)


def test_a_city_adds_a_template_and_items_without_code(templates_copy):
    (templates_copy / "catalogue" / "city.yaml").write_text(
        "key: city\ntitle: 本市增补\ncategories:\n  - key: local\n    label: 本市特色\n"
        "    items:\n      - {code: local.bike_shed, label: 非机动车棚}\n", encoding="utf-8")
    (templates_copy / "bike_vote.yaml").write_text(
        "key: bike_vote\nversion: 2\nkind: vote\ntitle: 车棚表决\nvoters: owners\n"
        "default_rule: simple_majority\ncivil_code_item: null\nquestions:\n  - key: items\n    type: items\n"
        "    title: 请表态\n    decides: true\n    items_from: {catalogue: city}\n", encoding="utf-8")
    app = app_with(templates_copy)
    template = app.extensions["consultation_templates"]["bike_vote"]
    assert template.version == 2
    assert template.questions[0]["items"][0]["label"] == "非机动车棚"
