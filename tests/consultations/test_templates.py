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


def test_every_shipped_template_says_what_its_result_means():
    templates = app_with(SHIPPED).extensions["consultation_templates"]
    kinds = {key: t.result_kind for key, t in templates.items()}
    assert {kinds[k] for k in ("committee_election", "management_model", "property_company")} == {"choice"}
    assert kinds["content_vote"] == "content_vote"
    assert kinds["evaluation"] == kinds["property_rating"] == "satisfaction"
    assert kinds["elevator_consent"] == kinds["dispute_resolution"] == "decision"
    assert kinds["willingness_survey"] == kinds["needs_survey"] == "survey"
    assert templates["management_model"].result["question"] == "model"
    assert templates["evaluation"].result == {"kind": "satisfaction", "question": "overall",
                                              "satisfied": ["4", "5"]}
    for path in SHIPPED.glob("*.yaml"):  # declared in every file, never left to inference
        assert "\nresult: {kind: " in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("file, old, new, named", [
    ("management_model.yaml", "{kind: choice, question: model}", "{kind: choice, question: nothing}",
     "result.question"),
    ("needs_survey.yaml", "{kind: survey}", "{kind: content_vote}", "result.kind"),
    ("willingness_survey.yaml", "{kind: survey}", "{kind: tally}", "result.kind"),
    ("needs_survey.yaml", "{kind: survey}", "{kind: choice}", "result.question"),
])
def test_a_result_that_does_not_fit_stops_start_up(templates_copy, file, old, new, named):
    path = templates_copy / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        app_with(templates_copy)
    assert str(path) in str(error.value) and named in str(error.value), str(error.value)


def test_a_template_without_a_result_has_it_inferred_from_its_questions(templates_copy):
    for file in ("content_vote.yaml", "elevator_consent.yaml", "needs_survey.yaml"):
        path = templates_copy / file
        text = path.read_text(encoding="utf-8")
        path.write_text("\n".join(line for line in text.splitlines()
                                  if not line.startswith("result:")), encoding="utf-8")
    templates = app_with(templates_copy).extensions["consultation_templates"]
    assert [templates[k].result_kind for k in ("content_vote", "elevator_consent", "needs_survey")] == \
        ["content_vote", "decision", "survey"]
