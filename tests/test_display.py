"""One percent rule (app.display.percent) for every page, export and message; no other."""
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from app.display import percent, percent_figure

APP = Path(__file__).resolve().parent.parent / "app"


@pytest.mark.parametrize("value, shown", [
    (Fraction(1, 12), "8.3%"),
    (Fraction(2, 3), "66.7%"),
    (Fraction(1, 16), "6.3%"),  # exactly 6.25: half up (a float's '.1f' printed 6.2)
    (Fraction(1, 8), "12.5%"),
    (Fraction(1, 2000), "0.1%"),  # exactly 0.05 -> 0.1
    (Fraction(1, 2001), "0.0%"),
    ("0.0833", "8.3%"),
    ("0.0625", "6.3%"),
    (0.0625, "6.3%"),  # a float is read as the decimal it prints as
    (Decimal("0.5"), "50.0%"),
    (1, "100.0%"),
    (0, "0.0%"),
    (Fraction(-1, 16), "-6.3%"),  # half away from zero, like Decimal's ROUND_HALF_UP
])
def test_one_rule_exact_half_up_to_one_place(value, shown):
    assert percent(value) == shown
    assert percent_figure(value) == shown[:-1]


def test_nothing_reads_as_nothing():
    assert percent(None) == percent("") == ""


def test_the_percent_rule_agrees_with_decimal_half_up_on_many_shares():
    from decimal import ROUND_HALF_UP

    for denominator in range(1, 241):
        for numerator in range(0, denominator + 1):
            exact = Decimal(numerator * 100) / Decimal(denominator)
            if Fraction(exact) != Fraction(numerator * 100, denominator):
                continue  # Decimal itself rounded the quotient: no exact reference
            expected = exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            assert percent_figure(Fraction(numerator, denominator)) == str(expected)


#: what a second percent formatter looks like: a float printed with a percent sign, or a
#: share times 100 rounded on its own
OTHER_FORMATTERS = re.compile(r"\.1f\}%|\* 100\)\.quantize|round\([^)]*\* 100")


def test_no_other_percent_formatter_in_app():
    found = [f"{path.relative_to(APP)}:{number}"
             for path in APP.rglob("*.py")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if OTHER_FORMATTERS.search(line)]
    assert found == []
