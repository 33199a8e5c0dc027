"""Splitting an amount of money exactly: integer cents, exact fractions, nothing lost.

The largest-remainder method: each share gets the whole cents of its exact quota, and
the cents left over go one each to the largest fractional parts (ties: the larger
weight, then the input order). Used by elevator cost shares and the maintenance fund's
per-flat apportionment (分户账).
"""
from fractions import Fraction


def largest_remainder(amount: int, weights: list[Fraction]) -> list[int]:
    """Split `amount` integer units in proportion to non-negative `weights`, summing exactly.

    Monotone: a larger weight never gets less; equal weights differ by at most one unit.
    """
    if amount < 0:
        raise ValueError("amount must not be negative")
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    total = sum(weights, Fraction(0))
    if amount == 0:
        return [0] * len(weights)
    if total == 0:
        raise ValueError("cannot split a positive amount over zero weights")
    quotas = [Fraction(amount) * w / total for w in weights]
    whole = [q.numerator // q.denominator for q in quotas]
    left = amount - sum(whole)
    order = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - whole[i]), -weights[i], i))
    for i in order[:left]:
        whole[i] += 1
    return whole
