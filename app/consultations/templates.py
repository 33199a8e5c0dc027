"""Consultation templates and item catalogues: data files validated at load time.

Files in `<TEMPLATES_DIR>`: `*.yaml` are templates, `catalogue/*.yaml` are item
catalogues, `rules/*.yaml` are decision rules (app.rules). A template may take its
options or items from a catalogue; they are resolved at load time, and a
consultation keeps a snapshot of its questions, so editing a file later never
changes a running vote.
"""
from dataclasses import dataclass, field
from pathlib import Path

from marshmallow import ValidationError, fields, validate, validates_schema

from app.consultations import messages
from app.consultations.result_kinds import ResultSchema, infer_result, result_problem
from app.consultations.question_types import SCALE_MAX, SCALE_MIN, TYPES
from app.estates.api import TYPES as SCOPE_TYPES
from app.rules.api import ITEMS, at_least_as_strict, law_rule
from app.rules.api import DataFileError, load_file, yaml_files
from app.schemas import BaseSchema

KEY = validate.Regexp(r"^[a-z][a-z0-9_]{0,47}$")
ITEM_CODE = validate.Regexp(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
QUESTION_TYPES = tuple(TYPES)
KINDS = ("survey", "vote", "evaluation")
VOTERS = ("owners", "residents")
SCOPES = SCOPE_TYPES
ITEM_OPTIONS = ("agree", "oppose", "abstain")
APPROVE = "agree"


# -- catalogues ------------------------------------------------------------------------------

class ItemSchema(BaseSchema):
    code = fields.String(required=True, validate=[ITEM_CODE, validate.Length(max=64)])
    label = fields.String(required=True, validate=validate.Length(min=1, max=100))
    #: the item changes a building's facade: historic buildings need a heritage review first
    alters_facade = fields.Boolean(load_default=False)


class CategorySchema(BaseSchema):
    key = fields.String(required=True, validate=KEY)
    label = fields.String(required=True, validate=validate.Length(min=1, max=50))
    items = fields.List(fields.Nested(ItemSchema), required=True, validate=validate.Length(min=1))


class CatalogueSchema(BaseSchema):
    key = fields.String(required=True, validate=KEY)
    title = fields.String(required=True)
    categories = fields.List(fields.Nested(CategorySchema), required=True,
                             validate=validate.Length(min=1))

    @validates_schema
    def _unique(self, data, **kwargs):
        codes = [item["code"] for c in data.get("categories", []) for item in c["items"]]
        duplicated = sorted({code for code in codes if codes.count(code) > 1})
        if duplicated:
            raise ValidationError(f"item codes used twice: {duplicated}", "categories")


class CostSchema(BaseSchema):
    estimated_cost_cents = fields.Integer(strict=True, required=True,
                                          validate=validate.Range(min=0, max=10**13))
    flat_contribution_cents = fields.Integer(strict=True, load_default=0,
                                             validate=validate.Range(min=0, max=10**10))


class CostsSchema(BaseSchema):
    """`costs/<name>.yaml`: estimated costs of a catalogue's items (量力而行)."""

    catalogue = fields.String(required=True, validate=KEY)
    items = fields.Dict(keys=fields.String(validate=ITEM_CODE), values=fields.Nested(CostSchema),
                        required=True)


# -- templates -------------------------------------------------------------------------------

class OptionSchema(BaseSchema):
    key = fields.String(required=True, validate=KEY)
    label = fields.String(required=True, validate=validate.Length(min=1, max=100))


class CatalogueRefSchema(BaseSchema):
    catalogue = fields.String(required=True, validate=KEY)
    categories = fields.List(fields.String(validate=KEY), load_default=None)


class ConditionSchema(BaseSchema):
    question = fields.String(required=True, validate=KEY)
    #: show the question when that answer is (or, for multiple choice, includes) one of these
    in_ = fields.List(fields.String(validate=KEY), data_key="in", required=True,
                      validate=validate.Length(min=1))


class QuestionSchema(BaseSchema):
    key = fields.String(required=True, validate=KEY)
    type = fields.String(required=True, validate=validate.OneOf(QUESTION_TYPES))
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    help = fields.String(load_default=None)
    required = fields.Boolean(load_default=True)
    #: a decision question: its approving option ("agree") is measured against the rule
    decides = fields.Boolean(load_default=False)
    options = fields.List(fields.Nested(OptionSchema), load_default=None)
    options_from = fields.Nested(CatalogueRefSchema, load_default=None)
    items = fields.List(fields.Nested(ItemSchema), load_default=None)
    items_from = fields.Nested(CatalogueRefSchema, load_default=None)
    min_choices = fields.Integer(load_default=None, validate=validate.Range(min=0))
    max_choices = fields.Integer(load_default=None, validate=validate.Range(min=1))
    low_label = fields.String(load_default=None)
    high_label = fields.String(load_default=None)
    max_length = fields.Integer(load_default=500, validate=validate.Range(min=1, max=5000))
    when = fields.Nested(ConditionSchema, load_default=None)

    @validates_schema
    def _by_type(self, data, **kwargs):
        kind = data.get("type")
        question_type = TYPES.get(kind)
        if question_type is None:
            return  # the OneOf above says so
        has_options = data.get("options") is not None or data.get("options_from") is not None
        has_items = data.get("items") is not None or data.get("items_from") is not None
        if question_type.has_options and not has_options:
            raise ValidationError(f"a {kind} question needs options or options_from", "options")
        if not question_type.has_options and has_options:
            raise ValidationError(f"a {kind} question takes no options", "options")
        if question_type.has_items and not has_items:
            raise ValidationError(f"an {kind} question needs items or items_from", "items")
        if not question_type.has_items and has_items:
            raise ValidationError(f"a {kind} question takes no items", "items")
        if kind != "multiple" and (data.get("min_choices") is not None
                                   or data.get("max_choices") is not None):
            raise ValidationError("min_choices/max_choices are for multiple choice", "min_choices")
        if data.get("decides") and not question_type.can_decide:
            raise ValidationError("only single choice or items questions decide", "decides")
        if kind == "single" and data.get("decides") and APPROVE not in [
                o["key"] for o in data.get("options") or []]:
            raise ValidationError(f"a deciding question needs an option {APPROVE!r}", "options")


class TemplateSchema(BaseSchema):
    key = fields.String(required=True, validate=KEY)
    version = fields.Integer(required=True, validate=validate.Range(min=1))
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    title = fields.String(required=True, validate=validate.Length(min=1, max=100))
    description = fields.String(load_default="")
    voters = fields.String(required=True, validate=validate.OneOf(VOTERS))
    default_rule = fields.String(required=True)
    #: the item of 民法典第二百七十八条 it decides (1–9); null: no owners' matter of Art. 278
    civil_code_item = fields.Integer(required=True, allow_none=True,
                                     validate=validate.OneOf(list(ITEMS)))
    default_scope = fields.String(load_default="estate", validate=validate.OneOf(SCOPES))
    questions = fields.List(fields.Nested(QuestionSchema), required=True,
                            validate=validate.Length(min=1))
    #: the question whose options are placeholders, named by whoever creates the vote (the
    #: election's candidates, the companies): the general route cannot create it
    options_named_at_creation = fields.String(load_default=None, validate=KEY)
    #: what the result means (absent: inferred from the deciding questions)
    result = fields.Nested(ResultSchema, load_default=None)

    @validates_schema
    def _result(self, data, **kwargs):
        if data.get("result") is not None and data.get("questions"):
            problem = result_problem(data["result"], data["questions"])
            if problem:
                raise ValidationError(problem, "result")

    @validates_schema
    def _named(self, data, **kwargs):
        key = data.get("options_named_at_creation")
        if key is None:
            return
        question = next((q for q in data.get("questions") or [] if q["key"] == key), None)
        if question is None or question["type"] not in ("single", "multiple"):
            raise ValidationError("must name a single or multiple choice question",
                                  "options_named_at_creation")

    @validates_schema
    def _questions(self, data, **kwargs):
        seen = {}
        for index, question in enumerate(data.get("questions") or []):
            where = f"questions.{index}"
            if question["key"] in seen:
                raise ValidationError(f"{where}.key: {question['key']!r} used twice", "questions")
            condition = question.get("when")
            if condition:
                target = seen.get(condition["question"])
                if target is None:
                    raise ValidationError(
                        f"{where}.when.question: must name an earlier question", "questions")
                if not TYPES[target["type"]].has_options:
                    raise ValidationError(
                        f"{where}.when.question: must be a single or multiple choice", "questions")
                known = {o["key"] for o in target.get("options") or []}
                if target.get("options") is not None and not set(condition["in_"]) <= known:
                    raise ValidationError(f"{where}.when.in: unknown options", "questions")
                if question.get("decides"):
                    raise ValidationError(f"{where}.decides: a deciding question cannot be conditional",
                                          "questions")
            keys = [o["key"] for o in question.get("options") or []]
            if len(keys) != len(set(keys)):
                raise ValidationError(f"{where}.options: keys used twice", "questions")
            seen[question["key"]] = question
        if data.get("voters") == "residents" and any(q.get("decides") for q in data.get("questions") or []):
            raise ValidationError("only owners decide: a residents' survey has no deciding question",
                                  "voters")


# -- the registry ----------------------------------------------------------------------------

@dataclass
class Template:
    key: str
    version: int
    kind: str
    title: str
    description: str
    voters: str
    default_rule: str
    default_scope: str
    civil_code_item: int | None
    #: questions with catalogue references resolved: the snapshot a consultation keeps
    questions: list[dict] = field(default_factory=list)
    path: str = ""
    #: the question whose options the creator names (None: the template's options are final)
    options_named_at_creation: str | None = None
    #: what the result means: {kind, question, satisfied} (see RESULT_KINDS)
    result: dict = field(default_factory=lambda: {"kind": "survey", "question": None,
                                                  "satisfied": None})

    @property
    def result_kind(self) -> str:
        return self.result["kind"]


def _catalogue_items(ref: dict, catalogues: dict, where: str) -> list[dict]:
    catalogue = catalogues.get(ref["catalogue"])
    if catalogue is None:
        raise DataFileError(f"{where}.catalogue: unknown catalogue {ref['catalogue']!r}")
    wanted = ref.get("categories")
    categories = {c["key"]: c for c in catalogue["categories"]}
    if wanted:
        unknown = [key for key in wanted if key not in categories]
        if unknown:
            raise DataFileError(f"{where}.categories: unknown categories {unknown}")
    items = []
    for category in catalogue["categories"]:
        if wanted and category["key"] not in wanted:
            continue
        for item in category["items"]:
            items.append({"code": item["code"], "label": item["label"],
                          "category": category["key"], "category_label": category["label"],
                          "alters_facade": item["alters_facade"],
                          **catalogue.get("costs", {}).get(item["code"], {})})
    return items


def _resolve(question: dict, catalogues: dict, where: str) -> dict:
    """A question as a consultation keeps it: concrete options and items, limits filled in."""
    kind = question["type"]
    out = {"key": question["key"], "type": kind, "title": question["title"],
           "help": question.get("help"), "required": question["required"],
           "decides": question["decides"], "when": None, "options": [], "items": []}
    if question.get("when"):
        out["when"] = {"question": question["when"]["question"], "in": question["when"]["in_"]}
    if kind in ("single", "multiple"):
        if question.get("options") is not None:
            out["options"] = [dict(o) for o in question["options"]]
        else:
            out["options"] = [{"key": i["code"], "label": i["label"]} for i in
                              _catalogue_items(question["options_from"], catalogues,
                                               f"{where}.options_from")]
    if kind == "multiple":
        count = len(out["options"])
        out["min_choices"] = question["min_choices"] if question["min_choices"] is not None else (
            1 if question["required"] else 0)
        out["max_choices"] = min(question["max_choices"] or count, count)
        if out["min_choices"] > out["max_choices"]:
            raise DataFileError(f"{where}.min_choices: larger than max_choices")
    if kind == "scale":
        out["options"] = [{"key": str(n), "label": str(n)} for n in range(SCALE_MIN, SCALE_MAX + 1)]
        out["low_label"], out["high_label"] = question.get("low_label"), question.get("high_label")
    if kind == "text":
        out["max_length"] = question["max_length"]
    if kind == "items":
        out["options"] = [{"key": key, "label": messages.ITEM_OPTION_LABELS[key]}
                          for key in ITEM_OPTIONS]
        if question.get("items") is not None:
            out["items"] = [{"code": i["code"], "label": i["label"], "category": None,
                             "category_label": None} for i in question["items"]]
        else:
            out["items"] = _catalogue_items(question["items_from"], catalogues,
                                            f"{where}.items_from")
        codes = [i["code"] for i in out["items"]]
        if len(codes) != len(set(codes)):
            raise DataFileError(f"{where}.items: item codes used twice")
    return out


def load_catalogues(directory: Path) -> dict[str, dict]:
    catalogues = {}
    for path in yaml_files(directory / "catalogue"):
        catalogue = load_file(path, CatalogueSchema())
        if catalogue["key"] in catalogues:
            raise DataFileError(f"{path}: key: catalogue {catalogue['key']!r} defined twice")
        catalogues[catalogue["key"]] = catalogue
    for path in yaml_files(directory / "costs"):
        costs = load_file(path, CostsSchema())
        catalogue = catalogues.get(costs["catalogue"])
        if catalogue is None:
            raise DataFileError(f"{path}: catalogue: unknown catalogue {costs['catalogue']!r}")
        known = {item["code"] for c in catalogue["categories"] for item in c["items"]}
        unknown = sorted(set(costs["items"]) - known)
        if unknown:
            raise DataFileError(f"{path}: items: codes not in the catalogue {unknown}")
        catalogue.setdefault("costs", {}).update(costs["items"])
    return catalogues


def catalogue_index(directory: Path) -> dict[str, dict]:
    """Every catalogue item of the folder by its code: {code, label, category, alters_facade}."""
    catalogues = load_catalogues(directory)
    return {item["code"]: item for key in catalogues
            for item in _catalogue_items({"catalogue": key}, catalogues, key)}


def load_templates(directory: Path, rules) -> dict[str, Template]:
    """Every template of the folder, validated and resolved; DataFileError names file and field.

    `rules` maps rule keys to rules: a template deciding an Art. 278 item may not default
    to a rule laxer than the law's for that item."""
    catalogues = load_catalogues(directory)
    templates: dict[str, Template] = {}
    for path in yaml_files(directory):
        data = load_file(path, TemplateSchema())
        if data["key"] in templates:
            raise DataFileError(f"{path}: key: template {data['key']!r} defined twice")
        rule = rules.get(data["default_rule"])
        if rule is None:
            raise DataFileError(f"{path}: default_rule: unknown rule {data['default_rule']!r}")
        item = data["civil_code_item"]
        if item is not None and not at_least_as_strict(rule, law_rule(item)):
            raise DataFileError(f"{path}: default_rule: {rule.key!r} is laxer than the law's "
                                f"{law_rule(item).key!r} for Art. 278 item {item}")
        questions = [_resolve(q, catalogues, f"{path}: questions.{i}")
                     for i, q in enumerate(data["questions"])]
        templates[data["key"]] = Template(
            key=data["key"], version=data["version"], kind=data["kind"], title=data["title"],
            description=data["description"], voters=data["voters"],
            default_rule=data["default_rule"], default_scope=data["default_scope"],
            civil_code_item=item,
            questions=questions, path=str(path),
            options_named_at_creation=data["options_named_at_creation"],
            result=data["result"] or infer_result(questions))
    return templates


REQUIRED_TEMPLATES = ("willingness_survey", "needs_survey", "content_vote", "elevator_consent",
                      "dispute_resolution", "evaluation")
