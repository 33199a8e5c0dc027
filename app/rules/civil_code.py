"""民法典第二百七十八条: the nine matters owners decide together, and the rule the law sets.

The law's rule for each item is typed here, in code, from the article's text: it is
the floor a city's data may raise and never lower. Items 六–八 (raising the fund,
rebuilding, changing the use of common parts) need the special majority; the others,
using the fund (五) among them, the ordinary one.

A rule is "at least as strict" as another when every ballot count that passes it also
passes the other: each threshold (participation, approval) and each measure (heads,
area) implies the other's. `at_least a` implies `at_least b` when a >= b and implies
`more_than b` when a > b; `more_than a` implies either when a >= b.
"""
from fractions import Fraction
from pathlib import Path

from marshmallow import fields, validate

from app.rules.data import DataFileError, load_file, yaml_files
from app.rules.engine import AT_LEAST, MORE_THAN, Rule, Threshold
from app.schemas import BaseSchema

ITEMS = {
    1: "制定和修改业主大会议事规则",
    2: "制定和修改管理规约",
    3: "选举业主委员会或者更换业主委员会成员",
    4: "选聘和解聘物业服务企业或者其他管理人",
    5: "使用建筑物及其附属设施的维修资金",
    6: "筹集建筑物及其附属设施的维修资金",
    7: "改建、重建建筑物及其附属设施",
    8: "改变共有部分的用途或者利用共有部分从事经营活动",
    9: "有关共有和共同管理权利的其他重大事项",
}
NUMERALS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九"}
USE_FUND, RAISE_FUND, REBUILD, COMMON_PARTS, OTHER = 5, 6, 7, 8, 9
SPECIAL_ITEMS = frozenset({RAISE_FUND, REBUILD, COMMON_PARTS})

_PARTICIPATION = Threshold(Fraction(2, 3), Fraction(2, 3), AT_LEAST)
#: 参与表决 2/3 以上; 同意: 参与表决者 3/4 以上 (items 六–八)
LAW_SPECIAL = Rule("civil_code_278_special", "民法典第二百七十八条（特别多数）", _PARTICIPATION,
                   Threshold(Fraction(3, 4), Fraction(3, 4), AT_LEAST))
#: 参与表决 2/3 以上; 同意: 参与表决者过半数 (the other items)
LAW_ORDINARY = Rule("civil_code_278_ordinary", "民法典第二百七十八条（一般多数）", _PARTICIPATION,
                    Threshold(Fraction(1, 2), Fraction(1, 2), MORE_THAN))


def item_label(item: int | None) -> str | None:
    """'第五项：使用建筑物及其附属设施的维修资金' (None for a consultation deciding nothing)."""
    if item is None:
        return None
    return f"民法典第二百七十八条第（{NUMERALS[item]}）项：{ITEMS[item]}"


def law_rule(item: int) -> Rule:
    """The rule the law itself sets for an item: the floor."""
    return LAW_SPECIAL if item in SPECIAL_ITEMS else LAW_ORDINARY


def _measure_implies(bound: Fraction | None, comparison: str, floor: Fraction | None,
                     floor_comparison: str) -> bool:
    if floor is None:
        return True
    if bound is None:
        return False
    if comparison == AT_LEAST and floor_comparison == MORE_THAN:
        return bound > floor
    return bound >= floor


def _threshold_implies(threshold: Threshold | None, floor: Threshold | None) -> bool:
    if floor is None:
        return True
    if threshold is None:
        return False
    return all(_measure_implies(getattr(threshold, m), threshold.comparison,
                                getattr(floor, m), floor.comparison) for m in ("owners", "area"))


def at_least_as_strict(rule: Rule, floor: Rule) -> bool:
    """Does every count that passes `rule` also pass `floor`? (A rule deciding nothing never does.)"""
    if not rule.decides:
        return False
    return (_threshold_implies(rule.participation, floor.participation)
            and _threshold_implies(rule.approval, floor.approval))


# -- a city's rule per item (data) ------------------------------------------------------------

class ItemRulesSchema(BaseSchema):
    #: item number (1–9) -> the rule key the city decides it by
    items = fields.Dict(keys=fields.Integer(validate=validate.OneOf(list(ITEMS))),
                        values=fields.String(validate=validate.Length(min=1, max=64)),
                        required=True)


def load_item_rules(directory: Path, rules: dict[str, Rule]) -> dict[int, Rule]:
    """The rule of every item: the city's data where it names one, else the law's preset.

    A file naming an unknown rule, or one laxer than the law for that item, stops start-up
    with the file and the item named."""
    chosen: dict[int, Rule] = {}
    for path in yaml_files(directory):
        for item, key in load_file(path, ItemRulesSchema())["items"].items():
            rule = rules.get(key)
            if rule is None:
                raise DataFileError(f"{path}: items.{item}: unknown rule {key!r}")
            if not at_least_as_strict(rule, law_rule(item)):
                raise DataFileError(
                    f"{path}: items.{item}: rule {key!r} is laxer than the law's "
                    f"{law_rule(item).key!r} for Art. 278 item {item}; a city may only be stricter")
            if item in chosen and chosen[item].key != key:
                raise DataFileError(f"{path}: items.{item}: set twice, to different rules")
            chosen[item] = rule
    for item in ITEMS:
        if item not in chosen:
            rule = rules.get(law_rule(item).key)
            if rule is None or not at_least_as_strict(rule, law_rule(item)):
                raise DataFileError(f"{directory}: items.{item}: no rule at least as strict as the law")
            chosen[item] = rule
    return chosen


__all__ = ["ITEMS", "NUMERALS", "SPECIAL_ITEMS", "USE_FUND", "RAISE_FUND", "REBUILD",
           "COMMON_PARTS", "OTHER", "LAW_SPECIAL", "LAW_ORDINARY", "item_label", "law_rule",
           "at_least_as_strict", "load_item_rules"]
