"""Shared set-up for elevator tests: a six-floor stairwell, its committee and owners."""
from datetime import timedelta

from app.db import utcnow
from app.estates.api import Stairwell
from app.extensions import db
from tests.factories import auth, flats_of, make_estate, make_owner, make_user
from app.elevators.api import services
from app.elevators.api import ElevatorProject, StageTransition

COEFFICIENTS = {"1": "0", "2": "0.4", "3": "0.8", "4": "1.2", "5": "1.6", "6": "2"}


class Stairwell6:
    """One stairwell, floors 1-6, two 60 m² flats a floor, each with its own verified owner."""

    def __init__(self):
        self.estate = make_estate()
        self.flats = flats_of(self.estate.id)
        self.stairwell = db.session.get(Stairwell, self.flats[0].stairwell_id)
        self.committee = make_user(roles=[("committee", self.estate.id)])
        self.owners = {flat.id: make_owner(flat) for flat in self.flats}

    def committee_auth(self):
        return auth(self.committee)

    def owner_auth(self, flat):
        return auth(self.owners[flat.id])

    def body(self, **overrides):
        body = {"total_cost_cents": 60_000_000, "subsidy_cents": 20_000_000,
                "floor_coefficients": dict(COEFFICIENTS), "publicity_days": 10,
                "closes_at": (utcnow() + timedelta(days=14)).isoformat()}
        body.update(overrides)
        return body

    def create(self, client, **overrides):
        return client.post(f"/api/v1/stairwells/{self.stairwell.id}/elevator-projects",
                           json=self.body(**overrides), headers=self.committee_auth())

    def vote(self, client, consultation_id, flat, choice):
        answers = {"install": choice}
        if choice == "oppose":
            answers["concerns"] = ["cost"]
        response = client.put(f"/api/v1/consultations/{consultation_id}/ballots/mine",
                              json={"flat_id": flat.id, "answers": answers},
                              headers=self.owner_auth(flat))
        assert response.status_code == 200, response.json
        return response


def create(place, **overrides):
    arguments = dict(total_cost_cents=60_000_000, subsidy_cents=20_000_000,
                     floor_coefficients=dict(COEFFICIENTS), publicity_days=10,
                     closes_at=utcnow() + timedelta(days=14), actor_id=place.committee.id)
    arguments.update(overrides)
    return services.create_project(place.stairwell, **arguments)


def end_publicity(project_id):
    """The publicity period has run its course (time moved, not the rule)."""
    project = db.session.get(ElevatorProject, project_id)
    project.publicity_started_at -= timedelta(days=project.publicity_days)
    db.session.commit()


def close_consent(client, place, consultation_id):
    response = client.post(f"/api/v1/consultations/{consultation_id}/close",
                           headers=place.committee_auth())
    assert response.status_code == 200, response.json
