"""量力而行 without the database: the order of approval, its tie-breaks, the cap, the words."""
from decimal import Decimal

from app.consultations.api import within_means, explain_means
from app.consultations.api import Approval, ItemOutcome
from app.rules.api import Tally


def item(code, owners, area, decision="passed"):
    return ItemOutcome(code, code, "basic", (), Approval(Tally(owners, Decimal(area)), True, decision))


QUESTION = {"items": [
    {"code": "a", "estimated_cost_cents": 50_00}, {"code": "b", "estimated_cost_cents": 30_00},
    {"code": "c", "estimated_cost_cents": 30_00, "flat_contribution_cents": 5_00},
    {"code": "d"}, {"code": "e", "estimated_cost_cents": 10_00}]}


def test_heads_first_then_area_then_catalogue_order():
    items = [item("a", 8, "400.00"), item("b", 9, "300.00"), item("c", 9, "450.50"),
             item("d", 9, "450.50"), item("e", 3, "10.00", "failed")]
    means = within_means(None, QUESTION, items)
    assert [i.code for i in means.items] == ["c", "d", "b", "a"]  # e failed: not listed
    assert all(i.included for i in means.items) and means.total_cents == 110_00


def test_the_cap_skips_what_does_not_fit_and_keeps_cheaper_ones_after_it():
    items = [item("a", 10, "1"), item("b", 9, "1"), item("c", 8, "1"), item("d", 7, "1"),
             item("e", 6, "1")]
    means = within_means(70_00, QUESTION, items)
    assert [(i.code, i.verdict, i.remaining_cents) for i in means.items] == [
        ("a", "included", 70_00), ("b", "over_cap", 20_00), ("c", "over_cap", 20_00),
        ("d", "no_estimate", 20_00), ("e", "included", 20_00)]
    assert means.total_cents == 60_00 and means.flat_total_cents == 0
    text = explain_means(means)
    assert text.startswith("预算上限 70.00 元。按同意程度依次纳入 2 项：a（50.00 元）、e（10.00 元），估算合计 60.00 元，余 10.00 元。")
    assert "“b”虽已通过，但估算 30.00 元，超过剩余预算 20.00 元，本次不纳入。" in text
    assert "“d”虽已通过，但没有估算费用，本次不纳入。" in text


def test_a_cap_that_fits_exactly_includes_the_item():
    means = within_means(50_00, QUESTION, [item("a", 5, "1")])
    assert means.included[0].code == "a" and means.total_cents == 50_00
