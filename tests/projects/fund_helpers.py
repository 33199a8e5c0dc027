"""Owners' decisions on the maintenance fund, as tests need them."""
from app.consultations.api import cast_ballot, close_consultation
from tests.factories import make_consultation, make_owner


def fund_decision(estate, committee, flats, agree: int, take_part: int | None = None,
                  template="fund_use", **scope):
    """A closed fund_use/fund_raise vote over `scope` (estate by default): the first `agree`
    flats of `flats` agree, the next ones up to `take_part` oppose."""
    question = {"fund_use": "use", "fund_raise": "raise"}.get(template, "install")
    decision = make_consultation(estate, template, actor=committee, **scope)
    take_part = agree if take_part is None else take_part
    for n, flat in enumerate(flats[:take_part]):
        cast_ballot(decision, make_owner(flat), flat.id,
                    {question: "agree" if n < agree else "abstain"})
    close_consultation(decision, committee.id)
    return decision
