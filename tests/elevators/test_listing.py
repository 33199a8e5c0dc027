"""Which projects a person finds, their flats in the stairwell, and each flat's stance."""
import pytest

from app.consultations.api import Consultation
from app.consultations.api import cast_ballot
from app.elevators.api import consent, services
from app.extensions import db
from tests.elevators.helpers import Stairwell6
from tests.elevators.helpers import create
from tests.factories import flats_of, link, make_estate, make_user


@pytest.fixture
def place(app):
    return Stairwell6()


def test_projects_for_a_user_are_those_of_their_verified_stairwells(place):
    project = create(place)
    owner = place.owners[place.flats[3].id]
    assert services.projects_for_user(owner.id) == [project]
    pending = make_user()
    link(pending, place.flats[4], "tenant", status="pending")
    assert services.projects_for_user(pending.id) == []
    elsewhere = make_user()
    link(elsewhere, flats_of(make_estate(name="别的小区").id)[0])
    assert services.projects_for_user(elsewhere.id) == []
    assert services.projects_of_estate(place.estate.id) == [project]


def test_my_flats_lists_verified_links_in_the_stairwell_only(place):
    project = create(place)
    user = place.owners[place.flats[0].id]
    link(user, place.flats[5], "family")
    mine = services.my_flats(user.id, project)
    assert [(flat.id, flat_link.relation.value) for flat, flat_link in mine] == [
        (place.flats[0].id, "owner"), (place.flats[5].id, "family")]


def test_stances_are_the_current_answers_of_voted_flats(place):
    project = create(place)
    round_ = db.session.get(Consultation, project.consultation_id)
    first, second = place.flats[2], place.flats[3]
    cast_ballot(round_, place.owners[first.id], first.id, {"install": "oppose", "concerns": ["cost"]})
    cast_ballot(round_, place.owners[second.id], second.id, {"install": "abstain"})
    cast_ballot(round_, place.owners[first.id], first.id, {"install": "agree"})  # changed mind
    assert consent.stances(project.consultation_id) == {first.id: "agree", second.id: "abstain"}
    assert consent.stances(None) == {}
