"""A stairwell with its owners, a renovation project, an elevator whose shares are settled
(协议签署), and owners' decisions, through the real services."""
from datetime import timedelta

from app.consultations.api import close_consultation
from app.db import utcnow
from app.elevators.api import ElevatorProject
from app.elevators.api import services as elevators
from app.estates.api import Stairwell
from app.extensions import db
from app.projects.api import create_project
from tests.factories import agreed_on_paper, auth, flats_of, make_consultation, make_estate, make_owner, make_user

COEFFICIENTS = {"1": "0", "2": "0.4", "3": "0.8", "4": "1.2", "5": "1.6", "6": "2"}


class Place:
    """Floors 1-6, two flats a floor (60 m²; 601 and 602 larger), an owner each, a committee,
    the 2026 renovation, and the first stairwell's elevator at 协议签署. One stairwell unless
    `buildings` says more ((name, stairwells) pairs)."""

    def __init__(self, buildings=(("1号楼", 1),)):
        from decimal import Decimal

        self.estate = make_estate(areas={"601": Decimal("75.50"), "602": Decimal("81.25")}, buildings=buildings)
        self.flats = flats_of(self.estate.id)
        self.committee = make_user(name="李建国", roles=[("committee", self.estate.id)])
        self.owners = {flat.id: make_owner(flat) for flat in self.flats}
        self.project = create_project(self.estate.id, "2026年综合整治", 100_000_000, self.committee.id)
        self.elevator = self.signing_elevator()

    def signing_elevator(self) -> ElevatorProject:
        """The stairwell's elevator at 协议签署: its shares are settled. Put there directly (the
        consent, publicity and their guards are walked in tests/elevators and the browser walk)."""
        from app.elevators.api import Stage

        stairwell = db.session.get(Stairwell, self.flats[0].stairwell_id)
        elevator = elevators.create_project(
            stairwell, total_cost_cents=60_000_001, subsidy_cents=20_000_000,
            floor_coefficients=dict(COEFFICIENTS), publicity_days=10,
            closes_at=utcnow() + timedelta(days=14), actor_id=self.committee.id)
        elevator.stage = Stage.signing
        db.session.commit()
        return elevator

    def decision_from(self, consultation_id: int, answers: dict):
        from app.consultations.api import Consultation

        decision = db.session.get(Consultation, consultation_id)
        agreed_on_paper(decision, self.committee, answers)
        close_consultation(decision, self.committee.id)
        return decision

    def decision(self, template="fund_use", answers=None, **scope):
        """A passed owners' decision (every flat agreed on paper), closed."""
        decision = make_consultation(self.estate, template, actor=self.committee, **scope)
        return self.decision_from(decision.id, answers or {"use": "agree"})

    def auth(self, who=None):
        return auth(who or self.committee)

    def owner_of(self, flat):
        return self.owners[flat.id]


def pay(client, place, charge_id, flat, amount_cents, reference, method="transfer", headers=None, **extra):
    return client.post(f"/api/v1/contribution-charges/{charge_id}/payments", headers=headers or place.auth(), json={
        "flat_id": flat.id, "amount_cents": amount_cents, "method": method,
        "paid_on": str(utcnow().date() - timedelta(days=1)), "reference": reference, **extra})


def add_charge(client, place, **body):
    return client.post(f"/api/v1/projects/{place.project.id}/contribution-charges", headers=place.auth(), json=body)
