"""The front door of app.rules: the one module other packages, the pages and the tests import.

A plain list of re-exports. When another package needs a name from this domain, add
it here and import it from here; `.importlinter` (contract `front-doors`, run by
tests/test_layers.py) fails an import that reaches past this module.
"""
from app.rules import (
    all_rules, engine, get_rule, init_app, item_rule, messages, publicity_days, ranking_weights,
)
from app.rules.civil_code import (
    at_least_as_strict, item_label, ITEMS, law_rule, RAISE_FUND, USE_FUND,
)
from app.rules.data import DataFileError, load_file, yaml_files
from app.rules.engine import (
    area_text, AT_LEAST, count_flats, evaluate, FlatVote, holds, missing, MORE_THAN,
    parse_fraction, Rule, rule_view, Tally, Threshold,
)
from app.rules.messages import DECISION_LABELS
from app.rules.presets import load_rules

__all__ = [
    "all_rules", "area_text", "AT_LEAST", "at_least_as_strict", "count_flats", "DataFileError",
    "DECISION_LABELS", "engine", "evaluate", "FlatVote", "get_rule", "holds", "init_app",
    "item_label", "item_rule", "ITEMS", "law_rule", "load_file", "load_rules", "messages",
    "missing", "MORE_THAN", "parse_fraction", "publicity_days", "RAISE_FUND", "ranking_weights", "Rule",
    "rule_view", "Tally", "Threshold", "USE_FUND", "yaml_files",
]
