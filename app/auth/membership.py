"""What auth needs to know about estates, answered by the estates package.

auth sits below estates in the layers: estates use auth's users, roles and access
checks. The three facts auth needs back (does an estate exist, does a user hold a
verified flat there, which flat claims a user has, for /me) are asked through this
port, which `app.estates` fills when the app starts (`provide`), so auth never
imports estates.
"""
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class EstateFacts:
    #: estate_id -> whether that estate exists
    exists: Callable[[int], bool]
    #: (user_id, estate_id) -> whether the user holds a verified flat there
    lives_in: Callable[[int, int], bool]
    #: user_id -> the user's flat claims (pending, verified, rejected), oldest first
    flat_claims: Callable[[int], Sequence]


_provided: EstateFacts | None = None


def provide(facts: EstateFacts) -> None:
    global _provided
    _provided = facts


def estates() -> EstateFacts:
    if _provided is None:
        raise RuntimeError("app.estates has not been set up: build the app with create_app()")
    return _provided
