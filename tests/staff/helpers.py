"""Helpers shared by the tests of this folder, so no test module imports another."""
from app.consultations.api import cast_ballot, close_consultation
from tests.factories import auth, flats_of, make_consultation, make_estate, make_owner, make_user


def willingness_survey(estate, agree: int, oppose: int):
    survey = make_consultation(estate, "willingness_survey")
    flats = flats_of(estate.id)
    for index, flat in enumerate(flats[:agree + oppose]):
        answers = {"willing": "agree", "contribute": "willing"} if index < agree else {"willing": "oppose"}
        cast_ballot(survey, make_owner(flat), flat.id, answers)
    close_consultation(survey, None)
    return survey
