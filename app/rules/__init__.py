"""Rules: the decision engine (plain module) and the named presets it applies.

`app.rules.engine` knows nothing of Flask or the database. The presets are data in
`<TEMPLATES_DIR>/rules/`, loaded and validated when the app starts, with the city's 公示
periods (`rules/periods/`, read by `publicity_days`) and the street's ranking weights
(`rules/ranking/`, read by `ranking_weights`); `CITY_TEMPLATES_DIR` shadows single files.
"""
from pathlib import Path

from flask import current_app

from app.rules.engine import Rule


def init_app(app):
    """Load the presets once; consultations call this first as their templates name rules."""
    if "rules" in app.extensions:
        return
    from app.rules.civil_code import load_item_rules
    from app.rules.data import use_city_folder
    from app.rules.periods import load_periods, load_ranking_weights
    from app.rules.presets import check_required, load_rules

    city = app.config["CITY_TEMPLATES_DIR"]
    use_city_folder(Path(app.config["TEMPLATES_DIR"]), Path(city) if city else None)
    directory = Path(app.config["TEMPLATES_DIR"]) / "rules"
    rules = load_rules(directory)
    check_required(rules, directory)
    app.extensions["rules"] = rules
    app.extensions["rule_items"] = load_item_rules(directory / "items", rules)
    app.extensions["publicity_days"] = load_periods(directory / "periods")
    app.extensions["ranking_weights"] = load_ranking_weights(directory / "ranking")


def all_rules() -> dict[str, Rule]:
    return current_app.extensions["rules"]


def get_rule(key: str) -> Rule | None:
    return all_rules().get(key)


def item_rule(item: int) -> Rule:
    """The rule a matter of 民法典第二百七十八条 item `item` is decided by here (city data, never
    laxer than the law)."""
    return current_app.extensions["rule_items"][item]


def publicity_days(period: str) -> int:
    """Days of the city's 公示 period `period` (app.rules.periods.PERIODS), from city data."""
    return current_app.extensions["publicity_days"][period]


def ranking_weights() -> dict[str, int]:
    """Points of each factor of the street's priority ranking (city data)."""
    return current_app.extensions["ranking_weights"]
